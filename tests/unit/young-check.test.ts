/**
 * The young people's safety check (flows/young-check.yaml), driven through the real compiled
 * machine, over the live flows.
 *
 * What must hold, whatever the answers:
 * - "danger right now" is asked first, and yes / not sure goes straight to 999;
 * - nudes pushed for, or a photo threatened, leads to the outcome with Report Remove;
 * - any other serious sign leads to the serious outcome; everything else to the general one;
 * - every outcome, and the stop screen, says 999, names a trusted adult and shows Childline as
 *   the first service (after a partner's own contacts, such as a school's safeguarding lead);
 * - nothing from the adults' check (IDVA, MARAC, pregnancy, money, children of their own, Samaritans);
 * - every path ends at an outcome, and by then every answer is forgotten.
 *
 * FLOWS_DIR points at another flows folder (default: flows).
 */
import { describe, expect, it } from 'vitest';
import { checkAndCompile } from '../../src/content/compile.js';
import { formatProblem } from '../../src/content/problems.js';
import type { NodeKey, Service } from '../../src/engine/data.js';
import type { QuestionNode } from '../../src/nodes/index.js';
import { currentNode, choicesOf, type ChatSnapshot } from '../../src/engine/machine.js';
import { selectServices } from '../../src/engine/services.js';
import { checkWalker, nodeTexts, texts, type Answer, type Answers } from './check-walk.js';
import { flowsDir } from './live-content.js';

const report = checkAndCompile(flowsDir);
const problems = report.problems.filter((p) => p.level === 'error').map(formatProblem).join('\n');

const FLOW = 'young-check/';
const START = 'young-check/start';
const WHO = 'young-check/who';
const STOPPED = 'young-check/stopped';
const OUTCOME = {
  danger: 'young-check/outcome-danger',
  images: 'young-check/outcome-images',
  serious: 'young-check/outcome-serious',
  general: 'young-check/outcome-general',
} as const;
type Outcome = keyof typeof OUTCOME;
const outcomeOf = (key: NodeKey): Outcome | undefined => (Object.keys(OUTCOME) as Outcome[]).find((o) => OUTCOME[o] === key);

/** Serious when "yes" or "not sure". */
const SERIOUS_OR_UNSURE = ['hurt', 'neck', 'sexual', 'hurt-yourself'] as const;
/** Serious only when "yes". */
const SERIOUS_YES = ['scared', 'others-home'] as const;

