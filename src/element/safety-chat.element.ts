import launcherConfig from 'virtual:safety-chat/launcher';
import { readConfig, type RawAttributes } from './config.js';
import { setsColours } from './partner-colours.js';
import { launcherStyles } from './launcher.styles.js';
import { shiftExit } from './shift-exit.js';
import { ReactiveHost, type Changes } from './reactive-host.js';
import { showInTopLayer } from '../shared/top-layer.js';
import { inLang } from '../shared/text.js';
import { report } from '../shared/report.js';
import type { Panel, PanelHost, WidgetConfig } from '../shared/host.js';
import type { SafetyChatElement, SafetyChatEventMap } from './api.js';
import type { Audience, Text } from '../engine/data.js';
import { loadRouteChunk } from '../shared/route-chunks.js';

type PanelModule = typeof import('../panel/panel.js');

/**
 * The shadow root is closed, so scripts on the host page (analytics, session replay) cannot read
 * what a person chooses, and events from inside are retargeted to the element. The one test-only
 * switch: a page that sets `globalThis.__SAFETY_CHAT_OPEN_SHADOW_ROOT_FOR_TESTS__ = true` before
 * this script runs gets an open root, so tests can look inside. Read once, here.
 */
const openForTests = (globalThis as { __SAFETY_CHAT_OPEN_SHADOW_ROOT_FOR_TESTS__?: unknown }).__SAFETY_CHAT_OPEN_SHADOW_ROOT_FOR_TESTS__ === true;

/** Markers the common session-replay and analytics tools honour: they leave the element out of recordings. */
const doNotRecord: [string, string][] = [
  ['data-hj-suppress', ''],
  ['data-clarity-mask', 'true'],
  ['data-private', ''],
  ['data-nosnippet', ''],
];
const doNotRecordClasses = ['rr-block', 'ph-no-capture', 'fs-exclude'];
/** The element's properties and the attributes they read. */
const attributes = {
  mode: 'mode',
  area: 'area',
  audience: 'audience',
  label: 'label',
  exitUrl: 'exit-url',
  language: 'lang',
  clearAfter: 'clear-after',
  preload: 'preload',
} as const satisfies Record<string, keyof RawAttributes>;
/** Set once quick exit has started on this page. */
let exiting = false;
/** The referrer policy quick exit puts on the page as it leaves (removed if the page comes back). */
let noReferrer: HTMLMetaElement | undefined;
/** Waits to see whether quick exit left the page. */
let stuckTimer: ReturnType<typeof setTimeout> | undefined;
let panelModule: Promise<PanelModule> | undefined;
/** The panel, once its chunk has loaded: opening then draws it in the same task as the click. */
let loadedPanel: PanelModule | undefined;
/**
 * Load the panel chunk once per page (later calls share the same promise), and beside it the
 * screens of the route the audience opens on: fetched side by side, so neither waits for the other.
 */
function loadPanel(audience: Audience): Promise<PanelModule> {
  panelModule ??= import('../panel/panel.js').then((m) => (loadedPanel = m), (e: unknown) => {
    // Not kept: the next open tries again (a network that dropped may be back).
    panelModule = undefined;
    throw e;
  });
  // (The editors' preview may start on any screen: it loads both routes.)
  const wanted: Audience[] = import.meta.env.DEV ? ['general', 'young-people'] : [audience];
  return Promise.all([panelModule, ...wanted.map(loadRouteChunk)]).then(([m, ...chunks]) => {
    wanted.forEach((route, i) => m.addRoute(route, chunks[i]!));
    return m;
  });
}

