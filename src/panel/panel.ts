/**
 * The chat panel, loaded on first open: binds one XState actor to the element
 * and renders its snapshot. The view never changes conversation state itself;
 * it sends events and draws what the actor holds.
 */
import { html, nothing, render, type TemplateResult } from 'lit-html';
import { guard } from 'lit-html/directives/guard.js';
import packed from 'virtual:safety-chat/content';
import { createActor, type Subscription } from 'xstate';
import type { Panel, PanelHost } from '../element/safety-chat.element.js';
import { showInTopLayer } from '../element/top-layer.js';
import { inLang } from '../element/text.js';
import type { NodeKey, Service, Text, Topic } from '../engine/data.js';
import { areaAnswers, choicesOf, createChatMachine, currentNode, type ChatActor, type ChatEvent, type LogEntry } from '../engine/machine.js';
import { parseMarkup } from '../engine/markup.js';
import { unpackContent } from '../engine/pack.js';
import { lookupArea, type AreaResult } from '../engine/area-lookup.js';
import { findTopics } from '../engine/find-topics.js';
import { selectServices } from '../engine/services.js';
import { IdleClearController } from './idle-clear.js';
import { panelSheet } from './panel.styles.js';
import { ShiftExitController } from './shift-exit.js';

export { panelSheet };

const content = unpackContent(packed);

/** The topic finder's keywords arrive in their own chunk, the first time someone opens the finder. */
let topicIndex: Promise<Topic[]> | undefined;
const loadTopics = () =>
  (topicIndex ??= import('virtual:safety-chat/keywords').then((m) => content.topics.map((t, i) => ({ ...t, words: m.default[i]?.split('|') ?? [] }))));

/** One machine per page, built on first use; each widget runs its own actor of it. */
let machine: ReturnType<typeof createChatMachine> | undefined;
const getMachine = () => (machine ??= createChatMachine(content));

/**
 * Called when the person shows intent to open (pointer or focus on the
 * launcher): builds the machine in its own task after the module has loaded,
 * so neither step is one long task and opening itself has less to do.
 */
export function warm(): void {
  setTimeout(getMachine, 0);
}

/** Builds the machine now (opening without intent first, between two yields to the browser). */
export function prepare(): void {
  getMachine();
}

export function createPanel(host: PanelHost & { addController(c: object): void; removeController(c: object): void }): Panel {
  return new ChatPanel(host);
}

class ChatPanel implements Panel {
  actor!: ChatActor;
  private subscription?: Subscription;
  private shiftMessage = '';
  private focusAfterUpdate = false;
  /**
   * False until the transcript has been drawn once, empty: a live region only
   * announces what is added after it exists. Inline panels start ready
   * (nothing should speak on page load).
   */
  private logReady: boolean;
  /** What the area search found, for the node it ran on. The typed words are never kept. */
  private areaFound?: { node: NodeKey; result: AreaResult };
  /** Topics the finder matched, for the node it ran on. The typed words are never kept. */
  private found?: { node: NodeKey; topics: NodeKey[] };
  /** The partner's own contacts, once validated. */
  private partner: Service[] = [];
  private partnerSource: unknown;
  private container?: HTMLElement;
  private readonly shift: ShiftExitController;
  private readonly idle: IdleClearController;

  constructor(private readonly host: PanelHost & { addController(c: object): void; removeController(c: object): void }) {
    this.shift = new ShiftExitController(
      () => host.open,
      () => host.quickExit(),
      (remaining) => {
        this.shiftMessage = remaining === 2 ? this.t('shiftTwoMore') : remaining === 1 ? this.t('shiftOneMore') : '';
        host.requestUpdate();
      },
    );
    this.idle = new IdleClearController(host, () => host.config.clearAfter, () => this.wipe());
    this.logReady = host.config.mode === 'inline';
    host.addController(this.shift);
    host.addController(this.idle);
    this.start();
  }

