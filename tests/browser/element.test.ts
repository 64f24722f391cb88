import { expect } from '@esm-bundle/chai';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { $, $$, buttonNamed, buttons, captureErrors, cleanup, mount, openPanel, transcript, until, type SafetyChat } from './helpers.js';

afterEach(cleanup);

/**
 * Loads a fixture page in an iframe; resolves with its window once loaded. The frame is sandboxed
 * without top navigation, so quick exit leaves the frame only (its documented fallback) and never
 * this test page (from an ordinary frame it replaces the whole page: tests/privacy/busy-host.test.ts).
 */
async function frame(path: string): Promise<HTMLIFrameElement> {
  const iframe = document.createElement('iframe');
  iframe.sandbox.add('allow-scripts', 'allow-same-origin');
  iframe.style.width = '800px';
  iframe.style.height = '600px';
  iframe.src = path;
  document.body.append(iframe);
  await new Promise((r) => iframe.addEventListener('load', r, { once: true }));
  return iframe;
}

describe('<safety-chat> before and at start', () => {
  /** Adds the widget's script to a fixture page that has none. */
  const start = (doc: Document) => {
    const script = doc.createElement('script');
    script.type = 'module';
    script.src = '/dist/safety-chat.js';
    doc.head.append(script);
    return doc.querySelector('safety-chat') as SafetyChat;
  };
  const box = (el: Element) => JSON.stringify(el.getBoundingClientRect());

  it('keeps its light-DOM fallback in place with a launcher, so nothing on the page moves', async () => {
    const iframe = await frame('/tests/browser/fixtures/fallback.html');
    const doc = iframe.contentDocument!;
    const [fallback, after] = [doc.getElementById('fallback')!, doc.getElementById('after')!];
    expect(fallback.getBoundingClientRect().height).to.be.greaterThan(0);
    const seen = { fallback: box(fallback), after: box(after), font: getComputedStyle(fallback).font };
    const win = iframe.contentWindow as Window & typeof globalThis;
    const shifts: number[] = [];
    new win.PerformanceObserver((list) => shifts.push(...list.getEntries().map((e) => (e as PerformanceEntry & { value: number }).value))).observe({ type: 'layout-shift' });
    const el = start(doc);
    await until(() => el.shadowRoot?.querySelector('.launcher'), 'launcher in frame');
    for (let i = 0; i < 3; i++) await new Promise((r) => win.requestAnimationFrame(r));
    // Same place, same size and the page's own text at every frame: the widget adds only its floating button.
    expect({ fallback: box(fallback), after: box(after), font: getComputedStyle(fallback).font }).to.deep.equal(seen);
    expect(shifts).to.deep.equal([]);
    iframe.remove();
  });

  it('inline, shows the fallback until the panel is drawn in its room, and with the README\'s rule nothing moves', async () => {
    const iframe = await frame('/tests/browser/fixtures/fallback-inline.html');
    const doc = iframe.contentDocument!;
    const [fallback, after] = [doc.getElementById('fallback')!, doc.getElementById('after')!];
    expect(fallback.getBoundingClientRect().height).to.be.greaterThan(0);
    const below = box(after);
    const win = iframe.contentWindow as Window & typeof globalThis;
    const shifts: number[] = [];
    new win.PerformanceObserver((list) => shifts.push(...list.getEntries().map((e) => (e as PerformanceEntry & { value: number }).value))).observe({ type: 'layout-shift' });
    const el = start(doc);
    await until(() => el.shadowRoot?.querySelector('[role="log"] .bubble'), 'inline panel in frame');
    await el.updateComplete;
    for (let i = 0; i < 3; i++) await new Promise((r) => win.requestAnimationFrame(r));
    expect(fallback.getBoundingClientRect().height).to.equal(0);
    // The panel fills the room the rule kept: the text below is where it was.
    expect(el.shadowRoot!.querySelector('[part="panel"]')!.getBoundingClientRect().height).to.be.closeTo(el.getBoundingClientRect().height, 1);
    expect(box(after)).to.equal(below);
    expect(shifts).to.deep.equal([]);
    iframe.remove();
  });

  it('draws a launcher button whose accessible name is the label', async () => {
    const el = await mount('<safety-chat label="Relationship worries?"></safety-chat>');
    const launcher = $<HTMLButtonElement>(el, 'button[part="launcher"]')!;
    expect(launcher.tagName).to.equal('BUTTON');
    expect(launcher.textContent!.trim()).to.equal('Relationship worries?');
    expect(launcher.getBoundingClientRect().width).to.be.greaterThan(40);
  });

  it('uses a discreet default label', async () => {
    const el = await mount('<safety-chat></safety-chat>');
    expect($(el, '.launcher')!.textContent!.trim()).to.equal('Need to talk?');
  });

  it('does not load the panel until asked', async () => {
    const el = await mount('<safety-chat></safety-chat>');
    expect($(el, '[role="log"]')).to.equal(null);
    expect($(el, '[part="panel"]')).to.equal(null);
  });

  it('tolerates the script being included twice', async () => {
    const errors = await captureErrors(async () => {
      await import(/* @vite-ignore */ `/dist/safety-chat.js?again=${Date.now()}`);
    });
    expect(errors).to.deep.equal([]);
    expect(customElements.get('safety-chat')).to.not.equal(undefined);
  });
});

