/**
 * Prints, at the end of the run, how many taps each journey took to the first tappable help (a
 * visible tel: link on the screen) and to local help (a visible card under "Near you"). Printed
 * only: nothing is written to the repository.
 */
import type { Reporter, TestCase } from 'vitest/node';
import type { TapCount } from './harness.js';

export default class TapsReporter implements Reporter {
  private rows: TapCount[] = [];

  onTestCaseResult(test: TestCase) {
    const row = test.meta().journey;
    if (row) this.rows.push(row);
  }

  onTestRunEnd() {
    if (!this.rows.length) return;
    const order = (r: TapCount) => `${r.id}\u0000${r.size.padStart(20, '0')}`;
    const rows = [...this.rows].sort((a, b) => (order(a) < order(b) ? -1 : 1));
    const cell = (n: number | null) => (n === null ? '—' : String(n));
    const table = [
      ['journey', 'persona', 'size', 'taps to first help', 'taps to local help'],
      ...rows.map((r) => [r.id, r.persona.length > 60 ? `${r.persona.slice(0, 59)}…` : r.persona, r.size, cell(r.firstHelp), cell(r.localHelp)]),
    ];
    const widths = table[0]!.map((_, i) => Math.max(...table.map((row) => row[i]!.length)));
    const line = (row: string[]) => `| ${row.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
    const out = [line(table[0]!), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...table.slice(1).map(line)];
    process.stdout.write(`\nTaps (the launcher counts as one; — = never reached)\n${out.join('\n')}\n\n`);
  }
}