  /** Validate the partner's contacts (JSON child or `services` property) when they change. */
  private readPartner() {
    let raw = this.host.services;
    if (raw === undefined) {
      const json = this.host.querySelector(':scope > script[type="application/json"]');
      if (!json) return;
      raw = json;
    }
    if (raw === this.partnerSource) return;
    this.partnerSource = raw;
    const report = (m: string) => console.error(`<safety-chat>: ${m}`);
    let data = raw;
    if (raw instanceof Element) {
      try {
        data = JSON.parse(raw.textContent ?? '');
      } catch {
        report('the partner contacts in <script type="application/json"> are not valid JSON. None are shown.');
        return;
      }
    }
    import('./partner-services.js')
      .then((m) => {
        this.partner = m.parsePartnerServices(data, report);
        this.host.requestUpdate();
      })
      .catch(report);
  }

  private start() {
    this.actor = createActor(getMachine(), { input: { audience: this.host.config.audience, area: this.host.config.area } });
    this.subscription = this.actor.subscribe(() => this.host.requestUpdate());
    this.actor.start();
  }

  wipe() {
    // A new actor: nothing of the old conversation stays referenced.
    this.subscription?.unsubscribe();
    this.actor.stop();
    this.shiftMessage = '';
    this.found = undefined;
    this.areaFound = undefined;
    this.start();
    this.host.requestUpdate();
  }

  dispose() {
    this.subscription?.unsubscribe();
    this.actor.stop();
    if (this.container) render(nothing, this.container);
    this.host.removeController(this.shift);
    this.host.removeController(this.idle);
  }

  focus() {
    const root = this.host.renderRoot;
    (root.querySelector<HTMLElement>('.choices button') ?? root.querySelector<HTMLElement>('.exit'))?.focus();
  }

  private send(event: ChatEvent) {
    this.logReady = true;
    this.focusAfterUpdate = true;
    this.actor.send(event);
    void this.host.updateComplete.then(() => {
      if (!this.focusAfterUpdate) return;
      this.focusAfterUpdate = false;
      this.focus();
      // Show the reply from its start: the person's answer at the top of the transcript.
      const log = this.host.renderRoot.querySelector<HTMLElement>('.log');
      if (log && log.scrollHeight > log.clientHeight) {
        const mine = log.querySelectorAll<HTMLElement>('.bubble.you');
        const from = mine[mine.length - 1];
        log.scrollTop = from ? log.scrollTop + from.getBoundingClientRect().top - log.getBoundingClientRect().top - 12 : log.scrollHeight;
      }
    });
  }

  private t(key: string): string {
    return inLang(content.strings[key] ?? key, this.host.config.lang);
  }
  private text(t: Text): string {
    return inLang(t, this.host.config.lang);
  }

  render(container: HTMLElement) {
    try {
      this.readPartner();
    } catch (e) {
      console.error('<safety-chat>: the partner contacts could not be read. None are shown.', e);
    }
    this.container = container;
    render(this.view(), container);
    if (!this.logReady && this.host.open) {
      // The transcript was drawn empty; add the opening messages next frame so the log announces them.
      requestAnimationFrame(() => {
        this.logReady = true;
        this.host.requestUpdate();
      });
    }
    const frame = container.querySelector<HTMLElement>('.frame.floating');
    if (frame) showInTopLayer(frame, this.host.open);
  }

