// The diagrams editors read (docs/flows): small groups, every screen in one, services named, and a
// page that needs no internet.
import { describe, expect, it } from 'vitest';
import { diagrams, groupsOf, maxBoxes } from '../../src/content/diagram.js';
import { firstCards, selectServices } from '../../src/engine/services.js';
import { liveContent } from './live-content.js';

const content = liveContent();
const flows = [...new Set(Object.keys(content.nodes).map((k) => k.split('/')[0]!))];
const groups = flows.flatMap((f) => groupsOf(content, f));

describe('the flow diagrams', () => {
  it(`cut every flow into groups of at most ${maxBoxes} screens, each screen in exactly one`, () => {
    for (const g of groups) expect(g.keys.length, g.title).toBeLessThanOrEqual(maxBoxes);
    const placed = groups.flatMap((g) => g.keys).sort();
    expect(placed).toEqual(Object.keys(content.nodes).sort());
    console.log(`${groups.length} diagrams for ${flows.length} flows; screens per diagram: ${groups.map((g) => g.keys.length).join(', ')}`);
  });

  it('name the services each services screen shows first', () => {
    const files = diagrams(content);
    const services = Object.keys(content.nodes).filter((k) => content.nodes[k]!.type === 'services' && !k.startsWith('young/'));
    expect(services.length).toBeGreaterThan(0);
    for (const key of services) {
      const node = content.nodes[key]!;
      if (node.type !== 'services') continue;
      const shown = firstCards(selectServices(content, { tags: node.tags, area: null, audience: 'general', emergency: !!node.emergency }));
      const first = [...shown.emergency, ...shown.local, ...shown.national][0]!;
      const name = typeof first.name === 'string' ? first.name : first.name.en!;
      expect(files.get(`${key.split('/')[0]}.md`), key).toContain(`• ${name.length > 40 ? name.slice(0, 39) : name}`);
    }
  });

  it('draw the page as SVG in the file itself: no script, nothing from the internet', () => {
    const page = diagrams(content).get('index.html')!;
    expect(page).not.toMatch(/<script/i);
    expect(page.replace(/xmlns="http:\/\/www\.w3\.org\/2000\/svg"/g, '')).not.toMatch(/https?:\/\//);
    expect(page.match(/<svg /g)?.length).toBe(groups.length);
  });
});
