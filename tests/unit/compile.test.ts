import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/content/problems.js';
import { checkAndCompile } from '../../src/content/compile.js';
import { compileFixture, validCheck, validFlow } from './fixture.js';
import { flowsDir } from './live-content.js';

const errorsOf = (files: Record<string, string>) =>
  compileFixture(files).problems.filter((p) => p.level === 'error').map(formatProblem);

describe('the shipped flows', () => {
  it('compile with no errors', () => {
    const report = checkAndCompile(flowsDir);
    expect(report.problems.filter((p) => p.level === 'error').map(formatProblem)).toEqual([]);
    expect(report.content).toBeDefined();
  });
});

describe('the fixture', () => {
  it('is valid', () => {
    expect(errorsOf({})).toEqual([]);
  });
});

/** One deliberately broken fixture per check; each must fail with its own message. */
describe('each check names the file, the node, what is wrong and what is allowed', () => {
  const cases: [string, Record<string, string>, RegExp][] = [
    ['a typo in a field name', { 'demo.yaml': validFlow.replace('        next: support', '        nxt: support') }, /demo\.yaml:\d+ — node "start": choice 2 has unknown field "nxt" \(a typo\?\)\. Allowed fields here: label, next\./],
    ['a next that leads nowhere', { 'demo.yaml': validFlow.replace('next: support', 'next: suport') }, /demo\.yaml:\d+ — node "start", choice 2: leads to "suport", but flow "demo" has no node "suport"/],
    ['a link to a missing flow', { 'demo.yaml': validFlow.replace('next: support', 'next: nope#start') }, /leads to "nope#start", but there is no flow "nope"/],
    ['an unreachable node', { 'demo.yaml': `${validFlow}  lonely:\n    say: Nobody links here.\n    choices:\n      - label: Support\n        next: support\n` }, /node "lonely": cannot be reached from the start/],
    ['a node with no way on to support', { 'demo.yaml': validFlow.replace('      - label: Find support\n        next: support\n', '      - label: Loop\n        next: loop\n').replace('  support:', '  loop:\n    say: Round and round.\n    choices:\n      - label: Again\n        next: loop\n  support:') }, /node "loop": has no way on to a services node/],
    ['a message with no choices', { 'demo.yaml': validFlow.replace('    choices:\n      - label: Start\n        next: start\n', '    choices: []\n') }, /node "support": field "choices" needs at least one choice, so the person always has a way on/],
    ['an unknown node type', { 'demo.yaml': validFlow.replace('type: services', 'type: servics') }, /node "support": field "type" is "servics"; allowed: message, question, branch, services, area, step, plan/],
    ['an unknown services tag', { 'demo.yaml': validFlow.replace('tags: [everyone]', 'tags: [everyone, aliens]') }, /node "support": uses the tag "aliens", which is not in flows\/services\.yaml\. Allowed tags: everyone/],
    ['a question nobody routes on', { 'check.yaml': validCheck.replace("      - when: { any: [{ key: choke, is: yes }] }", "      - when: { any: [{ key: danger, is: no }] }") }, /node "q-choke": asks a question kept under "choke", but no branch uses "choke"/],
    ['a branch on a key nobody asks', { 'check.yaml': validCheck.replace('{ key: choke, is: yes }', '{ key: chokes, is: yes }') }, /routes on "chokes", but no question asks it/],
    ['a duplicate node id', { 'demo.yaml': validFlow.replace('  support:\n', '  start:\n    say: again\n    choices:\n      - label: x\n        next: support\n  support:\n') }, /demo\.yaml:\d+ — The same id or field appears twice in one place/],
    ['a flow id that differs from its file name', { 'demo.yaml': validFlow.replace('id: demo', 'id: demos') }, /The flow id "demos" differs from the file name/],
    ['a colon in unquoted text', { 'demo.yaml': validFlow.replace('    say: Hello. Pick one.', '    say: Hello: pick one: now') }, /demo\.yaml:6 — The text on this line has a colon followed by a space \(": "\).*Put the whole text in straight double quotes/],
    ['a tab', { 'demo.yaml': validFlow.replace('    say: Hello. Pick one.', '\tsay: Hello. Pick one.') }, /demo\.yaml:6 — This line is indented with a tab\. YAML needs spaces/],
    ['curly quotes from Word', { 'demo.yaml': validFlow.replace('    say: Hello. Pick one.', '    say: “Time: 5 minutes”') }, /demo\.yaml:6 — This line has curly quotes \(“ ”\), which YAML does not read as quotes/],
    ['a long dash for a list item', { 'demo.yaml': validFlow.replace('      - label: Find support', '      – label: Find support') }, /demo\.yaml:\d+ — This line starts with a long dash \(–\).*Type a plain hyphen/],
    ['a mistyped next', { 'demo.yaml': validFlow.replace('next: support', 'next: suport') }, /leads to "suport", but flow "demo" has no node "suport"\. Did you mean "support"\?/],
    ['a language written as a word', { 'demo.yaml': validFlow.replace('say: Hello. Pick one.', 'say: { en: Hello. Pick one., Polish: Dzień dobry. }') }, /demo\.yaml:\d+ — node "start": field "say" has "Polish:", and that name must be a language code such as "en", "cy" or "pt-br"\./],
    ['a service mistake, named by the service\'s id', { 'services.yaml': readFileSync(`${flowsDir}/services.yaml`, 'utf8').replace(/(- id: emergency\n[\s\S]*?tags: )\[[^\]]*\]/, '$1emergency') }, /services\.yaml:\d+ — service "emergency": field "tags" must be a list \(lines starting with "- "\), but is text "emergency"\./],
    ['a mistyped tag', { 'demo.yaml': validFlow.replace('tags: [everyone]', 'tags: [everyon]') }, /uses the tag "everyon", which is not in flows\/services\.yaml\. Did you mean "everyone"\?/],
    ['999 mentioned late in a node', { 'demo.yaml': validFlow.replace('    say: Hello. Pick one.', `    say:\n      - ${'A long opening message about many things, written to fill the screen of a small phone. '.repeat(2)}\n      - If you are in danger now, call 999.`) }, /demo\.yaml:\d+ — node "start": mentions 999 in message 2, after \d+ characters of other text\. A Call 999 button shows under that message.*at most 160 characters/],
    ['HTML in text', { 'demo.yaml': validFlow.replace('Hello. Pick one.', 'Hello <b>there</b>') }, /contains HTML \("<b>"\)\. Text cannot contain HTML/],
    ['a typed phone number', { 'demo.yaml': validFlow.replace('Hello. Pick one.', 'Call 0808 2000 247 now') }, /contains the number "0808 2000 247"\. Phone numbers come only from flows\/services\.yaml: write \{phone:service-id\}/],
    ['a token for a missing service', { 'demo.yaml': validFlow.replace('Hello. Pick one.', 'Call {phone:nobody}') }, /refers to \{phone:nobody\}, but there is no service "nobody"/],
    ['text in an unknown language', { 'demo.yaml': validFlow.replace('say: Hello. Pick one.', 'say: { en: Hello, xx: Hallo }') }, /has text in "xx", which is not a language in flows\/widget\.yaml/],
    ['a wrong value in a condition', { 'check.yaml': validCheck.replace('is: [yes, not-sure]', 'is: [yes, maybe]') }, /node "route-danger": .*"maybe"; allowed: "yes", "no", "not-sure"/],
  ];
  it('one unreadable file gives one error, not a cascade from the files that link to it', () => {
    const report = compileFixture({ 'check.yaml': validCheck.replace('    say: A few questions. Nothing is saved.', '    say: A few questions: nothing: is saved.') });
    const errors = report.problems.filter((p) => p.level === 'error').map(formatProblem);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/check\.yaml:\d+ — The text on this line has a colon/);
  });

  it('a node that fails its own check is reported there once, not again by each link to it', () => {
    const report = compileFixture({ 'demo.yaml': validFlow.replace('say: Hello. Pick one.', 'say: { en: Hello. Pick one., Polish: Dzień dobry. }') });
    const errors = report.problems.filter((p) => p.level === 'error').map(formatProblem);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/node "start": field "say" has "Polish:"/);
  });

  it.each(cases)('%s', (_name, files, message) => {
    const errors = errorsOf(files);
    expect(errors.join('\n')).toMatch(message);
  });

  it('a banned number, a non-UK number and a non-https link in services', () => {
    const services = readFileSync(`${flowsDir}/services.yaml`, 'utf8');
    const broken = services
      .replace('number: "0808 2000 247"', 'number: "0808 16 99 111"')
      .replace('number: "0808 801 0327"', 'number: "+1 555 0100"')
      .replace('url: "https://refugetechsafety.org"', 'url: "http://refugetechsafety.org"');
    const errors = errorsOf({ 'services.yaml': broken }).join('\n');
    expect(errors).toMatch(/service "national-helpline": contact 1 has the number 0808 16 99 111, which is a misprint/);
    expect(errors).toMatch(/service "mens-advice-line": contact 1 has the number "\+1 555 0100", which is not a UK phone number/);
    expect(errors).toMatch(/service "refuge-tech-safety": contact 1 has the link "http:\/\/refugetechsafety\.org"\. Only secure https:\/\/ links are allowed/);
  });

  it('warns when a service was checked over 12 months ago', () => {
    const services = readFileSync(`${flowsDir}/services.yaml`, 'utf8');
    // The national helpline's "checked", whatever it says now, set to 18 months before today.
    const today = new Date();
    const old = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 18, 1)).toISOString().slice(0, 7);
    const edited = services.replace(/(- id: national-helpline\n[\s\S]*?checked: )\S+/, `$1${old}`);
    expect(edited).not.toBe(services);
    const report = compileFixture({ 'services.yaml': edited });
    const warnings = report.problems.filter((p) => p.level === 'warning').map(formatProblem).join('\n');
    expect(warnings).toMatch(new RegExp(`service "national-helpline": was last checked ${old}, over 12 months ago`));
    expect(report.content).toBeDefined();
  });
});
