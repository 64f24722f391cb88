/**
 * The ONE place where the journey suite reaches into the widget's DOM. Taps go through the public
 * contract (roles and visible names, see harness.ts); what a person can *see* after a tap (which
 * messages are new, whether a link is in view or covered, which heading a card sits under) needs
 * the shadow root, and is read here.
 *
 * The shadow root is open in the test build. If the shipped build makes it closed by default, only
 * `findRoot` below changes: point it at the documented test-only switch.
 */
import type { Page } from 'playwright-core';

/** Runs in the page: the widget's shadow root (or null before the element exists). */
const findRoot = (): ShadowRoot | null => document.querySelector('safety-chat')?.shadowRoot ?? null;

/** Run `fn(root, arg)` in the page, with the widget's shadow root. `arg` must be JSON. */
function inWidget<A, R>(page: Page, fn: (root: ShadowRoot | null, arg: A) => R, arg: A): Promise<Awaited<R>> {
  return page.evaluate(`(${fn.toString()})((${findRoot.toString()})(), ${JSON.stringify(arg)})`) as Promise<Awaited<R>>;
}

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** How a thing on screen can be seen. */
export interface Seen {
  rect: Box;
  /** Rendered: has a size and is not display:none / visibility:hidden / opacity:0. */
  shown: boolean;
  /** The whole box is in the viewport and inside every scrolling or clipping box around it (no scrolling needed). */
  inView: boolean;
  /** The visible part (viewport ∩ clipping boxes) that the box must lie in. */
  clip: Box;
  /** Empty when elementFromPoint at the checked point is the thing itself; else what is there instead. */
  covered: string;
}

export interface Screen {
  /** The panel is on screen. */
  open: boolean;
  viewport: { width: number; height: number };
  /** Text of the screen: the panel without the transcript lines from before the person's last answer. */
  text: string;
  /** Text of the whole transcript (role=log). */
  logText: string;
  /** What the panel's status region says now (what a screen reader was last told, besides the log). */
  status: string;
  /** textContent of the whole shadow root, hidden parts included. */
  rootText: string;
  /** What the panel shows (innerText of the panel: hidden parts left out). */
  panelText: string;
  /** The person's own answers in the log (p.bubble.you). */
  yourAnswers: number;
  /** The first bot message of the reply to the person's last answer (where reading starts), checked at its first line. */
  newest: (Seen & { text: string }) | null;
  /** Links on the screen, in DOM order. */
  links: (Seen & { href: string; name: string })[];
  /** Service cards (article) on the screen, in order, with the group heading they sit under (text: one line per line shown). */
  cards: (Seen & { name: string; text: string; https: boolean; group: string })[];
  /** The buttons of the answers group (role=group "Your answers"), in order. */
  answers: (Seen & { name: string })[];
  /** Every button in the panel and on the screen (header, log, answers). */
  buttons: (Seen & { name: string })[];
  /** Text boxes on the screen with their label and current value. */
  inputs: { label: string; value: string; shown: boolean }[];
}

