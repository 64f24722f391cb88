import { expect } from '@esm-bundle/chai';
import { $, buttonNamed, cleanup, mount, transcript, until } from './helpers.js';

afterEach(cleanup);

describe('clearing the conversation', () => {
  it('the visible "Clear chat" control wipes the conversation to a neutral start', async () => {
    const el = await mount('<safety-chat mode="inline" area="thanet"></safety-chat>');
    await until(() => buttonNamed(el, "I'm in danger now"), 'welcome');
    buttonNamed(el, "I'm in danger now")!.click();
    await until(() => /call 999/.test(transcript(el)), '999');
    const clear = $<HTMLButtonElement>(el, 'button.clear')!;
    expect(clear.textContent!.trim()).to.equal('Clear chat');
    clear.click();
    await el.updateComplete;
    expect(transcript(el)).to.not.match(/call 999/);
    expect(buttonNamed(el, "I'm in danger now")).to.not.equal(undefined);
  });

  it('wipes after the clear-after idle time (a one-minute wait, run 200 times faster)', async () => {
    // A fast clock for this test only: every timer of a minute or more fires 200 times sooner.
    const realSetTimeout = window.setTimeout;
    window.setTimeout = ((fn: TimerHandler, ms = 0, ...args: unknown[]) => realSetTimeout(fn, ms >= 60_000 ? ms / 200 : ms, ...args)) as typeof setTimeout;
    try {
      const el = await mount('<safety-chat mode="inline" area="thanet" clear-after="1"></safety-chat>');
      await until(() => buttonNamed(el, "I'm in danger now"), 'welcome');
      buttonNamed(el, "I'm in danger now")!.click();
      await until(() => /call 999/.test(transcript(el)), '999');
      await until(() => !/call 999/.test(transcript(el)), 'idle clear', 3000);
      expect(transcript(el)).to.match(/automated guide/);
    } finally {
      window.setTimeout = realSetTimeout;
    }
  });
});
