// Every kind of schema mistake has a sentence an editor can act on (src/content/explain.ts): one
// test per kind, each through a real flow file, so the file, line and node are there too.
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/content/problems.js';
import { compileFixture, validFlow } from './fixture.js';

const errorsWith = (flow: string) =>
  compileFixture({ 'demo.yaml': flow })
    .problems.filter((p) => p.level === 'error')
    .map(formatProblem)
    .join('\n');

describe('plain words for every schema mistake', () => {
  it.each([
    ['a field that is not allowed (unrecognized_keys)', validFlow.replace('    say: Hello. Pick one.', '    sai: Hello. Pick one.'), /node "start": Has unknown field "sai" \(a typo\?\)\. Allowed fields here: type, say, choices, forget, topic, keywords, urgent, sources\./],
    ['a field that is missing (invalid_type, nothing there)', validFlow.replace('        next: support\n', ''), /node "start": choice 2, field "next" is missing: it needs text\./],
    ['a field of the wrong kind (invalid_type)', validFlow.replace('    emergency: true', '    emergency: [yes]'), /node "support": field "emergency" must be true or false, but is a list\./],
    ['a value not in the list (invalid_value)', validFlow.replace('    type: services', '    type: services\n    urgent: yes'), /node "support": field "urgent" is text "yes"; allowed: true\./],
    ['a text of the wrong form (invalid_union)', validFlow.replace('say: Hello. Pick one.', 'say: { en: Hello, cy: [a, b] }'), /node "start": field "say", field "cy" must be text, but is a list\./],
    ['a list with too few items (too_small)', validFlow.replace('    tags: [everyone]', '    tags: []'), /node "support": field "tags" needs at least one tag, e\.g\. \[everyone\]\./],
    ['an empty text (too_small, text)', validFlow.replace('say: Hello. Pick one.', 'say: " "'), /node "start": field "say" must not be empty\./],
    ['a name that is not allowed on the left of a colon (invalid_key)', validFlow.replace('say: Hello. Pick one.', 'say: { en: Hello, Welsh: Helo }'), /node "start": field "say" has "Welsh:", and that name must be a language code/],
    ['a colon in a list item\'s text, which YAML reads as a field', validFlow.replace('say: Hello. Pick one.', 'say:\n      - What now: pick one\n      - Pick one.'), /node "start": message 1 has "What now: …", which YAML reads as a field because of the colon and the space after it\. Put the whole text in straight double quotes: "What now: pick one"\./],
    ['curly quotes around a list item\'s text', validFlow.replace('say: Hello. Pick one.', 'say:\n      - “Time: 5 minutes”\n      - Pick one.'), /node "start": message 1 is in curly quotes \(“ ”\), which YAML does not read as quotes.*"Time: 5 minutes"/],
    ['an id in the wrong form (invalid_format)', validFlow.replace('        next: support', '        next: Support Page'), /node "start": choice 2, field "next" must be a node id \("danger-now"\) or flow id and node id \("safety-check#start"\)\./],
  ])('%s', (_name, flow, message) => {
    expect(errorsWith(flow)).toMatch(message);
  });
});
