// What the benchmark measures and how often: one place for every part of it.
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../..', import.meta.url));
/** Fresh pages per widget variant (BENCH_RUNS, default 30); deep-chat gets a third of them. */
export const RUNS = Math.max(1, Math.min(100, Number(process.env.BENCH_RUNS ?? 30) || 30));
export const DC_RUNS = Math.max(1, Math.ceil(RUNS / 3));
/** Pages for the layout-shift checks of other placements (mid-page, inline). */
export const MID_RUNS = Math.max(1, Math.ceil(RUNS / 6));
export const ANSWERS = 5;
export const CYCLES = 200;
/** How long the pointer rests on the launcher before a warm open (the panel chunk is fetched on intent). */
export const HOVER_MS = 300;
export const VIEWPORT = { width: 1280, height: 800 };
/**
 * Chromium's CPU slowed 4× while timing (Lighthouse's mobile standard), so the widget's work shows
 * beyond the 16.7 ms frame clock. The memory run is not slowed: it measures bytes, not time.
 */
export const CPU_SLOWDOWN = 4;
/** Latency budgets, reported beside deep-chat: warm ≤ 0.5× and cold ≤ 0.6× its median; an answer in the next frame, ≤ 20 ms median. */
export const latencyBudget = { warmVsDeepChat: 0.5, coldVsDeepChat: 0.6, answerMs: 20 };
/** The whole benchmark stops by itself: runs end after RUN_SECONDS, everything after HARD_STOP_SECONDS. */
export const RUN_SECONDS = 110;
export const HARD_STOP_SECONDS = 175;
