/**
 * The chat panel, loaded on first open: binds one XState actor to the element
 * and renders its snapshot. The view never changes conversation state itself;
 * it sends events and draws what the actor holds.
 */
import { html, nothing, render, type TemplateResult } from 'lit-html';
import { guard } from 'lit-html/directives/guard.js';
import { keyed } from 'lit-html/directives/keyed.js';
import packed from 'virtual:safety-chat/content';
import type { Panel, PanelHost } from '../shared/host.js';
import { report as reportError } from '../shared/report.js';
import { showInTopLayer } from '../shared/top-layer.js';
import { inLang } from '../shared/text.js';
import type { NodeKey, Service, Text } from '../engine/data.js';
import { choicesOf, type ServicesNode } from '../nodes/index.js';
import { createChatMachine, type ChatEvent, type LogEntry } from '../engine/machine.js';
import { areaLabel, screenOf } from '../engine/screen.js';
import { unpackContent, unpackRoute, type PackedNode } from '../engine/pack.js';
import { routeOf, routes, type Route } from '../engine/routes.js';
import { loadRouteChunk } from '../shared/route-chunks.js';
import type { AreaResult } from '../engine/area-lookup.js';
import { dependsOnArea, firstCards, selectServices } from '../engine/services.js';
import { Conversation } from './conversation.js';
import { IdleClearController } from './idle-clear.js';
import { ModalPanel } from './modal.js';
import { card, type Words } from './views/cards.js';
import { richText } from './views/markup.js';
import { panelSheet } from './panel.styles.js';

export { panelSheet };

/** The content, without its screens until each route's chunk has arrived (see `addRoute`). */
const content = unpackContent(packed);
const routesIn = new Set<Route>();

/** A route's screens have arrived: the engine finds them from now on (it reads `content.nodes` as it goes). */
export function addRoute(route: Route, nodes: readonly PackedNode[]) {
  if (routesIn.has(route)) return;
  Object.assign(content.nodes, unpackRoute(packed, route, nodes));
  routesIn.add(route);
}
export const hasRoute = (route: Route) => routesIn.has(route);

/** Every failure inside the panel is said once in the console, never thrown into the page. */
const report = (what: string, error?: unknown) => console.error(`<safety-chat>: ${what}`, ...(error === undefined ? [] : [error]));

/**
 * A search that arrives in its own chunk, the first time it is needed. If the chunk cannot load,
 * the search finds nothing this time (the lists still work) and the next search tries again.
 */
function lazySearch<T>(load: () => Promise<T>, fallback: T, what: string): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () =>
    (loading ??= load().catch((e: unknown) => {
      loading = undefined;
      report(`${what} could not load; the lists still work.`, e);
      return fallback;
    }));
}
/** The topic finder's keywords, the first time someone opens the finder. */
const loadTopics = lazySearch(() => import('./topic-search.js').then((m) => m.topicFinder(content.topics)), (): NodeKey[] => [], 'the topic search');
/** The area search's towns and postcodes, when the area is first asked. */
const loadPlaces = lazySearch(() => import('./area-search.js').then((m) => m.searchArea), (): AreaResult => ({ kind: 'unknown' }), 'the town and postcode search');

/** One machine per page, built on first use (well under a millisecond); each widget runs its own actor of it. */
let machine: ReturnType<typeof createChatMachine> | undefined;
const getMachine = () => (machine ??= createChatMachine(content));

/**
 * Fetches the search data (topic keywords, towns and postcodes) and both routes' screens ahead of
 * use: preload="idle", so every visitor fetches the same files whatever they then open.
 */
export function preloadData(): Promise<unknown> {
  return Promise.all([loadTopics(), loadPlaces(), ...routes.map((r) => loadRouteChunk(r).then((nodes) => addRoute(r, nodes)))]);
}

/**
 * The editors' preview (`npm run preview`, a development server) may open the chat on any screen.
 * `import.meta.env.DEV` is false in the build, so none of this reaches partners.
 */
const previewStart = (): { start?: NodeKey } => {
  const start = import.meta.env.DEV ? (globalThis as { __SAFETY_CHAT_PREVIEW_START__?: unknown }).__SAFETY_CHAT_PREVIEW_START__ : undefined;
  return typeof start === 'string' ? { start } : {};
};

export function createPanel(host: PanelHost): Panel {
  return new ChatPanel(host);
}

