/**
 * axe-core (WCAG 2.0/2.1/2.2 A and AA rules) on every kind of state the widget can be in,
 * in launcher mode (council page) and inline mode (school page), at 320 and 1280 CSS px.
 * axe reads the widget's open shadow root; only the widget is scanned (the host page is not ours).
 */
import { describe, expect, it } from 'vitest';
import { answer, areaQuestion, axe, cards, flowsHaveNodeType, hostPage, pathToNodeType, open, openPanel, search, useBrowser, type Page } from './helpers.js';

const env = useBrowser();
const hasFinder = flowsHaveNodeType('finder');

/** Scan, and fail with every violation listed. */
async function clean(page: Page, state: string) {
  const found = await axe(page);
  expect(found, `${state}:\n${found.join('\n')}`).toEqual([]);
}

// Regression (found by this suite, fixed): src/panel/panel.ts view() — the transcript <div role="log"> scrolls but cannot take focus in
// browsers without focusable scrollers (Safari), so keyboard users cannot scroll back through it.
// Add tabindex="0" to it (see report), then delete 'scrollable-region-focusable' from pendingRules.
it('the scrolling transcript is keyboard reachable (axe scrollable-region-focusable)', async () => {
  const { page, close } = await open(env, '/demo/council.html', { width: 320 });
  await openPanel(page);
  await answer(page, 'Understand abuse');
  await answer(page, 'Being controlled');
  expect(await axe(page, 'safety-chat', ['scrollable-region-focusable'])).toEqual([]);
  expect(await page.locator('safety-chat [role="log"]').getAttribute('tabindex')).toBe('0');
  await close();
});

describe.each([320, 1280])('at %i CSS px', (width) => {
  it('launcher mode (council page): closed launcher, welcome, a topic, a safety-check question, stop', async () => {
    const { page, close } = await open(env, '/demo/council.html', { width });
    await clean(page, 'closed launcher');
    await openPanel(page);
    await clean(page, 'welcome');
    await answer(page, 'Understand abuse');
    await answer(page, 'Being controlled');
    await clean(page, 'a topic');
    await answer(page, 'Back');
    await answer(page, 'Start again');
    await answer(page, 'Check my safety');
    await answer(page, 'Start the check');
    await clean(page, 'a safety-check question');
    await answer(page, 'No');
    await answer(page, 'Stop the check');
    await clean(page, 'safety check stopped (private answers collapsed into a note)');
    await close();
  });

  it('the area question: search box, "did you mean", "unknown", then the services cards', async () => {
    const { page, close } = await open(env, '/demo/council.html', { width });
    await openPanel(page);
    await answer(page, 'Find support near me');
    await areaQuestion(page);
    await clean(page, 'area question with search box');
    await search(page, 'Margte');
    await page.locator('safety-chat .prompt.found', { hasText: /Did you mean Margate/ }).waitFor();
    await clean(page, 'area search: did you mean');
    await search(page, 'qwertyuiop');
    await page.locator('safety-chat .prompt.found', { hasText: /We could not find that/ }).waitFor();
    await clean(page, 'area search: unknown');
    await search(page, 'TN15');
    await page.locator('safety-chat .prompt.found', { hasText: /split between councils/ }).waitFor();
    await clean(page, 'area search: split district');
    await answer(page, /^Thanet/);
    await cards(page);
    await clean(page, 'an outcome with services cards');
    await close();
  });

  it('an emergency outcome (999 card first)', async () => {
    const { page, close } = await open(env, '/demo/partner.html', { width, bypassCSP: true });
    await openPanel(page);
    await answer(page, "I'm in danger now");
    await answer(page, 'Show me who can help');
    await cards(page);
    await clean(page, 'emergency services cards');
    await close();
  });

  it('the safety plan summary with kept and done steps', async () => {
    const { page, close } = await open(env, '/demo/council.html', { width });
    await openPanel(page);
    await answer(page, 'Make a safety plan');
    await answer(page, 'I live with the person hurting me');
    await answer(page, 'Show me the steps');
    await clean(page, 'a safety-plan step');
    await answer(page, 'Add to my plan');
    await answer(page, "I've done this");
    await answer(page, 'Not for me');
    await answer(page, 'Add to my plan');
    await answer(page, 'Show my plan');
    await page.locator('safety-chat .card.plan li').first().waitFor();
    await clean(page, 'safety plan summary');
    await close();
  });

  it.skipIf(!hasFinder)('the topic finder, with results and with none', async () => {
    // Runs once a flow has a node of `type: finder` (none does yet).
    const { page, close } = await open(env, '/demo/council.html', { width });
    await openPanel(page);
    const finder = page.locator('safety-chat #sc-find');
    // Reach the finder by the shortest run of answers from the welcome (content decides where it is).
    for (const label of pathToNodeType('finder') ?? []) await answer(page, label);
    await finder.waitFor({ timeout: 5000 });
    await search(page, 'money');
    await page.locator('safety-chat .prompt.found').waitFor();
    await clean(page, 'topic finder with results');
    await search(page, 'zzzzqqq');
    await page.locator('safety-chat .prompt.found', { hasText: /Nothing matched/ }).waitFor();
    await clean(page, 'topic finder with no results');
    await close();
  });

  it('inline mode (school page, young people)', async () => {
    const { page, close } = await open(env, '/demo/school.html', { width });
    await openPanel(page);
    await clean(page, 'inline welcome');
    await answer(page, 'Who can I talk to?');
    await clean(page, 'inline, next screen');
    await close();
  });

  it('an error state: invalid attributes are reported, and the widget still renders cleanly', async () => {
    const bad = hostPage('<safety-chat mode="floating" area="narnia" audience="kids" exit-url="javascript:alert(1)" label="Get help"></safety-chat>', 'Bad attributes');
    const { page, errors, close } = await open(env, '/demo/a11y-bad.html', { width, pages: { '/demo/a11y-bad.html': bad } });
    await clean(page, 'error state, closed');
    await openPanel(page);
    await clean(page, 'error state, open');
    expect(errors.join('\n')).toMatch(/mode/);
    expect(errors.join('\n')).toMatch(/area/);
    await close();
  });
});
