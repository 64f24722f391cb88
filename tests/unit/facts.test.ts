/**
 * Every fact the chat states has a source (src/content/facts.ts), and the README's table of which
 * answers lead where is made from the flows (src/content/outcomes.ts). Fixtures for the code; the
 * live flows only for rules that must hold whatever an editor writes.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkFacts, factIn, monthsSince, sourcesDoc } from '../../src/content/facts.js';
import { loadFlows } from '../../src/content/load.js';
import { describe as describeCondition, outcomesDoc, outcomesEnd, outcomesStart, withOutcomes } from '../../src/content/outcomes.js';
import { formatProblem } from '../../src/content/problems.js';
import { compileFixture, makeFlows, validFlow } from './fixture.js';
import { editedCopy, flowsDir, liveReport } from './live-content.js';

const today = new Date(Date.UTC(2026, 11, 7));
const source = (checked: string) => `    sources:\n      - { title: "legislation.gov.uk: Family Law Act 1996, section 42A", url: "https://www.legislation.gov.uk/ukpga/1996/27/section/42A", checked: "${checked}" }\n`;
const factFlow = (sources = '') =>
  validFlow.replace('    say: Hello. Pick one.\n', `    say:\n      - Hello. Breaking a non-molestation order is a crime.\n${sources}`);

describe('facts need sources', () => {
  it.each([
    ['It is a crime.', 'a law'],
    ['The Domestic Abuse Act says so.', 'a law'],
    ['The age of consent is 16.', 'a law'],
    ['You may get legal aid.', 'a right'],
    ['There is no court fee.', 'a right'],
    ['An occupation order can help.', 'a procedure'],
    ['Police aim to answer within 28 days.', 'a procedure'],
    ['On a mobile, press 55 when asked.', 'a procedure'],
    ['One in four reports came from men.', 'a statistic'],
    ['About 30% of them.', 'a statistic'],
  ])('"%s" states %s', (text, is) => {
    expect(factIn(text)?.is).toBe(is);
  });

  it.each(['You are not alone.', 'Call 999 if you are in danger now.', 'It is not your fault.'])('"%s" states no fact', (text) => {
    expect(factIn(text)).toBeUndefined();
  });

  it('a node that states a fact without sources is an error naming the file, line, node and an example', () => {
    const r = compileFixture({ 'demo.yaml': factFlow() });
    const msg = r.problems.filter((p) => p.level === 'error').map(formatProblem);
    expect(msg).toHaveLength(1);
    expect(msg[0]).toMatch(/flows-[^/]*\/demo\.yaml:\d+ — node "start": states a law \("a crime"\) but has no "sources"/);
    expect(msg[0]).toMatch(/url: "https:\/\/www\.gov\.uk\/…"/);
    expect(r.content).toBeUndefined();
  });

  it('with a source the node compiles, and the source stays out of the shipped content', () => {
    const r = compileFixture({ 'demo.yaml': factFlow(source('2026-12')) });
    expect(r.problems.filter((p) => p.level === 'error')).toEqual([]);
    expect(JSON.stringify(r.content)).not.toContain('legislation.gov.uk');
  });

  it('a source checked over 12 months ago is a warning to re-check it', () => {
    const flows = loadFlows(makeFlows({ 'demo.yaml': factFlow(source('2025-11')) })).flows;
    const problems = checkFacts(flows, today);
    expect(problems.map((p) => [p.level, p.id])).toEqual([['warning', 'start']]);
    expect(problems[0]!.message).toMatch(/last checked 2025-11, over 12 months ago\. Open https:\/\/www\.legislation\.gov\.uk/);
    expect(checkFacts(loadFlows(makeFlows({ 'demo.yaml': factFlow(source('2025-12')) })).flows, today)).toEqual([]);
    expect(monthsSince('2025-12', today)).toBe(12);
  });

  it('a source must be an https address with a title', () => {
    const bad = factFlow('    sources:\n      - { title: "x", url: "www.gov.uk", checked: "2026-12" }\n');
    const msg = compileFixture({ 'demo.yaml': bad }).problems.map(formatProblem).join('\n');
    expect(msg).toMatch(/title.*needs a title/);
    expect(msg).toMatch(/url.*must be the web address of the page, starting with https:\/\//);
  });

  it('docs/sources.md lists each source once, with every screen that relies on it, oldest check first', () => {
    const two = factFlow(source('2026-12')).replace(
      '  support:\n',
      `  more:\n    say: You may get legal aid.\n${source('2026-10')}    choices:\n      - label: Back\n        next: start\n  support:\n`,
    );
    const doc = sourcesDoc(loadFlows(makeFlows({ 'demo.yaml': two })).flows);
    const rows = doc.split('\n').filter((l) => l.startsWith('| 20'));
    expect(rows).toEqual(['| 2026-10 | [legislation.gov.uk: Family Law Act 1996, section 42A](https://www.legislation.gov.uk/ukpga/1996/27/section/42A) | `demo#start`, `demo#more` |']);
  });

  it('in the live flows, every node that states a fact has a source', () => {
    const errors = liveReport().problems.filter((p) => p.level === 'error' && /has no "sources"/.test(p.message));
    expect(errors.map(formatProblem)).toEqual([]);
  });

  it.skipIf(editedCopy)('docs/sources.md is up to date with the flows (run npm run flows:sources after editing)', () => {
    expect(readFileSync('docs/sources.md', 'utf8')).toBe(sourcesDoc(loadFlows(flowsDir).flows));
  });
});

describe('which answers lead where', () => {
  const check = loadFlows(makeFlows()).flows.find((f) => f.id === 'check')!;

  it('writes each kind of condition in words, with the question the person reads', () => {
    expect(describeCondition(check, { key: 'danger', is: ['yes', 'not-sure'] })).toBe('"yes" or "not sure" to `danger` (“Are you in danger now?”)');
    expect(describeCondition(check, { not: { key: 'choke', is: 'no' } })).toBe('any answer but "no", or none, to `choke` (“Has the person ever choked you?”)');
    expect(describeCondition(check, { count: [{ key: 'choke', is: 'yes' }, { key: 'danger', is: 'yes' }], atLeast: 2 })).toBe(
      'at least 2 of:\n   - "yes" to `choke` (“Has the person ever choked you?”)\n   - "yes" to `danger` (“Are you in danger now?”)',
    );
    expect(describeCondition(check, { all: [{ any: [{ key: 'choke', is: 'yes' }] }] })).toBe('all of:\n   - any one of:\n      - "yes" to `choke` (“Has the person ever choked you?”)');
  });

  it('lists every branch of every private flow in order, ending with "otherwise"', () => {
    const doc = outcomesDoc([check]);
    expect(doc).toContain('#### A private check (`check`)');
    expect(doc).toContain('After `route-danger`:\n\n1. → `check#now` when "yes" or "not sure" to `danger`');
    expect(doc).toContain('2. → `check#general` otherwise');
    expect(outcomesDoc(loadFlows(makeFlows()).flows.filter((f) => !f.private))).toBe('');
  });

  it('replaces only the part of the README between the markers', () => {
    const readme = `# Guide\n\nBefore.\n\n${outcomesStart}\nold table\n${outcomesEnd}\n\nAfter.\n`;
    const out = withOutcomes(readme, [check]);
    expect(out.startsWith('# Guide\n\nBefore.\n\n')).toBe(true);
    expect(out.endsWith(`${outcomesEnd}\n\nAfter.\n`)).toBe(true);
    expect(out).not.toContain('old table');
    expect(withOutcomes(out, [check])).toBe(out);
    expect(withOutcomes('no markers', [check])).toBe('no markers');
  });

  it.skipIf(editedCopy)("flows/README.md's table is current (npm run flows:check rewrites it)", () => {
    const readme = readFileSync('flows/README.md', 'utf8');
    expect(readme).toContain(outcomesStart);
    expect(readme).toBe(withOutcomes(readme, loadFlows(flowsDir).flows));
  });
});
