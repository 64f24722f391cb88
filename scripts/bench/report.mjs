// The benchmark's table and notes: every measurement beside deep-chat's, each against its budget.
import { cpus, loadavg } from 'node:os';
import { ANSWERS, CPU_SLOWDOWN, CYCLES, VIEWPORT, latencyBudget } from './settings.mjs';

export const median = (xs) => quantile(xs, 0.5);
/** Nearest-rank quantile. */
export function quantile(xs, q) {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return NaN;
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
}
const sum = (xs) => xs.reduce((a, b) => a + b, 0);

/**
 * Prints the table and the notes; returns whether any budget failed.
 * `r`: { sizes, budgets, cold, warm, idle, dcCold, dcWarm, midPage, inline, inlineBare, floor (ms), memory, memoryProblem,
 * runNote, runErrors, distChanged, dcVersion, dcSize, dcProblem, chromiumVersion, seconds, loadAtStart, guard, blocked }
 */
export function printReport(r) {
  const { sizes, budgets, cold, warm, idle, dcCold, dcWarm, midPage, inline, inlineBare, floor, memory, memoryProblem, runNote, runErrors, distChanged, dcVersion, dcSize, dcProblem, chromiumVersion, seconds, loadAtStart, guard, blocked } = r;
  const kb = (n) => `${(n / 1024).toFixed(2)} KB`;
  const ms = (n) => (Number.isFinite(n) ? `${n.toFixed(1)} ms` : '—');
  const num = (n) => (Number.isFinite(n) ? n.toFixed(4) : '—');
  const mb = (n) => `${(n / 1024 / 1024).toFixed(2)} MB`;
  const rows = [];
  let failed = false;
  let memoryNote = '';
  /** A row: result true / false (budget), or null (reported only). */
  function row(metric, med, p95, budget, result, dcMed = '—', dcP95 = '—') {
    if (result === false) failed = true;
    rows.push([metric, med, p95, budget, result === null ? 'info' : result ? 'pass' : 'FAIL', dcMed, dcP95]);
  }
  const all = [...cold, ...warm];
  const dcAll = [...dcCold, ...dcWarm];
  const dcHas = dcAll.length > 0;

  row('JS before the panel opens (gzip)', kb(sizes.beforeOpen), '—', `≤ ${kb(budgets.beforeOpen)}`, sizes.beforeOpen <= budgets.beforeOpen, dcHas ? '0 KB (lazy)' : '—');
  row('JS for opening and every topic of one route, no search (gzip)', kb(sizes.conversation), '—', `≤ ${kb(budgets.conversation)}`, sizes.conversation <= budgets.conversation, Number.isFinite(dcSize) ? kb(dcSize) : '—');

  const clsRow = (label, runs, phase, dcRuns, budgeted = true) => {
    const v = runs.map((r) => r.phases[phase].cls);
    const d = dcRuns.map((r) => r.phases[phase].cls);
    row(label, num(median(v)), num(quantile(v, 0.95)), budgeted ? '0' : '—', budgeted ? v.length > 0 && Math.max(...v) === 0 : null, d.length ? num(median(d)) : '—', d.length ? num(quantile(d, 0.95)) : '—');
  };
  clsRow('layout shift: loading', all, 'load', dcAll);
  if (midPage.length) clsRow(`layout shift: loading, element mid-page (${midPage.length} runs)`, midPage, 'load', []);
  if (inline.length) clsRow(`layout shift: loading, inline panel (school page, ${inline.length} runs)`, inline, 'load', []);
  if (inlineBare.length) clsRow('layout shift: loading, inline, without the README\'s CSS rule', inlineBare, 'load', [], false);
  clsRow('layout shift: opening', all, 'open', dcAll);
  clsRow('layout shift: answering', all, 'answer', [], false);

  const longRow = (label, runs, phase, dcRuns) => {
    const v = runs.map((r) => r.phases[phase].longest);
    const n = sum(runs.map((r) => r.phases[phase].long.length));
    const d = dcRuns.map((r) => r.phases[phase].longest);
    row(`${label} (${n} over 50 ms in ${runs.length} runs)`, ms(median(v)), ms(quantile(v, 0.95)), 'none > 50 ms', runs.length > 0 && n === 0, d.length ? ms(median(d)) : '—', d.length ? ms(quantile(d, 0.95)) : '—');
  };
  longRow('longest task: loading', all, 'load', dcAll);
  longRow('longest task: opening, cold', cold, 'open', dcCold);
  longRow('longest task: opening, hover 300 ms first', warm, 'open', dcWarm);
  longRow('longest task: answering', all, 'answer', []);

  const pct = (x) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)}%`;
  /** A latency row; `budget` in ms (median against it), or null (reported only). */
  const latencyRow = (label, values, budget, dcValues = [], budgetText = budget === null ? '—' : `≤ ${budget.toFixed(1)} ms`) =>
    row(label, ms(median(values)), ms(quantile(values, 0.95)), budgetText, budget === null || !Number.isFinite(budget) ? null : median(values) <= budget, dcValues.length ? ms(median(dcValues)) : '—', dcValues.length ? ms(quantile(dcValues, 0.95)) : '—');
  const framesRow = (label, values, dcValues = []) => row(label, String(median(values)), String(quantile(values, 0.95)), '—', null, dcValues.length ? String(median(dcValues)) : '—', dcValues.length ? String(quantile(dcValues, 0.95)) : '—');
  const dcColdMedian = median(dcCold.map((x) => x.open));
  const dcWarmMedian = median(dcWarm.map((x) => x.open));
  const vsDeepChat = (k) => `≤ ${k}× deep-chat (${ms(k * (k === latencyBudget.warmVsDeepChat ? dcWarmMedian : dcColdMedian))})`;
  latencyRow('click launcher → first message painted, cold', cold.map((x) => x.open), latencyBudget.coldVsDeepChat * dcColdMedian, dcCold.map((x) => x.open), vsDeepChat(latencyBudget.coldVsDeepChat));
  latencyRow('click launcher → first message painted, hover 300 ms first', warm.map((x) => x.open), latencyBudget.warmVsDeepChat * dcWarmMedian, dcWarm.map((x) => x.open), vsDeepChat(latencyBudget.warmVsDeepChat));
  latencyRow(`click launcher → first message painted, preload="idle", no hover (${idle.length} runs)`, idle.map((x) => x.open), latencyBudget.warmVsDeepChat * dcWarmMedian, [], vsDeepChat(latencyBudget.warmVsDeepChat));
  framesRow('  frames from click to first message in the page, cold', cold.map((x) => x.openFrames), dcCold.map((x) => x.openFrames));
  framesRow('  frames from click to first message in the page, hover first', warm.map((x) => x.openFrames), dcWarm.map((x) => x.openFrames));
  latencyRow(`click answer → next message painted (${sum(all.map((x) => x.answers.length))} answers)`, all.flatMap((x) => x.answers), latencyBudget.answerMs);
  framesRow('  frames from click to next message in the page', all.flatMap((x) => x.answerFrames));
  latencyRow(`  floor: a page that only adds a message, timed the same way (${floor.length} clicks)`, floor, null);

  if (memory.length === 6 && memory[5].types) {
    const [first, , , , last, twice] = memory;
    // From heap snapshots, leaving out V8's compiled code (JIT warm-up, not kept by the widget).
    const notCode = (t) => sum(Object.entries(t).filter(([k]) => k !== 'code' && k !== 'synthetic').map(([, v]) => v));
    const kept = (notCode(last.types) - notCode(first.types)) / notCode(first.types);
    const later = (notCode(twice.types) - notCode(last.types)) / notCode(last.types);
    row('JS heap after cycle 1 (after GC; without compiled code)', `${mb(first.heap)} (${mb(notCode(first.types))})`, '—', '—', null);
    row(`heap without compiled code, cycle ${CYCLES} against cycle 1`, `${mb(notCode(last.types))} (${pct(kept)})`, '—', '≤ +10%', kept <= 0.1);
    row(`heap without compiled code, cycle ${2 * CYCLES} against cycle ${CYCLES}`, `${mb(notCode(twice.types))} (${pct(later)})`, '—', '≤ +2%', later <= 0.02);
    row(`JS heap (all of it), cycle ${CYCLES} and ${2 * CYCLES} against cycle 1`, `${pct((last.heap - first.heap) / first.heap)}, ${pct((twice.heap - first.heap) / first.heap)}`, '—', '—', null);
    memoryNote = `compiled code (V8 "code" in the snapshot) grew by ${kb((last.types.code ?? 0) - (first.types.code ?? 0))} between cycle 1 and ${CYCLES}; everything else by ${kb(notCode(last.types) - notCode(first.types))}.`;
  } else {
    row(`heap after ${CYCLES} cycles`, 'not measured', '—', '≤ +10%', false);
  }

  const header = ['metric', 'median', 'p95', 'budget', 'result', `deep-chat${dcVersion ? ` ${dcVersion}` : ''} median`, 'deep-chat p95'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
  console.log('');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));

  // ---------------------------------------------------------------- notes
  console.log('');
  if (runNote) console.log(`Runs ${runNote}`);
  if (runErrors.length) console.log(`${runErrors.length} widget run(s) failed and are left out: ${[...new Set(runErrors)].join(' | ')}`);
  if (distChanged) console.log('WARNING: dist/ changed while the benchmark ran (another build): the timings mix builds; run it again.');
  console.log(`${cold.length} fresh pages per widget variant (${dcCold.length} per deep-chat variant), ${ANSWERS} answers per widget page, viewport ${VIEWPORT.width}×${VIEWPORT.height}, headless Chromium ${chromiumVersion} with the CPU slowed ${CPU_SLOWDOWN}× (Emulation.setCPUThrottlingRate; the memory run is not slowed), ${seconds.toFixed(0)} s, ${cpus().length} cores, load average ${loadAtStart.toFixed(1)} at start and ${loadavg()[0].toFixed(1)} at the end (timings are noisy when other work shares the machine).`);
  console.log(`Before the panel opens: ${sizes.beforeOpenFiles.join(', ')}; a full conversation: ${sizes.conversationFiles.join(', ')}; every file: ${sizes.files.map((f) => `${f.file} ${kb(f.gzip)}`).join(', ')}${sizes.partner ? ` (the partner-contacts chunk, ${kb(sizes.partner)}, loads only on pages that give contacts, so it is not in the conversation total)` : ''}.`);
  console.log(`Cold opens: the pointer reached the launcher ${ms(median(cold.map((r) => r.overToClick)))} (median) before the click, so the chunk request starts just ahead of it, as with a real mouse.`);
  console.log(`Answer → next message painted, median by answer number: ${Array.from({ length: ANSWERS }, (_, i) => `#${i + 1} ${ms(median(all.map((r) => r.answers[i])))}`).join(', ')} (each answer re-renders a longer transcript).`);
  for (const [what, runs] of [['with the element mid-page', midPage], ['with the inline panel (school page)', inline], ['inline, without the README\'s CSS rule', inlineBare]]) {
    const shifts = runs.flatMap((r) => r.phases.load.shifts);
    if (shifts.length) console.log(`Layout shifts while loading ${what}: ${[...new Set(shifts.flatMap((sh) => sh.sources.map((src) => `${src.where} ${src.rects}`)))].slice(0, 4).join('; ')}.`);
  }
  for (const phase of ['load', 'open', 'answer']) {
    const shifts = all.flatMap((r) => r.phases[phase].shifts);
    if (!shifts.length) continue;
    const places = new Map();
    for (const sh of shifts) for (const src of sh.sources) places.set(src.where, (places.get(src.where) ?? 0) + 1);
    const examples = [...new Set(shifts.flatMap((sh) => sh.sources.filter((src) => src.where.startsWith('host') || src.where.includes('outside')).map((src) => `${src.where} ${src.rects}`)))].slice(0, 5);
    console.log(`Layout shifts while ${{ load: 'loading', open: 'opening', answer: 'answering' }[phase]}: ${shifts.length} in ${all.length} runs, ${shifts.filter((sh) => sh.recent).length} within 500 ms of input (not counted by CLS itself), sources: ${[...places].map(([k, n]) => `${k} ×${n}`).join(', ')}${examples.length ? `; e.g. ${examples.join('; ')}` : ''}.`);
  }
  // Long tasks grouped by phase and by the scripts that ran in them (from Long Animation Frames).
  const longNotes = new Map();
  for (const [label, runs] of [['widget', all], ['deep-chat', dcAll]]) {
    for (const r of runs) for (const [phase, p] of Object.entries(r.phases)) for (const l of p.long) {
      const key = `${label}, ${phase}: ${l.scripts.map((x) => x.name).join(' + ') || 'no script named'}`;
      const note = longNotes.get(key) ?? { tasks: [], scripts: l.scripts.map(() => ({ d: [], layout: [] })) };
      note.tasks.push(l.d);
      l.scripts.forEach((x, i) => (note.scripts[i].d.push(x.d), note.scripts[i].layout.push(x.layout)));
      longNotes.set(key, note);
    }
  }
  if (longNotes.size) {
    console.log('Long tasks over 50 ms (page, phase: scripts that ran in them; count, median and longest task; median time per script, of which forced style and layout):');
    for (const [key, n] of [...longNotes].sort((a, b) => b[1].tasks.length - a[1].tasks.length)) {
      const per = n.scripts.map((x) => `${median(x.d).toFixed(0)} ms${median(x.layout) >= 1 ? ` (layout ${median(x.layout).toFixed(0)})` : ''}`).join(' + ');
      console.log(`  ${key}: ×${n.tasks.length}, median ${median(n.tasks).toFixed(0)} ms, longest ${Math.max(...n.tasks).toFixed(0)} ms${per ? `; ${per}` : ''}`);
    }
  }
  if (memory.length) console.log(`Memory (after GC): ${memory.map((m) => `cycle ${m.cycles}: ${mb(m.heap)}, ${m.nodes} DOM nodes, ${m.listeners} listeners`).join('; ')}.`);
  if (memoryNote) console.log(`Memory: ${memoryNote}`);
  if (memoryProblem) console.log(`Memory run failed: ${memoryProblem}`);
  const errors = [...new Set(all.flatMap((x) => x.errors))];
  if (errors.length) console.log(`Errors in widget pages: ${errors.join(' | ')}`);
  if (dcProblem) console.log(`deep-chat: ${dcProblem}`);
  else if (dcHas) console.log(`deep-chat ${dcVersion}: dist/deepChat.bundle.js from .tmp/bench-deps, imported on pointer intent / click from a plain launcher button, introMessage only, demo mode so its setup notice is not shown (no connection, no AI service); first message = the intro bubble.`);
  console.log(`Network: every page was limited to 127.0.0.1 (${guard === 'cdp' ? 'Chromium URL blocking' : 'Playwright routing'}); ${blocked.size ? `blocked: ${[...blocked].join(', ')}` : 'nothing else was asked for'}.`);
  return failed;
}
