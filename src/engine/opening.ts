/**
 * Whether a line is open now, worked out on the device from the service's opening times (UK
 * time, whatever the device's own time zone). Nothing is sent anywhere. Pure: the time is an
 * argument, so tests fix the clock.
 *
 * UK time is worked out from UTC by the UK's own rule (British Summer Time, one hour ahead, from
 * 1am UTC on the last Sunday of March to 1am UTC on the last Sunday of October: the Summer Time
 * Order 2002), not with Intl's time-zone data, whose first use costs a long task in the browser
 * (about 20 ms, 80 ms on a slow phone). A test checks the rule against Intl hour by hour.
 */
import type { Service } from './data.js';

/** The last Sunday of a month (0-based), at 1am UTC, in milliseconds. */
function lastSundayAt1am(year: number, month: number): number {
  const last = new Date(Date.UTC(year, month + 1, 0, 1));
  return last.getTime() - last.getUTCDay() * 86_400_000;
}

/** The day (0 Sunday … 6 Saturday) and minutes after midnight in the UK at `at`; null if the time is unknown. */
export function ukTime(at: Date): { day: number; minutes: number } | null {
  const t = at.getTime();
  if (Number.isNaN(t)) return null;
  const year = at.getUTCFullYear();
  const summer = t >= lastSundayAt1am(year, 2) && t < lastSundayAt1am(year, 9);
  const uk = new Date(t + (summer ? 3_600_000 : 0));
  return { day: uk.getUTCDay(), minutes: uk.getUTCHours() * 60 + uk.getUTCMinutes() };
}

/** true: open; false: closed; null: no opening times, or the time is unknown. */
export function isOpen(opens: Service['opens'], at: Date): boolean | null {
  if (!opens) return null;
  const now = ukTime(at);
  if (!now) return null;
  return opens.days.includes(now.day) && now.minutes >= opens.from && now.minutes < opens.to;
}
