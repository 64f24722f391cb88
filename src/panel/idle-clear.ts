import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** How long before the clear the person is warned and offered to keep the chat. */
export const WARN_BEFORE_MS = 30_000;

export interface IdleActions {
  /** The clear is near: show and say the choice to keep the chat. */
  warn(): void;
  /** There was activity: take the warning away (the countdown has restarted). */
  calm(): void;
  /** The time is up: wipe the conversation. */
  clear(): void;
}

/** Activity anywhere in the widget: a tap, a key, focus moving, the pointer moving over it, scrolling. */
const activity = ['pointerdown', 'pointermove', 'keydown', 'focusin', 'wheel', 'scroll'] as const;

/**
 * Wipes the conversation after a period with no interaction, so a chat left open on a shared
 * device does not stay on screen. Half a minute before, it warns (WCAG 2.2.1): any activity,
 * including scrolling to read, keeps the chat and restarts the countdown.
 */
export class IdleClearController implements ReactiveController {
  private warnTimer?: ReturnType<typeof setTimeout>;
  private clearTimer?: ReturnType<typeof setTimeout>;
  private warned = false;
  private last = 0;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment },
    private readonly minutes: () => number,
    private readonly actions: IdleActions,
  ) {
    host.addController(this);
  }

  hostConnected() {
    this.listen(true);
    this.restart();
  }

  hostDisconnected() {
    this.listen(false);
    this.stop();
  }

  private listen(on: boolean) {
    const method = on ? 'addEventListener' : 'removeEventListener';
    // Heard in the shadow root itself (the closed root hides where events came from outside it),
    // while they go down: scrolling neither bubbles nor leaves the root.
    for (const type of activity) this.host.renderRoot[method](type, this.touch, { capture: true, passive: true });
    // Inline, reading the chat may mean scrolling the page.
    window[method]('scroll', this.touchInline, { passive: true });
  }

  private touchInline = () => {
    if (this.host.getAttribute('mode')?.trim().toLowerCase() === 'inline') this.touch();
  };

  /**
   * Any activity restarts the countdown (the pointer moving counts at most once a second). Not
   * inside the warning itself: it stays, so nothing moves under the pointer, until Keep is chosen.
   */
  touch = (e?: Event) => {
    if (e?.target instanceof Element && e.target.closest('.idle-warning')) return;
    const now = Date.now();
    if (e?.type === 'pointermove' && !this.warned && now - this.last < 1000) return;
    this.last = now;
    this.restart();
  };

  /** A fresh countdown, with no warning showing: on activity, and after every wipe. */
  restart() {
    this.stop();
    const total = this.minutes() * 60_000;
    this.warnTimer = setTimeout(() => {
      this.warned = true;
      this.actions.warn();
    }, Math.max(total - WARN_BEFORE_MS, total / 2));
    this.clearTimer = setTimeout(() => {
      this.stop();
      this.actions.clear();
    }, total);
  }

  private stop() {
    clearTimeout(this.warnTimer);
    clearTimeout(this.clearTimer);
    if (this.warned) {
      this.warned = false;
      this.actions.calm();
    }
  }
}
