import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import type { Content } from '../../src/engine/data.js';
import { choicesOf, createChatMachine, currentNode, type ChatInput } from '../../src/engine/machine.js';
import { checkAndCompile } from '../../src/content/compile.js';
import { compileFixture } from './fixture.js';
import { flowsDir } from './live-content.js';

const content = compileFixture().content as Content;

function start(input: ChatInput = {}) {
  const actor = createActor(createChatMachine(content), { input });
  actor.start();
  const at = () => currentNode(actor.getSnapshot());
  const ctx = () => actor.getSnapshot().context;
  /** Pick the answer with this label on the current node. */
  const pick = (label: string) => {
    const index = choicesOf(content, content.nodes[at()]!).findIndex((c) => c.label === label);
    if (index < 0) throw new Error(`no answer "${label}" at ${at()}`);
    actor.send({ type: 'CHOOSE', index });
  };
  return { actor, at, ctx, pick };
}

describe('the conversation machine', () => {
  it('starts at the audience start with the welcome in the transcript', () => {
    const { at, ctx } = start();
    expect(at()).toBe('demo/start');
    expect(ctx().log).toEqual([{ id: 0, by: 'bot', node: 'demo/start' }]);
  });

  it('advances on an answer and records it as a reference to content, not free text', () => {
    const { at, ctx, pick } = start({ area: 'thanet' });
    pick('Find support');
    expect(at()).toBe('demo/support');
    expect(ctx().log.map((e) => e.by)).toEqual(['bot', 'you', 'bot']);
    expect(ctx().trail).toEqual(['demo/start']);
  });

  it('ignores an answer index that does not exist, and Back with nowhere to go back to', () => {
    const { actor, at, ctx } = start();
    for (const index of [99, -1, 1.5, Number.NaN]) actor.send({ type: 'CHOOSE', index });
    actor.send({ type: 'BACK' });
    expect(at()).toBe('demo/start');
    expect(ctx().log).toHaveLength(1);
  });

  it('goes back to the node the person came from', () => {
    const { actor, at, ctx, pick } = start();
    pick('Find support');
    actor.send({ type: 'BACK' });
    expect(at()).toBe('demo/start');
    expect(ctx().trail).toEqual([]);
  });

  it('RESTART starts again and keeps no hidden area: the partner\'s area stays, the one the person gave goes', () => {
    const { actor, at, ctx, pick } = start();
    pick('Find support');
    actor.send({ type: 'SET_AREA', area: 'medway' });
    actor.send({ type: 'RESTART' });
    expect(at()).toBe('demo/start');
    expect(ctx().area).toBe(null);
    expect(ctx().log).toHaveLength(1);
    const preset = start({ area: 'thanet' });
    preset.pick('Find support');
    preset.actor.send({ type: 'SET_AREA', area: 'medway' });
    preset.actor.send({ type: 'RESTART' });
    expect(preset.ctx().area).toBe('thanet');
  });

  it('CHANGE_AREA on a services screen asks the area again; the next answer is logged for that screen', () => {
    const { actor, at, ctx, pick } = start({ area: 'thanet' });
    pick('Find support');
    const node = at();
    actor.send({ type: 'CHANGE_AREA' });
    expect(ctx().area).toBe(null);
    expect(at()).toBe(node);
    actor.send({ type: 'SET_AREA', area: 'dover' });
    expect(ctx().log.at(-1)).toMatchObject({ by: 'you', area: 'dover', for: node });
  });

  it('SHOW_MORE records the list the person opened, once, and only for an entry in the log', () => {
    const { actor, ctx, pick } = start({ area: 'thanet' });
    pick('Find support');
    const entry = ctx().log.at(-1)!.id;
    actor.send({ type: 'SHOW_MORE', entry });
    actor.send({ type: 'SHOW_MORE', entry });
    actor.send({ type: 'SHOW_MORE', entry: 999 });
    expect(ctx().more).toEqual([entry]);
    actor.send({ type: 'RESTART' });
    expect(ctx().more).toEqual([]);
  });

  it('RESTART forgets everything but the partner\'s settings (a wipe is a fresh actor: nothing at all is kept)', () => {
    const { actor, at, ctx, pick } = start({ area: 'thanet' });
    pick('Find support');
    actor.send({ type: 'SET_AREA', area: 'medway' });
    actor.send({ type: 'RESTART' });
    expect(at()).toBe('demo/start');
    expect(ctx()).toMatchObject({ area: 'thanet', trail: [], answers: {}, plan: [], more: [] });
    expect(ctx().log).toHaveLength(1);
  });

  it('keeps question answers in memory until the outcome, then forgets them and collapses the check', () => {
    const { at, ctx, pick } = start();
    pick('Take the check');
    pick('Start');
    pick('No');
    expect(at()).toBe('check/q-choke');
    expect(ctx().answers).toEqual({ danger: 'no' });
    pick('Yes');
    expect(at()).toBe('check/serious');
    expect(ctx().answers).toEqual({});
    const log = ctx().log;
    expect(log.filter((e) => e.by === 'note')).toHaveLength(1);
    // Only the outcome itself is still shown from the check.
    expect(log.filter((e) => e.private)).toEqual([expect.objectContaining({ by: 'bot', node: 'check/serious' })]);
  });

  it('routes "danger now" straight to the emergency outcome, also for "not sure"', () => {
    for (const answer of ['Yes', 'Not sure']) {
      const { at, pick } = start();
      pick('Take the check');
      pick('Start');
      pick(answer);
      expect(at()).toBe('check/now');
    }
  });

  it('skip records nothing; the general outcome is reached', () => {
    const { at, ctx, pick } = start();
    pick('Take the check');
    pick('Start');
    pick('Skip this question');
    expect(ctx().answers).toEqual({});
    pick('Skip this question');
    expect(at()).toBe('check/general');
  });

  it('forgets answers when the person leaves the check part-way', () => {
    const { at, ctx, pick } = start();
    pick('Take the check');
    pick('Start');
    pick('No');
    pick('Stop the check');
    expect(at()).toBe('demo/start');
    expect(ctx().answers).toEqual({});
    expect(ctx().log.some((e) => e.private)).toBe(false);
    expect(ctx().log.some((e) => e.by === 'note')).toBe(true);
  });

  it('sets the area from SET_AREA and logs it', () => {
    const { actor, ctx } = start();
    actor.send({ type: 'SET_AREA', area: 'dover' });
    expect(ctx().area).toBe('dover');
    expect(ctx().log.at(-1)).toMatchObject({ by: 'you', area: 'dover' });
  });
});

