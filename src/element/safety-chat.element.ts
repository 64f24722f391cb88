import { ReactiveElement, type PropertyValues } from '@lit/reactive-element';
import { property, state } from '@lit/reactive-element/decorators.js';
import launcherConfig from 'virtual:safety-chat/launcher';
import { readConfig, type WidgetConfig } from './config.js';
import { enforceContrast } from './contrast.js';
import { launcherStyles } from './launcher.styles.js';
import { showInTopLayer } from './top-layer.js';
import { inLang } from './text.js';
import type { SafetyChatElement, SafetyChatEventMap } from './api.js';

/** What the lazily loaded panel gives the element. */
export interface Panel {
  /** Draw the panel into its container (lit-html arrives with the panel chunk). */
  render(container: HTMLElement): void;
  /** Forget the whole conversation and start again from a neutral start. */
  wipe(): void;
  /** Move focus into the panel (first answer). */
  focus(): void;
  dispose(): void;
}

/** What the panel may use of the element (kept narrow so the two stay decoupled). */
export interface PanelHost extends HTMLElement {
  readonly config: WidgetConfig;
  readonly open: boolean;
  readonly renderRoot: HTMLElement | DocumentFragment;
  /** Partner's own contacts (validated by the panel). */
  services: unknown;
  requestUpdate(): void;
  updateComplete: Promise<boolean>;
  hide(): void;
  quickExit(): void;
}

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
/** Set once quick exit has started on this page. */
let exiting = false;
/** The referrer policy quick exit puts on the page as it leaves (removed if the page comes back). */
let noReferrer: HTMLMetaElement | undefined;
let panelModule: Promise<PanelModule> | undefined;
/** Load the panel chunk once per page; later calls share the same promise. */
function loadPanel(): Promise<PanelModule> {
  panelModule ??= import('../panel/panel.js');
  return panelModule;
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
export class SafetyChat extends ReactiveElement implements PanelHost, SafetyChatElement {
  static override styles = launcherStyles;
  static override shadowRootOptions: ShadowRootInit = { ...ReactiveElement.shadowRootOptions, mode: openForTests ? 'open' : 'closed' };

  @property() mode?: string;
  @property() area?: string;
  @property() audience?: string;
  @property() label?: string;
  @property({ attribute: 'exit-url' }) exitUrl?: string;
  /** The `lang` attribute; kept apart from HTMLElement's own `lang` property. */
  @property({ attribute: 'lang' }) language?: string;
  @property({ attribute: 'clear-after' }) clearAfter?: string;
  /** Partner's own contacts, in the same shape as built-in services. */
  @property({ attribute: false }) services: unknown;

  @state() open = false;

  config: WidgetConfig = readConfig({}, { ...launcherConfig, report: () => {} });
  private panel?: Panel;
  private launcher?: HTMLButtonElement;
  private container?: HTMLElement;
  private widget?: HTMLElement;
  private fallback?: HTMLSlotElement;
  private reported = new Set<string>();
  private cover?: HTMLElement;

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
      if (inline) this.states?.add('inline');
      else this.states?.delete('inline');
    } catch {
      // CustomStateSet without plain names (Chromium before 125): nothing to reserve.
    }
  }

  /** Open the panel (launcher mode). */
  show(): void {
    this.guard(() => {
      if (this.open) return;
      this.open = true;
      this.emit('safety-chat-open');
      // Focus waits for the next frame: the panel's first layout is then the browser's own
      // rendering step, not a second long piece of the task that drew it.
      void this.ensurePanel()
        .then(() => this.updateComplete)
        .then(() => requestAnimationFrame(() => this.guard(() => this.open && this.panel?.focus())));
    });
  }

  /**
   * Close the panel, wipe the conversation as Clear does (someone who hides the chat because a
   * person walked in must not leave it one tap away), and return focus to the launcher.
   */
  hide(): void {
    this.guard(() => {
      if (!this.open || this.config.mode === 'inline') return;
      this.open = false;
      this.clear();
      this.emit('safety-chat-close');
      void this.updateComplete.then(() => this.launcher?.focus());
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
    // Cover first, in this same task, so nothing of the page is painted again.
    try {
      this.showCover();
    } catch (e) {
      report(e);
    }
    this.guard(() => {
      this.panel?.wipe();
      this.open = false;
      this.emit('safety-chat-exit');
    });
    // The exit site must not learn which page the person was on: no Referer for this navigation.
    try {
      noReferrer ??= Object.assign(document.createElement('meta'), { name: 'referrer', content: 'no-referrer' });
      document.head.append(noReferrer);
    } catch (e) {
      report(e);
    }
    location.replace(this.config.exitUrl);
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    this.guard(() => {
      const attrs = ['mode', 'area', 'audience', 'label', 'exitUrl', 'language', 'clearAfter'] as const;
      if (!attrs.some((a) => changed.has(a))) return;
      // Properties can be set from script to anything: read them as the text an attribute would hold.
      const text = (v: unknown) => (v == null ? null : String(v));
      this.config = readConfig(
        {
          mode: text(this.mode),
          area: text(this.area),
          audience: text(this.audience),
          label: text(this.label),
          'exit-url': text(this.exitUrl),
          lang: text(this.language),
          'clear-after': text(this.clearAfter),
        },
        {
          ...launcherConfig,
          report: (attribute, message) => {
            const key = `${attribute}:${message}`;
            if (this.reported.has(key)) return;
            this.reported.add(key);
            console.error(`<safety-chat>: ${message}`);
          },
        },
      );
      if (this.config.mode === 'inline' && !this.open) {
        this.open = true;
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
  protected override update(changed: PropertyValues<this>) {
    super.update(changed);
    this.guard(() => {
      if (!this.launcher) {
        // Everything of the widget's own inherits its text settings from here, not from the host
        // box, so the fallback keeps the page's look.
        this.widget = document.createElement('div');
        this.widget.className = 'widget';
        this.launcher = document.createElement('button');
        this.launcher.type = 'button';
        this.launcher.className = 'launcher';
        this.launcher.setAttribute('part', 'launcher');
        this.launcher.addEventListener('click', () => this.show());
        for (const type of ['pointerenter', 'focus', 'touchstart']) this.launcher.addEventListener(type, preload, { passive: true });
        this.container = document.createElement('div');
        this.container.className = 'container';
        this.widget.append(this.launcher, this.container);
        this.renderRoot.append(this.widget);
        // After the first paint, so the host page's loading pays nothing for it.
        requestAnimationFrame(() => this.guard(() => enforceContrast(this, this.renderRoot as ShadowRoot, (m) => console.error(`<safety-chat>: ${m}`))));
      }
      this.launcher.textContent = this.config.label ?? inLang(launcherConfig.strings.launcher, this.config.lang);
      showInTopLayer(this.launcher, this.config.mode !== 'inline' && !this.open);
      this.fallback!.hidden = this.config.mode === 'inline' && !!this.panel;
      this.markInline(this.config.mode === 'inline');
      this.container!.hidden = !this.open;
      // Drawn even while closed, so a wipe leaves nothing of the old conversation in the page.
      this.panel?.render(this.container!);
    });
  }

  private async ensurePanel(): Promise<void> {
    if (this.panel) return;
    try {
      const mod = await loadPanel();
      // Evaluating the chunk, building the machine and drawing the panel are three tasks, not one
      // long one: the page stays responsive while the chat opens.
      await nextTask();
      mod.prepare();
      await nextTask();
      if (this.panel || !this.isConnected) return;
      const root = this.renderRoot as ShadowRoot;
      if (root.adoptedStyleSheets && !root.adoptedStyleSheets.includes(mod.panelSheet)) {
        root.adoptedStyleSheets = [...root.adoptedStyleSheets, mod.panelSheet];
      }
      this.panel = mod.createPanel(this);
      this.requestUpdate();
    } catch (e) {
      report(e);
    }
  }

  private showCover() {
    if (this.cover) return;
    const cover = document.createElement('div');
    cover.className = 'cover';
    cover.setAttribute('role', 'status');
    cover.textContent = inLang(launcherConfig.strings.exiting, this.config.lang);
    (this.widget ?? this.renderRoot).appendChild(cover);
    this.cover = cover;
    // The top layer sits above any z-index the host page uses.
    showInTopLayer(cover, true);
  }

  private onPageHide = () => {
    this.guard(() => {
      this.panel?.wipe();
      if (this.config.mode !== 'inline') this.open = false;
    });
  };

  private onPageShow = (event: PageTransitionEvent) => {
    if (!event.persisted) return;
    exiting = false;
    noReferrer?.remove();
    // Restored from the back-forward cache: show a fresh, empty widget.
    this.guard(() => {
      this.panel?.wipe();
      this.cover?.remove();
      this.cover = undefined;
      if (this.config.mode !== 'inline') this.open = false;
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

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function preload() {
  loadPanel()
    .then((m) => m.warm())
    .catch(report);
}

function report(error: unknown) {
  console.error('<safety-chat>: something went wrong inside the widget; the page is unaffected.', error);
}