  private view(): TemplateResult {
    const snapshot = this.actor.getSnapshot();
    const { log } = snapshot.context;
    const floating = this.host.config.mode !== 'inline';
    return html`<section part="panel" class="frame ${floating ? 'floating' : 'inline'}" aria-labelledby="sc-title" @keydown=${this.onKeyDown} @focusin=${this.onFocusIn}>
      <header part="header">
        <button part="exit-button" class="exit" type="button" @click=${() => this.host.quickExit()}>${this.t('exit')}</button>
        <h2 id="sc-title">${this.t('panelTitle')}</h2>
        ${floating ? html`<button class="close" type="button" @click=${() => this.host.hide()}>${this.t('close')}</button>` : nothing}
      </header>
      <div class="hint">
        <p>${this.t('exitHint')}</p>
        <button class="clear" type="button" @click=${() => this.wipe()}>${this.t('clearChat')}</button>
      </div>
      <div part="transcript" class="log" role="log" aria-labelledby="sc-title" tabindex="0">${this.logReady
        ? log.map((e, i) =>
            guard([e, log[i - 1], log[i + 1], snapshot.context.area, this.partner, e.by === 'bot' && content.nodes[e.node]?.type === 'plan' ? snapshot.context.plan : 0], () =>
              this.renderEntry(e, log[i - 1], log[i + 1]),
            ),
          )
        : nothing}</div>
      <div class="sr-only" role="status">${this.shiftMessage}</div>
      ${this.renderChoices()}
    </section>`;
  }

  private renderEntry(entry: LogEntry, before?: LogEntry, after?: LogEntry): TemplateResult {
    if (entry.by === 'note') return html`<p class="bubble note">${this.t(entry.note)}</p>`;
    if (entry.by === 'you') {
      const said = 'area' in entry ? this.areaName(entry.area) : this.text(entry.label);
      // An area chosen on a services screen: the cards it brings follow the answer (reading order).
      const asked = 'area' in entry && before?.by === 'bot' ? content.nodes[before.node] : undefined;
      // aria-live off: the person's own answer is not read back to them.
      return html`<p class="bubble you" aria-live="off"><span class="sr-only">${this.t('you')}: </span>${said}</p>${asked?.type === 'services' ? this.renderServices(asked.tags, asked.emergency) : nothing}`;
    }
    const node = content.nodes[entry.node]!;
    const says = 'say' in node ? node.say : [];
    const waitsForArea = after?.by === 'you' && 'area' in after;
    return html`${says.map((s) => html`<p class="bubble bot">${this.rich(s)}</p>`)}${node.type === 'services' && !waitsForArea ? this.renderServices(node.tags, node.emergency) : node.type === 'plan' ? this.renderPlan() : nothing}`;
  }

  /** Text with the tiny content markup, built as DOM nodes: never HTML strings. */
  private rich(t: Text): TemplateResult[] {
    return parseMarkup(this.text(t)).map((seg) => {
      if (seg.kind === 'text') return html`${seg.text}`;
      if (seg.kind === 'em') return html`<em>${seg.text}</em>`;
      if (seg.kind !== 'token') return html`<strong>${seg.text}</strong>`;
      const service = content.services.find((s) => s.id === seg.service);
      if (!service) return html``;
      if (seg.token === 'name') return html`${this.text(service.name)}`;
      const contact = service.contacts.find((c) => c.type === seg.token || (seg.token === 'web' && c.type === 'chat'));
      return contact ? this.link(contact.href, contact.show) : html``;
    });
  }

  private link(href: string, label: string): TemplateResult {
    return href.startsWith('https:')
      ? html`<a href=${href} target="_blank" rel="noopener noreferrer" referrerpolicy="no-referrer">${label}</a>`
      : html`<a href=${href}>${label}</a>`;
  }

  private renderServices(tags: string[], emergency?: boolean): TemplateResult | typeof nothing {
    const { area, audience } = this.actor.getSnapshot().context;
    if (area === null) return nothing;
    const chosen = selectServices(content, { tags, area, audience, emergency: !!emergency, partner: this.partner });
    return html`<div class="cards">
      ${chosen.emergency.map((s) => this.card(s, true))}
      ${chosen.local.length ? html`<h3 class="group-title">${this.t('servicesLocal')}</h3>` : nothing}
      ${chosen.local.map((s) => this.card(s))}
      ${chosen.national.length ? html`<h3 class="group-title">${this.t('servicesNational')}</h3>` : nothing}
      ${chosen.national.map((s) => this.card(s))}
    </div>`;
  }