describe('the topic finder in the shipped flows', () => {
  const shipped = checkAndCompile(flowsDir).content as Content;
  const finder = Object.keys(shipped.nodes).find((k) => shipped.nodes[k]!.type === 'finder')!;
  const topic = shipped.topics[0]!;
  /** An actor on the finder node, reached by answers from the start (breadth first). */
  function atFinder() {
    const actor = createActor(createChatMachine(shipped), { input: {} });
    actor.start();
    const way = new Map<string, number[]>([[currentNode(actor.getSnapshot()), []]]);
    const queue = [currentNode(actor.getSnapshot())];
    while (!way.has(finder) && queue.length) {
      const key = queue.shift()!;
      choicesOf(shipped, shipped.nodes[key]!).forEach((c, i) => {
        if (!way.has(c.next) && shipped.nodes[c.next]!.type !== 'branch') {
          way.set(c.next, [...way.get(key)!, i]);
          queue.push(c.next);
        }
      });
    }
    for (const index of way.get(finder)!) actor.send({ type: 'CHOOSE', index });
    expect(currentNode(actor.getSnapshot())).toBe(finder);
    return actor;
  }

  it('goes to a topic the person found, records its title, and Back returns to the finder', () => {
    const actor = atFinder();
    actor.send({ type: 'GO', node: topic.node });
    expect(currentNode(actor.getSnapshot())).toBe(topic.node);
    expect(actor.getSnapshot().context.log.at(-2)).toMatchObject({ by: 'you', label: topic.title });
    actor.send({ type: 'BACK' });
    expect(currentNode(actor.getSnapshot())).toBe(finder);
  });

  it('ignores a node that is not a topic, and topics sent from anywhere but the finder', () => {
    const actor = atFinder();
    const notTopic = Object.keys(shipped.nodes).find((k) => !shipped.topics.some((t) => t.node === k) && shipped.nodes[k]!.type !== 'branch')!;
    actor.send({ type: 'GO', node: notTopic });
    expect(currentNode(actor.getSnapshot())).toBe(finder);
    actor.send({ type: 'GO', node: topic.node });
    actor.send({ type: 'GO', node: shipped.topics[1]!.node });
    expect(currentNode(actor.getSnapshot())).toBe(topic.node);
  });
});
