/**
 * Model-based tests over the shipped flows with @xstate/graph: traverse the
 * real machine, visit every node and every transition, and check from every
 * state that Start again and support are reachable.
 */
import { getAdjacencyMap, getShortestPaths } from '@xstate/graph';
import { createActor, getNextSnapshot } from 'xstate';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkAndCompile, nextOf } from '../../src/content/compile.js';
import { matches } from '../../src/engine/conditions.js';
import type { Audience, Content, NodeKey } from '../../src/engine/data.js';
import { choicesOf, createChatMachine, currentNode, type ChatEvent, type ChatSnapshot } from '../../src/engine/machine.js';
import { flowsDir } from './live-content.js';

const content = checkAndCompile(flowsDir).content as Content;
const machine = createChatMachine(content);
const branches = Object.entries(content.nodes).filter(([, n]) => n.type === 'branch');

/**
 * Two snapshots behave the same from here on when they are on the same node,
 * came from the same node (for Back), agree on whether the area is known, and
 * would take the same route at every branch. The transcript is left out: it
 * only grows, and never changes where the conversation can go.
 */
function serialize(s: ChatSnapshot): string {
  const { trail, area, answers } = s.context;
  const routes = branches.map(([, b]) => (b.type === 'branch' ? b.routes.findIndex((r) => matches(r.when, answers)) : 0)).join('');
  return `${currentNode(s)}|${trail.at(-1) ?? ''}|${area === null ? 'no-area' : 'area'}|${routes}`;
}

function events(s: ChatSnapshot): ChatEvent[] {
  const node = content.nodes[currentNode(s)];
  const out: ChatEvent[] = [];
  if (node && (node.type === 'area' || node.type === 'services') && s.context.area === null) out.push({ type: 'SET_AREA', area: 'medway' });
  else if (node) choicesOf(content, node).forEach((_, index) => out.push({ type: 'CHOOSE', index }));
  if (s.context.trail.length) out.push({ type: 'BACK' });
  return out;
}

for (const audience of ['general', 'young-people'] as Audience[]) {
  describe(`every state and transition of the shipped flows (audience ${audience})`, () => {
    let map: Record<string, { state: ChatSnapshot; transitions: Record<string, { event: ChatEvent; state: ChatSnapshot }> }>;
    const visitedNodes = new Set<NodeKey>();
    const chooseEdges = new Set<string>();
    const backEdges = new Set<string>();
    const routeTargets = new Set<string>();

    beforeAll(() => {
      map = getAdjacencyMap(machine as never, { events: events as never, serializeState: serialize as never, input: { audience, area: null } as never, limit: 2_000_000 }) as never;
      for (const vertex of Object.values(map)) {
        const from = currentNode(vertex.state);
        visitedNodes.add(from);
        for (const { event, state } of Object.values(vertex.transitions)) {
          const to = currentNode(state);
          if (event.type === 'CHOOSE') {
            chooseEdges.add(`${from}#${event.index}`);
            const next = choicesOf(content, content.nodes[from]!)[event.index]!.next;
            if (content.nodes[next]?.type === 'branch') routeTargets.add(`${next}>${to}`);
          }
          if (event.type === 'BACK') backEdges.add(`${from}<${to}`);
        }
      }
    });

    // Everything the person can reach from this audience's start.
    const reachable = (() => {
      const seen = new Set<NodeKey>([content.starts[audience]]);
      const queue = [content.starts[audience]];
      while (queue.length) for (const n of nextOf(content.nodes[queue.shift()!]!)) if (!seen.has(n)) seen.add(n), queue.push(n);
      return seen;
    })();
    const restingNodes = [...reachable].filter((k) => content.nodes[k]!.type !== 'branch');

    it('visits every node', () => {
      expect(restingNodes.filter((k) => !visitedNodes.has(k))).toEqual([]);
      console.log(`[graph ${audience}] ${visitedNodes.size} of ${restingNodes.length} nodes, ${Object.keys(map).length} distinct states traversed`);
    });

    it('takes every answer of every node', () => {
      const all = restingNodes.flatMap((k) => choicesOf(content, content.nodes[k]!).map((_, i) => `${k}#${i}`));
      expect(all.filter((e) => !chooseEdges.has(e))).toEqual([]);
      console.log(`[graph ${audience}] ${chooseEdges.size} of ${all.length} answer transitions`);
    });

    it('takes every route of every branch', () => {
      // Where a route's target is itself a branch, follow it to where the person lands.
      const landings = (k: NodeKey, seen = new Set<NodeKey>()): NodeKey[] => {
        const n = content.nodes[k]!;
        if (n.type !== 'branch' || seen.has(k)) return [k];
        seen.add(k);
        return [...n.routes.map((r) => r.next), n.otherwise].flatMap((t) => landings(t, seen));
      };
      const entered = new Set([...routeTargets].map((e) => e.split('>')[0]!));
      const missing: string[] = [];
      for (const b of entered) for (const t of landings(b)) if (!routeTargets.has(`${b}>${t}`)) missing.push(`${b}>${t}`);
      expect(missing).toEqual([]);
      console.log(`[graph ${audience}] ${routeTargets.size} branch routes`);
    });

    it('goes Back from every node to every node it can be reached from', () => {
      const expected = new Set<string>();
      for (const vertex of Object.values(map)) {
        const from = vertex.state.context.trail.at(-1);
        if (from) expected.add(`${currentNode(vertex.state)}<${from}`);
      }
      expect([...expected].filter((e) => !backEdges.has(e))).toEqual([]);
      console.log(`[graph ${audience}] ${backEdges.size} back transitions`);
    });

    it('from every state, RESTART leads to the start and forgets everything the person gave', () => {
      for (const vertex of Object.values(map)) {
        const after = getNextSnapshot(machine, vertex.state, { type: 'RESTART' });
        expect(currentNode(after)).toBe(content.starts[audience]);
        expect(after.context).toMatchObject({ answers: {}, trail: [], plan: [], more: [], area: null });
        expect(after.context.log).toHaveLength(1);
      }
    });

    it('from every node, a services node can be reached', () => {
      for (const k of restingNodes) {
        const seen = new Set([k]);
        const queue = [k];
        let found = false;
        while (queue.length && !found) {
          const n = content.nodes[queue.shift()!]!;
          if (n.type === 'services') found = true;
          for (const t of nextOf(n)) if (!seen.has(t)) seen.add(t), queue.push(t);
        }
        expect(found, k).toBe(true);
      }
    });

    it('replays the shortest path to every node on a fresh actor', () => {
      const paths = getShortestPaths(machine as never, { events: events as never, serializeState: ((s: ChatSnapshot) => currentNode(s)) as never, input: { audience, area: null } as never });
      for (const path of paths as unknown as { state: ChatSnapshot; steps: { event: ChatEvent }[] }[]) {
        const actor = createActor(machine, { input: { audience, area: null } }).start();
        for (const step of path.steps) actor.send(step.event);
        expect(currentNode(actor.getSnapshot())).toBe(currentNode(path.state));
        actor.stop();
      }
    });
  });
}
