import { expect } from '@esm-bundle/chai';
import { buttonNamed, cleanup, mount, transcript, until, type SafetyChat } from './helpers.js';

afterEach(cleanup);

interface Inspectable {
  panel: { chat: { snapshot: { context: { answers: Record<string, string>; log: { private?: boolean }[] } } } };
}
const context = (el: SafetyChat) => (el as unknown as Inspectable).panel.chat.snapshot.context;

async function answer(el: SafetyChat, label: string | RegExp) {
  await until(() => buttonNamed(el, label), `answer ${label}`);
  const before = transcript(el).length;
  buttonNamed(el, label)!.click();
  await until(() => transcript(el).length !== before, `after ${label}`);
}

describe('the safety check stores nothing', () => {
  it('keeps answers only until the outcome, then drops them and hides the questions', async () => {
    const el = await mount('<safety-chat mode="inline" area="thanet"></safety-chat>');
    await until(() => buttonNamed(el, 'Check my safety'), 'welcome');
    await answer(el, 'Check my safety');
    await answer(el, /^Start/);
    await answer(el, 'No'); // danger now
    await answer(el, 'Yes'); // very frightened
    expect(Object.keys(context(el).answers).length).to.equal(2);
    expect(transcript(el)).to.match(/very frightened/);
    await answer(el, 'Yes'); // strangulation: a serious indicator
    for (let i = 0; i < 30 && buttonNamed(el, 'Skip this question'); i++) await answer(el, 'Skip this question');
    await until(() => /IDVA|Independent Domestic Violence Advisor/.test(transcript(el)), 'serious outcome');
    expect(context(el).answers).to.deep.equal({});
    expect(transcript(el)).to.not.match(/frightened|choked|strangl/i);
    expect(transcript(el)).to.match(/Safety check finished/);
  });

  it('forgets answers when the person stops part-way', async () => {
    const el = await mount('<safety-chat mode="inline" area="thanet"></safety-chat>');
    await answer(el, 'Check my safety');
    await answer(el, /^Start/);
    await answer(el, 'No');
    await answer(el, 'Yes');
    await answer(el, 'Stop the check');
    expect(context(el).answers).to.deep.equal({});
    expect(transcript(el)).to.not.match(/frightened/);
  });

  it('forgets everything when the page is hidden (pagehide) or restored from the back-forward cache', async () => {
    for (const event of [new PageTransitionEvent('pagehide', { persisted: true }), new PageTransitionEvent('pageshow', { persisted: true })]) {
      const el = await mount('<safety-chat mode="inline" area="thanet"></safety-chat>');
      await answer(el, 'Check my safety');
      await answer(el, /^Start/);
      await answer(el, 'Yes');
      window.dispatchEvent(event);
      await el.updateComplete;
      expect(context(el).answers, event.type).to.deep.equal({});
      expect(transcript(el), event.type).to.not.match(/Start the check|danger right now/);
      cleanup();
    }
  });
});
