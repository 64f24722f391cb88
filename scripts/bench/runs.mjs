// One run of each kind: a fresh page of the widget or of deep-chat, opened and answered as a
// person with a mouse would; the widget placed mid-page or inline (layout shift while loading);
// and the memory run (heap after many open / answer / clear / hide cycles).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ANSWERS, CYCLES, HOVER_MS, root } from './settings.mjs';
import { openPage, within } from './pages.mjs';

const launcherSel = 'safety-chat button.launcher';
const bubbleSel = '[role="log"] .bubble';
const answerSel = 'safety-chat [part="choices"] button:not(.secondary)';

/**
 * Opens a chat as a person with a mouse would: the pointer comes from the page's corner to the
 * launcher (resting there HOVER_MS first when `preload`) and clicks. Resolves with the timings of
 * the first message in `host` (see `arm`), the click, and the last pointerover before it.
 */
export async function openByPointer(page, launcher, host, bubbles, preload, what) {
  const box = await page.locator(launcher).boundingBox();
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(5, 5);
  await page.evaluate(() => window.__bench.mark('open'));
  if (preload) {
    await page.mouse.move(x, y);
    await page.waitForTimeout(HOVER_MS);
  }
  await page.evaluate(([h, b]) => window.__bench.arm(h, b, 1), [host, bubbles]);
  await page.mouse.click(x, y);
  return within(
    page.evaluate(() => window.__bench.result.then((r) => ({ ...r, click: window.__bench.clickAfterArm(), over: window.__bench.overs.filter((t) => t <= window.__bench.clickAfterArm()).at(-1) }))),
    10_000,
    `${what} showed no message`,
  );
}

/**
 * One fresh page of the widget: load, open, then ANSWERS answers. `how`: `cold` (nothing fetched
 * before the click), `hover` (the pointer rests on the launcher first: fetched and drawn on
 * intent) or `idle` (the page has preload="idle" and the person clicks straight away once it is idle).
 */
export async function widgetRun(browser, origin, how) {
  const { context, page } = await openPage(browser);
  try {
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    if (how === 'idle') {
      const html = readFileSync(join(root, 'demo/bench.html'), 'utf8').replace('<safety-chat', '<safety-chat preload="idle"');
      await context.route(`${origin}/demo/bench-idle.html`, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
    }
    await page.goto(`${origin}/demo/${how === 'idle' ? 'bench-idle' : 'bench'}.html`, { waitUntil: 'load' });
    await page.evaluate(() => customElements.whenDefined('safety-chat').then(() => document.querySelector('safety-chat').updateComplete));
    // The page is idle before the person acts (with preload="idle", long enough for it to fetch and draw).
    await page.waitForTimeout(how === 'idle' ? 1500 : 150);
    const opened = await openByPointer(page, launcherSel, 'safety-chat', bubbleSel, how === 'hover', 'the widget');
    if (!opened.visible) throw new Error('the first message is not on screen');
    await page.waitForTimeout(200);
    await page.evaluate(() => window.__bench.mark('answer'));
    const answers = [];
    const answerFrames = [];
    for (let i = 0; i < ANSWERS; i++) {
      // The first answer that is not Back / Start again: brought into view, then clicked with the mouse.
      const at = await page.evaluate(([bubbles, answers]) => {
        const root = document.querySelector('safety-chat').shadowRoot;
        const button = root.querySelector(answers);
        if (!button) return null;
        button.scrollIntoView({ block: 'nearest' });
        const r = button.getBoundingClientRect();
        window.__bench.arm('safety-chat', bubbles, root.querySelectorAll(bubbles).length + 1);
        return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
      }, [bubbleSel, answerSel.replace(/^safety-chat /, '')]);
      if (!at) break;
      await page.mouse.click(at.x, at.y);
      const r = await within(page.evaluate(() => window.__bench.result.then((r) => ({ ...r, click: window.__bench.clickAfterArm() }))), 5000, 'the answer showed no new message');
      answers.push(r.painted - r.click);
      answerFrames.push(r.frames);
      await page.waitForTimeout(40);
    }
    await page.waitForTimeout(100);
    const data = await page.evaluate(() => window.__bench.collect());
    return { open: opened.painted - opened.click, openFrames: opened.frames, overToClick: opened.click - opened.over, answers, answerFrames, phases: phases(data), errors };
  } finally {
    await context.close();
  }
}

/** One fresh page of deep-chat: load, open from the launcher button, first message painted. */
export async function deepChatRun(browser, origin, preload) {
  const { context, page } = await openPage(browser);
  try {
    await page.goto(`${origin}/demo/deep-chat.html`, { waitUntil: 'load' });
    await page.waitForTimeout(150);
    const opened = await openByPointer(page, '#dc-launcher', 'deep-chat', '.message-bubble', preload, 'deep-chat');
    await page.waitForTimeout(200);
    const data = await page.evaluate(() => window.__bench.collect());
    if (!opened.visible) throw new Error('deep-chat\'s first message is not on screen');
    return { open: opened.painted - opened.click, openFrames: opened.frames, phases: phases(data) };
  } finally {
    await context.close();
  }
}

/** A page that does nothing but add a message to a shadow root on each click. */
const FLOOR_PAGE = `<!doctype html><title>Floor</title><floor-chat></floor-chat><script>
customElements.define('floor-chat', class extends HTMLElement {
  connectedCallback() {
    const root = this.attachShadow({ mode: 'open' });
    root.innerHTML = '<button style="font-size:24px">Answer</button>';
    root.querySelector('button').onclick = () => root.append(Object.assign(document.createElement('p'), { textContent: 'Next message' }));
  }
});
</script>`;

/**
 * The floor of the answer timing: on the floor page, click → message in the page → one more
 * frame, measured exactly as the widget's answers are. No page can beat it on this machine.
 */
export async function floorRun(browser, origin) {
  const { context, page } = await openPage(browser);
  try {
    await context.route(`${origin}/bench-floor.html`, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: FLOOR_PAGE }));
    await page.goto(`${origin}/bench-floor.html`, { waitUntil: 'load' });
    const times = [];
    for (let i = 0; i < ANSWERS; i++) {
      await page.evaluate(() => window.__bench.arm('floor-chat', 'p', document.querySelector('floor-chat').shadowRoot.querySelectorAll('p').length + 1));
      await page.locator('floor-chat button').click();
      const r = await within(page.evaluate(() => window.__bench.result.then((r) => ({ ...r, click: window.__bench.clickAfterArm() }))), 5000, 'the floor page showed no message');
      times.push(r.painted - r.click);
      await page.waitForTimeout(40);
    }
    return times;
  } finally {
    await context.close();
  }
}

