/**
 * Paths through the REAL conversation, generated in Node from the compiled
 * flows and the real XState machine: a breadth-first search from an audience's
 * start over what the panel offers on each screen (the answer buttons, or the
 * council buttons where the area is asked). Each path is the list of button
 * labels to click, in order, so the browser can follow it by visible text.
 */
import { createActor, getNextSnapshot } from 'xstate';
import { checkAndCompile } from '../../src/content/compile.js';
import { matches } from '../../src/engine/conditions.js';
import type { Audience, Content, NodeKey, Text } from '../../src/engine/data.js';
import { screenOf as engineScreen } from '../../src/engine/screen.js';
import { areaAnswers, createChatMachine, currentNode, type ChatEvent, type ChatSnapshot } from '../../src/engine/machine.js';

export const content = checkAndCompile('flows').content as Content;
export const machine = createChatMachine(content);

const branches = Object.values(content.nodes).filter((n) => n.type === 'branch');

export const text = (t: Text): string => (typeof t === 'string' ? t : (t.en ?? ''));
export const str = (key: string): string => text(content.strings[key]!);

/** A button to press: its visible text, and which of the buttons with that text (0 = first). */
export interface Step {
  label: string;
  nth: number;
  event: ChatEvent;
}

export interface Screen {
  node: NodeKey;
  /** The area is asked on this screen (council buttons instead of the node's answers). */
  asksArea: boolean;
  /** Every answer button the panel shows on this screen, in order (without Back / Start again). */
  labels: string[];
  steps: Step[];
}

/** Every area answer the panel offers, in order: the 13 councils, then not sure / outside / prefer not to say. */
export const areaIds = [...content.councils.map((c) => c.id), ...areaAnswers];

/** The panel's answers on a snapshot's screen (the engine's screenOf), as buttons to press, without Back / Start again. */
export function screenOf(s: ChatSnapshot, areaPick = 0): Screen {
  const screen = engineScreen(content, s.context);
  const asksArea = screen.search === 'area';
  const raw = screen.answers.filter((a) => a.event.type === 'CHOOSE' || a.event.type === 'SET_AREA').map((a) => ({ label: text(a.label), event: a.event }));
  const seen = new Map<string, number>();
  const steps = raw.map((r) => {
    const nth = seen.get(r.label) ?? 0;
    seen.set(r.label, nth + 1);
    return { ...r, nth };
  });
  // Where the area is asked only one answer is followed, rotating through all of them across paths.
  return { node: screen.node, asksArea, labels: raw.map((r) => r.label), steps: asksArea ? [steps[areaPick % steps.length]!] : steps };
}

const rotate = <T>(list: T[], n: number): T[] => list.map((_, i) => list[(i + n) % list.length]!);

export interface Path {
  audience: Audience;
  steps: Step[];
  /** The screen the path ends on. */
  end: Screen;
  /** Nodes shown along the path (including the start). */
  nodes: NodeKey[];
}

export function initial(audience: Audience, area: string | null = null): ChatSnapshot {
  const actor = createActor(machine, { input: { audience, area } });
  actor.start();
  const s = actor.getSnapshot();
  actor.stop();
  return s;
}

/**
 * Breadth-first over screens (node + whether the area is known). Each screen
 * is reached once, by the shortest path; the paths returned are the leaves of
 * that tree, so together they show every reachable node with no path a
 * prefix of another.
 */
export function generatePaths(audience: Audience, area: string | null = null): { paths: Path[]; nodes: Set<NodeKey> } {
  // Two snapshots lead to the same places when they are on the same node, agree on whether the
  // area is known, and would take the same route at every branch (the safety check's answers).
  const key = (s: ChatSnapshot) => `${currentNode(s)}|${s.context.area === null ? '-' : 'a'}|${branches.map((b) => b.routes.findIndex((r) => matches(r.when, s.context.answers))).join(',')}`;
  type Vertex = { snap: ChatSnapshot; steps: Step[]; nodes: NodeKey[]; children: number };
  const start = initial(audience, area);
  const seen = new Map<string, Vertex>();
  const root: Vertex = { snap: start, steps: [], nodes: [currentNode(start)], children: 0 };
  seen.set(key(start), root);
  const queue = [root];
  let areaPick = 10; // start with Thanet, then rotate
  let stepTurn = 0;
  while (queue.length) {
    const v = queue.shift()!;
    const screen = screenOf(v.snap, areaPick);
    if (screen.asksArea) areaPick++;
    // A plan step's three answers all lead to the same node, so only the first one tried makes a
    // path: rotate which goes first so that plans get kept, done and skipped steps.
    const options = content.nodes[screen.node]!.type === 'step' ? rotate(screen.steps, stepTurn++) : screen.steps;
    for (const step of options) {
      const next = getNextSnapshot(machine, v.snap, step.event);
      const k = key(next);
      if (seen.has(k)) continue;
      const child: Vertex = { snap: next, steps: [...v.steps, step], nodes: [...v.nodes, currentNode(next)], children: 0 };
      v.children++;
      seen.set(k, child);
      queue.push(child);
    }
  }
  const leaves = [...seen.values()].filter((v) => v.children === 0);
  const nodes = new Set<NodeKey>([...seen.values()].map((v) => currentNode(v.snap)));
  return { paths: leaves.map((v) => ({ audience, steps: v.steps, end: screenOf(v.snap), nodes: v.nodes })), nodes };
}

/**
 * The shortest way (in clicks) through each of `goals` in turn, starting from
 * an audience's start. At plan steps only "Add to my plan" is taken, so a
 * route that passes steps ends with a plan that has them.
 */
export function route(audience: Audience, goals: NodeKey[], area: string | null = null): { steps: Step[]; end: Screen } {
  let snap = initial(audience, area);
  const steps: Step[] = [];
  for (const goal of goals) {
    const seen = new Set<string>();
    const queue: { snap: ChatSnapshot; steps: Step[] }[] = [{ snap, steps: [] }];
    let found: { snap: ChatSnapshot; steps: Step[] } | undefined;
    while (queue.length && !found) {
      const v = queue.shift()!;
      if (currentNode(v.snap) === goal) {
        found = v;
        break;
      }
      const screen = screenOf(v.snap, 10);
      const options = content.nodes[screen.node]!.type === 'step' ? screen.steps.slice(0, 1) : screen.steps;
      for (const step of options) {
        const next = getNextSnapshot(machine, v.snap, step.event);
        const k = `${currentNode(next)}|${next.context.area}|${JSON.stringify(next.context.answers)}`;
        if (seen.has(k)) continue;
        seen.add(k);
        queue.push({ snap: next, steps: [...v.steps, step] });
      }
    }
    if (!found) throw new Error(`no route to ${goal}`);
    steps.push(...found.steps);
    snap = found.snap;
  }
  return { steps, end: screenOf(snap) };
}

export function firstOfType(type: string, flow?: string): NodeKey | undefined {
  return Object.keys(content.nodes).find((k) => content.nodes[k]!.type === type && (!flow || k.startsWith(`${flow}/`)));
}
