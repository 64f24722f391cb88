// What flows:check says changed since the last release: a new number needs its source as a web
// address (and a second person), and a service that leaves a screen is named with the screens.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sinceRelease } from '../../src/content/changes.js';
import { checkAndCompile } from '../../src/content/compile.js';
import { loadFlows } from '../../src/content/load.js';
import { formatProblem } from '../../src/content/problems.js';
import { flowsDir } from './live-content.js';

/** A git repository whose last commit holds today's flows; `edit` then changes the working copy. */
function released(edit: (services: string) => string) {
  const repo = mkdtempSync(join(tmpdir(), 'release-'));
  const dir = join(repo, 'flows');
  cpSync(flowsDir, dir, { recursive: true });
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=test@example.invalid', '-c', 'user.name=Test', ...args], { cwd: repo, stdio: 'ignore' });
  git('init', '-q');
  git('add', '.');
  git('commit', '-q', '-m', 'release');
  const file = join(dir, 'services.yaml');
  writeFileSync(file, edit(readFileSync(file, 'utf8')));
  const report = checkAndCompile(dir, repo);
  expect(report.problems.filter((p) => p.level === 'error').map(formatProblem)).toEqual([]);
  const loaded = loadFlows(dir, repo);
  const sources = new Map((loaded.services?.services ?? []).map((s) => [s.id, { source: s.source, checked: s.checked }]));
  const result = sinceRelease(dir, report.content!, sources);
  return { ...result, text: result.problems.map(formatProblem).join('\n') };
}

/** The national helpline's entry, edited. */
const helpline = (services: string, change: (entry: string) => string) => services.replace(/- id: national-helpline\n[\s\S]*?(?=\n\n  - id:)/, change);

describe('changes since the last release', () => {
  it('compares with the last commit when there is no release tag, and lists nothing when nothing changed', () => {
    const r = released((s) => s);
    expect(r.against).toBe('the last commit');
    expect(r.review).toEqual([]);
    expect(r.problems).toEqual([]);
  });

  it('a made-up number with any words as its source is refused; with a web address it is listed for a second person', () => {
    const madeUp = released((s) => helpline(s, (e) => e.replace('0808 2000 247', '01234 567890').replace(/source: .*/, 'source: I rang them')));
    expect(madeUp.text).toMatch(/service "national-helpline": has a new or changed contact \(phone 01234 567890\), but its "source" gives no web address/);
    const sourced = released((s) => helpline(s, (e) => e.replace('0808 2000 247', '01234 567890').replace(/source: .*/, 'source: https://www.nationaldahelpline.org.uk/contact (seen December 2026)')));
    expect(sourced.problems.filter((p) => p.level === 'error')).toEqual([]);
    expect(sourced.review.join('\n')).toMatch(/national-helpline: phone 01234 567890 \(was phone 0808 2000 247\) — source: https:\/\/www\.nationaldahelpline\.org\.uk\/contact/);
  });

  it('a removed service is named, with every screen that showed it', () => {
    const r = released((s) => s.replace(/\n  - id: stalking-helpline\n[\s\S]*?(?=\n\n  - id:)/, ''));
    expect(r.text).toMatch(/Warning in flows\/services\.yaml — service "stalking-helpline": was removed, so these screens do not show it any more: .*abuse#stalking/);
  });
});
