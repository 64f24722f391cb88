// The launcher's small reactive base, on its own: what the element relies on from it.
import { expect } from '@esm-bundle/chai';
import { ReactiveHost, type Changes } from '../../src/element/reactive-host.js';

class Probe extends ReactiveHost {
  protected static override reactive = { colour: 'colour', size: 'data-size', items: null };
  protected static override styles = ':host { display: block; color: rgb(1, 2, 3); }';
  static {
    this.defineReactive();
  }
  declare colour?: string | null;
  declare size?: string | null;
  declare items?: unknown;
  updates: Map<PropertyKey, unknown>[] = [];
  log: string[] = [];
  protected override willUpdate(changes: Changes) {
    this.updates.push(new Map(changes));
  }
  protected override update() {
    this.log.push('update');
  }
}
customElements.define('probe-host', Probe);

const add = (html: string) => {
  const holder = document.createElement('div');
  holder.innerHTML = html;
  document.body.append(holder);
  return holder.firstElementChild as Probe;
};

describe('the launcher\'s reactive base', () => {
  afterEach(() => document.querySelectorAll('probe-host').forEach((e) => e.remove()));

  it('draws once when connected, with the attributes already set, and adopts its styles', async () => {
    const el = add('<probe-host colour="red" data-size="2"></probe-host>');
    await el.updateComplete;
    expect(el.log).to.deep.equal(['update']);
    expect(el.colour).to.equal('red');
    expect(el.size).to.equal('2');
    expect([...el.updates[0]!.keys()].sort()).to.deep.equal(['colour', 'size']);
    expect(getComputedStyle(el).color).to.equal('rgb(1, 2, 3)');
  });

  it('batches changes made together into one update, with each old value', async () => {
    const el = add('<probe-host colour="red"></probe-host>');
    await el.updateComplete;
    el.colour = 'blue';
    el.setAttribute('data-size', '3');
    el.colour = 'green';
    expect(await el.updateComplete).to.equal(true);
    expect(el.log).to.deep.equal(['update', 'update']);
    expect([...el.updates[1]!]).to.deep.equal([['colour', 'red'], ['size', undefined]]);
    el.colour = 'green';
    await el.updateComplete;
    expect(el.log.length, 'setting the same value is no change').to.equal(2);
    el.removeAttribute('colour');
    await el.updateComplete;
    expect(el.colour).to.equal(null);
  });

  it('keeps a property a page set before the element was defined', async () => {
    const early = document.createElement('probe-early') as HTMLElement & { items?: unknown };
    early.items = ['one'];
    document.body.append(early);
    class Early extends Probe {}
    customElements.define('probe-early', Early);
    const el = early as unknown as Probe;
    await el.updateComplete;
    expect(el.items).to.deep.equal(['one']);
    expect(Object.prototype.hasOwnProperty.call(el, 'items'), 'the accessor, not a plain property').to.equal(false);
    expect(el.updates[0]!.has('items')).to.equal(true);
    el.remove();
  });

  it('tells its controllers when it connects, updates and disconnects', async () => {
    const el = add('<probe-host></probe-host>');
    await el.updateComplete;
    const seen: string[] = [];
    el.addController({
      hostConnected: () => seen.push('connected'),
      hostDisconnected: () => seen.push('disconnected'),
      hostUpdate: () => seen.push('update'),
      hostUpdated: () => seen.push('updated'),
    });
    el.requestUpdate();
    await el.updateComplete;
    el.remove();
    expect(seen).to.deep.equal(['connected', 'update', 'updated', 'disconnected']);
  });

  it('does not update before it is in a document', async () => {
    const el = document.createElement('probe-host') as Probe;
    el.colour = 'red';
    await new Promise((r) => setTimeout(r, 20));
    expect(el.log).to.deep.equal([]);
    document.body.append(el);
    await el.updateComplete;
    expect(el.log).to.deep.equal(['update']);
  });
});
