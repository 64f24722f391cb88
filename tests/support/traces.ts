/** What a page could keep of a visit on the device, read from inside the page, and what a clean page keeps. */
import type { Page } from 'playwright-core';

export interface Traces {
  cookie: string;
  local: number;
  session: number;
  idb: string[];
  caches: string[];
  workers: number;
  history: number;
  url: string;
  /** history.state and window.name both outlive the page in the same tab. */
  historyState: unknown;
  windowName: string;
  /** Inputs in any widget's (test-opened) shadow root without autocomplete="off". */
  autofillInputs: number;
}

export async function traces(page: Page): Promise<Traces> {
  return page.evaluate(async () => {
    const roots = [...document.querySelectorAll('safety-chat')].map((e) => e.shadowRoot).filter((r): r is ShadowRoot => !!r);
    return {
      cookie: document.cookie,
      local: localStorage.length,
      session: sessionStorage.length,
      idb: (await indexedDB.databases()).map((d) => d.name ?? '?'),
      caches: await caches.keys(),
      workers: (await navigator.serviceWorker.getRegistrations()).length,
      history: history.length,
      url: location.href,
      historyState: history.state as unknown,
      windowName: window.name,
      autofillInputs: roots.flatMap((r) => [...r.querySelectorAll('input')]).filter((i) => i.getAttribute('autocomplete') !== 'off').length,
    };
  });
}

/** The traces a clean page has: nothing stored, the same history length and address as on arrival. */
export const clean = (history: number, url: string): Traces => ({ cookie: '', local: 0, session: 0, idb: [], caches: [], workers: 0, history, url, historyState: null, windowName: '', autofillInputs: 0 });
