import { expect } from '@esm-bundle/chai';
import { $, $$, buttonNamed, buttons, cleanup, mount, transcript, until, type SafetyChat } from './helpers.js';

afterEach(cleanup);

async function toAreaQuestion(el: SafetyChat) {
  await until(() => buttonNamed(el, /Find support/), 'welcome');
  buttonNamed(el, /Find support/)!.click();
  await until(() => $(el, '#sc-area'), 'area search');
}

async function search(el: SafetyChat, text: string) {
  const input = $<HTMLInputElement>(el, '#sc-area')!;
  input.value = text;
  input.form!.requestSubmit();
  await el.updateComplete;
  await new Promise((r) => setTimeout(r, 20));
  return input;
}

describe('the area finder', () => {
  it('has a visible label, autocomplete off, and keeps what was typed only in the box, until the person leaves the screen', async () => {
    const el = await mount('<safety-chat mode="inline"></safety-chat>');
    await toAreaQuestion(el);
    const input = $<HTMLInputElement>(el, '#sc-area')!;
    expect(input.getAttribute('autocomplete')).to.equal('off');
    expect(input.form!.getAttribute('autocomplete')).to.equal('off');
    const label = $(el, 'label[for="sc-area"]')!;
    expect(label.textContent).to.match(/town, village or postcode/);
    expect(label.getBoundingClientRect().height).to.be.greaterThan(0);
    await search(el, 'Canterbery');
    // A near miss: still in the box, so the typo can be seen and fixed; nowhere else.
    expect($<HTMLInputElement>(el, '#sc-area')!.value).to.equal('Canterbery');
    expect(el.shadowRoot!.textContent).to.not.match(/Canterbery/);
    expect(buttons(el).filter((b) => /^Canterbury/.test(b.textContent!.trim()))).to.have.length(1);
    buttonNamed(el, /^Canterbury/)!.click();
    await until(() => !$(el, '#sc-area'), 'the area question has gone');
    expect([...el.shadowRoot!.querySelectorAll('input')].map((i) => i.value).join('')).to.not.match(/Canterbery/);
  });

  it('every council looks the same, and only Back and Start again look like navigation', async () => {
    const el = await mount('<safety-chat mode="inline"></safety-chat>');
    await toAreaQuestion(el);
    const look = (b: HTMLElement) => { const s = getComputedStyle(b); return `${s.borderStyle} ${s.backgroundColor} ${s.fontWeight}`; };
    const all = buttons(el);
    const nav = all.filter((b) => /^(Back|Start again)$/.test(b.textContent!.trim()));
    const answers = all.filter((b) => !nav.includes(b));
    expect(answers.length).to.equal(16);
    expect(new Set(answers.map(look)).size).to.equal(1);
    expect(nav.length).to.be.greaterThan(0);
    for (const b of nav) expect(look(b)).to.not.equal(look(answers[0]!));
  });

  it('a cleared conversation leaves nothing typed in any box', async () => {
    const el = await mount('<safety-chat mode="inline"></safety-chat>');
    await toAreaQuestion(el);
    const input = await search(el, 'Canterbery');
    expect(input.value).to.equal('Canterbery');
    el.clear();
    await el.updateComplete;
    expect([...el.shadowRoot!.querySelectorAll('input')].every((i) => i.value === '')).to.equal(true);
  });

  it('a town goes straight to local services', async () => {
    const el = await mount('<safety-chat mode="inline"></safety-chat>');
    await toAreaQuestion(el);
    await search(el, 'margate');
    await until(() => $$(el, '.card').length > 0, 'cards');
    expect(transcript(el)).to.match(/Thanet/);
    expect(transcript(el)).to.match(/0808 168 9276/);
  });

  it('a full postcode resolves through its district and is never echoed', async () => {
    const el = await mount('<safety-chat mode="inline"></safety-chat>');
    await toAreaQuestion(el);
    await search(el, 'me4 4tb');
    await until(() => $$(el, '.card').length > 0, 'cards');
    expect(transcript(el)).to.match(/Medway/);
    expect(transcript(el)).to.match(/0800 917 9948/);
    expect(el.shadowRoot!.textContent).to.not.match(/me4|ME4|4TB|4tb/);
  });

  it('a district split between councils offers those councils to choose from', async () => {
    const el = await mount('<safety-chat mode="inline"></safety-chat>');
    await toAreaQuestion(el);
    await search(el, 'TN15');
    expect(transcript(el) + el.shadowRoot!.textContent).to.match(/split between councils/);
    const first = buttons(el).slice(0, 2).map((b) => b.textContent!.trim());
    expect(first).to.deep.equal(['Tonbridge and Malling', 'Sevenoaks (including Swanley and Edenbridge)']);
  });

  it('a misspelling is confirmed, and unknown input gets a helpful answer', async () => {
    const el = await mount('<safety-chat mode="inline"></safety-chat>');
    await toAreaQuestion(el);
    await search(el, 'Margte');
    expect(el.shadowRoot!.textContent).to.match(/Did you mean Margate\? That is in Thanet/);
    await search(el, 'qwertyuiop');
    expect(el.shadowRoot!.textContent).to.match(/We could not find that/);
    // The council list is still there to choose from.
    expect(buttonNamed(el, 'Dartford')).to.not.equal(undefined);
  });

  it('skips the question when the partner set the area', async () => {
    const el = await mount('<safety-chat mode="inline" area="dover"></safety-chat>');
    await until(() => buttonNamed(el, /Find support/), 'welcome');
    buttonNamed(el, /Find support/)!.click();
    await until(() => $$(el, '.card').length > 0, 'cards');
    expect($(el, '#sc-area')).to.equal(null);
  });
});

describe('a partner\'s area', () => {
  it('holds when the page opens the chat the moment it adds the element, with the panel already loaded', async () => {
    // The panel chunk is loaded by a first widget; the second is opened before it has drawn once.
    const first = await mount('<safety-chat></safety-chat>');
    first.show();
    await until(() => $(first, '[role="log"] .bubble'), 'the first panel');
    cleanup();
    const holder = document.createElement('div');
    holder.innerHTML = '<safety-chat area="medway"></safety-chat>';
    document.body.append(holder);
    const el = holder.querySelector('safety-chat') as unknown as SafetyChat;
    el.show();
    await until(() => buttonNamed(el, /Find support/), 'welcome');
    buttonNamed(el, /Find support/)!.click();
    await until(() => $(el, '.card:not(.emergency)'), 'cards');
    expect($(el, '#sc-area'), 'no area question: the partner gave it').to.equal(null);
    expect(transcript(el)).to.match(/Medway/);
  });
});
