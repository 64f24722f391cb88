/** Shared helpers for the browser tests (which run against the built dist/safety-chat.js). */
import '../../dist/safety-chat.js';
import type { SafetyChat } from '../../src/element/safety-chat.element.js';

export type { SafetyChat };

/** Collects console.error calls while `fn` runs. */
export async function captureErrors(fn: () => unknown | Promise<unknown>): Promise<string[]> {
  const seen: string[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => seen.push(args.map(String).join(' '));
  try {
    await fn();
  } finally {
    console.error = original;
  }
  return seen;
}

export async function mount(html: string): Promise<SafetyChat> {
  const holder = document.createElement('div');
  holder.innerHTML = html;
  document.body.append(holder);
  const el = holder.querySelector('safety-chat') as unknown as SafetyChat;
  await customElements.whenDefined('safety-chat');
  await el.updateComplete;
  return el;
}

export function cleanup() {
  for (const el of document.querySelectorAll('safety-chat')) el.parentElement?.remove();
}

export const $ = <T extends Element = HTMLElement>(el: SafetyChat, selector: string) => el.shadowRoot!.querySelector<T>(selector);
export const $$ = <T extends Element = HTMLElement>(el: SafetyChat, selector: string) => [...el.shadowRoot!.querySelectorAll<T>(selector)];

/** Wait until `check` is true (the panel chunk loads asynchronously). */
export async function until(check: () => unknown, what = 'condition', timeout = 5000): Promise<void> {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > timeout) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export const buttons = (el: SafetyChat) => $$<HTMLButtonElement>(el, '[part="choices"] button');
export const buttonNamed = (el: SafetyChat, name: string | RegExp) =>
  buttons(el).find((b) => (typeof name === 'string' ? b.textContent!.trim() === name : name.test(b.textContent!)));
export const transcript = (el: SafetyChat) => $(el, '[role="log"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** Open the panel and wait for the first message. */
export async function openPanel(el: SafetyChat) {
  el.show();
  await until(() => $(el, '[role="log"] .bubble'), 'first message');
}
