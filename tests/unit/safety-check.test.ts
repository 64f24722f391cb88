/**
 * The non-storing safety check (flows/safety-check.yaml) and the safety plan
 * (flows/safety-plan.yaml), driven through the real compiled machine.
 *
 * What must hold, whatever the answers:
 * - "danger right now" is asked first, and yes / not sure goes straight to 999;
 * - "yes" or "not sure" to choking, threats to kill or weapons, strong fear on its own, or any
 *   other serious indicator answered yes, leads to the serious outcome;
 * - everything else leads to the general outcome, which never reassures;
 * - every path ends at an outcome, and by then every answer is forgotten and
 *   what the check showed has collapsed to one neutral note.
 *
 * FLOWS_DIR points at another flows folder (default: flows).
 */
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { checkAndCompile } from '../../src/content/compile.js';
import { formatProblem } from '../../src/content/problems.js';
import type { NodeKey } from '../../src/engine/data.js';
import type { QuestionNode } from '../../src/nodes/index.js';
import { currentNode, choicesOf, createChatMachine, type ChatSnapshot } from '../../src/engine/machine.js';
import { selectServices } from '../../src/engine/services.js';
import { checkWalker, nodeTexts, texts, type Answer, type Answers } from './check-walk.js';
import { flowsDir } from './live-content.js';

const dir = flowsDir;
const report = checkAndCompile(dir);
const problems = report.problems.filter((p) => p.level === 'error').map(formatProblem).join('\n');

const START = 'safety-check/start';
const STOPPED = 'safety-check/stopped';
const OUTCOME = {
  danger: 'safety-check/outcome-danger',
  serious: 'safety-check/outcome-serious',
  general: 'safety-check/outcome-general',
} as const;
type Outcome = keyof typeof OUTCOME;
const outcomeOf = (key: NodeKey): Outcome | undefined => (Object.keys(OUTCOME) as Outcome[]).find((o) => OUTCOME[o] === key);

/** The signs most linked to murder: "yes" or "not sure" is enough (doubt counts). */
const LETHAL = ['strangulation', 'threats-to-kill', 'weapons'] as const;
/** Serious indicators: one "yes" is enough (strong fear on its own among them). */
const SERIOUS = ['afraid', 'escalation', 'stalking', 'arson', 'pregnancy', 'own-feelings'] as const;
/** The other indicators: three "yes" together count as serious. */
const OTHER = ['injury', 'children-home', 'child-contact', 'harm-to-others', 'several-abusers', 'sexual-abuse', 'control', 'suicide-threats', 'abuser-problems', 'orders-or-police'] as const;

/** Words an outcome must never use: no reassurance, no score. */
const reassuring = [/\bsafe\b/i, /low[- ]risk/i, /nothing to worry/i, /\bfine\b/i, /\bscores?\b/i, /\byou are safe\b/i, /\bno risk\b/i];

const current = (snapshot: ChatSnapshot): NodeKey => currentNode(snapshot);