  /** The "my plan" summary: the steps kept in this conversation (memory only). */
  private renderPlan(): TemplateResult {
    const { plan } = this.actor.getSnapshot().context;
    if (!plan.length) return html`<p class="bubble bot">${this.t('planEmpty')}</p>`;
    const list = (done: boolean) => plan.filter((p) => p.done === done).map((p) => {
      const node = content.nodes[p.node];
      return node?.type === 'step' ? html`<li>${this.text(node.plan)}</li>` : nothing;
    });
    const todo = list(false);
    const done = list(true);
    return html`<div class="card plan">
      ${todo.length ? html`<h3>${this.t('planTodo')}</h3><ul>${todo}</ul>` : nothing}
      ${done.length ? html`<h3>${this.t('planDone')}</h3><ul>${done}</ul>` : nothing}
    </div>`;
  }

  private card(s: Service, urgent = false): TemplateResult {
    const phones = s.contacts.some((c) => c.type === 'phone' || c.type === 'text');
    return html`<article class="card ${urgent ? 'emergency' : ''}">
      <h3>${this.text(s.name)}</h3>
      <p>${this.text(s.about)}</p>
      ${this.text(s.for) ? html`<p class="small">${this.text(s.for)}</p>` : nothing}
      <ul class="contacts">
        ${s.contacts.map((c) => html`<li>${this.link(c.href, c.label ? this.text(c.label) : c.show)}</li>`)}
      </ul>
      <p class="small">${s.hours ? this.text(s.hours) : this.t('hoursUnknown')}</p>
      ${phones ? html`<p class="small">${this.t('phoneNote')}</p>` : nothing}
      ${s.checked ? html`<p class="small">${this.t('checkedOn')}: ${month(s.checked, this.t('months'))}</p>` : nothing}
    </article>`;
  }

  private areaName(area: string): string {
    const council = content.councils.find((c) => c.id === area);
    if (council) return this.text(council.name);
    return this.t({ 'not-sure': 'areaNotSure', outside: 'areaOutside', 'not-said': 'areaNotSaid' }[area] ?? 'areaNotSaid');
  }

  private renderChoices(): TemplateResult {
    const snapshot = this.actor.getSnapshot();
    const key = currentNode(snapshot);
    const node = content.nodes[key];
    const { area, trail } = snapshot.context;
    const asksArea = node && (node.type === 'area' || node.type === 'services') && area === null;
    const buttons: TemplateResult[] = [];
    let search: TemplateResult | typeof nothing = nothing;
    if (asksArea) {
      search = this.areaSearch(key, buttons);
      for (const c of content.councils) buttons.push(this.button(this.text(c.name), { type: 'SET_AREA', area: c.id }, buttons.length > 0));
      for (const a of areaAnswers) buttons.push(this.button(this.areaName(a), { type: 'SET_AREA', area: a }, true));
    } else if (node?.type === 'finder') {
      void loadTopics();
      search = this.searchForm('sc-find', this.t('findLabel'), async (query) => {
        this.found = { node: key, topics: findTopics(query, await loadTopics()) };
      });
      const found = this.found?.node === key ? this.found.topics : undefined;
      if (found) {
        for (const t of found) {
          const topic = content.topics.find((x) => x.node === t)!;
          buttons.push(this.button(this.text(topic.title), { type: 'GO', node: t }));
        }
        search = html`${search}<p class="prompt" role="status">${found.length ? this.t('findResults') : this.t('findNone')}</p>`;
      }
      choicesOf(content, node).forEach((c, index) => buttons.push(this.button(this.text(c.label), { type: 'CHOOSE', index }, !!found?.length)));
    } else if (node) {
      choicesOf(content, node).forEach((c, index) => buttons.push(this.button(this.text(c.label), { type: 'CHOOSE', index })));
    }
    if (trail.length) buttons.push(this.button(this.t('back'), { type: 'BACK' }, true));
    if (key !== content.starts[snapshot.context.audience]) buttons.push(this.button(this.t('restart'), { type: 'RESTART' }, true));
    return html`${search}<div part="choices" class="choices" role="group" aria-label=${this.t('answersLabel')}>
      ${asksArea && !this.areaFound ? html`<p class="prompt">${this.t('areaOther')}</p>` : nothing}${buttons}
    </div>`;
  }

