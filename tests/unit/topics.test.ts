/** Every topic leads on: to learn more, to the safety check, and to support. */
import { describe, expect, it } from 'vitest';
import { checkAndCompile, nextOf } from '../../src/content/compile.js';
import type { Content, NodeKey } from '../../src/engine/data.js';
import { flowsDir } from './live-content.js';

const content = checkAndCompile(flowsDir).content as Content;
const topics = content.topics.map((t) => t.node);

/** Nodes reachable within `steps` answers. */
function near(from: NodeKey, steps: number): Set<NodeKey> {
  let frontier = [from];
  const seen = new Set(frontier);
  for (let i = 0; i < steps; i++) {
    frontier = frontier.flatMap((k) => nextOf(content.nodes[k]!)).filter((k) => !seen.has(k) && seen.add(k));
  }
  return seen;
}
const isMenu = (k: NodeKey) => {
  const n = content.nodes[k]!;
  return 'choices' in n && (n.choices?.length ?? 0) >= 4;
};

describe('every topic leads on', () => {
  it.each(topics)('%s', (topic) => {
    const around = [...near(topic, 3)];
    expect(around.some((k) => content.nodes[k]!.type === 'services'), 'find support').toBe(true);
    expect(around.some((k) => k !== topic && isMenu(k)), 'learn more (a menu)').toBe(true);
    // The safety check is for people being hurt; the own-behaviour route and the check itself are exempt.
    // The young people's route has a check of its own, in their words.
    const check = /^young\//.test(topic) ? 'young-check/start' : 'safety-check/start';
    if (!/^(own-behaviour|safety-check|young-check)\//.test(topic)) expect(around.includes(check), 'check my safety').toBe(true);
  });

  it('only "Help in an emergency" is urgent (the finder puts it first when its words are typed)', () => {
    expect(content.topics.filter((t) => t.urgent).map((t) => t.node)).toEqual(['main/danger-now']);
  });

  it('reports the topic count', () => {
    console.log(`${topics.length} findable topics, ${Object.keys(content.nodes).length} nodes`);
    expect(topics.length).toBeGreaterThan(40);
  });
});