describe('safety check', () => {
  it('compiles', () => {
    expect(report.content, problems).toBeDefined();
  });
  const content = report.content!;
  if (!content) return;
  const { node, answerIndex, begin, run, expectForgotten, notNow, backOut, leaveOutcome, count, counted } = checkWalker(content, { audience: 'general', area: 'thanet', start: START });

  /** The questions in the order a person meets them (all answered "no"). */
  const questionKeys = Object.entries(content.nodes)
    .filter(([k, n]) => k.startsWith('safety-check/') && n.type === 'question')
    .map(([k]) => k);

  /** The rule, written independently of the YAML. */
  function expected(a: Answers): Outcome {
    if (a['danger-now'] === 'yes' || a['danger-now'] === 'not-sure') return 'danger';
    if (LETHAL.some((k) => a[k] === 'yes' || a[k] === 'not-sure')) return 'serious';
    if (SERIOUS.some((k) => a[k] === 'yes')) return 'serious';
    if (a.separation === 'yes' && a.afraid !== 'no') return 'serious';
    if (OTHER.filter((k) => a[k] === 'yes').length >= 3) return 'serious';
    return 'general';
  }

  describe('shape', () => {
    it('asks "danger right now" first and routes yes / not sure straight to the danger outcome', () => {
      const { asked } = run({});
      expect(asked[0]).toBe('danger-now');
      const first = node('safety-check/danger-now') as QuestionNode;
      const after = node(first.next);
      expect(after.type).toBe('branch');
      if (after.type !== 'branch') return;
      expect(after.routes[0]).toEqual({ when: { key: 'danger-now', is: ['yes', 'not-sure'] }, next: OUTCOME.danger });
    });

    it('asks every question the rule reads, one short question per message, each with a way to stop the check', () => {
      expect(questionKeys.length).toBeGreaterThanOrEqual(15);
      expect(questionKeys.length, 'at most about 20 questions after "danger right now"').toBeLessThanOrEqual(21);
      const keys = questionKeys.map((k) => (node(k) as QuestionNode).key);
      expect(keys.sort()).toEqual(['danger-now', ...LETHAL, ...SERIOUS, ...OTHER, 'separation'].sort());
      for (const key of questionKeys) {
        const q = node(key) as QuestionNode;
        expect(q.key).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
        expect(q.say, key).toHaveLength(1);
        for (const t of texts(q.say[0]!)) {
          expect(t.trim().endsWith('?'), `${key} is a question`).toBe(true);
          expect(t.split(/\s+/).length, key).toBeLessThanOrEqual(25);
        }
        const stop = (q.choices ?? []).find((c) => texts(c.label).includes('Stop the check'));
        expect(stop?.next, `${key} can stop the check`).toBe(STOPPED);
      }
      const stopped = node(STOPPED);
      expect(stopped.type).not.toBe('question');
      expect('forget' in stopped && stopped.forget).toBe(true);
    });

    it('asks the signs most linked to serious harm first, straight after danger right now', () => {
      const { asked } = run({});
      expect(asked.slice(0, 5)).toEqual(['danger-now', 'afraid', ...LETHAL]);
    });

    it('stopping the check shows 999 first: the person may have stopped because someone came in', () => {
      const n = node(STOPPED);
      if (n.type !== 'services') throw new Error(`${STOPPED} is not a services node`);
      expect(n.emergency).toBe(true);
      expect(nodeTexts(content, n)[0]).toMatch(/\b999\b/);
      const picked = selectServices(content, { tags: n.tags, area: 'thanet', audience: 'general', emergency: n.emergency });
      expect(picked.emergency[0]?.id).toBe('emergency');
    });

    it('every outcome starts with 999 and offers Samaritans for anyone who feels they cannot cope', () => {
      for (const key of Object.values(OUTCOME)) {
        const n = node(key);
        if (n.type !== 'services') throw new Error(`${key} is not a services node`);
        expect(nodeTexts(content, n)[0], key).toMatch(/\b999\b/);
        expect(n.emergency, key).toBe(true);
        const picked = selectServices(content, { tags: n.tags, area: 'thanet', audience: 'general', emergency: n.emergency });
        expect(picked.emergency[0]?.id, key).toBe('emergency');
        const offered = [...picked.national, ...picked.local].map((s) => s.id);
        const inText = nodeTexts(content, n).join(' ').includes('{phone:samaritans}');
        expect(inText || offered.includes('samaritans'), `${key} offers Samaritans`).toBe(true);
      }
    });

    it('has three outcomes that forget the answers and lead on to a plan, learning and support', () => {
      for (const key of Object.values(OUTCOME)) {
        const n = node(key);
        expect(n.type, key).toBe('services');
        expect('forget' in n && n.forget, key).toBe(true);
        const next = choicesOf(content, n).map((c) => c.next);
        expect(next, key).toEqual(expect.arrayContaining(['safety-plan/start', 'abuse/start', 'main/support']));
      }
    });

    it('never reassures or scores, in any outcome or when stopped', () => {
      for (const key of [...Object.values(OUTCOME), STOPPED]) {
        for (const t of nodeTexts(content, node(key))) for (const word of reassuring) expect(t, key).not.toMatch(word);
      }
    });
  });

  describe('danger right now', () => {
    it.each(['yes', 'not-sure'] as const)('"%s" goes straight to the danger outcome, with 999 first', (a) => {
      const { snapshot, asked, at } = run({ 'danger-now': a });
      expect(asked).toEqual(['danger-now']);
      expect(at).toBe(OUTCOME.danger);
      expectForgotten(snapshot, at);
      const n = node(at);
      if (n.type !== 'services') throw new Error(`${at} is not a services node`);
      expect(n.emergency).toBe(true);
      const picked = selectServices(content, { tags: n.tags, area: 'thanet', audience: 'general', emergency: n.emergency });
      expect(picked.emergency[0]?.id).toBe('emergency');
      expect(nodeTexts(content, n).join(' ')).toMatch(/\b55\b/);
    });
  });

  describe('serious indicators', () => {
    const rows: [string, Answers][] = [
      ...LETHAL.map((k): [string, Answers] => [`${k} alone`, { [k]: 'yes' }]),
      ...LETHAL.map((k): [string, Answers] => [`${k} "not sure" alone`, { [k]: 'not-sure' }]),
      ...SERIOUS.map((k): [string, Answers] => [`${k} alone`, { [k]: 'yes' }]),
      ['separation, afraid', { separation: 'yes', afraid: 'yes' }],
      ['separation, afraid not sure', { separation: 'yes', afraid: 'not-sure' }],
      ['separation, afraid skipped', { separation: 'yes', afraid: 'skip' }],
      ['three other signs together', { injury: 'yes', control: 'yes', 'abuser-problems': 'yes' }],
      ['every sign but danger now', Object.fromEntries([...LETHAL, ...SERIOUS, ...OTHER, 'separation'].map((k) => [k, 'yes']))],
    ];
    it.each(rows)('%s → serious outcome', (_name, answers) => {
      const { snapshot, at } = run(answers);
      expect(at).toBe(OUTCOME.serious);
      expectForgotten(snapshot, at);
    });

    it('the serious outcome explains IDVAs and MARAC and shows local help with 999 first', () => {
      const n = node(OUTCOME.serious);
      if (n.type !== 'services') throw new Error('not a services node');
      const words = nodeTexts(content, n).join(' ');
      expect(words).toMatch(/IDVA/);
      expect(words).toMatch(/Independent Domestic Violence Advis[eo]r/);
      expect(words).toMatch(/MARAC/);
      expect(words).toMatch(/today/);
      expect(n.tags).toEqual(expect.arrayContaining(['local', 'everyone', 'crisis']));
      const picked = selectServices(content, { tags: n.tags, area: 'thanet', audience: 'general', emergency: n.emergency });
      expect(picked.emergency[0]?.id).toBe('emergency');
      expect(picked.local.length).toBeGreaterThan(0);
      expect(picked.national.map((s) => s.id)).toContain('national-helpline');
    });
  });

  describe('everything else', () => {
    const rows: [string, Answers][] = [
      ['all "no"', {}],
      ['separation but not afraid', { separation: 'yes', afraid: 'no' }],
      ...OTHER.map((k): [string, Answers] => [`${k} alone`, { [k]: 'yes' }]),
      ['two other signs', { 'sexual-abuse': 'yes', 'children-home': 'yes' }],
      ['"not sure" to every sign but the three most linked to murder', Object.fromEntries([...SERIOUS, ...OTHER, 'separation'].map((k) => [k, 'not-sure']))],
      ['afraid "not sure" alone', { afraid: 'not-sure' }],
    ];
    it.each(rows)('%s → general outcome', (_name, answers) => {
      const { snapshot, at } = run(answers);
      expect(at).toBe(OUTCOME.general);
      expectForgotten(snapshot, at);
    });

    it('the general outcome says it can still be abuse and offers a plan', () => {
      const n = node(OUTCOME.general);
      expect(nodeTexts(content, n).join(' ')).toMatch(/can still be abuse/);
      expect(choicesOf(content, n).map((c) => c.next)).toContain('safety-plan/start');
    });
  });

  describe('skip and not sure', () => {
    const rows: [string, Answers, Answer][] = [
      ['every question skipped', {}, 'skip'],
      ['every question "not sure"', {}, 'not-sure'],
      ['danger "no", the rest "not sure"', { 'danger-now': 'no' }, 'not-sure'],
      ['danger skipped, the rest "not sure"', { 'danger-now': 'skip' }, 'not-sure'],
      ['danger "no", the rest skipped', { 'danger-now': 'no' }, 'skip'],
    ];
    it.each(rows)('%s still reaches an outcome', (_name, answers, fallback) => {
      const { snapshot, at } = run(answers, fallback);
      expect(outcomeOf(at), at).toBeDefined();
      expectForgotten(snapshot, at);
    });

    it('many mixed answers each reach the outcome the rule gives, with nothing kept', () => {
      let seed = 20261122;
      const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
      const values: Answer[] = ['yes', 'no', 'not-sure', 'skip'];
      const keys = questionKeys.map((k) => (node(k) as QuestionNode).key);
      const seen = new Set<Outcome>();
      for (let i = 0; i < 300; i++) {
        const answers: Answers = Object.fromEntries(keys.map((k) => [k, values[Math.floor(random() * 4)]!]));
        // Mostly not in danger now, so that the later questions are exercised too.
        if (random() < 0.8) answers['danger-now'] = random() < 0.5 ? 'no' : 'skip';
        const { snapshot, at } = run(answers);
        expect(outcomeOf(at), JSON.stringify(answers)).toBe(expected(answers));
        expectForgotten(snapshot, at);
        seen.add(outcomeOf(at)!);
      }
      expect([...seen].sort()).toEqual(['danger', 'general', 'serious']);
    });
  });

  describe('leaving part-way', () => {
    it('"Stop the check" forgets the answers given so far', () => {
      const actor = begin();
      for (const a of ['no', 'yes', 'yes'] as const) {
        const q = node(current(actor.getSnapshot())) as QuestionNode;
        actor.send({ type: 'CHOOSE', index: answerIndex(q, a) });
      }
      expect(Object.keys(actor.getSnapshot().context.answers).length).toBeGreaterThan(0);
      const q = node(current(actor.getSnapshot())) as QuestionNode;
      actor.send({ type: 'CHOOSE', index: choicesOf(content, q).findIndex((c) => c.next === STOPPED) });
      const snapshot = actor.getSnapshot();
      expect(current(snapshot)).toBe(STOPPED);
      expectForgotten(snapshot, STOPPED);
      count();
    });

    it('"Not now" on the intro leads to the same neutral exit', () => notNow(STOPPED));

    it('going Back out of the check forgets the answers too', () => {
      const actor = begin();
      for (const a of ['no', 'yes'] as const) {
        const q = node(current(actor.getSnapshot())) as QuestionNode;
        actor.send({ type: 'CHOOSE', index: answerIndex(q, a) });
      }
      expect(actor.getSnapshot().context.answers).toEqual({ 'danger-now': 'no', afraid: 'yes' });
      backOut(actor);
    });

    it('leaving an outcome keeps nothing private on screen', () => leaveOutcome(run({ strangulation: 'yes' }), 'main/support'));
  });

  it('reports what was tested', () => {
    console.log(
      `safety check: ${questionKeys.length} questions, ${Object.keys(OUTCOME).length} outcomes (+ 1 neutral stop), ${counted()} paths tested`,
    );
    expect(counted()).toBeGreaterThan(300);
  });
});

