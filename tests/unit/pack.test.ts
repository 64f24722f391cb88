import { describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { checkAndCompile } from '../../src/content/compile.js';
import { launcherOnly, packContent, packKeywords, unpackContent } from '../../src/engine/pack.js';
import { flowsDir } from './live-content.js';

describe('packed content', () => {
  const content = checkAndCompile(flowsDir).content!;
  it('unpacks to exactly what the build compiled, with topic keywords compacted', () => {
    const unpacked = unpackContent(JSON.parse(JSON.stringify(packContent(content))), packKeywords(content), content.areaTable);
    // The launcher's own words ship in the launcher's file only.
    const strings = Object.fromEntries(Object.entries(content.strings).filter(([k]) => !launcherOnly.includes(k)));
    expect(Object.keys(strings).length).toBe(Object.keys(content.strings).length - launcherOnly.length);
    expect({ ...unpacked, topics: [] }).toEqual({ ...content, strings, topics: [] });
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