/** Everything the journey assertions look at, read in one go. */
export function readScreen(page: Page): Promise<Screen> {
  return inWidget(page, (root: ShadowRoot | null) => {
    const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
    const none: Screen = { open: false, viewport: { width: innerWidth, height: innerHeight }, text: '', logText: '', status: '', rootText: norm(root?.textContent), panelText: '', yourAnswers: 0, newest: null, links: [], cards: [], answers: [], buttons: [], inputs: [] };
    if (!root) return none;
    const panel = root.querySelector<HTMLElement>('[part~="panel"]') ?? root.querySelector<HTMLElement>('.frame');
    const log = root.querySelector<HTMLElement>('[role="log"]');
    if (!panel || !log) return none;
    const open = panel.checkVisibility() && panel.getBoundingClientRect().height > 0;

    const up = (e: Element): Element | null => e.parentElement ?? ((e.getRootNode() as ShadowRoot).host || null);
    const box = (r: DOMRect | Box): Box => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom });
    const describe = (e: Element | null) => {
      if (!e) return 'nothing (off screen)';
      const cls = typeof e.className === 'string' && e.className.trim() ? `.${e.className.trim().split(/\s+/).join('.')}` : '';
      const part = e.getAttribute('part') ? `[part=${e.getAttribute('part')}]` : '';
      const text = norm((e as HTMLElement).innerText ?? e.textContent).slice(0, 40);
      return `<${e.tagName.toLowerCase()}${cls}${part}>${text ? ` "${text}"` : ''}`;
    };
    /** point: 'centre' of the box, or 'start' (inside the first line of a bubble). */
    const seen = (el: Element, point: 'centre' | 'start' = 'centre'): Seen => {
      const r = el.getBoundingClientRect();
      const shown = r.width > 0 && r.height > 0 && el.checkVisibility({ opacityProperty: true, visibilityProperty: true });
      const clip = { left: 0, top: 0, right: innerWidth, bottom: innerHeight };
      for (let p = up(el); p; p = up(p)) {
        const cs = getComputedStyle(p);
        if (/(auto|scroll|hidden|clip)/.test(`${cs.overflowX} ${cs.overflowY}`)) {
          const pr = p.getBoundingClientRect();
          clip.left = Math.max(clip.left, pr.left);
          clip.top = Math.max(clip.top, pr.top);
          clip.right = Math.min(clip.right, pr.right);
          clip.bottom = Math.min(clip.bottom, pr.bottom);
        }
      }
      const x = point === 'centre' ? (r.left + r.right) / 2 : r.left + Math.min(16, r.width / 2);
      const y = point === 'centre' ? (r.top + r.bottom) / 2 : r.top + Math.min(14, r.height / 2);
      const pointIn = x >= clip.left && x <= clip.right && y >= clip.top && y <= clip.bottom;
      const boxIn = r.left >= clip.left - 1 && r.right <= clip.right + 1 && r.top >= clip.top - 1 && r.bottom <= clip.bottom + 1;
      let covered = '';
      if (!shown) covered = 'not rendered';
      else if (!pointIn) covered = 'outside the visible area';
      else {
        const hit = root.elementFromPoint(x, y);
        if (!hit || !(hit === el || el.contains(hit))) covered = describe(hit);
      }
      return { rect: box(r), shown, inView: shown && (point === 'start' ? pointIn : boxIn) && !covered, clip, covered };
    };
    const nameOf = (e: Element) => norm(e.getAttribute('aria-label') ?? (e as HTMLElement).innerText ?? e.textContent);

    // The part of the log that is new: everything after the person's last answer.
    const yours = [...log.querySelectorAll('.bubble.you')];
    const lastYou = yours.at(-1);
    const inLog = [...log.querySelectorAll('*')];
    const after = lastYou ? inLog.filter((e) => lastYou.compareDocumentPosition(e) & Node.DOCUMENT_POSITION_FOLLOWING && !lastYou.contains(e)) : inLog;
    const afterSet = new Set(after);
    const newTop = after.filter((e) => !afterSet.has(e.parentElement!));
    // The screen: the panel, with the log replaced by its new part.
    const regions: Element[] = [];
    const collect = (el: Element) => {
      if (el === log) regions.push(...newTop);
      else if (el.contains(log)) [...el.children].forEach(collect);
      else regions.push(el);
    };
    [...panel.children].forEach(collect);
    const within = (sel: string) => regions.flatMap((r) => [...(r.matches(sel) ? [r] : []), ...r.querySelectorAll(sel)]);
    const text = norm(regions.map((r) => (r as HTMLElement).innerText ?? r.textContent).join('\n'));

    // The note that stands for a finished safety check ("Safety check finished.") marks where the reply starts; it is not the reply.
    const bot = newTop.flatMap((e) => [...(e.matches('.bubble:not(.you):not(.note)') ? [e] : []), ...e.querySelectorAll('.bubble:not(.you):not(.note)')]);
    const blocks = newTop.flatMap((e) => [...(e.matches('p, h2, h3, h4, article') ? [e] : []), ...e.querySelectorAll('p, h2, h3, h4, article')]);
    // What is seen first: a line for screen readers only (the list's summary) is not.
    const firstNew = bot[0] ?? blocks.find((e) => (e as HTMLElement).innerText?.trim() && !e.closest('.sr-only'));
    const newest = firstNew ? { text: norm((firstNew as HTMLElement).innerText), ...seen(firstNew, 'start') } : null;

    const links = within('a[href]').map((a) => ({ href: a.getAttribute('href') ?? '', name: nameOf(a), ...seen(a) }));
    const groupHeads = [...root.querySelectorAll('h2, h3, h4')].filter((h) => !h.closest('article'));
    const cards = within('article').map((a) => {
      const heads = groupHeads.filter((h) => h.compareDocumentPosition(a) & Node.DOCUMENT_POSITION_FOLLOWING);
      return {
        name: norm(a.querySelector('h2, h3, h4')?.textContent),
        text: (a as HTMLElement).innerText.split('\n').map(norm).filter(Boolean).join('\n'),
        https: !!a.querySelector('a[href^="https:"]'),
        group: norm(heads.at(-1)?.textContent),
        ...seen(a, 'start'),
      };
    });
    const group = [...root.querySelectorAll('[role="group"]')].find((g) => g.getAttribute('aria-label') === 'Your answers') ?? root.querySelector('[role="group"]');
    const answers = group ? [...group.querySelectorAll('button')].map((b) => ({ name: nameOf(b), ...seen(b) })) : [];
    const buttons = within('button').map((b) => ({ name: nameOf(b), ...seen(b) }));
    const inputs = within('input, textarea').map((i) => {
      const input = i as HTMLInputElement;
      return { label: norm([...(input.labels ?? [])].map((l) => l.textContent).join(' ') || input.getAttribute('aria-label')), value: input.value, shown: seen(input).shown };
    });
    return {
      open,
      viewport: { width: innerWidth, height: innerHeight },
      text,
      logText: norm(log.innerText),
      status: norm(root.querySelector('[role="status"]')?.textContent),
      rootText: norm(root.textContent),
      panelText: norm(panel.innerText),
      yourAnswers: yours.length,
      newest,
      links,
      cards,
      answers,
      buttons,
      inputs,
    } satisfies Screen;
  }, null);
}

/** A cheap fingerprint of what the widget shows, to tell when a tap has taken effect and the screen has settled. */
export function fingerprint(page: Page): Promise<string> {
  return inWidget(page, (root: ShadowRoot | null) => {
    if (!root) return '';
    const panel = root.querySelector<HTMLElement>('[part~="panel"]') ?? root.querySelector<HTMLElement>('.frame');
    const log = root.querySelector<HTMLElement>('[role="log"]');
    const values = [...root.querySelectorAll('input')].map((i) => i.value).join('|');
    const open = !!panel && panel.checkVisibility();
    const running = (root.getAnimations?.() ?? []).filter((a) => a.playState === 'running').length;
    return `${open}|${log?.childElementCount ?? -1}|${log?.scrollTop ?? 0}|${panel?.innerText ?? ''}|${values}|${running}|${scrollY}`;
  }, null);
}