class ChatPanel implements Panel {
  /** The panel's words, for the view functions in ./views. */
  private readonly words: Words = { t: (k) => this.t(k), text: (t) => this.text(t), rich: (t) => richText(content, t, (x) => this.text(x)) };
  /** The conversation (its actor); tests in the browser read its snapshot. */
  readonly chat: Conversation;
  private statusMessage = '';
  /** Waiting for the other route's screens (see send). */
  private crossing = false;
  /** They could not load: said above the answers, which can be tried again. */
  private routeFailed = false;
  private wipes = 0;
  /** The inactivity clear is half a minute away: the choice to keep the chat is showing. */
  private idleWarning = false;
  private focusAfterUpdate = false;
  /**
   * What the area search found, for the screen it ran on (the log's length then). The typed words
   * stay only in the box, until the person leaves that screen or the conversation is wiped.
   */
  private areaFound?: { seq: number; result: AreaResult };
  /** Topics the finder matched, for the node it ran on. The typed words are never kept. */
  private found?: { node: NodeKey; topics: NodeKey[] };
  /** The partner's own contacts, once validated. */
  private partner: Service[] = [];
  private partnerSource: unknown;
  private container?: HTMLElement;
  private readonly idle: IdleClearController;
  private modal?: ModalPanel;
  /** The panel scrolls as a whole (see watchRoom). */
  private stacked = false;
  /** Stops what watchRoom watches, when the panel is disposed. */
  private stopWatchingRoom?: () => void;