describe('safety plan', () => {
  const content = report.content!;
  if (!content) return;
  const machine = createChatMachine(content);
  const node = (key: NodeKey) => content.nodes[key]!;
  const planKeys = Object.keys(content.nodes).filter((k) => k.startsWith('safety-plan/'));
  const steps = planKeys.filter((k) => node(k).type === 'step');

  it('has a "my plan" summary that explains why nothing is saved', () => {
    const plans = planKeys.filter((k) => node(k).type === 'plan');
    expect(plans).toHaveLength(1);
    const words = nodeTexts(content, node(plans[0]!)).join(' ');
    expect(words).toMatch(/code word/);
    expect(words).toMatch(/by heart/);
    expect(words).toMatch(/download, print, copy or email/);
  });

  it('offers each part from the menu, each with 3 to 6 steps', () => {
    const menu = choicesOf(content, node('safety-plan/start'));
    const parts = menu.filter((c) => node(c.next).type === 'message' && c.next !== 'safety-plan/menu');
    expect(parts.length).toBeGreaterThanOrEqual(6);
    const counts: Record<string, number> = {};
    for (const part of parts) {
      const into = choicesOf(content, node(part.next)).find((c) => node(c.next).type === 'step');
      expect(into, part.next).toBeDefined();
      let n = 0;
      for (let key = into!.next; node(key).type === 'step'; key = (node(key) as { next: NodeKey }).next) n++;
      counts[part.next] = n;
      expect(n, part.next).toBeGreaterThanOrEqual(3);
      expect(n, part.next).toBeLessThanOrEqual(6);
    }
    expect(menu.map((c) => node(c.next).type)).toEqual(expect.arrayContaining(['plan', 'services']));
    console.log(`safety plan: ${parts.length} parts, ${steps.length} steps`, counts);
  });

  it('never tells anyone to leave, or to save the plan', () => {
    for (const key of planKeys) {
      for (const t of nodeTexts(content, node(key))) {
        expect(t, key).not.toMatch(/just leave|you should leave|leave (him|her|them) now|save this|save (it|your plan|the plan)|screenshot/i);
      }
    }
    const leaving = nodeTexts(content, node('safety-plan/leaving')).join(' ');
    expect(leaving).toMatch(/most dangerous time/);
    expect(leaving).toMatch(/specialist/);
  });

  it('keeps the steps the person picks in memory, and "Start again" drops them', () => {
    const actor = createActor(machine, { input: { audience: 'general', area: 'thanet' } }).start();
    const to = (next: NodeKey) => {
      const i = choicesOf(content, node(current(actor.getSnapshot()))).findIndex((c) => c.next === next);
      expect(i, `${current(actor.getSnapshot())} → ${next}`).toBeGreaterThanOrEqual(0);
      actor.send({ type: 'CHOOSE', index: i });
    };
    to('safety-plan/start');
    to('safety-plan/living');
    to('safety-plan/living-rooms');
    actor.send({ type: 'CHOOSE', index: 0 }); // Add to my plan
    actor.send({ type: 'CHOOSE', index: 2 }); // Not for me
    actor.send({ type: 'CHOOSE', index: 1 }); // I've done this
    expect(actor.getSnapshot().context.plan).toEqual([
      { node: 'safety-plan/living-rooms', done: false },
      { node: 'safety-plan/living-phone', done: true },
    ]);
    actor.send({ type: 'RESTART' });
    expect(actor.getSnapshot().context.plan).toEqual([]);
  });
});
