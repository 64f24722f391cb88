/**
 * Plain words, as `flows:check` checks them (src/content/quality.ts): the checks themselves on a
 * small fixture, and the live content's own result.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/content/problems.js';
import { bannedPhrases, flesch, maxWords, minEase, words } from '../../src/content/quality.js';
import { compileFixture, validFlow } from './fixture.js';
import { flowsDir, liveReport } from './live-content.js';

const messagesOf = (flow: string) => {
  const report = compileFixture({ 'demo.yaml': flow });
  return { errors: report.problems.filter((p) => p.level === 'error').map(formatProblem), warnings: report.problems.filter((p) => p.level === 'warning').map(formatProblem) };
};

describe('flows:check checks plain words', () => {
  it(`refuses a message over ${maxWords} words, naming file, line, node and message`, () => {
    const long = Array.from({ length: 84 }, (_, i) => (i % 8 === 7 ? 'word.' : 'word')).join(' ');
    const { errors } = messagesOf(validFlow.replace('say: Hello. Pick one.', `say: ${long}`));
    expect(errors.join('\n')).toMatch(/demo\.yaml:6 — node "start", message 1: has 84 words; a message may have at most 40\./);
  });

  it('refuses a banned phrase, with the reason', () => {
    const { errors } = messagesOf(validFlow.replace('say: Hello. Pick one.', 'say: The perpetrator is to blame. You need to leave.'));
    expect(errors.join('\n')).toMatch(/node "start", message 1: says "perpetrator"\. Jargon that many people do not use/);
    expect(errors.join('\n')).toMatch(/says "You need to leave"\. An instruction to leave/);
  });

  it.each([
    ['No one is watching this chat.', /says "No one is watching"\. False reassurance about privacy/],
    ['Childline is completely private.', /says "completely private"\. Overstates privacy/],
    ["This number won't show on your phone bill.", /says "won't show on your phone bill"\. Not confirmed for any number/],
  ])('refuses false reassurance: "%s"', (text, why) => {
    expect(messagesOf(validFlow.replace('say: Hello. Pick one.', `say: "${text}"`)).errors.join('\n')).toMatch(why);
  });

  it('a service\'s own name is not scored for reading ease (no editor can change it), its description is', () => {
    const services = readFileSync(`${flowsDir}/services.yaml`, 'utf8').replace(/name: Childline\n/, 'name: Multidisciplinary Interdisciplinary Organisational Childline\n');
    const hard = 'Multidisciplinary organisations facilitate comprehensive individualised interventions, notwithstanding jurisdictional and procedural considerations.';
    const named = compileFixture({ 'services.yaml': services }).problems.map(formatProblem).join('\n');
    expect(named).not.toMatch(/service "childline", field "name": is hard to read/);
    const described = compileFixture({ 'services.yaml': services.replace(/(id: childline\n(?:.*\n)*?    about: ).*\n/, `$1${hard}\n`) }).problems.map(formatProblem).join('\n');
    expect(described).toMatch(/service "childline", field "about": is hard to read/);
  });

  it('"your behaviour" is refused where a person being hurt reads it, and allowed in the own-behaviour flow', () => {
    const flow = validFlow.replace('say: Hello. Pick one.', 'say: Think about your behaviour.');
    expect(messagesOf(flow).errors.join('\n')).toMatch(/says "your behaviour"/);
    const report = compileFixture({ 'own-behaviour.yaml': flow.replace('id: demo', 'id: own-behaviour') });
    const own = report.problems.filter((p) => p.file.endsWith('own-behaviour.yaml')).map(formatProblem);
    expect(own.length, 'the flow was checked').toBeGreaterThan(0); // (it is not linked from the start)
    expect(own.join('\n')).not.toMatch(/says "your behaviour"/);
  });

  it('warns about a single hard message, not only a hard flow', () => {
    const hard = 'Multidisciplinary organisations facilitate comprehensive individualised interventions, notwithstanding jurisdictional and procedural considerations.';
    const { warnings, errors } = messagesOf(validFlow.replace('say: Hello. Pick one.', `say:\n      - ${hard}\n      - Pick one.`));
    expect(warnings.join('\n')).toMatch(/node "start", message 1: is hard to read \(reading ease -?\d+(\.\d)?; aim for 35 or more\)/);
    expect(errors.join('\n')).not.toMatch(/message 1: is hard/);
  });

  it('counts words and scores reading ease as a reader meets them (a token is one word)', () => {
    expect(words('Call {phone:national-helpline} **now**.')).toEqual(['Call', 'X', 'now.']);
    expect(flesch(['The cat sat on the mat.'], { services: [] }).score).toBeGreaterThan(100);
    expect(bannedPhrases.every((b) => b.why.trim().length > 0), 'every banned phrase says why').toBe(true);
  });
});

describe('the live content', () => {
  const report = liveReport();
  it('has no plain-words error, and every route reads easily enough', () => {
    const errors = report.problems.filter((p) => p.level === 'error').map(formatProblem);
    expect(errors).toEqual([]);
    const ease = report.stats.readingEase!;
    console.log(`Reading ease: ${Object.entries(ease).map(([r, v]) => `${r} ${v}`).join('; ')}`);
    for (const [route, score] of Object.entries(ease)) expect(score, route).toBeGreaterThanOrEqual(/young/.test(route) ? minEase.young : minEase.general);
  });
});
