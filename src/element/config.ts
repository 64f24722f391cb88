/**
 * Normalises the partner's attributes into a configuration the widget can
 * trust. An invalid value never throws: it is reported once with
 * console.error (naming the attribute and what is allowed) and the default is
 * used. Kept hand-written and tiny because it runs before the panel loads.
 */
import type { WidgetConfig } from '../shared/host.js';
import { unsafeChars, visible } from '../shared/plain-text.js';

export type RawAttributes = Partial<Record<'mode' | 'area' | 'audience' | 'label' | 'exit-url' | 'lang' | 'clear-after' | 'preload', string | null>>;

export const defaultExitUrl = 'https://www.bbc.co.uk/weather';
export const labelMaxLength = 60;

export interface ConfigOptions {
  areas: readonly string[];
  languages: readonly string[];
  /** Called for each invalid attribute; the caller reports it (once). */
  report: (attribute: string, message: string) => void;
  /** The address of the page the widget is on: quick exit must never lead back to it. */
  here?: string;
}

export function readConfig(raw: RawAttributes, { areas, languages, report, here }: ConfigOptions): WidgetConfig {
  /** One shape for every message: the attribute, its value, what is allowed, what is used instead. */
  const refuse = (name: keyof RawAttributes, why: string, allowed: string, using: string) =>
    report(name, `${name}="${clip(raw[name]!)}" ${why}. Allowed: ${allowed}. Using ${using}.`);
  const notAllowed = 'is not allowed';
  const oneOf = <T extends string>(name: keyof RawAttributes, allowed: readonly T[], fallback: T, fallbackText: string = fallback): T => {
    const value = raw[name];
    if (value == null) return fallback;
    const v = value.trim().toLowerCase();
    if ((allowed as readonly string[]).includes(v)) return v as T;
    refuse(name, notAllowed, allowed.join(', '), fallbackText);
    return fallback;
  };

  const mode = oneOf('mode', ['launcher', 'inline'] as const, 'launcher');
  const audience = oneOf('audience', ['general', 'young-people'] as const, 'general');
  const area = raw.area == null || raw.area.trim() === '' ? null : oneOf('area', areas, '', 'no area (the person is asked)') || null;
  const lang = oneOf('lang', languages, 'en');
  const preload = oneOf('preload', ['intent', 'idle'] as const, 'intent');

  let label: string | null = null;
  if (raw.label != null) {
    const text = raw.label.trim().replace(/\s+/g, ' ');
    if (!visible(text) || text.length > labelMaxLength || unsafeChars.test(text))
      refuse('label', notAllowed, `plain text of 1 to ${labelMaxLength} characters, without control or direction-override characters`, 'the default label');
    else label = text;
  }

  let exitUrl = defaultExitUrl;
  if (raw['exit-url'] != null) {
    const url = safeUrl(raw['exit-url']);
    if (url && here && samePage(url, here)) refuse('exit-url', 'is this page itself, so quick exit would not leave it', 'the address of another site', defaultExitUrl);
    else if (url) exitUrl = url;
    else refuse('exit-url', notAllowed, 'a full https:// or http:// address', defaultExitUrl);
  }

  let clearAfter = 10;
  if (raw['clear-after'] != null) {
    const n = Number(raw['clear-after']);
    // At least a minute: a shorter time would wipe the chat while the person is still reading.
    if (Number.isFinite(n) && n >= 1 && n <= 120) clearAfter = n;
    else refuse('clear-after', notAllowed, 'a number of minutes from 1 to 120', '10');
  }
  return { mode, area, audience, label, exitUrl, lang, clearAfter, preload };
}

/** Whether two addresses are the same page (a #fragment does not make a different page). */
function samePage(a: string, b: string): boolean {
  try {
    const [x, y] = [new URL(a), new URL(b)];
    x.hash = y.hash = '';
    return x.href === y.href;
  } catch {
    return false;
  }
}

/** An absolute http(s) URL, or null. Refuses javascript:, data: and relative addresses. */
export function safeUrl(value: string): string | null {
  try {
    const url = new URL(value.trim());
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

/** Enough of a bad value to recognise it, without flooding the console. */
function clip(value: string): string {
  const safe = value.replace(new RegExp(unsafeChars.source, 'g'), '?');
  return safe.length > 40 ? `${safe.slice(0, 40)}…` : safe;
}