/**
 * An embeddable chat that helps people in Kent and Medway understand domestic
 * abuse, check their safety without anything being stored, and reach support.
 *
 * @summary Leave-no-trace domestic abuse support chat.
 * @tag safety-chat
 *
 * @attr mode - `launcher` (floating button that opens a panel) or `inline` (panel in the page, always open).
 * @attr area - The council area, e.g. `thanet`; when unset the person is asked.
 * @attr audience - `general` or `young-people`.
 * @attr label - The launcher's visible text and accessible name.
 * @attr exit-url - Where quick exit goes (`https:` or `http:`).
 * @attr lang - A language the flows have; defaults to `en`.
 * @attr clear-after - Minutes of inactivity after which the conversation is wiped (default 10).
 * @attr preload - `intent` (fetch the panel on pointer, focus or touch; default) or `idle` (fetch it, and the search data, for every visitor once the page is idle).
 *
 * @fires safety-chat-open - The panel opened. Carries no content.
 * @fires safety-chat-close - The panel closed. Carries no content.
 * @fires safety-chat-exit - Quick exit started; the page is about to be replaced. Carries no content.
 *
 * @csspart launcher - The floating button that opens the panel.
 * @csspart panel - The chat panel.
 * @csspart header - The panel's header, with the title and the exit button.
 * @csspart transcript - The conversation (`role="log"`).
 * @csspart choices - The group of answer buttons.
 * @csspart exit-button - The "Exit this page" button.
 *
 * @cssproperty --safety-chat-accent - Launcher and answer button colour.
 * @cssproperty --safety-chat-accent-text - Text on the accent colour.
 * @cssproperty --safety-chat-background - Panel background.
 * @cssproperty --safety-chat-text - Panel text colour.
 * @cssproperty --safety-chat-font - Font family.
 * @cssproperty --safety-chat-radius - Corner radius.
 * @cssproperty --safety-chat-exit-background - Exit button colour.
 * @cssproperty --safety-chat-exit-text - Exit button text colour.
 * @cssproperty --safety-chat-focus - Focus ring colour.
 * @cssproperty --safety-chat-z-index - Stacking order of the launcher and panel.
 *
 * @slot - Fallback content, shown without JavaScript. With a launcher it stays where it is in the page;
 *   inline, the panel takes its place.
 */
export class SafetyChat extends ReactiveHost implements PanelHost, SafetyChatElement {
  protected static override styles = launcherStyles;
  protected static override shadowRootOptions: ShadowRootInit = { mode: openForTests ? 'open' : 'closed' };
  /** Each attribute as a property (`lang` is kept apart from HTMLElement's own), and the partner's contacts, set from script. */
  protected static override reactive = { ...attributes, services: null };
  static {
    this.defineReactive();
  }
  declare mode?: string;
  declare area?: string;
  declare audience?: string;
  declare label?: string;
  declare exitUrl?: string;
  declare language?: string;
  declare clearAfter?: string;
  declare preload?: string;
  /** Partner's own contacts, in the same shape as built-in services. */
  declare services: unknown;
  private shown = false;
  /** Whether the panel is showing (always, inline). */
  get open(): boolean {
    return this.shown;
  }
  private setOpen(open: boolean) {
    this.shown = open;
    this.requestUpdate();
  }

  config: WidgetConfig = readConfig({}, { ...launcherConfig, report: () => {} });
  private panel?: Panel;
  private launcher?: HTMLButtonElement;
  private container?: HTMLElement;
  private widget?: HTMLElement;
  private fallback?: HTMLSlotElement;
  private reported = new Set<string>();
  private cover?: HTMLElement;
  /** Shown when quick exit did not leave the page: a plain link to the exit address. */
  private stuck?: HTMLElement;
  /** Shown when the panel could not load: 999 and the national helpline, as text, with Exit. */
  private unavailable?: HTMLElement;
  /**
   * Shift pressed three times leaves the page. Part of the element, not the panel, so it works
   * even when the panel could not load.
   */
  constructor() {
    super();
    this.addController(shiftExit(() => this.open || this.unavailable?.hidden === false, () => this.quickExit(), (remaining) => this.panel?.shiftRemaining(remaining)));
  }

  /** Custom states the widget's own styles read (`:host(:state(inline))`); none are reflected to attributes. */
  private states = (() => {
    try {
      return this.attachInternals().states;
    } catch {
      return undefined; // an older browser: inline panels then take their room when drawn
    }
  })();

  override connectedCallback() {
    this.guard(() => {
      // Inline, the host takes the panel's room at once (before the panel is loaded), so the page
      // does not move when it is drawn. Read from the attribute: the configuration comes later.
      this.markInline(this.getAttribute('mode')?.trim().toLowerCase() === 'inline');
      for (const [name, value] of doNotRecord) if (!this.hasAttribute(name)) this.setAttribute(name, value);
      this.classList.add(...doNotRecordClasses);
      super.connectedCallback();
      addEventListener('pagehide', this.onPageHide);
      addEventListener('pageshow', this.onPageShow);
      // Moved in the page: start a fresh conversation if the panel was showing.
      if (this.open && !this.panel) void this.ensurePanel();
    });
  }

  override disconnectedCallback() {
    this.guard(() => {
      super.disconnectedCallback();
      removeEventListener('pagehide', this.onPageHide);
      removeEventListener('pageshow', this.onPageShow);
      this.panel?.dispose();
      this.panel = undefined;
    });
  }

  private markInline(inline: boolean) {
    try {
      this.states?.[inline ? 'add' : 'delete']('inline');
    } catch {
      // CustomStateSet without plain names (Chromium before 125): nothing to reserve.
    }
  }

