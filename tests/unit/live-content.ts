/**
 * The live content the tests read: `flows/`, or the folder in FLOWS_DIR (how the editing test
 * runs the whole unit suite over a copy of `flows/` with an editor's changes made to it). Tests of
 * code use fixtures (fixture.ts); tests over the live content assert rules, never today's lists.
 */
import { checkAndCompile } from '../../src/content/compile.js';
import type { Content } from '../../src/engine/data.js';

export const flowsDir = process.env.FLOWS_DIR ?? 'flows';
/** Whether the tests run over an edited copy: files generated from `flows/` (docs/) are then not compared. */
export const editedCopy = flowsDir !== 'flows';
export const liveReport = () => checkAndCompile(flowsDir);
export const liveContent = (): Content => liveReport().content!;
