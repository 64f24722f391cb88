/**
 * Turns a contact as written by an editor (or a partner) into a safe link:
 * only tel:, sms:, mailto: and https:, only UK numbers, never a known
 * misprint. Shared by the build (flows/services.yaml) and the browser
 * (partner contacts), so both refuse the same things.
 */
import type { Contact, Text } from './data.js';
import { shortUrl } from './short-url.js';

export type ContactInput =
  | { type: 'phone' | 'text'; number: string; label?: Text }
  | { type: 'web' | 'chat'; url: string; label?: Text }
  | { type: 'email'; address: string; label?: Text };

/**
 * Numbers that are not ordinary 10- or 11-digit UK numbers but are real and
 * allowed: emergency and non-emergency codes, Samaritans' 116 line, text relay,
 * and Childline's 0800 1111.
 */
const shortNumbers = /^(999|112|101|111|116\d{3}|18000|18001\d{3,11}|08001111)$/;

/** A misprint in a 2023 poster, one digit from Victim Support's line: never show it. */
export const bannedNumbers: Readonly<Record<string, string>> = {
  '08081699111': "is a misprint on a 2023 poster and is not a working helpline. Victim Support's 24/7 Supportline is 08 08 16 89 111.",
};

export function isUkNumber(digits: string): boolean {
  return shortNumbers.test(digits) || /^0[1-9]\d{8,9}$/.test(digits);
}

/** The safe contact, or undefined after telling `fail` what is wrong and what is allowed. */
export function toContact(c: ContactInput, fail: (message: string) => void): Contact | undefined {
  const label = c.label ? { label: c.label } : {};
  if (c.type === 'phone' || c.type === 'text') {
    const digits = c.number.replace(/[\s-]/g, '');
    if (bannedNumbers[digits]) return fail(`has the number ${c.number}, which ${bannedNumbers[digits]}`), undefined;
    if (!/^\d+$/.test(digits) || !isUkNumber(digits))
      return fail(`has the number "${c.number}", which is not a UK phone number. Allowed: 10 or 11 digits starting 0 (spaces are fine, e.g. "0808 2000 247") or a short code such as 999, 101 or 116 123.`), undefined;
    return { type: c.type, show: c.number.trim(), href: `${c.type === 'phone' ? 'tel' : 'sms'}:${digits}`, ...label };
  }
  if (c.type === 'email') {
    if (!/^[^\s@<>"]+@[^\s@<>"]+\.[a-z]{2,}$/i.test(c.address)) return fail(`has the email "${c.address}", which is not an email address.`), undefined;
    return { type: 'email', show: c.address, href: `mailto:${c.address}`, ...label };
  }
  const link = c as Extract<ContactInput, { url: string }>;
  let url: URL;
  try {
    url = new URL(link.url);
  } catch {
    return fail(`has the link "${link.url}", which is not a full web address. Write it in full, starting https://`), undefined;
  }
  if (url.protocol !== 'https:') return fail(`has the link "${link.url}". Only secure https:// links are allowed.`), undefined;
  return { type: link.type, show: shortUrl(url.href), href: url.href, ...label };
}