describe('invalid configuration', () => {
  it('reports each bad attribute once with console.error, naming it and the allowed values, and uses the default', async () => {
    let el!: SafetyChat;
    const errors = await captureErrors(async () => {
      el = await mount('<safety-chat mode="popup" area="narnia" audience="kids" exit-url="javascript:alert(1)" lang="xx"></safety-chat>');
      el.requestUpdate();
      await el.updateComplete;
    });
    expect(errors).to.have.length(5);
    expect(errors.join('\n')).to.match(/mode="popup" is not allowed\. Allowed: launcher, inline/);
    expect(errors.join('\n')).to.match(/area="narnia" is not allowed\. Allowed: ashford, canterbury/);
    expect(errors.join('\n')).to.match(/audience="kids"/);
    expect(errors.join('\n')).to.match(/exit-url=.*https:\/\/www\.bbc\.co\.uk\/weather/);
    expect(errors.join('\n')).to.match(/lang="xx"/);
    expect(el.config).to.deep.include({ mode: 'launcher', area: null, audience: 'general', exitUrl: 'https://www.bbc.co.uk/weather', lang: 'en' });
    expect($(el, '.launcher')).to.not.equal(null);
  });
});

describe('the conversation', () => {
  it('opens with a welcome in a role="log" transcript and native answer buttons', async () => {
    const el = await mount('<safety-chat area="thanet"></safety-chat>');
    await openPanel(el);
    expect(transcript(el)).to.match(/automated guide/);
    expect($(el, '[part="transcript"]')!.getAttribute('role')).to.equal('log');
    expect(buttons(el).length).to.be.greaterThan(1);
    for (const b of buttons(el)) expect(b.tagName).to.equal('BUTTON');
    const exit = $(el, '[part="exit-button"]')!;
    expect(exit.tagName).to.equal('BUTTON');
    expect(exit.textContent!.trim()).to.match(/^Exit/);
    expect($(el, '[part="panel"]')!.getAttribute('aria-labelledby')).to.equal('sc-title');
  });

  it('an answer advances: "I\'m in danger now" gives 999 and the Silent Solution', async () => {
    const el = await mount('<safety-chat area="thanet"></safety-chat>');
    await openPanel(el);
    buttonNamed(el, "I'm in danger now")!.click();
    await until(() => /call 999/.test(transcript(el)), '999 message');
    expect(transcript(el)).to.match(/press 55/);
    // Focus moves to the first new answer.
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal(buttons(el)[0]);
  });

  it('shows a card for the National Domestic Abuse Helpline with a tappable number and the call-history note', async () => {
    const el = await mount('<safety-chat area="thanet"></safety-chat>');
    await openPanel(el);
    buttonNamed(el, /Find support/)!.click();
    await until(() => $$(el, '.card').length > 0, 'service cards');
    const card = $$(el, '.card').find((c) => /National Domestic Abuse Helpline/.test(c.textContent!))!;
    expect(card).to.not.equal(undefined);
    const tel = card.querySelector('a[href^="tel:"]')!;
    expect(tel.getAttribute('href')).to.equal('tel:08082000247');
    expect(card.textContent).to.match(/call history/);
    const web = card.querySelector('a[href^="https:"]')!;
    expect(web.getAttribute('rel')).to.equal('noopener noreferrer');
    // 999 comes first on this screen; the Kent line is shown for Thanet.
    expect($$(el, '.card')[0]!.textContent).to.match(/999/);
    expect(transcript(el)).to.match(/0808 168 9276/);
  });

  it('asks for the area before showing local services when it is not set', async () => {
    const el = await mount('<safety-chat></safety-chat>');
    await openPanel(el);
    buttonNamed(el, /Find support/)!.click();
    await until(() => buttonNamed(el, 'Medway (Chatham, Gillingham, Rochester, Strood, Rainham)'), 'area choices');
    expect(buttonNamed(el, 'Outside Kent and Medway')).to.not.equal(undefined);
    expect(buttonNamed(el, 'Not sure')).to.not.equal(undefined);
    buttonNamed(el, /^Medway/)!.click();
    await until(() => $$(el, '.card').length > 0, 'cards');
    expect(transcript(el)).to.match(/0800 917 9948/);
  });

  it('Back and Start again', async () => {
    const el = await mount('<safety-chat area="thanet"></safety-chat>');
    await openPanel(el);
    expect(buttonNamed(el, 'Back')).to.equal(undefined);
    const welcome = $$(el, '.bubble').length;
    buttonNamed(el, "I'm in danger now")!.click();
    await until(() => buttonNamed(el, 'Back'), 'Back');
    buttonNamed(el, 'Back')!.click();
    await until(() => buttonNamed(el, "I'm in danger now"), 'welcome answers again');
    buttonNamed(el, "I'm in danger now")!.click();
    await until(() => buttonNamed(el, 'Start again'), 'Start again');
    buttonNamed(el, 'Start again')!.click();
    await until(() => !/call 999/.test(transcript(el)), 'fresh transcript');
    expect($$(el, '.bubble').length).to.equal(welcome);
  });

  it('closing the panel wipes the conversation as Clear does: the next person to open it finds only the welcome', async () => {
    const el = await mount('<safety-chat area="thanet"></safety-chat>');
    await openPanel(el);
    buttonNamed(el, "I'm in danger now")!.click();
    await until(() => /call 999/.test(transcript(el)), '999');
    el.hide();
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.not.match(/999/);
    await openPanel(el);
    await until(() => /automated guide/.test(transcript(el)), 'the welcome');
    expect(transcript(el)).to.not.match(/call 999/);
  });

  it('clear() wipes the conversation to a neutral start', async () => {
    const el = await mount('<safety-chat area="thanet"></safety-chat>');
    await openPanel(el);
    buttonNamed(el, "I'm in danger now")!.click();
    await until(() => /call 999/.test(transcript(el)), '999');
    el.clear();
    await el.updateComplete;
    expect(transcript(el)).to.not.match(/call 999/);
    expect(transcript(el)).to.match(/automated guide/);
  });
});

