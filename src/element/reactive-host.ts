import type { ReactiveController, ReactiveControllerHost } from '@lit/reactive-element';
import { styleSheet } from '../shared/styles.js';

/** What changed in an update: each property's previous value. */
export type Changes = ReadonlyMap<PropertyKey, unknown>;

/**
 * The part of Lit's ReactiveElement the launcher uses, in a few lines: properties fed by
 * attributes, one batched update per task of changes, reactive controllers and a shadow root
 * with adopted styles. The host page loads this before anyone opens the chat, so it pays for
 * every byte; Lit's full ReactiveElement would be a third of that load. Same lifecycle names
 * (requestUpdate, willUpdate, update, updateComplete, addController), so Lit's controllers work.
 */
export abstract class ReactiveHost extends HTMLElement implements ReactiveControllerHost {
  /** Each reactive property and the attribute it reads (null: set from script only). */
  protected static reactive: Record<string, string | null> = {};
  protected static styles = '';
  protected static shadowRootOptions: ShadowRootInit = { mode: 'open' };
  private static sheet?: CSSStyleSheet;

  static get observedAttributes(): string[] {
    return Object.values(this.reactive).filter((a): a is string => a !== null);
  }

  /** Call once from the subclass's static block: makes each reactive property an accessor. */
  protected static defineReactive(): void {
    for (const name of Object.keys(this.reactive)) {
      Object.defineProperty(this.prototype, name, {
        get(this: ReactiveHost) {
          return this.values.get(name);
        },
        set(this: ReactiveHost, value: unknown) {
          const old = this.values.get(name);
          if (Object.is(old, value)) return;
          this.values.set(name, value);
          this.requestUpdate(name, old);
        },
        configurable: true,
        enumerable: true,
      });
    }
  }

  renderRoot!: ShadowRoot;
  hasUpdated = false;
  private values = new Map<PropertyKey, unknown>();
  private changes = new Map<PropertyKey, unknown>();
  private controllers = new Set<ReactiveController>();
  private pending = false;
  private updated: Promise<boolean> = Promise.resolve(true);
  private enable!: () => void;
  /** Updates start once the element is first in a document. */
  private enabled = new Promise<void>((resolve) => (this.enable = resolve));

  constructor() {
    super();
    // A page may set properties before this script defines the element: take them over.
    for (const name of Object.keys((this.constructor as typeof ReactiveHost).reactive)) {
      if (!Object.prototype.hasOwnProperty.call(this, name)) continue;
      const value = (this as Record<string, unknown>)[name];
      delete (this as Record<string, unknown>)[name];
      (this as Record<string, unknown>)[name] = value;
    }
    this.requestUpdate(); // the first drawing, when the element is first connected
  }

  connectedCallback(): void {
    this.renderRoot ??= this.createRenderRoot();
    this.enable();
    for (const c of this.controllers) c.hostConnected?.();
  }

  disconnectedCallback(): void {
    for (const c of this.controllers) c.hostDisconnected?.();
  }

  attributeChangedCallback(attribute: string, _old: string | null, value: string | null): void {
    const reactive = (this.constructor as typeof ReactiveHost).reactive;
    const name = Object.keys(reactive).find((p) => reactive[p] === attribute);
    if (name) (this as Record<string, unknown>)[name] = value;
  }

  addController(controller: ReactiveController): void {
    this.controllers.add(controller);
    if (this.renderRoot && this.isConnected) controller.hostConnected?.();
  }

  removeController(controller: ReactiveController): void {
    this.controllers.delete(controller);
  }

  /** Ask for an update (once per batch of changes); `name` and `old` record what changed. */
  requestUpdate(name?: PropertyKey, old?: unknown): void {
    if (name !== undefined && !this.changes.has(name)) this.changes.set(name, old);
    if (this.pending) return;
    this.pending = true;
    this.updated = this.enqueue();
  }

  /** Resolves when the latest requested update is drawn (true when no further update is pending). */
  get updateComplete(): Promise<boolean> {
    return this.updated;
  }

  protected createRenderRoot(): ShadowRoot {
    const cls = this.constructor as typeof ReactiveHost;
    const root = this.attachShadow(cls.shadowRootOptions);
    root.adoptedStyleSheets = [(cls.sheet ??= styleSheet(cls.styles))];
    return root;
  }

  /** When the update runs; override to wait (and then call super). */
  protected scheduleUpdate(): void | Promise<void> {
    this.performUpdate();
  }

  protected willUpdate(_changes: Changes): void {}

  protected update(_changes: Changes): void {}

  private async enqueue(): Promise<boolean> {
    await this.enabled; // at least a microtask: changes made together update together
    await this.scheduleUpdate();
    return !this.pending;
  }

  private performUpdate() {
    const changes = this.changes;
    this.changes = new Map();
    try {
      this.willUpdate(changes);
      for (const c of this.controllers) c.hostUpdate?.();
      this.update(changes);
    } finally {
      this.pending = false;
    }
    this.hasUpdated = true;
    for (const c of this.controllers) c.hostUpdated?.();
  }
}
