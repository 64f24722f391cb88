import type { ReactiveController } from 'lit';

/**
 * GOV.UK's "Exit this page" shortcut: Shift pressed three times within five
 * seconds. The timer restarts on each press; a Shift held to type a capital
 * letter does not count. `announce` reports how many presses remain.
 */
export class ShiftExitController implements ReactiveController {
  private count = 0;
  private armed = false;
  private timer?: ReturnType<typeof setTimeout>;

  constructor(
    private readonly isActive: () => boolean,
    private readonly exit: () => void,
    private readonly announce: (remaining: number) => void,
    private readonly windowMs = 5000,
  ) {}

  hostConnected() {
    addEventListener('keydown', this.onKeyDown, true);
    addEventListener('keyup', this.onKeyUp, true);
  }

  hostDisconnected() {
    removeEventListener('keydown', this.onKeyDown, true);
    removeEventListener('keyup', this.onKeyUp, true);
    this.reset();
  }

  private reset = () => {
    clearTimeout(this.timer);
    this.count = 0;
    this.armed = false;
    this.announce(3);
  };

  private onKeyDown = (e: KeyboardEvent) => {
    // Another key while Shift is down (a capital letter, a shortcut) cancels this press.
    this.armed = e.key === 'Shift' && !e.repeat && !e.ctrlKey && !e.altKey && !e.metaKey;
  };

  private onKeyUp = (e: KeyboardEvent) => {
    if (e.key !== 'Shift' || !this.armed || !this.isActive()) return;
    this.armed = false;
    this.count++;
    clearTimeout(this.timer);
    if (this.count >= 3) {
      this.reset();
      this.exit();
      return;
    }
    this.announce(3 - this.count);
    this.timer = setTimeout(this.reset, this.windowMs);
  };
}