describe('events, open and close', () => {
  it('fires open and close events that bubble, are composed and carry no content', async () => {
    const el = await mount('<safety-chat></safety-chat>');
    const seen: Event[] = [];
    for (const name of ['safety-chat-open', 'safety-chat-close']) document.addEventListener(name, (e) => seen.push(e), { once: true });
    await openPanel(el);
    el.hide();
    expect(seen.map((e) => e.type)).to.deep.equal(['safety-chat-open', 'safety-chat-close']);
    for (const e of seen) {
      expect(e.bubbles).to.equal(true);
      expect(e.composed).to.equal(true);
      expect((e as CustomEvent).detail).to.equal(undefined);
      expect(Object.keys(e)).to.deep.equal(['isTrusted']);
    }
  });

  it('Escape closes the panel and returns focus to the launcher', async () => {
    const el = await mount('<safety-chat></safety-chat>');
    $<HTMLButtonElement>(el, '.launcher')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => el.shadowRoot!.activeElement?.closest('[part="choices"]'), 'focus in the answers');
    await sendKeys({ press: 'Escape' });
    await until(() => !el.open, 'closed');
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal($(el, '.launcher'));
  });

  it('inline mode shows the panel in the page flow, with no launcher and no close button', async () => {
    const el = await mount('<safety-chat mode="inline" audience="young-people"></safety-chat>');
    await until(() => $(el, '[role="log"] .bubble'), 'inline panel');
    expect($(el, '.launcher')!.checkVisibility()).to.equal(false);
    expect($(el, '.close')).to.equal(null);
    expect(getComputedStyle($(el, '[part="panel"]')!).position).to.equal('static');
  });
});