/**
 * The bench page with the element (and its fallback paragraph) in the middle of the content, as a
 * partner may paste it: loading only, for layout shift.
 */
export async function midPageRun(browser, origin) {
  const { context, page } = await openPage(browser);
  try {
    const html = readFileSync(join(root, 'demo/bench.html'), 'utf8');
    const element = html.match(/<safety-chat[\s\S]*<\/safety-chat>/)[0];
    const mid = html.replace(element, '').replace('<h2>What domestic abuse', `${element}\n    <h2>What domestic abuse`);
    await context.route(`${origin}/demo/bench-mid-page.html`, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: mid }));
    await page.goto(`${origin}/demo/bench-mid-page.html`, { waitUntil: 'load' });
    await page.evaluate(() => customElements.whenDefined('safety-chat').then(() => document.querySelector('safety-chat').updateComplete));
    await page.waitForTimeout(300);
    const data = await page.evaluate(() => window.__bench.collect());
    return { phases: phases(data) };
  } finally {
    await context.close();
  }
}

/**
 * The school demo page, with the widget inline in its content: loading until the panel is drawn,
 * for layout shift. `reserved`: with the README's CSS rule that keeps the panel's room (in
 * demo.css); without it, the page as a partner who skipped that rule would have it.
 */
export async function inlineRun(browser, origin, reserved) {
  const { context, page } = await openPage(browser);
  try {
    if (!reserved) {
      const css = readFileSync(join(root, 'demo/demo.css'), 'utf8').replace(/^safety-chat\[mode="inline"\].*$/m, '');
      await context.route(`${origin}/demo/demo.css`, (route) => route.fulfill({ contentType: 'text/css', body: css }));
    }
    await page.goto(`${origin}/demo/school.html`, { waitUntil: 'load' });
    await page.waitForFunction(() => document.querySelector('safety-chat')?.shadowRoot?.querySelector('[role="log"] .bubble'), null, { timeout: 10_000 });
    await page.waitForTimeout(300);
    const data = await page.evaluate(() => window.__bench.collect());
    return { phases: phases(data) };
  } finally {
    await context.close();
  }
}