  /** Open the panel (launcher mode). */
  show(): void {
    this.guard(() => {
      if (this.open) return;
      this.hideUnavailable();
      this.setOpen(true);
      this.emit('safety-chat-open');
      // Focus waits for the next frame: the panel's first layout is then the browser's own
      // rendering step, not a second long piece of the task that drew it.
      this.ensurePanel()
        .then(() => this.updateComplete)
        .then(() => requestAnimationFrame(() => this.guard(() => this.open && (this.panel?.opened(), this.placeLauncher()))))
        .catch(report);
    });
  }

  /**
   * Close the panel, wipe the conversation as Clear does (someone who hides the chat because a
   * person walked in must not leave it one tap away), and return focus to the launcher.
   */
  hide(): void {
    this.guard(() => {
      if (!this.open || this.config.mode === 'inline') return;
      this.setOpen(false);
      this.clear();
      this.emit('safety-chat-close');
      this.updateComplete.then(() => this.launcher?.focus()).catch(report);
    });
  }

  /** Wipe the conversation; the panel shows a neutral start. */
  clear(): void {
    this.guard(() => this.panel?.wipe());
  }

  /** Cover the page, wipe the conversation and leave for `exit-url` without a Back entry. */
  quickExit(): void {
    // One exit per page, even with two widgets or three Shift presses heard twice.
    if (exiting) return;
    exiting = true;
    const url = this.config.exitUrl;
    // Cover first, in this same task, so nothing of the page is painted again.
    try {
      this.stuck?.remove();
      this.showCover();
    } catch (e) {
      report(e);
    }
    this.guard(() => {
      this.hideUnavailable();
      this.panel?.wipe();
      this.setOpen(false);
      this.emit('safety-chat-exit');
    });
    // The exit site must not learn which page the person was on: no Referer for this navigation.
    try {
      noReferrer ??= Object.assign(document.createElement('meta'), { name: 'referrer', content: 'no-referrer' });
      document.head.append(noReferrer);
    } catch (e) {
      report(e);
    }
    leave(url);
    // Still here after a moment: the host asked "Leave this page?" and the person chose Stay, or the
    // exit address answered with no page (a download, "204 No Content"). Never leave them stuck.
    clearTimeout(stuckTimer);
    stuckTimer = setTimeout(() => this.guard(() => this.exitDidNotLeave(url)), 1500);
  }

  /**
   * Quick exit did not leave: drop the cover (the conversation stays wiped), let Exit and Shift
   * work again, and offer a plain link to the exit address.
   */
  private exitDidNotLeave(url: string) {
    exiting = false;
    // Inline, the (wiped) panel shows again, with its Exit.
    if (this.config.mode === 'inline') this.setOpen(true);
    noReferrer?.remove();
    this.cover?.remove();
    this.cover = undefined;
    const s = launcherConfig.strings;
    // In a frame, the link replaces the whole page where the frame may (as quick exit tried to).
    const link = Object.assign(make('a'), { href: url, rel: 'noreferrer', target: '_top', textContent: this.say(s.exitStuckLink) });
    this.stuck?.remove();
    const stuck = (this.stuck = this.notice('note stuck', [this.say(s.exitStuck), ' ', link], [['dismiss', s.close, () => (stuck.remove(), this.launcher?.focus())]]));
    this.widget?.append(stuck);
    showInTopLayer(stuck, true);
    link.focus();
  }

  /** A plain box of the element's own (it needs nothing from the panel): words, then buttons. */
  private notice(className: string, words: (string | Node)[], buttons: [string, Text, () => void][]): HTMLElement {
    const box = make('div', className);
    box.setAttribute('role', 'alert');
    const message = make('p');
    message.append(...words);
    const actions = make('p');
    for (const [cls, text, action] of buttons) {
      const b = Object.assign(make('button', cls), { type: 'button', textContent: this.say(text) });
      b.addEventListener('click', () => this.guard(action));
      actions.append(b);
    }
    box.append(message, actions);
    return box;
  }

  private say(text: Text): string {
    return inLang(text, this.config.lang);
  }

