import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkAndCompile } from '../../src/content/compile.js';
import { diagrams } from '../../src/content/diagram.js';
import { inLang } from '../../src/shared/text.js';
import { formatProblem } from '../../src/content/problems.js';
import { compileFixture, validFlow } from './fixture.js';
import { editedCopy, flowsDir } from './live-content.js';

describe('languages are content, not code', () => {
  const widget = readFileSync(`${flowsDir}/widget.yaml`, 'utf8')
    .replace(/starts:\n(  .*\n)+/, 'starts:\n  general: demo\n  young-people: demo#start\n')
    .replace('languages:\n  en: English\n', 'languages:\n  en: English\n  cy: Cymraeg\n');
  const flow = validFlow.replace('say: Hello. Pick one.', 'say: { en: Hello. Pick one., cy: Helo. Dewiswch un. }');

  it('adding a language and translating one text needs no code change', () => {
    const report = compileFixture({ 'widget.yaml': widget, 'demo.yaml': flow });
    expect(report.problems.filter((p) => p.level === 'error')).toEqual([]);
    const content = report.content!;
    expect(Object.keys(content.languages)).toEqual(expect.arrayContaining(['en', 'cy']));
    const say = content.nodes['demo/start']!;
    expect(say.type === 'message' && inLang(say.say[0]!, 'cy')).toBe('Helo. Dewiswch un.');
    // Missing translations fall back to English.
    expect(inLang(content.strings.exit!, 'cy')).toBe('Exit this page');
    // Coverage is reported per language.
    expect(report.stats.languages.cy).toBe(1);
    expect(report.stats.languages.en).toBeGreaterThan(50);
  });
});

describe('a translation keeps the English numbers and links', () => {
  const widgetCy = readFileSync(`${flowsDir}/widget.yaml`, 'utf8')
    .replace(/starts:\n(  .*\n)+/, 'starts:\n  general: demo\n  young-people: demo#start\n')
    .replace(/languages:\n  en: English\n/, 'languages:\n  en: English\n  cy: Cymraeg\n');
  const withSay = (cy: string) =>
    compileFixture({ 'widget.yaml': widgetCy, 'demo.yaml': validFlow.replace('say: Hello. Pick one.', `say: { en: "Call {phone:national-helpline}. Pick one.", cy: "${cy}" }`) })
      .problems.filter((p) => p.level === 'error')
      .map(formatProblem)
      .join('\n');
  it('the same number in the translation passes', () => expect(withSay('Ffoniwch {phone:national-helpline}. Dewiswch un.')).toBe(''));
  it('a number pointed at another service is refused, saying which', () =>
    expect(withSay('Ffoniwch {phone:mens-advice-line}. Dewiswch un.')).toMatch(/node "start": the "cy" text has \{phone:mens-advice-line\}, but the English has \{phone:national-helpline\}/));
  it('a dropped number is refused', () => expect(withSay('Ffoniwch ni. Dewiswch un.')).toMatch(/the "cy" text has no \{…\} at all, but the English has \{phone:national-helpline\}/));
});

describe('docs/flows diagrams', () => {
  // Generated from flows/ itself: an edited copy (the editing test) has no docs of its own.
  it.skipIf(editedCopy)('are up to date with the flows (run npm run flows:diagram after editing)', () => {
    const content = checkAndCompile(flowsDir).content!;
    for (const [file, text] of diagrams(content)) {
      expect(readFileSync(`docs/flows/${file}`, 'utf8'), `docs/flows/${file} is out of date: run npm run flows:diagram`).toBe(text);
    }
  });
});
