// The kinds of node: each kind's browser half (src/nodes/<kind>.ts) and build half
// (<kind>.schema.ts) agree, and every kind survives the packed wire form.
import { describe, expect, it } from 'vitest';
import { checkAndCompile, nextOf } from '../../src/content/compile.js';
import { choicesOf, kinds, kindOf, type ChatNode } from '../../src/nodes/index.js';
import { authoring, nodeTypes } from '../../src/nodes/schemas.js';
import { flowsDir } from './live-content.js';

const content = checkAndCompile(flowsDir).content!;
const byType = new Map<string, ChatNode[]>();
for (const n of Object.values(content.nodes)) byType.set(n.type, [...(byType.get(n.type) ?? []), n]);
// A kind the shipped flows do not use now still has to work: one made-up node of it.
const start = content.starts.general;
if (!byType.has('area')) byType.set('area', [{ type: 'area', say: ['Where do you live?'], next: start }]);

describe('node kinds', () => {
  it('each kind has a browser half and a build half, and each is tested below on real or made-up nodes', () => {
    expect(Object.keys(kinds).sort()).toEqual([...nodeTypes].sort());
    expect(Object.keys(authoring).sort()).toEqual([...nodeTypes].sort());
    expect([...byType.keys()].sort()).toEqual([...nodeTypes].sort());
  });

  it.each(nodeTypes)('%s: packs and unpacks to the same node, on every node of that kind', (type) => {
    const keys = Object.keys(content.nodes);
    const ref = (k: string) => (keys.includes(k) ? keys.indexOf(k) : Number.NaN);
    const key = (r: number) => keys[r]!;
    for (const node of byType.get(type)!) {
      const { private: _p, forget: _f, emergency: _e, ...fields } = node as ChatNode & { forget?: true; emergency?: true };
      const wire = JSON.parse(JSON.stringify(kindOf(node).pack(node, ref)));
      expect(kinds[type].unpack(wire, key)).toEqual(fields);
    }
  });

  it.each(nodeTypes)('%s: its diagram edges are where its answers lead (and a branch or area question has no answers of its own)', (type) => {
    for (const node of byType.get(type)!) {
      const answers = choicesOf(content, node);
      const edges = kindOf(node).edges(node, content.strings);
      if (type === 'branch' || type === 'area') expect(answers).toEqual([]);
      else expect(edges.map(([label, next]) => [label, next])).toEqual(answers.map((a) => [a.label, a.next]));
      expect(nextOf(node)).toEqual(edges.map(([, next]) => next));
      for (const [label] of edges) expect(label, `${type}: every way on has a label`).toBeTruthy();
    }
  });
});
