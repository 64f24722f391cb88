// What runs inside every measured page, before its own scripts (a Playwright init script): layout
// shifts, long tasks and long animation frames, clicks, and the frame in which a message appears.

/** Runs in the page (serialised by Playwright): nothing here may refer to the module around it. */
export function instrument() {
  const b = {
    marks: {},
    shifts: [],
    longtasks: [],
    loafs: [],
    clicks: [],
    overs: [],
    result: null,
  };
  window.__bench = b;
  b.mark = (name) => (b.marks[name] = performance.now());
  /**
   * Where a shifted node is: the host page's own DOM, or the widget (Chromium does not expose nodes
   * in a shadow root). Nothing here reads layout: the observer must not add work to the page.
   */
  const where = (node) => {
    if (node && node.nodeType === 3) node = node.parentNode ?? node;
    if (!node || node.getRootNode() instanceof ShadowRoot) return null; // decided later, from the rectangles
    if (node.closest?.('safety-chat, deep-chat')) return `widget (light DOM ${node.nodeName.toLowerCase()})`;
    return `host page ${node.nodeName.toLowerCase()}${node.id ? `#${node.id}` : ''}${typeof node.className === 'string' && node.className ? `.${node.className.trim().split(/\s+/).join('.')}` : ''}`;
  };
  /** The page's measurements, with unexposed shift sources placed against the widget's (fixed) panel, read once at the end. */
  b.collect = () => {
    const host = document.querySelector('safety-chat, deep-chat');
    const box = (host?.shadowRoot?.querySelector('[part="panel"]') ?? host)?.getBoundingClientRect();
    const inside = (r) => !r.width || !r.height || (box && r.left >= box.left - 1 && r.right <= box.right + 1 && r.top >= box.top - 1 && r.bottom <= box.bottom + 1);
    for (const shift of b.shifts) {
      for (const src of shift.sources) {
        src.where ??= box && src.raw.every(inside) ? 'inside the widget panel' : 'a node not exposed (shadow root or removed), outside the widget panel';
        delete src.raw;
      }
    }
    return { marks: b.marks, shifts: b.shifts, longtasks: b.longtasks, loafs: b.loafs };
  };
  new PerformanceObserver((list) => {
    const rect = (r) => `${Math.round(r.x)},${Math.round(r.y)} ${Math.round(r.width)}×${Math.round(r.height)}`;
    for (const e of list.getEntries()) {
      const sources = (e.sources ?? []).map((s) => ({ where: where(s.node), raw: [s.previousRect, s.currentRect], rects: `${rect(s.previousRect)} → ${rect(s.currentRect)}` }));
      b.shifts.push({ t: e.startTime, value: e.value, recent: e.hadRecentInput, sources });
    }
  }).observe({ type: 'layout-shift', buffered: true });
  // Long animation frames name the scripts that ran in them: used to say what a long task was.
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.duration < 50) continue;
        b.loafs.push({ t: e.startTime, d: e.duration, scripts: (e.scripts ?? []).map((s) => ({ t: s.startTime, d: s.duration, compile: s.executionStart - s.startTime, layout: s.forcedStyleAndLayoutDuration, src: (s.sourceURL || '').split('/').pop(), invoker: s.invoker, type: s.invokerType })) });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {
    // Not in this browser: long tasks are then reported without names.
  }
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) b.longtasks.push({ t: e.startTime, d: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  // Captured on the window, before the widget's own handler: polling starts in the click's task.
  addEventListener('click', (e) => (b.clicks.push(e.timeStamp), b.startPolling?.()), true);
  addEventListener('pointerover', (e) => b.overs.push(e.timeStamp), true);

  /**
   * Resolves b.result once `min` elements match `bubbles` inside `host`'s shadow root, timed as the
   * person sees it: from the click, requestAnimationFrame polls each frame until the message is in
   * the DOM (that frame draws it), plus one frame (the frame that drew it has been produced).
   * seen = the poll that found it, painted = the frame after; frames = how many frames that took.
   */
  b.arm = (host, bubbles, min) => {
    b.armedAt = performance.now();
    const all = () => document.querySelector(host)?.shadowRoot?.querySelectorAll(bubbles) ?? [];
    b.result = new Promise((resolve) => {
      b.startPolling = () => {
        b.startPolling = null;
        let frames = 0;
        const poll = () => {
          frames++;
          if (all().length < min) return void requestAnimationFrame(poll);
          const seen = performance.now();
          requestAnimationFrame(() => {
            const painted = performance.now();
            // The message must be on screen, or "painted" means nothing.
            const r = [...all()].at(-1).getBoundingClientRect();
            const visible = r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth;
            resolve({ seen, painted, frames, visible });
          });
        };
        requestAnimationFrame(poll);
      };
    });
  };
  /** The click (event timestamp) that started what b.result waits for. */
  b.clickAfterArm = () => b.clicks.find((t) => t >= b.armedAt) ?? NaN;
}