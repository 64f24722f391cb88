/** What each screen offers, as data (the engine's screenOf): the panel draws exactly this. */
import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import type { Content } from '../../src/engine/data.js';
import { areaAnswers, createChatMachine, type ChatContext, type ChatInput } from '../../src/engine/machine.js';
import { screenOf } from '../../src/engine/screen.js';
import { compileFixture, validFlow } from './fixture.js';

// The small test flow, with a topic finder and a list of local services added to its start.
const flow = validFlow
  .replace('      - label: Find support\n        next: support\n', '      - label: Find support\n        next: support\n      - label: Search\n        next: find\n      - label: Local help\n        next: local\n')
  .concat(`  find:
    type: finder
    say: Type a word.
    choices:
      - label: Back to the start
        next: start
  local:
    type: services
    topic: Local help
    keywords: [local help, near me]
    say: Help near you.
    tags: [local]
    choices:
      - label: Start
        next: start
`);
const compiled = compileFixture({ 'demo.yaml': flow });
const content = compiled.content as Content;

function contextAfter(labels: string[], input: ChatInput = {}): ChatContext {
  const actor = createActor(createChatMachine(content), { input }).start();
  for (const label of labels) {
    const screen = screenOf(content, actor.getSnapshot().context);
    const answer = screen.answers.find((a) => a.label === label);
    if (!answer) throw new Error(`no answer "${label}" on ${screen.node}: ${screen.answers.map((a) => a.label).join(', ')}`);
    actor.send(answer.event);
  }
  return actor.getSnapshot().context;
}

describe('screenOf', () => {
  it('compiles the fixture', () => expect(compiled.problems.filter((p) => p.level === 'error')).toEqual([]));

  it('on the start: the node’s answers, no search, no Back and no Start again', () => {
    const s = screenOf(content, contextAfter([]));
    expect(s).toMatchObject({ node: 'demo/start', search: null, offered: 0 });
    expect(s.answers.map((a) => [a.label, a.event.type, a.secondary ?? false])).toEqual([
      ['Take the check', 'CHOOSE', false],
      ['Find support', 'CHOOSE', false],
      ['Search', 'CHOOSE', false],
      ['Local help', 'CHOOSE', false],
    ]);
  });

  it('after an answer: the node’s answers, then Back and Start again, drawn less prominently', () => {
    const s = screenOf(content, contextAfter(['Find support']));
    expect(s.answers.slice(-2).map((a) => [a.event.type, a.secondary])).toEqual([
      ['BACK', true],
      ['RESTART', true],
    ]);
  });

  it('a list of local services with no area known asks it: every council, then not sure / outside / not said; a search’s find first, never twice', () => {
    const ctx = contextAfter(['Local help']);
    const s = screenOf(content, ctx);
    expect(s.search).toBe('area');
    const areas = s.answers.filter((a) => a.event.type === 'SET_AREA').map((a) => (a.event as { area: string }).area);
    expect(areas).toEqual([...content.councils.map((c) => c.id), ...areaAnswers]);
    const found = screenOf(content, ctx, { areas: ['thanet'] });
    expect(found.offered).toBe(1);
    const foundAreas = found.answers.filter((a) => a.event.type === 'SET_AREA').map((a) => (a.event as { area: string }).area);
    expect(foundAreas[0]).toBe('thanet');
    expect(foundAreas.filter((a) => a === 'thanet')).toHaveLength(1);
    expect(foundAreas).toHaveLength(areas.length);
  });

  it('the same list with the area known shows its answers, not the councils', () => {
    const s = screenOf(content, contextAfter(['Local help'], { area: 'thanet' }));
    expect(s.search).toBeNull();
    expect(s.answers[0]).toMatchObject({ label: 'Start', event: { type: 'CHOOSE', index: 0 } });
  });

  it('the topic finder: topics it found come first, its own answers then drawn less prominently', () => {
    const ctx = contextAfter(['Search']);
    expect(screenOf(content, ctx).search).toBe('topics');
    expect(screenOf(content, ctx).answers[0]).toMatchObject({ label: 'Back to the start', event: { type: 'CHOOSE', index: 0 } });
    const s = screenOf(content, ctx, { topics: ['demo/local'] });
    expect(s.answers[0]).toEqual({ label: 'Local help', event: { type: 'GO', node: 'demo/local' } });
    expect(s.answers[1]).toMatchObject({ label: 'Back to the start', secondary: true });
  });
});