describe('quick exit', () => {
  async function exitFrame() {
    const iframe = await frame('/tests/browser/fixtures/host.html');
    const win = iframe.contentWindow!;
    const el = iframe.contentDocument!.querySelector('safety-chat') as SafetyChat;
    el.setAttribute('exit-url', `${location.origin}/tests/browser/fixtures/exited.html`);
    await until(() => el.shadowRoot?.querySelector('[role="log"] .bubble'), 'inline panel in frame');
    const left = new Promise((r) => iframe.addEventListener('load', r, { once: true }));
    return { iframe, win, el, left, historyBefore: win.history.length };
  }

  it('the Exit button covers the page, emits safety-chat-exit and replaces the location', async () => {
    const { iframe, win, el, left, historyBefore } = await exitFrame();
    let exitEvent: Event | undefined;
    iframe.contentDocument!.addEventListener('safety-chat-exit', (e) => (exitEvent = e));
    (el.shadowRoot!.querySelector('[part="exit-button"]') as HTMLButtonElement).click();
    // Covered in the same task, before any navigation.
    const cover = el.shadowRoot!.querySelector('.cover')!;
    expect(cover).to.not.equal(null);
    expect(cover.matches(':popover-open')).to.equal(true);
    expect(exitEvent?.composed).to.equal(true);
    await left;
    expect(iframe.contentWindow!.location.pathname).to.equal('/tests/browser/fixtures/exited.html');
    expect(iframe.contentWindow!.history.length).to.equal(historyBefore);
    void win;
    iframe.remove();
  });

  it('Shift pressed three times exits; Shift used for a capital letter does not count', async () => {
    const { iframe, el, left } = await exitFrame();
    (el.shadowRoot!.querySelector('[part="choices"] button') as HTMLButtonElement).focus();
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'KeyA' });
    await sendKeys({ up: 'Shift' });
    await sendKeys({ press: 'Shift' });
    await sendKeys({ press: 'Shift' });
    expect(iframe.contentWindow!.location.pathname).to.equal('/tests/browser/fixtures/host.html');
    expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent).to.match(/1 more time/);
    await sendKeys({ press: 'Shift' });
    await left;
    expect(iframe.contentWindow!.location.pathname).to.equal('/tests/browser/fixtures/exited.html');
    iframe.remove();
  });
  it('Sticky Keys (Shift released before each letter) and Shift+click never add up to an exit; any other key starts the count again', async () => {
    const { iframe, el, left } = await exitFrame();
    (el.shadowRoot!.querySelector('[part="choices"] button') as HTMLButtonElement).focus();
    const status = () => el.shadowRoot!.querySelector('[role="status"]')!.textContent ?? '';
    const here = () => iframe.contentWindow!.location.pathname;
    // Sticky Keys: "I,Am,OK" typed as Shift, I, comma, Shift, A, m, comma, Shift, O, Shift, K.
    for (const key of ['KeyI', 'Comma', 'KeyA', 'KeyM', 'Comma', 'KeyO', 'KeyK']) {
      if (['KeyI', 'KeyA', 'KeyO', 'KeyK'].includes(key)) await sendKeys({ press: 'Shift' });
      await sendKeys({ press: key });
    }
    expect(here()).to.equal('/tests/browser/fixtures/host.html');
    expect(status()).not.to.match(/more time/);
    // Shift held for Shift+click (selecting text), three times.
    const box = iframe.getBoundingClientRect();
    const text = iframe.contentDocument!.querySelector('p, h1')!.getBoundingClientRect();
    for (let i = 0; i < 3; i++) {
      await sendKeys({ down: 'Shift' });
      await sendMouse({ type: 'click', position: [Math.round(box.left + text.left + 5), Math.round(box.top + text.top + 5)] });
      await sendKeys({ up: 'Shift' });
    }
    expect(here()).to.equal('/tests/browser/fixtures/host.html');
    // Sticky Keys Shift+click: Shift pressed and released, then the click.
    for (let i = 0; i < 3; i++) {
      await sendKeys({ press: 'Shift' });
      await sendMouse({ type: 'click', position: [Math.round(box.left + text.left + 5), Math.round(box.top + text.top + 5)] });
    }
    expect(here()).to.equal('/tests/browser/fixtures/host.html');
    // Two presses, a letter, one press: the letter started the count again.
    await sendKeys({ press: 'Shift' });
    await sendKeys({ press: 'Shift' });
    expect(status()).to.match(/1 more time/);
    await sendKeys({ press: 'KeyX' });
    await sendKeys({ press: 'Shift' });
    expect(here()).to.equal('/tests/browser/fixtures/host.html');
    expect(status()).to.match(/2 more times/);
    // Three presses in a row still leave at once.
    (el.shadowRoot!.querySelector('[part="choices"] button') as HTMLButtonElement).focus();
    await sendKeys({ press: 'KeyX' });
    await sendKeys({ press: 'Shift' });
    await sendKeys({ press: 'Shift' });
    await sendKeys({ press: 'Shift' });
    await left;
    expect(here()).to.equal('/tests/browser/fixtures/exited.html');
    iframe.remove();
  });
});

