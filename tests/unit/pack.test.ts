import { describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { checkAndCompile } from '../../src/content/compile.js';
import { packContent, unpackContent } from '../../src/engine/pack.js';

describe('packed content', () => {
  const content = checkAndCompile('flows').content!;
  it('unpacks to exactly what the build compiled', () => {
    expect(unpackContent(JSON.parse(JSON.stringify(packContent(content))))).toEqual(content);
  });
  it('is smaller', () => {
    const size = (x: unknown) => gzipSync(JSON.stringify(x), { level: 9 }).length;
    const [before, after] = [size(content), size(packContent(content))];
    console.log(`content gzip: ${before} B compiled, ${after} B packed`);
    expect(after).toBeLessThan(before);
  });
});
