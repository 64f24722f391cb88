/**
 * Walks a private check (the adults' safety check, the young people's) through the real compiled
 * machine, as a person answers it: from the audience's welcome into the check, one answer per
 * question, until it leaves the questions. Shared by safety-check.test.ts and young-check.test.ts.
 */
import { expect } from 'vitest';
import { createActor } from 'xstate';
import type { Audience, AnswerValue, ChatNode, Content, NodeKey, Text } from '../../src/engine/data.js';
import type { QuestionNode } from '../../src/nodes/index.js';
import { currentNode, choicesOf, createChatMachine, type ChatActor, type ChatSnapshot } from '../../src/engine/machine.js';

export type Answer = AnswerValue | 'skip';
export type Answers = Record<string, Answer>;

export const texts = (t: Text): string[] => (typeof t === 'string' ? [t] : Object.values(t));

/** Every word a screen shows: its messages and its answers. */
export function nodeTexts(content: Content, node: ChatNode): string[] {
  const say = 'say' in node ? node.say.flatMap(texts) : [];
  return [...say, ...choicesOf(content, node).flatMap((c) => texts(c.label))];
}

export interface Walk {
  actor: ChatActor;
  snapshot: ChatSnapshot;
  /** The question keys in the order asked (and the names `other` gave for other screens). */
  asked: string[];
  at: NodeKey;
}

export function checkWalker(
  content: Content,
  opts: {
    audience: Audience;
    area: string | null;
    start: NodeKey;
    /** A screen of the check that is not a question (who it is about): its name and the answer to pick, or undefined to stop walking. */
    other?: (key: NodeKey) => { name: string; index: number } | undefined;
  },
) {
  const machine = createChatMachine(content);
  const node = (key: NodeKey) => content.nodes[key]!;
  let paths = 0;

  function answerIndex(q: QuestionNode, a: Answer): number {
    const choices = choicesOf(content, q);
    const i = a === 'skip' ? choices.findIndex((c) => c.value === undefined && c.next === q.next) : choices.findIndex((c) => c.value === a);
    expect(i, `question ${q.key} offers "${a}"`).toBeGreaterThanOrEqual(0);
    return i;
  }

  /** Welcome → "Check my safety" → "Start the check": the actor is on the first question. */
  function begin(): ChatActor {
    const actor = createActor(machine, { input: { audience: opts.audience, area: opts.area } }).start();
    const welcome = currentNode(actor.getSnapshot());
    expect(welcome).toBe(content.starts[opts.audience]);
    const toCheck = choicesOf(content, node(welcome)).findIndex((c) => c.next === opts.start);
    expect(toCheck, `the welcome (${welcome}) links to ${opts.start}`).toBeGreaterThanOrEqual(0);
    actor.send({ type: 'CHOOSE', index: toCheck });
    expect(currentNode(actor.getSnapshot())).toBe(opts.start);
    const go = choicesOf(content, node(opts.start)).findIndex((c) => node(c.next).type === 'question' || node(c.next).type === 'branch');
    expect(go, 'the intro offers a way into the questions').toBeGreaterThanOrEqual(0);
    actor.send({ type: 'CHOOSE', index: go });
    expect(node(currentNode(actor.getSnapshot())).type).toBe('question');
    return actor;
  }

  /** Answers every question it meets (unlisted ones with `fallback`) until the check leaves the questions. */
  function run(answers: Answers, fallback: Answer = 'no'): Walk {
    const actor = begin();
    const asked: string[] = [];
    for (;;) {
      expect(asked.length, 'the check ends').toBeLessThan(50);
      const key = currentNode(actor.getSnapshot());
      const n = node(key);
      if (n.type !== 'question') {
        const pick = opts.other?.(key);
        if (!pick) break;
        asked.push(pick.name);
        actor.send({ type: 'CHOOSE', index: pick.index });
        continue;
      }
      const a = answers[n.key] ?? fallback;
      asked.push(n.key);
      actor.send({ type: 'CHOOSE', index: answerIndex(n, a) });
      const snap = actor.getSnapshot();
      // While the check goes on, the answer is held in memory (that is what the branch reads).
      if (node(currentNode(snap)).type === 'question') expect(snap.context.answers[n.key]).toBe(a === 'skip' ? undefined : a);
    }
    paths++;
    const snapshot = actor.getSnapshot();
    return { actor, snapshot, asked, at: currentNode(snapshot) };
  }

  /** At an outcome (or the stop screen) nothing of the check is left but one note and the screen itself. */
  function expectForgotten(snapshot: ChatSnapshot, at: NodeKey) {
    expect(snapshot.context.answers).toEqual({});
    const log = snapshot.context.log;
    expect(log.filter((e) => e.by === 'note')).toHaveLength(1);
    expect(log.filter((e) => e.private)).toEqual([expect.objectContaining({ by: 'bot', node: at })]);
    for (const e of log) if (e.by === 'bot') expect(node(e.node).type, `log still shows ${e.node}`).not.toBe('question');
  }

  /** Out of the check (Back past its start, or on from an outcome): no answer and nothing private left. */
  function expectLeftClean(snapshot: ChatSnapshot) {
    expect(snapshot.context.answers).toEqual({});
    expect(snapshot.context.log.filter((e) => e.private)).toEqual([]);
  }

  const flow = opts.start.slice(0, opts.start.indexOf('/') + 1);

  /** "Not now" on the check's intro: straight to `stopped`, with nothing kept. */
  function notNow(stopped: NodeKey) {
    const actor = createActor(machine, { input: { audience: opts.audience, area: opts.area } }).start();
    actor.send({ type: 'CHOOSE', index: choicesOf(content, node(currentNode(actor.getSnapshot()))).findIndex((c) => c.next === opts.start) });
    actor.send({ type: 'CHOOSE', index: choicesOf(content, node(opts.start)).findIndex((c) => c.next === stopped) });
    expect(currentNode(actor.getSnapshot())).toBe(stopped);
    expectForgotten(actor.getSnapshot(), stopped);
    paths++;
  }

  /** Back, and Back again, until out of the check: no answer and nothing private left. */
  function backOut(actor: ChatActor) {
    for (let i = 0; i < 10 && currentNode(actor.getSnapshot()).startsWith(flow); i++) actor.send({ type: 'BACK' });
    const snapshot = actor.getSnapshot();
    expect(currentNode(snapshot).startsWith(flow)).toBe(false);
    expectLeftClean(snapshot);
    paths++;
  }

  /** On from an outcome to `next`: nothing private left on screen, and the one neutral note. */
  function leaveOutcome({ actor, at }: Walk, next: NodeKey) {
    actor.send({ type: 'CHOOSE', index: choicesOf(content, node(at)).findIndex((c) => c.next === next) });
    const snapshot = actor.getSnapshot();
    expect(currentNode(snapshot)).toBe(next);
    expectLeftClean(snapshot);
    expect(snapshot.context.log.filter((e) => e.by === 'note')).toHaveLength(1);
  }

  return { machine, node, answerIndex, begin, run, expectForgotten, expectLeftClean, notNow, backOut, leaveOutcome, counted: () => paths, count: () => void paths++ };
}
