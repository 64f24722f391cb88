import { editDistance } from '../engine/area-lookup.js';

/**
 * "Did you mean …?" for a mistyped id, tag or area: the closest of `known` (at most a third of
 * the letters different), else the list of what is allowed (`all`, or the first few).
 */
export function didYouMean(typed: string, known: readonly string[], what: string, all = true): string {
  const max = Math.max(1, Math.floor(typed.length / 3));
  const near = known.map((k) => [k, editDistance(typed, k, max)] as const).filter(([, d]) => d <= max).sort((a, b) => a[1] - b[1]);
  if (near.length) return `Did you mean "${near[0]![0]}"?`;
  return all ? `Allowed ${what}: ${known.join(', ')}.` : `The ${what} include: ${known.slice(0, 8).join(', ')}${known.length > 8 ? '…' : '.'}`;
}

/** A mistake (or a warning) in the content, told so that an editor can fix it. */
export interface Problem {
  level: 'error' | 'warning';
  /** Path of the file, relative to the project, e.g. `flows/main.yaml`. */
  file: string;
  line?: number;
  /** What in the file: `node "welcome", choice 2`. */
  where?: string;
  /** What is wrong and what is allowed, in plain English. */
  message: string;
  /** The file could not be read as YAML: checks across files wait until it can (no cascade of errors). */
  syntax?: true;
}

export function formatProblem(p: Problem): string {
  const at = p.line ? `${p.file}:${p.line}` : p.file;
  const where = p.where ? ` ${p.where}:` : '';
  return `${p.level === 'error' ? 'Error' : 'Warning'} in ${at} —${where} ${p.message}`;
}

export class ContentProblems extends Error {
  constructor(readonly problems: Problem[]) {
    super(
      `The flows have ${problems.filter((p) => p.level === 'error').length} error(s):\n` +
        problems.map(formatProblem).join('\n'),
    );
    this.name = 'ContentProblems';
  }
}
