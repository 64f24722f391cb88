/**
 * The contract between the element (loaded with the page) and the panel (loaded on first open),
 * and the helpers both use. Neither imports the other: each depends only on this folder.
 */
import type { ReactiveController, ReactiveControllerHost } from '@lit/reactive-element';
import type { Audience } from '../engine/data.js';

/** The partner's attributes, normalised by the element (see element/config.ts). */
export interface WidgetConfig {
  mode: 'launcher' | 'inline';
  area: string | null;
  audience: Audience;
  /** The partner's launcher text; null means the default from the content. */
  label: string | null;
  exitUrl: string;
  lang: string;
  /** Minutes without activity before the conversation is wiped. */
  clearAfter: number;
  /** When the panel is fetched: on intent to open (pointer, focus, touch), or for everyone once the page is idle. */
  preload: 'intent' | 'idle';
}

/** What the lazily loaded panel gives the element. */
export interface Panel {
  /** Draw the panel into its container (lit-html arrives with the panel chunk). */
  render(container: HTMLElement): void;
  /** Forget the whole conversation and start again from a neutral start. */
  wipe(): void;
  /** The panel has just been shown: focus the first answer and say the opening messages. */
  opened(): void;
  /** Shift was pressed towards quick exit: `remaining` more presses leave (3 means the count restarted). */
  shiftRemaining(remaining: number): void;
  dispose(): void;
}

/** What the panel may use of the element (kept narrow so the two stay decoupled). */
export interface PanelHost extends HTMLElement, ReactiveControllerHost {
  readonly config: WidgetConfig;
  readonly open: boolean;
  readonly renderRoot: HTMLElement | DocumentFragment;
  /** Partner's own contacts (validated by the panel). */
  services: unknown;
  addController(controller: ReactiveController): void;
  removeController(controller: ReactiveController): void;
  hide(): void;
  quickExit(): void;
}
