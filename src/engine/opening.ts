/**
 * Whether a line is open now, worked out on the device from the service's opening times (UK
 * time, whatever the device's own time zone). Nothing is sent anywhere. Pure: the time is an
 * argument, so tests fix the clock.
 */
import type { Service } from './data.js';

const dayNumber: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };
let ukClock: Intl.DateTimeFormat | undefined;
/** The last answer, by minute: every card on screen asks, and formatting a date is slow. */
let last: { minute: number; time: { day: number; minutes: number } | null } | undefined;

/** The day (0 Sunday … 6 Saturday) and minutes after midnight in the UK at `at`; null if the device cannot tell. */
export function ukTime(at: Date): { day: number; minutes: number } | null {
  const minute = Math.floor(at.getTime() / 60_000);
  if (last?.minute === minute) return last.time;
  const time = readUkTime(at);
  last = { minute, time };
  return time;
}

function readUkTime(at: Date): { day: number; minutes: number } | null {
  try {
    ukClock ??= new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    const parts = Object.fromEntries(ukClock.formatToParts(at).map((p) => [p.type, p.value]));
    const day = dayNumber[parts.weekday ?? ''];
    if (day === undefined || Number.isNaN(at.getTime())) return null;
    return { day, minutes: Number(parts.hour) * 60 + Number(parts.minute) };
  } catch {
    return null;
  }
}

/** true: open; false: closed; null: no opening times, or the time is unknown. */
export function isOpen(opens: Service['opens'], at: Date): boolean | null {
  if (!opens) return null;
  const now = ukTime(at);
  if (!now) return null;
  return opens.days.includes(now.day) && now.minutes >= opens.from && now.minutes < opens.to;
}
