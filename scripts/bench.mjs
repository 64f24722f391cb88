// Performance benchmark of the built widget (npm run bench: vite build && node scripts/bench.mjs),
// beside deep-chat in the same run. The parts: bench/settings.mjs (what is measured, how often,
// the CPU slowdown and the latency budgets), bench/instrument.mjs (what runs inside each page),
// bench/pages.mjs (fresh pages kept on 127.0.0.1), bench/runs.mjs (one run of each kind),
// bench/deep-chat.mjs (the comparison) and bench/report.mjs (the table and notes). The size
// budgets are scripts/budgets.mjs, shared with `npm run size`.
//
// In headless Chromium with the CPU slowed 4×, on demo/bench.html (a host page with the widget
// in launcher mode), over fresh pages: layout shift and long tasks from loading, opening and
// answering; launcher click to first message painted, cold and after hovering the launcher for
// 300 ms so the panel chunk is fetched on intent; answer click to next message painted; and the
// heap after 1, 200 and 400 open / answer / clear / hide cycles. Also the element mid-page and the
// school page with the widget inline (layout shift while loading).
//
// Every request goes to 127.0.0.1: anything else is blocked and reported. Exits 1 when a budget
// is exceeded. BENCH_RUNS (default 30) sets the page loads per variant; on a busy machine the runs
// stop early (and say so) so that the whole benchmark ends within 3 minutes.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { budgets } from './budgets.mjs';
import { launchForTests } from './browser.mjs';
import { startServer } from './serve.mjs';
import { gzipSize, measureSizes } from './sizes.mjs';
import { dcBundle, dcVersion, installDeepChat, startDeepChatServer } from './bench/deep-chat.mjs';
import { blocked, checkGuard, network } from './bench/pages.mjs';
import { printReport } from './bench/report.mjs';
import { deepChatRun, floorRun, inlineRun, memoryRun, midPageRun, widgetRun } from './bench/runs.mjs';
import { CYCLES, DC_RUNS, HARD_STOP_SECONDS, MID_RUNS, RUNS, RUN_SECONDS, root } from './bench/settings.mjs';

const started = Date.now();
const loadAtStart = loadavg()[0];
// A hard stop: the benchmark must end by itself.
setTimeout(() => {
  console.error(`bench: still running after ${HARD_STOP_SECONDS} s; giving up.`);
  process.exit(2);
}, HARD_STOP_SECONDS * 1000).unref();
const log = (...a) => console.error(`[bench ${((Date.now() - started) / 1000).toFixed(1)}s]`, ...a);

if (!existsSync(join(root, 'dist/safety-chat.js'))) {
  console.error('bench: dist/safety-chat.js is missing; run `vite build` first (npm run bench does).');
  process.exit(1);
}
const sizes = measureSizes();
const distFiles = () => measureSizes().files.map((f) => `${f.file}:${f.raw}`).sort().join(',');
const distAtStart = distFiles();
let dcProblem = installDeepChat(log);

const server = await startServer(0);
const origin = `http://127.0.0.1:${server.address().port}`;
const dcServer = existsSync(dcBundle) ? await startDeepChatServer() : null;
const dcOrigin = dcServer ? `http://127.0.0.1:${dcServer.address().port}` : '';
// The widget's shadow root opened (its test-only switch) so the timings can see inside; nothing else changes.
const browser = await launchForTests();
const chromiumVersion = browser.version();

const cold = [];
const warm = [];
const idle = [];
const dcCold = [];
const dcWarm = [];
const midPage = [];
const inline = [];
const inlineBare = [];
const floor = [];
let memory = [];
let memoryProblem = '';
let runNote = '';
const runErrors = [];
try {
  await checkGuard(browser, origin);
  blocked.clear(); // the check's own request to localhost
  if (dcProblem) log(`deep-chat: ${dcProblem}`);
  log(`warm-up, then ${RUNS} fresh pages per widget variant, ${DC_RUNS} per deep-chat variant (Chromium ${chromiumVersion})`);
  await widgetRun(browser, origin, 'cold'); // warm-up (discarded): first-page costs of the browser
  if (dcServer) {
    try {
      await deepChatRun(browser, dcOrigin, false);
    } catch (e) {
      dcProblem = `deep-chat page failed: ${e.message}`;
    }
  }
  for (let i = 0; i < RUNS; i++) {
    if (Date.now() - started > RUN_SECONDS * 1000) {
      runNote = `stopped after ${i} runs per variant to finish in time (the machine is slow or busy).`;
      break;
    }
    // Interleaved, so drift in the machine affects every variant alike.
    for (const [list, how] of [[cold, 'cold'], [warm, 'hover'], ...(i < MID_RUNS ? [[idle, 'idle']] : [])]) {
      try {
        list.push(await widgetRun(browser, origin, how));
      } catch (e) {
        runErrors.push(e.message.split('\n')[0]);
        if (runErrors.length > 5) throw new Error(`too many failed runs: ${runErrors.join(' | ')}`);
      }
    }
    if (dcServer && !dcProblem && i < DC_RUNS) {
      try {
        dcCold.push(await deepChatRun(browser, dcOrigin, false));
        dcWarm.push(await deepChatRun(browser, dcOrigin, true));
      } catch (e) {
        dcProblem = `deep-chat page failed: ${e.message}`;
      }
    }
    if (i < MID_RUNS) midPage.push(await midPageRun(browser, origin));
    if (i < MID_RUNS) inline.push(await inlineRun(browser, origin, true));
    if (i < MID_RUNS) inlineBare.push(await inlineRun(browser, origin, false));
    if (i < MID_RUNS) floor.push(...(await floorRun(browser, origin)));
    if ((i + 1) % 10 === 0) log(`${i + 1} / ${RUNS}`);
  }
  log(`memory: ${2 * CYCLES} open / answer / clear / hide cycles`);
  try {
    memory = await memoryRun(browser, origin);
  } catch (e) {
    memoryProblem = e.message;
  }
} finally {
  await browser.close();
  server.close();
  dcServer?.close();
}

const failed = printReport({
  sizes,
  budgets,
  cold,
  warm,
  idle,
  dcCold,
  dcWarm,
  midPage,
  inline,
  inlineBare,
  floor,
  memory,
  memoryProblem,
  runNote,
  runErrors,
  distChanged: distFiles() !== distAtStart,
  dcVersion: dcVersion(),
  dcSize: existsSync(dcBundle) ? gzipSize(dcBundle) : NaN,
  dcProblem,
  chromiumVersion,
  seconds: (Date.now() - started) / 1000,
  loadAtStart,
  guard: network.guard,
  blocked,
});
process.exit(failed ? 1 : 0);
