import { expect } from '@esm-bundle/chai';
import { $$, buttonNamed, captureErrors, cleanup, mount, until, type SafetyChat } from './helpers.js';

afterEach(cleanup);

async function support(el: SafetyChat) {
  await until(() => buttonNamed(el, /Find support/), 'welcome');
  buttonNamed(el, /Find support/)!.click();
  await until(() => $$(el, '.card').length > 3, 'cards');
}

const lead = { name: 'Our safeguarding lead', about: 'In the student office every day.', contacts: [{ type: 'email', address: 'lead@example.org' }] };

describe("partner's own contacts", () => {
  it('from a JSON child: valid entries show first among local services; bad ones are dropped with a message naming the entry and field', async () => {
    let el!: SafetyChat;
    const errors = await captureErrors(async () => {
      el = await mount(`<safety-chat mode="inline" area="thanet"><script type="application/json">${JSON.stringify([
        lead,
        { name: 'No contacts', about: 'x', contacts: [] },
        { name: 'Bad number', about: 'x', contacts: [{ type: 'phone', number: '0808 16 99 111' }] },
        { name: 'Bad link', about: 'x', contacts: [{ type: 'web', url: 'javascript:alert(1)' }] },
        { name: 'Typo', about: 'x', contacts: [{ type: 'email', address: 'a@b.org' }], hourz: 'x' },
      ])}</script></safety-chat>`);
      await support(el);
      await until(() => $$(el, '.card').some((c) => /Our safeguarding lead/.test(c.textContent!)), 'partner card');
    });
    const cards = $$(el, '.card').map((c) => c.querySelector('h3, h4')!.textContent);
    expect(cards.indexOf('Our safeguarding lead')).to.equal(cards.findIndex((n) => !/999|Emergency|text service/i.test(n!)));
    expect(cards.join()).to.not.match(/No contacts|Bad number|Bad link|Typo/);
    expect(errors.join('\n')).to.match(/partner contact 2 \("No contacts"\) was dropped: field "contacts"/);
    expect(errors.join('\n')).to.match(/partner contact 3 \("Bad number"\) was dropped: contact 1 has the number 0808 16 99 111, which is a misprint/);
    expect(errors.join('\n')).to.match(/partner contact 4 \("Bad link"\) was dropped: contact 1 has the link "javascript:alert\(1\)"\. Only secure https/);
    expect(errors.join('\n')).to.match(/partner contact 5 \("Typo"\) was dropped/);
    const mail = $$(el, '.card a[href^="mailto:"]')[0]!;
    expect(mail.getAttribute('href')).to.equal('mailto:lead@example.org');
  });

  it('from the services property, rendering hostile text as text', async () => {
    const el = await mount('<safety-chat mode="inline" area="medway"></safety-chat>');
    (window as unknown as { pwned?: boolean }).pwned = false;
    el.services = [{ ...lead, name: '<img src=x onerror="window.pwned=true">', about: '<script>window.pwned=true</script>evil' }];
    await support(el);
    await until(() => $$(el, '.card').some((c) => /onerror/.test(c.textContent!)), 'hostile card as text');
    const card = $$(el, '.card').find((c) => /onerror/.test(c.textContent!))!;
    expect(card.querySelector('img, script')).to.equal(null);
    expect(card.querySelector('h4')!.textContent).to.equal('<img src=x onerror="window.pwned=true">');
    await new Promise((r) => setTimeout(r, 50));
    expect((window as unknown as { pwned: boolean }).pwned).to.equal(false);
  });

  it('reports invalid JSON and still works', async () => {
    let el!: SafetyChat;
    const errors = await captureErrors(async () => {
      el = await mount('<safety-chat mode="inline" area="thanet"><script type="application/json">[{ not json</script></safety-chat>');
      await support(el);
    });
    expect(errors.join('\n')).to.match(/not valid JSON/);
  });
});