  protected override willUpdate(changed: Changes) {
    this.guard(() => {
      if (!Object.keys(attributes).some((p) => changed.has(p))) return;
      // Properties can be set from script to anything: read them as the text an attribute would hold.
      const raw: RawAttributes = {};
      for (const [p, attribute] of Object.entries(attributes)) {
        const v = this[p as keyof typeof attributes];
        raw[attribute] = v == null ? null : String(v);
      }
      this.config = readConfig(
        raw,
        {
          ...launcherConfig,
          here: location.href,
          // Each message names its attribute and value: once is enough.
          report: (_, message) => this.reported.has(message) || (this.reported.add(message), console.error(`<safety-chat>: ${message}`)),
        },
      );
      if (this.config.preload === 'idle') preloadWhenIdle(this.config.audience, this.drawAhead);
      if (this.config.mode === 'inline' && !this.open) {
        this.setOpen(true);
        void this.ensurePanel();
      }
    });
  }

  /**
   * The partner's fallback stays where it is from the moment the shadow root exists (a launcher
   * takes no room in the page, so the page never moves when the widget starts); inline, the panel
   * takes its place.
   */
  protected override createRenderRoot() {
    const root = super.createRenderRoot();
    this.fallback = document.createElement('slot');
    root.append(this.fallback);
    return root;
  }

  /**
   * The first drawing waits for the next task: loading the script (element definition and
   * upgrade) and drawing the launcher are then two short tasks on the host page, not one long one.
   */
  protected override async scheduleUpdate(): Promise<void> {
    if (!this.hasUpdated) await nextTask();
    super.scheduleUpdate();
  }

  /**
   * The launcher is a few DOM calls so the page pays almost nothing before
   * opening; the panel draws itself into its own container once loaded.
   */
  protected override update() {
    this.guard(() => {
      if (!this.launcher) {
        // Everything of the widget's own inherits its text settings from here, not from the host
        // box, so the fallback keeps the page's look.
        this.widget = make('div', 'widget');
        this.launcher = make('button', 'launcher');
        this.launcher.type = 'button';
        this.launcher.setAttribute('part', 'launcher');
        this.launcher.addEventListener('click', () => this.show());
        for (const type of ['pointerenter', 'focus', 'touchstart']) this.launcher.addEventListener(type, this.drawAhead, { passive: true });
        this.container = make('div', 'container');
        this.widget.append(this.launcher, this.container);
        this.renderRoot.append(this.widget);
        // After the first paint, so the host page's loading pays nothing for it; the check itself
        // loads only on pages that set colours.
        requestAnimationFrame(() =>
          this.guard(() => {
            if (setsColours(this))
              import('./contrast.js').then((m) => this.guard(() => m.enforceContrast(this, this.renderRoot as ShadowRoot, (msg) => console.error(`<safety-chat>: ${msg}`)))).catch(report);
          }),
        );
      }
      this.launcher.textContent = this.config.label ?? this.say(launcherConfig.strings.launcher);
      this.placeLauncher();
      this.fallback!.hidden = this.config.mode === 'inline' && !!this.panel;
      this.markInline(this.config.mode === 'inline');
      this.container!.hidden = !this.open;
      // Drawn even while closed, so a wipe leaves nothing of the old conversation in the page.
      this.panel?.render(this.container!);
    });
  }

  /**
   * Intent to open (pointer, focus or touch on the launcher): fetch the panel and draw it, hidden,
   * ahead of the click, so the click only shows it and the first message is in the next frame.
   * Three short tasks (fetch, evaluate, draw), never one long one on the host page.
   */
  private drawAhead = () => {
    loadPanel(this.config.audience)
      .then(nextTask)
      .then(() => (this.open ? undefined : this.ensurePanel()))
      .catch(report);
  };

  /**
   * The launcher sits in the top layer while it shows. Opening, it keeps focus (under the panel)
   * until the panel takes it, so focus never falls to the page, even while the panel is loading.
   */
  private placeLauncher() {
    const holdsFocus = this.open && this.renderRoot.activeElement === this.launcher;
    if (this.launcher) showInTopLayer(this.launcher, this.config.mode !== 'inline' && (!this.open || holdsFocus));
  }

  private async ensurePanel(): Promise<void> {
    if (this.panel) return;
    this.hideUnavailable();
    try {
      // Fetched ahead (on intent or at idle), the panel is drawn at once, so the first message is
      // in the first frame after the click. Loaded now, evaluating the chunk and drawing the panel
      // are two tasks, not one long one: the page stays responsive while the chat opens.
      // (Not before the element has read its attributes: the conversation starts from them.)
      let mod = this.hasUpdated && loadedPanel?.hasRoute(this.config.audience) ? loadedPanel : undefined;
      if (!mod) {
        mod = await loadPanel(this.config.audience);
        await nextTask();
      }
      if (this.panel || !this.isConnected) return;
      const root = this.renderRoot as ShadowRoot;
      if (root.adoptedStyleSheets && !root.adoptedStyleSheets.includes(mod.panelSheet)) {
        root.adoptedStyleSheets = [...root.adoptedStyleSheets, mod.panelSheet];
      }
      this.panel = mod.createPanel(this);
      // Drawn ahead of the click: making the conversation and drawing it are two tasks.
      if (!this.open) await nextTask();
      this.requestUpdate();
    } catch (e) {
      report(e);
      this.guard(() => this.showUnavailable());
    }
  }

