import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Wipes the conversation after a period with no interaction, so a chat left
 * open on a shared device does not stay on screen.
 */
export class IdleClearController implements ReactiveController {
  private timer?: ReturnType<typeof setTimeout>;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly minutes: () => number,
    private readonly clear: () => void,
  ) {}

  hostConnected() {
    for (const type of ['pointerdown', 'keydown', 'focusin'] as const) this.host.addEventListener(type, this.touch);
    this.touch();
  }

  hostDisconnected() {
    for (const type of ['pointerdown', 'keydown', 'focusin'] as const) this.host.removeEventListener(type, this.touch);
    clearTimeout(this.timer);
  }

  /** Any activity in the widget restarts the countdown. */
  touch = () => {
    clearTimeout(this.timer);
    this.timer = setTimeout(this.clear, this.minutes() * 60_000);
  };
}
