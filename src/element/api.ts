/**
 * The public shape of <safety-chat>, as partners' TypeScript sees it. Written without any
 * library type, so the published declarations need nothing installed beside them (lit, xstate
 * and zod are bundled into the built files).
 */

/** The element's attributes as properties, its methods and its events (see the README's embed contract). */
export interface SafetyChatElement extends HTMLElement {
  mode?: string;
  area?: string;
  audience?: string;
  label?: string;
  exitUrl?: string;
  clearAfter?: string;
  preload?: string;
  /** Partner's own contacts, in the same shape as the built-in services. */
  services: unknown;
  /** Resolves when the element has drawn its latest change. */
  readonly updateComplete: Promise<boolean>;
  /** Open the panel (launcher mode). */
  show(): void;
  /** Close the panel; the conversation is wiped. */
  hide(): void;
  /** Wipe the conversation; the panel shows a neutral start. */
  clear(): void;
  /** Cover the page, wipe the conversation and leave for `exit-url` without a Back entry. */
  quickExit(): void;
}

export interface SafetyChatConstructor {
  new (): SafetyChatElement;
  readonly prototype: SafetyChatElement;
}

/** Events carry no content: listeners learn only that something happened. */
export interface SafetyChatEventMap {
  'safety-chat-open': Event;
  'safety-chat-close': Event;
  'safety-chat-exit': Event;
}

declare global {
  interface HTMLElementTagNameMap {
    'safety-chat': SafetyChatElement;
  }
  interface HTMLElementEventMap extends SafetyChatEventMap {}
}