  constructor(private readonly host: PanelHost) {
    this.idle = new IdleClearController(host, () => host.config.clearAfter, {
      warn: () => this.idleWarn(),
      calm: () => this.idleCalm(),
      clear: () => this.idleClear(),
    });
    this.chat = new Conversation(host, getMachine(), () => ({ audience: host.config.audience, area: host.config.area, ...previewStart() }), (e) => this.broken(e));
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

  /** The conversation broke: say so once and start again, so the person always has answers and Exit. Never rethrown into the page. */
  private broken(error: unknown) {
    reportError(error);
    if (this.restarting) return;
    this.restarting = true;
    queueMicrotask(() => {
      this.wipe();
      this.restarting = false;
    });
  }
  private restarting = false;

  /** Whether there is anything of this person's to clear: an answer, or words in a search box. */
  private hasConversation(): boolean {
    return (
      this.chat.snapshot.context.log.some((e) => e.by === 'you') ||
      [...this.host.renderRoot.querySelectorAll('input')].some((i) => i.value !== '') ||
      !!this.found ||
      !!this.areaFound
    );
  }

  /** Half a minute before the inactivity clear: offer to keep the chat (shown and said at once). */
  private idleWarn() {
    if (!this.host.open || !this.hasConversation()) return;
    this.idleWarning = true;
    this.host.requestUpdate();
  }

  /** Activity, or Keep the chat: the warning goes; focus that was on it moves to the answers. */
  private idleCalm() {
    if (!this.idleWarning) return;
    const root = this.host.renderRoot as ShadowRoot;
    const focused = !!root.activeElement?.closest('.idle-warning');
    this.idleWarning = false;
    this.host.requestUpdate();
    if (focused) this.host.updateComplete.then(() => this.focus()).catch(reportError);
  }

  /**
   * The inactivity time is up: wipe, as Clear chat does. Focus that was in the chat goes to the
   * first answer of the new start (never left on the page's body), and "Chat cleared" is said.
   */
  private idleClear() {
    if (!this.hasConversation()) return;
    const root = this.host.renderRoot as ShadowRoot;
    const focusWasHere = !!root.activeElement;
    this.wipe();
    if (!this.host.open) return;
    this.announce(this.t('idleCleared'));
    if (focusWasHere) this.host.updateComplete.then(() => this.focus()).catch(reportError);
  }

  wipe() {
    this.statusMessage = '';
    // An answer still waiting for the other route's screens belongs to the old conversation.
    this.wipes++;
    this.crossing = false;
    this.routeFailed = false;
    this.found = undefined;
    this.areaFound = undefined;
    // The countdown never outlives the conversation it was counting for.
    this.idleWarning = false;
    this.idle.restart();
    for (const input of this.host.renderRoot.querySelectorAll('input')) input.value = '';
    this.chat.wipe();
    this.host.requestUpdate();
  }

  dispose() {
    this.modal?.watch(false);
    this.stopWatchingRoom?.();
    if (this.container) render(nothing, this.container);
    // The element has left the page: its controllers have stopped (the actor with them).
    this.host.removeController(this.chat);
    this.host.removeController(this.idle);
  }

  /** Clear chat: wipe, and say so (the transcript's change is not announced on its own). */
  private clearChat() {
    this.wipe();
    this.announce(this.t('chatCleared'));
  }

  /**
   * Say something through the panel's one status region (search results, Clear, which council a
   * search chose). Emptied first, so the same words said twice are heard twice.
   */
  private announce(text: string) {
    if (this.statusMessage) {
      this.statusMessage = '';
      this.host.requestUpdate();
    }
    requestAnimationFrame(() => {
      this.statusMessage = text;
      this.host.requestUpdate();
    });
  }

  /** The element heard a Shift press: say how many more leave the page. */
  shiftRemaining(remaining: number) {
    this.statusMessage = remaining === 2 ? this.t('shiftTwoMore') : remaining === 1 ? this.t('shiftOneMore') : '';
    this.host.requestUpdate();
  }

  /**
   * The panel has just been shown (drawn with its opening messages, in the first frame after the
   * click): focus goes to the first answer, and the opening messages are said through the status
   * region, which existed before them (the log was created holding them, and a live region
   * announces only what changes after it exists).
   */
  opened() {
    this.focus();
    const said = [...this.host.renderRoot.querySelectorAll('.log .bubble.bot')].map((b) => b.textContent?.trim()).filter(Boolean);
    if (said.length) this.announce(said.join(' '));
  }

  focus() {
    const root = this.host.renderRoot;
    (root.querySelector<HTMLElement>('.choices button') ?? root.querySelector<HTMLElement>('.exit'))?.focus();
  }

  /** Where an answer leads, when it leads to a screen. */
  private targetOf(event: ChatEvent): NodeKey | undefined {
    if (event.type === 'GO') return event.node;
    if (event.type !== 'CHOOSE') return undefined;
    const at = this.chat.snapshot.context.at;
    return at === null ? undefined : choicesOf(content, content.nodes[at]!)[event.index]?.next;
  }

  private send(event: ChatEvent) {
    // An answer into the other route waits for its screens (one small chunk, fetched once);
    // until then further taps are ignored, so no answer lands on the wrong screen.
    if (this.crossing) return;
    const to = this.targetOf(event);
    const route = to === undefined ? undefined : routeOf(to);
    if (route && !routesIn.has(route)) {
      this.crossing = true;
      this.routeFailed = false;
      this.host.requestUpdate();
      const wipes = this.wipes;
      loadRouteChunk(route)
        .then((nodes) => {
          addRoute(route, nodes);
          if (wipes !== this.wipes) return;
          this.crossing = false;
          this.send(event);
        })
        .catch((e: unknown) => {
          if (wipes !== this.wipes) return;
          this.crossing = false;
          this.routeFailed = true;
          report('part of the chat could not load; the answer can be tried again.', e);
          this.host.requestUpdate();
        });
      return;
    }
    this.routeFailed = false;
    this.statusMessage = '';
    this.focusAfterUpdate = true;
    this.chat.send(event);
    // The opening messages come back word for word, which a screen reader does not read again.
    if (event.type === 'RESTART') this.announce(this.t('restarted'));
    this.host.updateComplete.then(() => {
      if (!this.focusAfterUpdate) return;
      this.focusAfterUpdate = false;
      if (event.type === 'SHOW_MORE') {
        // The person stays where they were reading: on the first card that was hidden.
        this.host.renderRoot.querySelector<HTMLElement>(`[data-entry="${event.entry}"] .card.was-hidden`)?.focus();
        return;
      }
      this.focus();
      this.showReply();
    }).catch(reportError);
  }

  /**
   * Show the reply from its start: the person's answer (or the note that replaced it) at the top
   * of the transcript, but never with the reply's Call 999 below the fold.
   */
  private showReply() {
    // Inline, bring the whole panel into view (it is never taller than the screen), so the
    // page's scroll never leaves the reply or the answers under the pinned header.
    if (this.host.config.mode === 'inline') this.host.renderRoot.querySelector('.frame')?.scrollIntoView({ block: 'nearest', behavior: 'instant' });
    const log = this.host.renderRoot.querySelector<HTMLElement>('.log');
    if (!log || log.scrollHeight <= log.clientHeight) return;
    const mine = log.querySelectorAll<HTMLElement>('.bubble.you, .bubble.note');
    const from = mine[mine.length - 1];
    log.scrollTop = from ? log.scrollTop + from.getBoundingClientRect().top - log.getBoundingClientRect().top - 12 : log.scrollHeight;
    const call = [...log.querySelectorAll<HTMLElement>('a[href="tel:999"]')].find((a) => !from || from.compareDocumentPosition(a) & Node.DOCUMENT_POSITION_FOLLOWING);
    const below = call ? call.getBoundingClientRect().bottom - log.getBoundingClientRect().bottom + 12 : 0;
    if (below > 0) log.scrollTop += below;
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
    const frame = container.querySelector<HTMLElement>('.frame.floating');
    if (frame) showInTopLayer(frame, this.host.open);
    // Covering the page: the same width at which the floating panel's styles fill the screen.
    this.modal ??= new ModalPanel(container, this.host.config.mode === 'inline' ? undefined : matchMedia('(max-width: 30em)'), () => this.afterMove(), () => this.host.hide());
    this.modal.watch(this.host.open);
    this.stopWatchingRoom ??= this.watchRoom(container);
  }

  /**
   * Whether the panel scrolls as a whole, its header pinned, instead of squeezing the transcript
   * between the header and the answers: on short screens (a phone on its side, 400% zoom, large
   * text), and whenever the header and the Shift tip take a third of the screen (text spacing
   * widened by the person's own style sheet, long translations). Both are measured from things the
   * layout does not change, so the choice never flips back and forth.
   */
  private watchRoom(container: HTMLElement): (() => void) | undefined {
    const frame = container.querySelector<HTMLElement>('.frame');
    if (!frame) return undefined;
    const short = matchMedia('(max-height: 30em)');
    const measure = () => {
      const top = ['header', '.hint'].reduce((h, s) => h + (frame.querySelector(s)?.getBoundingClientRect().height ?? 0), 0);
      const stacked = short.matches || top > innerHeight / 3;
      if (stacked === this.stacked) return;
      this.stacked = stacked;
      this.host.requestUpdate();
      // What had focus moved with the new layout: bring it back into view.
      this.host.updateComplete.then(() => (this.host.renderRoot as ShadowRoot).activeElement?.scrollIntoView({ block: 'nearest' })).catch(reportError);
    };
    const observer = new ResizeObserver(measure);
    for (const el of [frame, frame.querySelector('header'), frame.querySelector('.hint')]) if (el) observer.observe(el);
    short.addEventListener('change', measure);
    return () => {
      observer.disconnect();
      short.removeEventListener('change', measure);
    };
  }

  /** The panel moved into (or out of) its own modal dialog: on top, focus kept. */
  private afterMove() {
    const root = this.host.renderRoot as ShadowRoot;
    const focused = root.activeElement as HTMLElement | null;
    const frame = root.querySelector<HTMLElement>('.frame.floating');
    if (frame?.matches(':popover-open')) {
      // Shown again, so it is drawn above the dialog it now sits in.
      frame.hidePopover();
      frame.showPopover();
    }
    if (focused?.isConnected) focused.focus();
    else this.focus();
  }

  private view(): TemplateResult {
    const snapshot = this.chat.snapshot;
    const { log, more, plan } = snapshot.context;
    const floating = this.host.config.mode !== 'inline';
    const last = log.at(-1)?.id;
    // Inline there is no Close, so Clear sits in the header and the row below holds only the Shift tip.
    const clear = html`<button class="clear" type="button" @click=${() => this.clearChat()}>${this.t('clearChat')}</button>`;
    // Inline on a phone, once the person has answered, the panel may take the whole screen's height.
    const engaged = !floating && log.some((e) => e.by === 'you') ? 'engaged' : '';
    return html`<section part="panel" class="frame ${floating ? 'floating' : 'inline'} ${engaged} ${this.stacked ? 'stacked' : ''}" lang=${this.host.config.lang} aria-labelledby="sc-title" @keydown=${this.onKeyDown} @focusin=${this.onFocusIn}>
      <header part="header">
        <button part="exit-button" class="exit" type="button" @click=${() => this.host.quickExit()}>${this.t('exit')}</button>
        <h2 id="sc-title">${this.t('panelTitle')}</h2>
        ${floating ? html`<button class="close" type="button" @click=${() => this.host.hide()}>${this.t('close')}</button>` : clear}
      </header>
      <div class="hint">
        <p>${this.t('exitHint')}</p>
        ${floating ? clear : nothing}
      </div>
      ${this.renderIdleWarning()}
      <div part="transcript" class="log" role="log" aria-label=${this.t('conversation')} tabindex="0">${log.map((e) =>
        guard([e, this.partner, more.includes(e.id), e.id === last, e.by === 'bot' && content.nodes[e.node]?.type === 'plan' ? plan : 0], () => this.renderEntry(e, e.id === last)),
      )}</div>
      <div class="sr-only" role="status">${this.statusMessage}</div>
      ${this.routeFailed ? html`<p class="route-failed" role="alert">${richText(content, content.strings.routeFailed ?? '', (t) => this.text(t))}</p>` : nothing}
      ${this.renderChoices()}
    </section>`;
  }

  /**
   * Under the header: the transcript gives way to it, so showing or going it moves no answer
   * under a finger. Said at once (an alert: there are only 30 seconds).
   */
  private renderIdleWarning(): TemplateResult | typeof nothing {
    if (!this.idleWarning) return nothing;
    return html`<div class="idle-warning" role="alert">
      <p>${this.t('idleWarning')}</p>
      <button type="button" class="keep" @click=${() => this.idle.restart()}>${this.t('idleKeep')}</button>
    </div>`;
  }

  private renderEntry(entry: LogEntry, newest: boolean): TemplateResult {
    if (entry.by === 'note') return html`<p class="bubble note">${this.t(entry.note)}</p>`;
    if (entry.by === 'you') {
      const said = 'area' in entry ? this.areaName(entry.area) : this.text(entry.label);
      // An area given on a services screen: the cards it brings follow the answer (reading order),
      // under the 999 that was already shown above the question.
      const given = 'area' in entry && entry.for ? { area: entry.area, node: content.nodes[entry.for] } : undefined;
      // aria-live off: the person's own answer is not read back to them.
      return html`<p class="bubble you" aria-live="off"><span class="sr-only">${this.t('you')}: </span>${said}</p>${given?.node?.type === 'services' ? this.renderServices(entry.id, given.node, given.area, newest) : nothing}`;
    }
    const node = content.nodes[entry.node]!;
    const says = 'say' in node ? node.say : [];
    const call = says.findIndex((s) => this.text(s).includes('999'));
    const area = entry.area ?? null;
    // A services screen whose words do not ask for 999 shows the 999 card under its first message.
    const urgent = node.type === 'services' && call < 0 ? selectServices(content, { ...this.query(node), area }).emergency : [];
    const after = (i: number) => (i === call ? this.call999() : i === 0 ? urgent.map((s) => card(this.words, s, `${entry.id}-999`, true)) : nothing);
    const messages = says.map((s, i) => html`<p class="bubble bot">${this.words.rich(s)}</p>${after(i)}`);
    if (node.type === 'plan') return html`${messages}${this.renderPlan()}`;
    if (node.type !== 'services') return html`${messages}`;
    // The area is asked below; until it is given only 999 shows (never behind the question).
    if (area === null && dependsOnArea(content, this.query(node))) return html`${messages}`;
    return html`${messages}${this.renderServices(entry.id, node, area, newest)}`;
  }

  /** The tappable emergency call, under the first message that mentions 999. */
  private call999(): TemplateResult {
    return html`<p class="call"><a class="call-999" href="tel:999">${this.t('call999')}</a></p>`;
  }

  private query(node: ServicesNode) {
    return { tags: node.tags, audience: this.chat.snapshot.context.audience, emergency: !!node.emergency };
  }

  /**
   * The cards of a services screen, for the area it was shown for (999 has already been shown
   * above): at most a handful ranked (local, then national), and "Show more" for the rest.
   */
  private renderServices(entry: number, node: ServicesNode, area: string | null, newest: boolean): TemplateResult {
    const { more } = this.chat.snapshot.context;
    const query = this.query(node);
    const all = selectServices(content, { ...query, area, partner: this.partner });
    const shown = firstCards(all, more.includes(entry));
    const first = firstCards(all);
    const wasHidden = (s: Service) => shown.hidden === 0 && !first.local.includes(s) && !first.national.includes(s);
    const id = (group: string) => `sc-${entry}-${group}`;
    // The cards are not read out as they arrive (a list of six is two minutes of speech): a short
    // summary is, and the person moves through the cards by their headings.
    const group = (name: string, title: string, list: Service[]) =>
      list.length
        ? html`<div class="group" role="group" aria-labelledby=${id(name)} aria-live="off">
            <h3 class="group-title" id=${id(name)}>${title}</h3>
            ${list.map((s, i) => card(this.words, s, `${entry}-${name}-${i}`, false, wasHidden(s)))}
          </div>`
        : nothing;
    const areaLine =
      area !== null && dependsOnArea(content, query)
        ? html`<p class="area-line" aria-live="off"><span>${this.helpFor(area)}</span>${newest ? html` <button type="button" class="change-area" @click=${() => this.send({ type: 'CHANGE_AREA' })}>${this.t('changeArea')}</button>` : nothing}</p>`
        : nothing;
    // Local charities a person may know by name, on the lists of local domestic abuse help.
    const named = node.tags.includes('local') ? content.localNames.filter((n) => n.area === area).map((n) => html`<p class="area-note">${this.words.rich(n.say)}</p>`) : [];
    // A housing list with no confirmed council contact for this area says where to turn, with no invented link.
    const askCouncil = node.tags.includes('housing') && content.councils.some((c) => c.id === area) && !all.local.some((s) => s.tags.includes('housing'));
    const count = shown.local.length + shown.national.length;
    const listed = count === 1 ? this.t('servicesListedOne') : this.t('servicesListed').replace('{count}', String(count));
    const summary = areaLine === nothing ? listed : `${this.helpFor(area!)}: ${listed}`;
    return html`<div class="cards" data-entry=${entry}>
      ${count ? html`<p class="sr-only">${summary}</p>` : nothing}${areaLine}${named}${askCouncil ? html`<p class="area-note">${this.t('housingAskCouncil')}</p>` : nothing}
      ${group('local', this.t('servicesLocal'), shown.local)}
      ${group('national', this.t('servicesNational'), shown.national)}
      ${shown.hidden ? html`<button type="button" class="more" aria-live="off" @click=${() => this.send({ type: 'SHOW_MORE', entry })}>${this.t('showMore')}</button>` : nothing}
    </div>`;
  }

  /** "Help for Thanet", or what the other answers mean for the list. */
  private helpFor(area: string): string {
    // The council's short name: "Help for Thanet", not "… (Margate, Ramsgate, Broadstairs)".
    if (content.councils.some((c) => c.id === area)) return this.t('areaHelpFor').replace('{area}', this.areaName(area).replace(/\s*\(.*\)$/, ''));
    return this.t(area === 'outside' ? 'areaHelpOutside' : 'areaHelpKent');
  }

  /** The "my plan" summary: the steps kept in this conversation (memory only). */
  private renderPlan(): TemplateResult {
    const { plan } = this.chat.snapshot.context;
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

  private areaName(area: string): string {
    return this.text(areaLabel(content, area));
  }

  private renderChoices(): TemplateResult {
    const { context } = this.chat.snapshot;
    const key = context.at!;
    const areaFound = this.areaFound?.seq === context.seq ? this.areaFound.result : undefined;
    const { message, offered } = areaFound ? this.areaMessage(areaFound) : { message: '', offered: [] };
    const topics = this.found?.node === key ? this.found.topics : undefined;
    const screen = screenOf(content, context, { areas: offered, topics });
    const buttons: TemplateResult[] = screen.answers.map((a) => this.button(this.text(a.label), a.event, !!a.secondary));
    let search: TemplateResult | typeof nothing = nothing;
    if (screen.search === 'area') {
      void loadPlaces();
      search = html`${keyed(context.seq, this.areaSearch(context.seq))}${areaFound ? html`<p class="prompt found">${message}</p>` : nothing}`;
      buttons.splice(screen.offered, 0, html`<p class="prompt">${this.t('areaOther')}</p>`);
    } else if (screen.search === 'topics') {
      void loadTopics();
      search = html`${this.topicSearch(key)}${topics ? html`<p class="prompt found">${topics.length ? this.t('findResults') : this.t('findNone')}</p>` : nothing}`;
    }
    // From the first answer, Shift+Tab then Enter reaches Exit, however many cards lie above.
    const toExit = html`<button type="button" class="to-exit" @click=${() => this.host.renderRoot.querySelector<HTMLElement>('.exit')?.focus()}>${this.t('toExit')}</button>`;
    return html`<div class="answers">${search}${toExit}<div part="choices" class="choices" role="group" aria-label=${this.t('answersLabel')} aria-busy=${this.crossing ? 'true' : nothing}>${buttons}</div></div>`;
  }

  /** The topic finder's box: what it finds is offered first among the answers. */
  private topicSearch(key: NodeKey): TemplateResult {
    return this.searchForm('sc-find', this.t('findLabel'), async (query) => {
      const topics = (await loadTopics())(query);
      this.found = { node: key, topics };
      this.announce(this.t(topics.length ? 'findResults' : 'findNone'));
      return topics.length > 0;
    });
  }

  /**
   * Town or postcode search above the list of councils. What it found is offered first, and the
   * list below holds the other councils (no council twice). The typed words stay in the box until
   * the person leaves this screen (`keyed` gives the next screen a new, empty box).
   */
  private areaSearch(seq: number): TemplateResult {
    return this.searchForm('sc-area', this.t('areaSearchLabel'), async (query) => {
      const result = (await loadPlaces())(query);
      if (result.kind === 'council' && !result.close) {
        this.areaFound = undefined;
        // What the search chose is said by the list's summary ("Help for Thanet: 6 services…").
        this.send({ type: 'SET_AREA', area: result.council });
        return true;
      }
      this.areaFound = { seq, result };
      this.announce(this.areaMessage(result).message);
      return result.kind !== 'unknown';
    }, true);
  }

  /** What an area search found, in words, and the answers it offers first. */
  private areaMessage(found: AreaResult): { message: string; offered: string[] } {
    const offered: string[] = [];
    let message = '';
    if (found.kind === 'council') {
      const council = this.areaName(found.council);
      // "Did you mean Tunbridge Wells?", not "… That is in Tunbridge Wells." when the place names the council.
      const same = !found.place || found.place.toLowerCase() === council.replace(/\s*\(.*\)$/, '').toLowerCase();
      message = (same ? this.t('areaDidYouMeanCouncil') : this.t('areaDidYouMean')).replace('{place}', found.place ?? '').replace('{council}', council);
      offered.push(found.council);
    } else if (found.kind === 'choose') {
      message = this.t('areaChoose');
      offered.push(...found.councils);
      if (found.outside) offered.push('outside');
    } else if (found.kind === 'outside') {
      message = this.t('areaOutsideFound');
      offered.push('outside');
    } else message = this.t('areaUnknown');
    return { message, offered };
  }

  /**
   * A labelled search box. What is typed is read once and handed to `lookup`; it is never kept,
   * sent, or offered back by autofill. The finder empties the box at once; the area search leaves
   * the words in the box (only there) so that a typo can be seen and fixed.
   */
  private searchForm(id: string, label: string, lookup: (query: string) => Promise<boolean>, keepText = false): TemplateResult {
    const submit = async (e: Event) => {
      e.preventDefault();
      try {
        const input = (e.currentTarget as HTMLFormElement).querySelector('input')!;
        const query = input.value;
        if (!keepText) input.value = '';
        // Found something: focus moves to the answers it offers. Found nothing: it stays in the box.
        const toAnswers = await lookup(query);
        this.host.requestUpdate();
        await this.host.updateComplete;
        // (The box is looked up again: the view may have drawn it anew.)
        if (toAnswers) this.focus();
        else this.host.renderRoot.querySelector<HTMLInputElement>(`#${id}`)?.focus();
        // What the search found takes room from the transcript: keep the reply (and its 999) in view.
        this.showReply();
      } catch (error) {
        reportError(error);
      }
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
    const target = e.composedPath()[0];
    if (e.key === 'Escape' && target instanceof HTMLInputElement && target.value) {
      // Escape in a search box with words in it empties the box; it never closes the chat (nor
      // the panel's modal dialog, which would close on Escape's default action).
      e.stopPropagation();
      e.preventDefault();
      target.value = '';
      return;
    }
    if (e.key === 'Escape' && this.host.config.mode !== 'inline') {
      e.stopPropagation();
      this.host.hide();
    }
  };
}
