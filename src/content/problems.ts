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