  /** Town or postcode search above the list of councils; offers what it found first. */
  private areaSearch(key: NodeKey, buttons: TemplateResult[]): TemplateResult {
    const form = this.searchForm('sc-area', this.t('areaSearchLabel'), (query) => {
      const result = lookupArea(query, content.areaTable);
      if (result.kind === 'council' && !result.close) {
        this.areaFound = undefined;
        this.send({ type: 'SET_AREA', area: result.council });
      } else this.areaFound = { node: key, result };
    });
    const found = this.areaFound?.node === key ? this.areaFound.result : undefined;
    if (!found) return form;
    const council = (id: string) => this.button(this.areaName(id), { type: 'SET_AREA', area: id });
    let message = '';
    if (found.kind === 'council') {
      message = this.t('areaDidYouMean').replace('{place}', found.place ?? '').replace('{council}', this.areaName(found.council));
      buttons.push(council(found.council));
    } else if (found.kind === 'choose') {
      message = this.t('areaChoose');
      for (const c of found.councils) buttons.push(council(c));
      if (found.outside) buttons.push(this.button(this.areaName('outside'), { type: 'SET_AREA', area: 'outside' }));
    } else if (found.kind === 'outside') {
      message = this.t('areaOutsideFound');
      buttons.push(this.button(this.areaName('outside'), { type: 'SET_AREA', area: 'outside' }));
    } else message = this.t('areaUnknown');
    return html`${form}<p class="prompt" role="status">${message}</p>`;
  }

  /**
   * A labelled search box. What is typed is read once, handed to `lookup`,
   * and cleared at once: it is never kept, sent, or offered back by autofill.
   */
  private searchForm(id: string, label: string, lookup: (query: string) => void | Promise<void>): TemplateResult {
    const submit = async (e: Event) => {
      e.preventDefault();
      const input = (e.currentTarget as HTMLFormElement).querySelector('input')!;
      const query = input.value;
      input.value = '';
      await lookup(query);
      this.host.requestUpdate();
      await this.host.updateComplete;
      this.focus();
    };
    return html`<form class="search" role="search" autocomplete="off" @submit=${submit}>
      <label for=${id}>${label}</label>
      <div class="search-row">
        <input id=${id} type="search" autocomplete="off" autocapitalize="off" autocorrect="off" spellcheck="false" enterkeyhint="search" maxlength="100" />
        <button type="submit">${this.t('findButton')}</button>
      </div>
    </form>`;
  }

  private button(label: string, event: ChatEvent, secondary = false): TemplateResult {
    return html`<button type="button" class=${secondary ? 'secondary' : ''} @click=${() => this.send(event)}>${label}</button>`;
  }

  /**
   * Inline, the header stays pinned at the top of the screen while the page
   * scrolls; the browser does not know, and may leave a focused answer just
   * under it. Scroll the page that little bit more (WCAG 2.4.11).
   */
  private onFocusIn = (e: FocusEvent) => {
    if (this.host.config.mode !== 'inline') return;
    const header = this.host.renderRoot.querySelector('header');
    const target = e.composedPath()[0];
    if (!header || !(target instanceof HTMLElement) || header.contains(target)) return;
    const covered = header.getBoundingClientRect().bottom - target.getBoundingClientRect().top;
    if (covered > 0) scrollBy({ top: -(covered + 8), behavior: 'instant' });
  };

  private onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && this.host.config.mode !== 'inline') {
      e.stopPropagation();
      this.host.hide();
    }
  };
}

/** "2026-11" → "November 2026", with month names from the content (no Intl start-up cost). */
function month(checked: string, months: string): string {
  const [y, m] = checked.split('-');
  return `${months.split(' ')[Number(m) - 1] ?? m} ${y}`;
}