/** Self sizes in a V8 heap snapshot, by node type (code = JIT-compiled code and its metadata). */
async function heapByType(cdp) {
  const chunks = [];
  const onChunk = (e) => chunks.push(e.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false, captureNumericValue: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  const { snapshot, nodes } = JSON.parse(chunks.join(''));
  const fields = snapshot.meta.node_fields;
  const names = snapshot.meta.node_types[0];
  const type = fields.indexOf('type');
  const size = fields.indexOf('self_size');
  const out = {};
  for (let i = 0; i < nodes.length; i += fields.length) out[names[nodes[i + type]]] = (out[names[nodes[i + type]]] ?? 0) + nodes[i + size];
  return out;
}

/**
 * JS heap after forced GC, after 1 and after CYCLES open / answer / clear / hide cycles on one page
 * (no bench instrumentation in this page, so nothing of the benchmark's own accumulates).
 */
export async function memoryRun(browser, origin) {
  const { context, page, cdp } = await openPage(browser, { instrumented: false, slowed: false });
  try {
    await page.goto(`${origin}/demo/bench.html`, { waitUntil: 'load' });
    const cycles = (n) =>
      page.evaluate(async (n) => {
        await customElements.whenDefined('safety-chat');
        const el = document.querySelector('safety-chat');
        const root = el.shadowRoot;
        const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
        const until = async (check, what) => {
          for (let i = 0; i < 500 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
          if (!check()) throw new Error(`timed out waiting for ${what}`);
        };
        const answer = () => root.querySelector('[part="choices"] button:not(.secondary)');
        for (let i = 0; i < n; i++) {
          el.show();
          await until(() => answer() && root.querySelector('[role="log"] .bubble'), 'the first message');
          await el.updateComplete;
          const before = root.querySelectorAll('[role="log"] .bubble').length;
          answer().click();
          await el.updateComplete;
          if (root.querySelectorAll('[role="log"] .bubble').length <= before) throw new Error('the answer added no message');
          await frame(); // style, layout and paint of the answered panel
          el.clear();
          await el.updateComplete;
          el.hide();
          await el.updateComplete;
        }
        await frame();
      }, n);
    const measure = async (snapshot = false) => {
      await cdp.send('HeapProfiler.collectGarbage');
      await cdp.send('HeapProfiler.collectGarbage');
      const heap = await page.evaluate(() => performance.memory.usedJSHeapSize);
      const dom = await cdp.send('Memory.getDOMCounters');
      return { heap, nodes: dom.nodes, listeners: dom.jsEventListeners, types: snapshot ? await heapByType(cdp) : undefined };
    };
    const points = [];
    await cycles(1);
    points.push({ cycles: 1, ...(await measure(true)) });
    // On to twice CYCLES: whether the growth levels off (warm-up) or goes on (a leak).
    for (const at of [50, 100, 150, CYCLES, 2 * CYCLES]) {
      await cycles(at - points.at(-1).cycles);
      points.push({ cycles: at, ...(await measure(at === CYCLES || at === 2 * CYCLES)) });
    }
    return points;
  } finally {
    await context.close();
  }
}

/** Splits layout shifts and long tasks of a page into the phases marked in it. */
function phases(data) {
  const { marks } = data;
  const phaseOf = (t) => (marks.answer !== undefined && t >= marks.answer ? 'answer' : marks.open !== undefined && t >= marks.open ? 'open' : 'load');
  const out = { load: { cls: 0, shifts: [], longest: 0, long: [] }, open: { cls: 0, shifts: [], longest: 0, long: [] }, answer: { cls: 0, shifts: [], longest: 0, long: [] } };
  for (const s of data.shifts) {
    const p = out[phaseOf(s.t)];
    // Counted even within 500 ms of input (which CLS itself would forgive): the host page must not move at all.
    p.cls += s.value;
    p.shifts.push(s);
  }
  for (const l of data.longtasks) {
    const p = out[phaseOf(l.t)];
    // The scripts of long animation frames that overlap this task.
    const scripts = data.loafs.flatMap((f) => f.scripts).filter((s) => s.t < l.t + l.d && s.t + s.d > l.t && s.d >= 5);
    l.scripts = scripts.map((s) => ({
      name: `${(s.src || '(no source URL)').replace(/-[\w-]{8}\.js$/, '-*.js')} ${s.type}${s.invoker && s.type !== 'module-script' && s.type !== 'classic-script' ? ` ${s.invoker}` : ''}`,
      d: s.d,
      layout: s.layout,
    }));
    p.longest = Math.max(p.longest, l.d);
    p.long.push(l);
  }
  return out;
}
