import { describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { checkAndCompile } from '../../src/content/compile.js';
import { launcherOnly, packContent, packKeywords, packRoute, unpackContent, unpackRoute } from '../../src/engine/pack.js';
import { routeOf, routes } from '../../src/engine/routes.js';
import { flowsDir } from './live-content.js';

describe('packed content', () => {
  const content = checkAndCompile(flowsDir).content!;
  it('unpacks to exactly what the build compiled, with topic keywords compacted', () => {
    const wire = <T>(x: T): T => JSON.parse(JSON.stringify(x));
    const byRoute = Object.fromEntries(routes.map((r) => [r, wire(packRoute(content, r))]));
    const unpacked = unpackContent(wire(packContent(content)), packKeywords(content), content.areaTable, byRoute);
    // The launcher's own words ship in the launcher's file only.
    const strings = Object.fromEntries(Object.entries(content.strings).filter(([k]) => !launcherOnly.includes(k)));
    expect(Object.keys(strings).length).toBe(Object.keys(content.strings).length - launcherOnly.length);
    expect({ ...unpacked, topics: [] }).toEqual({ ...content, strings, topics: [] });
    expect(Object.keys(unpacked.nodes).sort()).toEqual(Object.keys(content.nodes).sort());
    expect(unpacked.topics.map((t) => [t.node, t.title])).toEqual(content.topics.map((t) => [t.node, t.title]));
    for (const [i, t] of unpacked.topics.entries()) expect(content.topics[i]!.words).toEqual(expect.arrayContaining(t.words));
  });
  it('ships each route\'s screens apart: the content alone has none, and each route unpacks only its own', () => {
    const packed = packContent(content);
    expect('nodes' in packed).toBe(false);
    expect(Object.keys(unpackContent(packed).nodes)).toEqual([]);
    for (const route of routes) {
      const nodes = unpackRoute(packed, route, packRoute(content, route));
      const own = Object.keys(content.nodes).filter((k) => routeOf(k) === route);
      expect(Object.keys(nodes).sort(), route).toEqual(own.sort());
      expect(own.length, route).toBeGreaterThan(0);
      for (const k of own) expect(nodes[k], k).toEqual(content.nodes[k]);
    }
    expect(routeOf('young/start')).toBe('young-people');
    expect(routeOf('young-check/start')).toBe('young-people');
    expect(routeOf('youngsters/start')).toBe('general');
    expect(routeOf('main/welcome')).toBe('general');
  });

  it('is smaller', () => {
    const size = (x: unknown) => gzipSync(JSON.stringify(x), { level: 9 }).length;
    const [before, after] = [size(content), size(packContent(content)) + routes.reduce((n, r) => n + size(packRoute(content, r)), 0)];
    console.log(`content gzip: ${before} B compiled, ${after} B packed`);
    expect(after).toBeLessThan(before);
  });
});
