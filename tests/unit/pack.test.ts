import { describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { checkAndCompile } from '../../src/content/compile.js';
import { packContent, packKeywords, unpackContent } from '../../src/engine/pack.js';

describe('packed content', () => {
  const content = checkAndCompile('flows').content!;
  it('unpacks to exactly what the build compiled, with topic keywords compacted', () => {
    const unpacked = unpackContent(JSON.parse(JSON.stringify(packContent(content))), packKeywords(content), content.areaTable);
    expect({ ...unpacked, topics: [] }).toEqual({ ...content, topics: [] });
    expect(unpacked.topics.map((t) => [t.node, t.title])).toEqual(content.topics.map((t) => [t.node, t.title]));
    for (const [i, t] of unpacked.topics.entries()) expect(content.topics[i]!.words).toEqual(expect.arrayContaining(t.words));
  });
  it('is smaller', () => {
    const size = (x: unknown) => gzipSync(JSON.stringify(x), { level: 9 }).length;
    const [before, after] = [size(content), size(packContent(content))];
    console.log(`content gzip: ${before} B compiled, ${after} B packed`);
    expect(after).toBeLessThan(before);
  });
});