  /**
   * The panel could not load (the network dropped, or the page's policies refused it): say how to
   * get help now, as plain text that needs nothing more from the network, and bring the launcher
   * back so the next open tries again.
   */
  private showUnavailable() {
    if (!this.isConnected) return;
    const inline = this.config.mode === 'inline';
    const s = launcherConfig.strings;
    const words = (launcherConfig.unavailable[this.config.lang] ?? launcherConfig.unavailable.en!).map((seg) =>
      typeof seg === 'string' ? seg : Object.assign(make('a'), { href: seg.tel, textContent: seg.show }),
    );
    const buttons: [string, Text, () => void][] = [
      ['exit', s.exit, () => this.quickExit()],
      ['retry', s.unavailableRetry, () => (inline ? void this.ensurePanel() : this.show())],
    ];
    if (!inline) buttons.push(['dismiss', s.close, () => (this.hideUnavailable(), this.launcher?.focus())]);
    this.unavailable ??= this.notice('note unavailable', words, buttons);
    // Inline, the message takes the panel's place; with a launcher it sits above the launcher.
    (inline ? this.container : this.widget)?.append(this.unavailable);
    if (!inline && this.open) {
      this.setOpen(false);
      this.emit('safety-chat-close');
    }
    if (inline) this.unavailable.hidden = false;
    else showInTopLayer(this.unavailable, true);
  }

  private hideUnavailable() {
    if (!this.unavailable) return;
    showInTopLayer(this.unavailable, false);
    this.unavailable.hidden = true;
  }

  private showCover() {
    if (this.cover) return;
    const cover = make('div', 'cover');
    cover.setAttribute('role', 'status');
    cover.textContent = this.say(launcherConfig.strings.exiting);
    (this.widget ?? this.renderRoot).appendChild(cover);
    this.cover = cover;
    // The top layer sits above any z-index the host page uses.
    showInTopLayer(cover, true);
  }

  private onPageHide = () => {
    this.guard(() => {
      this.panel?.wipe();
      if (this.config.mode !== 'inline') this.setOpen(false);
    });
  };

  private onPageShow = (event: PageTransitionEvent) => {
    if (!event.persisted) return;
    exiting = false;
    clearTimeout(stuckTimer);
    this.stuck?.remove();
    this.stuck = undefined;
    noReferrer?.remove();
    // Restored from the back-forward cache: show a fresh, empty widget.
    this.guard(() => {
      this.panel?.wipe();
      this.cover?.remove();
      this.cover = undefined;
      if (this.config.mode !== 'inline') this.setOpen(false);
    });
  };

  private emit(name: keyof SafetyChatEventMap) {
    this.dispatchEvent(new Event(name, { bubbles: true, composed: true }));
  }

  /** Every entry point runs through here: the widget reports, it never throws into the host page. */
  private guard(fn: () => void) {
    try {
      fn();
    } catch (e) {
      report(e);
    }
  }
}

/** An element of the widget's own, with its class. */
function make<K extends keyof HTMLElementTagNameMap>(tag: K, className = ''): HTMLElementTagNameMap[K] {
  return Object.assign(document.createElement(tag), { className });
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Leave for `url` without a Back entry. In a frame, the whole page goes (where the browser lets
 * the frame navigate its top window); a sandboxed frame without that right leaves itself.
 */
function leave(url: string) {
  try {
    top!.location.replace(url);
  } catch {
    // Not allowed to navigate the top window: at least this frame leaves.
    location.replace(url);
  }
}

/**
 * preload="idle": every visitor fetches the panel and the search data once the page has loaded
 * and is idle, and the panel is drawn, hidden, as on intent; so opening is instant, and the
 * browser's cache and resource timing no longer show who opened or searched the chat. (Each file
 * is fetched once, however often this is called.)
 */
function preloadWhenIdle(audience: Audience, drawAhead: () => void) {
  const idle = () =>
    (self.requestIdleCallback ?? setTimeout)(() => {
      loadPanel(audience).then((m) => m.preloadData()).catch(report);
      drawAhead();
    });
  if (document.readyState === 'complete') idle();
  else addEventListener('load', idle, { once: true });
}
