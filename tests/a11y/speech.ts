/**
 * What a screen reader would say unprompted: the live-region announcements the widget makes, in
 * order. A MutationObserver in the widget's shadow root applies the ARIA rules a browser follows:
 * - an addition or text change is spoken when it is inside a live region: the nearest ancestor with
 *   `aria-live` (its value wins; "off" is silent) or with role log or status (polite) or alert
 *   (assertive);
 * - an element with role alert is spoken when it is added, with what it holds;
 * - a region that is added already holding text says nothing (only later changes are spoken);
 * - text inside `aria-hidden="true"` or `aria-live="off"` is left out.
 * Changes made in one task are grouped per region, as the browser reports them.
 */
import type { Page } from 'playwright-core';

export interface Said {
  politeness: 'polite' | 'assertive';
  /** The region's role (log, status, alert) or "live". */
  region: string;
  text: string;
}

/** Start recording; the function returned gives everything said since. */
export async function recordSpeech(page: Page): Promise<() => Promise<Said[]>> {
  await page.locator('safety-chat').evaluate((host) => {
    const root = host.shadowRoot!;
    const said: Said[] = [];
    (window as unknown as { __speech: Said[] }).__speech = said;

    const politenessOf = (el: Element): 'polite' | 'assertive' | 'off' | null => {
      const live = el.getAttribute('aria-live');
      if (live === 'off' || live === 'polite' || live === 'assertive') return live;
      const role = el.getAttribute('role');
      if (role === 'alert') return 'assertive';
      if (role === 'log' || role === 'status') return 'polite';
      return null;
    };
    /** The live region a node is in (and its politeness), or null; "off" if silenced on the way. */
    const regionOf = (node: Node): { el: Element; politeness: 'polite' | 'assertive' } | null => {
      for (let n: Node | null = node; n && n !== root; n = n.parentNode) {
        if (!(n instanceof Element)) continue;
        if (n.getAttribute('aria-hidden') === 'true') return null;
        const p = politenessOf(n);
        if (p === 'off') return null;
        if (p) return { el: n, politeness: p };
      }
      return null;
    };
    /** Text a screen reader takes from a node: hidden and silenced parts left out. */
    const textOf = (node: Node): string => {
      if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
      if (!(node instanceof Element)) return '';
      if (node.getAttribute('aria-hidden') === 'true' || node.getAttribute('aria-live') === 'off') return '';
      if (node instanceof HTMLElement && (node.hidden || getComputedStyle(node).display === 'none')) return '';
      if (node.localName === 'style' || node.localName === 'template') return '';
      return [...node.childNodes].map(textOf).join(node.localName === 'br' ? ' ' : '');
    };
    const clean = (s: string) => s.replace(/\s+/g, ' ').trim();

    new MutationObserver((records) => {
      const byRegion = new Map<Element, { politeness: 'polite' | 'assertive'; region: string; parts: string[] }>();
      const add = (el: Element, politeness: 'polite' | 'assertive', text: string) => {
        const t = clean(text);
        if (!t) return;
        const entry = byRegion.get(el) ?? { politeness, region: el.getAttribute('role') ?? 'live', parts: [] };
        entry.parts.push(t);
        byRegion.set(el, entry);
      };
      for (const r of records) {
        if (r.type === 'characterData') {
          const region = regionOf(r.target);
          if (region) add(region.el, region.politeness, r.target.textContent ?? '');
          continue;
        }
        for (const node of r.addedNodes) {
          const region = regionOf(node);
          if (region) add(region.el, region.politeness, textOf(node));
          else if (node instanceof Element) {
            // Alerts added with what they hold are spoken; other new regions are not.
            const alerts = [node, ...node.querySelectorAll('[role="alert"]')].filter((e) => e.getAttribute('role') === 'alert');
            for (const a of alerts) if (regionOf(a.parentNode!) === null) add(a, 'assertive', textOf(a));
          }
        }
      }
      for (const { politeness, region, parts } of byRegion.values()) said.push({ politeness, region, text: parts.join(' ') });
    }).observe(root, { childList: true, characterData: true, subtree: true });
  });
  return () => page.evaluate(() => (window as unknown as { __speech: Said[] }).__speech);
}

/** Words in what was said (for measuring how long it takes to hear). */
export const words = (said: Said[]) => said.reduce((n, s) => n + s.text.split(/\s+/).filter(Boolean).length, 0);
