import type { ReactiveController } from '@lit/reactive-element';

/**
 * GOV.UK's "Exit this page" shortcut: Shift pressed three times within five
 * seconds. The timer restarts on each press, and any other key starts the
 * count again, as GOV.UK's does. So neither a Shift held for a capital letter
 * or Shift+click, nor Sticky Keys (Shift pressed and released before each
 * letter or click it changes) can reach three by accident. `announce` reports
 * how many presses remain.
 * Part of the element (not the panel), so it works even if the panel could not load.
 */
export function shiftExit(isActive: () => boolean, exit: () => void, announce: (remaining: number) => void, windowMs = 5000): ReactiveController {
  let count = 0;
  let armed = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** When the last press counted: a click straight after it is a Sticky Keys Shift+click. */
  let pressedAt = -1e9;
  const reset = () => {
    clearTimeout(timer);
    count = 0;
    armed = false;
    announce(3);
  };
  const cancel = () => (count ? reset() : (armed = false));
  const down = (e: KeyboardEvent) => (e.key === 'Shift' ? (armed = !e.repeat && !e.ctrlKey && !e.altKey && !e.metaKey) : cancel());
  const up = (e: KeyboardEvent) => {
    if (e.key !== 'Shift' || !armed || !isActive()) return;
    armed = false;
    clearTimeout(timer);
    if (++count >= 3) {
      reset();
      exit();
      return;
    }
    pressedAt = performance.now();
    announce(3 - count);
    timer = setTimeout(reset, windowMs);
  };
  // A click with Shift held (selecting text), or with Shift latched just before it, is not a press.
  const pointer = (e: PointerEvent) => (armed || e.shiftKey || performance.now() - pressedAt < 500) && cancel();
  const listen = (on: boolean) => {
    for (const [type, fn] of [['keydown', down], ['keyup', up], ['pointerdown', pointer]] as const) (on ? addEventListener : removeEventListener)(type, fn as EventListener, true);
  };
  return {
    hostConnected: () => listen(true),
    hostDisconnected: () => (listen(false), reset()),
  };
}