describe('partner colours', () => {
  it('falls back to readable colours when a pair fails contrast, and says so once', async () => {
    let el!: SafetyChat;
    const errors = await captureErrors(async () => {
      el = await mount('<safety-chat label="Help" style="--safety-chat-accent: #ffff00; --safety-chat-accent-text: #ffffff"></safety-chat>');
      await until(() => getComputedStyle($(el, '.launcher')!).backgroundColor === 'rgb(75, 42, 123)', 'our accent');
    });
    expect(errors).to.have.length(1);
    expect(errors[0]).to.match(/--safety-chat-accent \(#ffff00\) and --safety-chat-accent-text \(#ffffff\) have a contrast of 1\.1:1; at least 4\.5:1/);
    const launcher = $(el, '.launcher')!;
    expect(getComputedStyle(launcher).backgroundColor).to.equal('rgb(75, 42, 123)');
  });

  it('keeps readable partner colours', async () => {
    let el!: SafetyChat;
    const errors = await captureErrors(async () => {
      el = await mount('<safety-chat label="Help" style="--safety-chat-accent: #003366; --safety-chat-accent-text: #ffffff"></safety-chat>');
      await new Promise((r) => setTimeout(r, 300));
    });
    expect(errors).to.deep.equal([]);
    expect(getComputedStyle($(el, '.launcher')!).backgroundColor).to.equal('rgb(0, 51, 102)');
  });

  /** Contrast of two computed rgb() colours. */
  const ratio = (a: string, b: string) => {
    const lum = (c: string) => {
      const [r, g, b2] = c.match(/\d+/g)!.slice(0, 3).map((n) => {
        const v = Number(n) / 255;
        return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b2!;
    };
    const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p) as [number, number];
    return (x + 0.05) / (y + 0.05);
  };

  it('checks the accent on the white cards too, not only on the header and background', async () => {
    let el!: SafetyChat;
    // A light accent on a dark panel reads well there (and under its black text), but not on the white cards.
    const errors = await captureErrors(async () => {
      el = await mount('<safety-chat label="Help" style="--safety-chat-accent: #ffbf00; --safety-chat-accent-text: #000000; --safety-chat-background: #1d1d1f; --safety-chat-text: #ffffff"></safety-chat>');
      await until(() => getComputedStyle($(el, '.launcher')!).backgroundColor === 'rgb(75, 42, 123)', 'our accent');
      await new Promise((r) => setTimeout(r, 100));
    });
    expect(errors[0]).to.match(/^<safety-chat>: the white cards \(#ffffff\) and --safety-chat-accent \(#ffbf00\) have a contrast of 1\.\d:1; .* used for accent\.$/);
    const launcher = getComputedStyle($(el, '.launcher')!);
    expect(ratio(launcher.backgroundColor, launcher.color)).to.be.at.least(4.5);
    const card = 'rgb(255, 255, 255)';
    const accent = getComputedStyle(el).getPropertyValue('--_accent').trim();
    expect(accent).to.equal('#4b2a7b');
    expect(ratio(card, 'rgb(75, 42, 123)')).to.be.at.least(4.5);
  });

  it('replaces the text colour paired with a replaced accent when the two no longer read well together', async () => {
    let el!: SafetyChat;
    // Yellow with black text reads well; yellow on the white background does not. Our purple
    // accent must not then be drawn under the partner's black text (1.9:1).
    const errors = await captureErrors(async () => {
      el = await mount('<safety-chat label="Help" style="--safety-chat-accent: #ffff00; --safety-chat-accent-text: #000000"></safety-chat>');
      await until(() => getComputedStyle($(el, '.launcher')!).color === 'rgb(255, 255, 255)', 'our accent text');
    });
    expect(errors).to.have.length(2);
    expect(errors[1]).to.match(/^<safety-chat>: the widget's own accent \(#4b2a7b\) and --safety-chat-accent-text \(#000000\) have a contrast of 1\.9:1; .* used for both\.$/);
    const launcher = getComputedStyle($(el, '.launcher')!);
    expect(launcher.backgroundColor).to.equal('rgb(75, 42, 123)');
    expect(ratio(launcher.backgroundColor, launcher.color)).to.be.at.least(4.5);
  });
});
