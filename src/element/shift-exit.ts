import type { ReactiveController } from '@lit/reactive-element';

/**
 * GOV.UK's "Exit this page" shortcut: Shift pressed three times within five
 * seconds. The timer restarts on each press; a Shift held to type a capital
 * letter does not count. `announce` reports how many presses remain.
 * Part of the element (not the panel), so it works even if the panel could not load.
 */
export function shiftExit(isActive: () => boolean, exit: () => void, announce: (remaining: number) => void, windowMs = 5000): ReactiveController {
  let count = 0;
  let armed = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const reset = () => {
    clearTimeout(timer);
    count = 0;
    armed = false;
    announce(3);
  };
  // Another key while Shift is down (a capital letter, a shortcut) cancels this press.
  const down = (e: KeyboardEvent) => (armed = e.key === 'Shift' && !e.repeat && !e.ctrlKey && !e.altKey && !e.metaKey);
  const up = (e: KeyboardEvent) => {
    if (e.key !== 'Shift' || !armed || !isActive()) return;
    armed = false;
    clearTimeout(timer);
    if (++count >= 3) {
      reset();
      exit();
      return;
    }
    announce(3 - count);
    timer = setTimeout(reset, windowMs);
  };
  const listen = (on: boolean) => {
    for (const [type, fn] of [['keydown', down], ['keyup', up]] as const) (on ? addEventListener : removeEventListener)(type, fn as EventListener, true);
  };
  return {
    hostConnected: () => listen(true),
    hostDisconnected: () => (listen(false), reset()),
  };
}