/** Words no outcome may use: no reassurance, no score. */
const reassuring = [/\byou(?:['’]re| are| will be) (?:now )?safe\b/i, /low[- ]risk/i, /\bno risk\b/i, /nothing to worry/i, /\bfine\b/i, /\bscores?\b/i];
/** The adults' check, not this one. */
const adultOnly = /\bIDVA\b|Independent Domestic Violence|\bMARAC\b|pregnan|your (?:own )?(?:children|kids|baby)|\bmoney\b|economic abuse|samaritans/i;

/** The services a text names, in order ({phone:childline}, {web:report-remove}, …). */
const servicesNamed = (words: string) => [...words.matchAll(/\{(?:phone|text|web|email|name):([a-z0-9-]+)\}/g)].map((m) => m[1]!);

const current = (snapshot: ChatSnapshot): NodeKey => currentNode(snapshot);

/** The rule, written independently of the YAML. */
function expected(a: Answers): Outcome {
  if (a['danger-now'] === 'yes' || a['danger-now'] === 'not-sure') return 'danger';
  if (a.images === 'yes' || a.images === 'not-sure') return 'images';
  if (SERIOUS_OR_UNSURE.some((k) => a[k] === 'yes' || a[k] === 'not-sure')) return 'serious';
  if (SERIOUS_YES.some((k) => a[k] === 'yes')) return 'serious';
  if (a.control === 'yes' && a.scared !== 'no') return 'serious';
  return 'general';
}

describe('young people\'s safety check', () => {
  it('compiles', () => {
    expect(report.content, problems).toBeDefined();
  });
  const content = report.content!;
  if (!content) return;
  const whoChoices = choicesOf(content, content.nodes[WHO]!).filter((c) => c.next !== STOPPED);
  /** Which "who" answer the walk picks (every one leads to the same questions). */
  let who = 0;
  const walker = checkWalker(content, {
    audience: 'young-people',
    area: null,
    start: START,
    other: (key) => (key === WHO ? { name: 'who', index: choicesOf(content, content.nodes[WHO]!).indexOf(whoChoices[who]!) } : undefined),
  });
  const { node, answerIndex, begin, expectForgotten, notNow, backOut, leaveOutcome, count, counted } = walker;
  /** Answers every question (unlisted ones with `fallback`), picking the `pick`th "who" answer, until the check ends. */
  const run = (answers: Answers, fallback: Answer = 'no', pick = 0) => {
    who = pick;
    return walker.run(answers, fallback);
  };

  const questionKeys = Object.entries(content.nodes)
    .filter(([k, n]) => k.startsWith(FLOW) && n.type === 'question')
    .map(([k]) => k);

  const ends = [...Object.values(OUTCOME), STOPPED];

  describe('shape', () => {
    it('asks "danger right now" first and routes yes / not sure straight to the danger outcome', () => {
      const { asked } = run({});
      expect(asked[0]).toBe('danger-now');
      expect(asked[1]).toBe('who');
      const first = node('young-check/danger-now') as QuestionNode;
      const after = node(first.next);
      expect(after.type).toBe('branch');
      if (after.type !== 'branch') return;
      expect(after.routes[0]).toEqual({ when: { key: 'danger-now', is: ['yes', 'not-sure'] }, next: OUTCOME.danger });
    });

    it('asks 8 to 12 short questions, the most serious first, each with a way to stop the check', () => {
      const { asked } = run({});
      expect(asked.length).toBeGreaterThanOrEqual(8);
      expect(asked.length).toBeLessThanOrEqual(12);
      expect(asked).toEqual(['danger-now', 'who', 'scared', 'hurt', 'neck', 'sexual', 'images', 'control', 'others-home', 'hurt-yourself']);
      for (const key of questionKeys) {
        const q = node(key) as QuestionNode;
        expect(q.say, key).toHaveLength(1);
        for (const t of texts(q.say[0]!)) {
          expect(t.trim().endsWith('?'), `${key} is a question`).toBe(true);
          expect(t.split(/\s+/).length, key).toBeLessThanOrEqual(20);
        }
        const stop = (q.choices ?? []).find((c) => texts(c.label).includes('Stop the check'));
        expect(stop?.next, `${key} can stop the check`).toBe(STOPPED);
      }
      const stop = choicesOf(content, node(WHO)).find((c) => texts(c.label).includes('Stop the check'));
      expect(stop?.next, 'the who screen can stop the check').toBe(STOPPED);
    });

    it('asks who it is about, in young people\'s situations, and every answer goes on to the same questions', () => {
      const labels = whoChoices.flatMap((c) => texts(c.label)).join(' | ');
      expect(labels).toMatch(/boyfriend or girlfriend/);
      expect(labels).toMatch(/parent or carer/);
      expect(labels).toMatch(/online/);
      expect(labels).toMatch(/at home who hurts someone else/);
      expect(new Set(whoChoices.map((c) => c.next))).toEqual(new Set(['young-check/scared']));
    });

    it('has outcomes and a stop screen that forget the answers and show services with 999 first', () => {
      for (const key of ends) {
        const n = node(key);
        expect(n.type, key).toBe('services');
        if (n.type !== 'services') continue;
        expect(n.forget, key).toBe(true);
        expect(n.emergency, key).toBe(true);
        expect(content.nodes[key]!.private, key).toBe(true);
      }
    });
  });

  describe('what every outcome and the stop screen offer', () => {
    it.each(ends)('%s says 999 and shows Childline first among the services', (key) => {
      const n = node(key);
      if (n.type !== 'services') throw new Error(`${key} is not a services node`);
      const words = nodeTexts(content, n).join(' ');
      expect(words).toMatch(/\b999\b/);
      // The first service the words name is Childline …
      expect(servicesNamed(words)[0], key).toBe('childline');
      // … and so is the first card after 999, for a young person and for anyone else.
      for (const audience of ['young-people', 'general'] as const) {
        const picked = selectServices(content, { tags: n.tags, area: null, audience, emergency: n.emergency });
        expect(picked.emergency[0]?.id, key).toBe('emergency');
        expect([...picked.local, ...picked.national][0]?.id, `${key} (${audience})`).toBe('childline');
        expect(picked.national.map((s) => s.id), key).not.toContain('samaritans');
      }
    });

    it.each(ends)('%s names a trusted adult: a teacher or the school\'s safeguarding lead', (key) => {
      const words = nodeTexts(content, node(key)).join(' ');
      expect(words).toMatch(/adult you trust/);
      expect(words).toMatch(/teacher/);
      expect(words).toMatch(/safeguarding lead/);
      expect(choicesOf(content, node(key)).map((c) => c.next), key).toContain('young/talk');
    });

    it.each(ends)('%s shows a school\'s own safeguarding lead first, where the partner gave one, then Childline', (key) => {
      const n = node(key);
      if (n.type !== 'services') throw new Error(`${key} is not a services node`);
      const lead: Service = { id: 'partner-0', name: 'Our safeguarding lead, Ms Patel', about: 'Talk to her in room 4.', for: '', tags: [], areas: ['partner'], contacts: [], checked: '' };
      const picked = selectServices(content, { tags: n.tags, area: null, audience: 'young-people', emergency: n.emergency, partner: [lead] });
      expect(picked.emergency[0]?.id).toBe('emergency');
      expect([...picked.local, ...picked.national].map((s) => s.id).slice(0, 2)).toEqual(['partner-0', 'childline']);
    });

    it.each(ends)('%s says what Childline keeps private, and never reassures or scores', (key) => {
      const words = nodeTexts(content, node(key)).join(' ');
      if (key !== STOPPED && key !== OUTCOME.danger) expect(words).toMatch(/between you and them, unless they are very worried you are in danger/);
      for (const word of reassuring) expect(words, key).not.toMatch(word);
      expect(words).not.toMatch(/private|confidential/i);
    });

    it.each(ends)('%s offers Childline, and 999, to someone who feels like hurting themselves', (key) => {
      if (key === STOPPED) return;
      const words = nodeTexts(content, node(key)).join(' ');
      expect(words).toMatch(/feel like hurting yourself, talk to Childline/);
      expect(words).toMatch(/If you have hurt yourself, or might now, call 999/);
    });

    it('nothing in the check is from the adults\' check: no IDVA, MARAC, pregnancy, money, children of your own or Samaritans', () => {
      for (const [key, n] of Object.entries(content.nodes)) {
        if (!key.startsWith(FLOW)) continue;
        for (const t of nodeTexts(content, n)) expect(t, key).not.toMatch(adultOnly);
        if (n.type === 'services') expect(n.tags, key).not.toContain('crisis');
      }
    });

    it('every outcome that states a procedure or a promise names its sources', () => {
      for (const key of Object.values(OUTCOME)) {
        const words = nodeTexts(content, node(key)).join(' ');
        if (/press 55|unless they are very worried|Report Remove/.test(words)) {
          expect(report.problems.filter((p) => p.level === 'error' && p.message.includes('"sources"') && formatProblem(p).includes(`"${key.split('/')[1]}"`)), key).toEqual([]);
        }
      }
    });
  });

  describe('danger right now', () => {
    it.each(['yes', 'not-sure'] as const)('"%s" goes straight to the danger outcome, with 999 first and how to get away', (a) => {
      const { snapshot, asked, at } = run({ 'danger-now': a });
      expect(asked).toEqual(['danger-now']);
      expect(at).toBe(OUTCOME.danger);
      expectForgotten(snapshot, at);
      const words = nodeTexts(content, node(at)).join(' ');
      expect(words.indexOf('999')).toBeLessThan(words.indexOf('{phone:childline}'));
      expect(words).toMatch(/police will not just come on their own/);
      expect(words).toMatch(/Cough or tap/);
      expect(words).toMatch(/\bpress 55\b/);
      expect(words).toMatch(/way out/);
      expect(words).toMatch(/kitchen/);
    });
  });

  describe('nudes and photos', () => {
    const rows: [string, Answers][] = [
      ['pushed for nudes or threatened with a photo', { images: 'yes' }],
      ['not sure about nudes or a photo', { images: 'not-sure' }],
      ['a photo and every other sign', { images: 'yes', scared: 'yes', hurt: 'yes', neck: 'yes', sexual: 'yes', control: 'yes', 'others-home': 'yes', 'hurt-yourself': 'yes' }],
    ];
    it.each(rows)('%s → the outcome with Report Remove', (_name, answers) => {
      const { snapshot, at } = run(answers);
      expect(at).toBe(OUTCOME.images);
      expectForgotten(snapshot, at);
    });

    it('that outcome names Report Remove after Childline, says it is not their fault, and shows its card', () => {
      const n = node(OUTCOME.images);
      if (n.type !== 'services') throw new Error('not a services node');
      const words = nodeTexts(content, n).join(' ');
      expect(servicesNamed(words).filter((id) => id === 'childline' || id === 'report-remove').slice(0, 2)).toEqual(['childline', 'report-remove']);
      expect(words).toMatch(/Report Remove/);
      expect(words).toMatch(/under 18/);
      expect(words).toMatch(/not your fault\. Even if you sent a photo yourself/);
      const picked = selectServices(content, { tags: n.tags, area: null, audience: 'young-people', emergency: n.emergency });
      expect(picked.national.map((s) => s.id)).toContain('report-remove');
      // The adults' image line is not offered to under-18s.
      expect(picked.national.map((s) => s.id)).not.toContain('revenge-porn-helpline');
    });
  });

  describe('serious signs', () => {
    const rows: [string, Answers][] = [
      ...SERIOUS_OR_UNSURE.map((k): [string, Answers] => [`${k} "yes"`, { [k]: 'yes' }]),
      ...SERIOUS_OR_UNSURE.map((k): [string, Answers] => [`${k} "not sure"`, { [k]: 'not-sure' }]),
      ...SERIOUS_YES.map((k): [string, Answers] => [`${k} "yes"`, { [k]: 'yes' }]),
      ['control, scared "not sure"', { control: 'yes', scared: 'not-sure' }],
      ['control, scared skipped', { control: 'yes', scared: 'skip' }],
      ['every sign but danger now and photos', { scared: 'yes', hurt: 'yes', neck: 'yes', sexual: 'yes', control: 'yes', 'others-home': 'yes', 'hurt-yourself': 'yes' }],
    ];
    it.each(rows)('%s → serious outcome', (_name, answers) => {
      const { snapshot, at } = run(answers);
      expect(at).toBe(OUTCOME.serious);
      expectForgotten(snapshot, at);
    });

    it('the serious outcome asks them to think about telling a trusted adult today, and says what telling means', () => {
      const words = nodeTexts(content, node(OUTCOME.serious)).join(' ');
      expect(words).toMatch(/today/);
      expect(words).toMatch(/not your fault/);
      expect(words).toMatch(/ask what will happen/);
      expect(choicesOf(content, node(OUTCOME.serious)).map((c) => c.next)).toContain('young/talk-tell');
    });
  });

  describe('everything else', () => {
    const rows: [string, Answers][] = [
      ['all "no"', {}],
      ['control, not scared', { control: 'yes' }],
      ['scared "not sure" alone', { scared: 'not-sure' }],
      ['worried about someone at home "not sure"', { 'others-home': 'not-sure' }],
      ['control "not sure"', { control: 'not-sure', scared: 'skip' }],
    ];
    it.each(rows)('%s → general outcome', (_name, answers) => {
      const { snapshot, at } = run(answers);
      expect(at).toBe(OUTCOME.general);
      expectForgotten(snapshot, at);
    });

    it('the general outcome never reassures: it says it can still matter, and to trust how you feel', () => {
      const words = nodeTexts(content, node(OUTCOME.general)).join(' ');
      expect(words).toMatch(/can still matter/);
      expect(words).toMatch(/Trust how you feel/);
    });
  });

  describe('skip, not sure and who', () => {
    const rows: [string, Answers, Answer, Outcome][] = [
      ['every question skipped', {}, 'skip', 'general'],
      ['every question "not sure"', {}, 'not-sure', 'danger'],
      ['danger "no", the rest "not sure"', { 'danger-now': 'no' }, 'not-sure', 'images'],
      ['danger skipped, the rest "not sure"', { 'danger-now': 'skip' }, 'not-sure', 'images'],
      ['danger "no", the rest skipped', { 'danger-now': 'no' }, 'skip', 'general'],
    ];
    it.each(rows)('%s reaches the outcome the rule gives', (_name, answers, fallback, outcome) => {
      const { snapshot, at } = run(answers, fallback);
      expect(outcomeOf(at), at).toBe(outcome);
      expectForgotten(snapshot, at);
    });

    it('whoever it is about, the same answers reach the same outcome', () => {
      for (const answers of [{}, { neck: 'yes' }, { images: 'not-sure' }, { control: 'yes', scared: 'skip' }] as Answers[]) {
        const outcomes = new Set(whoChoices.map((_, who) => run(answers, 'no', who).at));
        expect([...outcomes], JSON.stringify(answers)).toEqual([OUTCOME[expected(answers)]]);
      }
    });

    it('many mixed answers each reach the outcome the rule gives, with nothing kept', () => {
      let seed = 20261201;
      const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
      const values: Answer[] = ['yes', 'no', 'not-sure', 'skip'];
      const keys = questionKeys.map((k) => (node(k) as QuestionNode).key);
      const seen = new Set<Outcome>();
      for (let i = 0; i < 300; i++) {
        // Mostly "no" or "skip", so that every outcome is reached.
        const answers: Answers = Object.fromEntries(keys.map((k) => [k, random() < 0.75 ? values[1 + 2 * Math.floor(random() * 2)]! : values[Math.floor(random() * 4)]!]));
        if (random() < 0.8) answers['danger-now'] = random() < 0.5 ? 'no' : 'skip';
        const { snapshot, at } = run(answers, 'no', Math.floor(random() * whoChoices.length));
        expect(outcomeOf(at), JSON.stringify(answers)).toBe(expected(answers));
        expectForgotten(snapshot, at);
        seen.add(outcomeOf(at)!);
      }
      expect([...seen].sort()).toEqual(['danger', 'general', 'images', 'serious']);
    });
  });

  describe('leaving part-way', () => {
    it('"Stop the check" on any question, or on the who screen, forgets the answers given so far', () => {
      const stops = [...questionKeys, WHO];
      for (const stopAt of stops) {
        const actor = begin();
        for (let i = 0; i < 20 && current(actor.getSnapshot()) !== stopAt; i++) {
          const n = node(current(actor.getSnapshot()));
          if (n.type === 'question') actor.send({ type: 'CHOOSE', index: answerIndex(n, 'no') });
          else actor.send({ type: 'CHOOSE', index: choicesOf(content, n).indexOf(whoChoices[0]!) });
        }
        expect(current(actor.getSnapshot())).toBe(stopAt);
        actor.send({ type: 'CHOOSE', index: choicesOf(content, node(stopAt)).findIndex((c) => c.next === STOPPED) });
        const snapshot = actor.getSnapshot();
        expect(current(snapshot), stopAt).toBe(STOPPED);
        expectForgotten(snapshot, STOPPED);
        count();
      }
    });

    it('"Not now" on the intro leads to the same stop screen', () => notNow(STOPPED));

    it('going Back out of the check forgets the answers too', () => {
      const actor = begin();
      actor.send({ type: 'CHOOSE', index: answerIndex(node(current(actor.getSnapshot())) as QuestionNode, 'no') });
      actor.send({ type: 'CHOOSE', index: choicesOf(content, node(WHO)).indexOf(whoChoices[1]!) });
      actor.send({ type: 'CHOOSE', index: answerIndex(node(current(actor.getSnapshot())) as QuestionNode, 'yes') });
      expect(actor.getSnapshot().context.answers).toEqual({ 'danger-now': 'no', scared: 'yes' });
      backOut(actor);
    });

    it('leaving an outcome keeps nothing private on screen', () => leaveOutcome(run({ neck: 'yes' }), 'young/talk'));
  });

  describe('the young people\'s route around it', () => {
    const young = Object.entries(content.nodes).filter(([k]) => k.startsWith('young/'));

    it('every "Check my safety" leads to this check, never to the adults\' check', () => {
      const links = young.flatMap(([, n]) => choicesOf(content, n).map((c) => c.next));
      expect(links).toContain(START);
      expect(links.filter((next) => next.startsWith('safety-check/'))).toEqual([]);
    });

    it('the screens about nudes and threats to share photos name Report Remove', () => {
      for (const key of ['young/nudes', 'young/nudes-threat']) expect(servicesNamed(nodeTexts(content, node(key)).join(' ')), key).toContain('report-remove');
    });

    it('the consent screen gives the age of consent', () => {
      expect(nodeTexts(content, node('young/consent')).join(' ')).toMatch(/age of consent is 16/);
    });

    it('never calls the chat or Childline private, and says what someone else could see', () => {
      for (const [key, n] of young) for (const t of nodeTexts(content, n)) expect(t, key).not.toMatch(/no one is watching|it['’]s private|free and private/i);
      const welcome = nodeTexts(content, node('young/start')).join(' ');
      expect(welcome).toMatch(/No person reads this chat/);
      expect(welcome).toMatch(/browser history/);
    });
  });

  it('reports what was tested', () => {
    console.log(`young people's check: ${questionKeys.length} questions and a who screen, ${Object.keys(OUTCOME).length} outcomes (+ 1 stop screen), ${counted()} paths tested`);
    expect(counted()).toBeGreaterThan(300);
  });
});
