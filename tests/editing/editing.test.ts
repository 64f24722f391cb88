// An editor's everyday changes leave every check green: the eight tasks in editor-tasks.ts are
// made to a copy of flows/, then `flows:check` and the whole unit suite run over that copy (the
// unit tests read FLOWS_DIR, see tests/unit/live-content.ts), and the widget built from it goes
// through every browser suite (a copy of the project with the edited flows in place).
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { editorTasks } from './editor-tasks.js';

const copy = join(mkdtempSync(join(tmpdir(), 'safety-chat-edits-')), 'flows');
cpSync('flows', copy, { recursive: true });
// The copy's own git history holds the flows as released, so the check compares with them.
const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=editor@example.invalid', '-c', 'user.name=Editor', ...args], { cwd: join(copy, '..'), stdio: 'ignore' });
git('init', '-q');
git('add', '.');
git('commit', '-q', '-m', 'the released flows');
afterAll(() => rmSync(join(copy, '..'), { recursive: true, force: true }));

const run = (command: string, args: string[]) => {
  const r = spawnSync(command, args, { encoding: 'utf8', env: { ...process.env, FLOWS_DIR: copy, FORCE_COLOR: '0' }, timeout: 240_000 });
  return { ok: r.status === 0, out: `${r.stdout}\n${r.stderr}` };
};

describe('an editor\'s everyday changes', () => {
  it.each(editorTasks.map((t) => [t.name, t] as const))('%s', (_name, task) => {
    task.apply(copy);
  });

  it('all eight made: the copy is not the flows it started from', () => {
    const read = (dir: string) => ['services.yaml', 'main.yaml', 'abuse.yaml', 'widget.yaml'].map((f) => readFileSync(join(dir, f), 'utf8')).join('\n');
    expect(read(copy)).not.toBe(read('flows'));
    expect(read(copy)).toMatch(/editing-test-local/);
  });

  it('all eight made: flows:check passes, and lists the new service\'s number for a second person', () => {
    const r = run('npx', ['tsx', 'scripts/flows.ts', 'check', copy]);
    expect(r.ok, r.out.slice(-3000)).toBe(true);
    expect(r.out).toMatch(/new or changed since the last commit[\s\S]*editing-test-local: phone .* \(new\) — source: https:\/\//);
    expect(r.out, 'the removed service is named with the screens that lost it').toMatch(/was removed, so these screens do not show it any more/);
  });

  it('all eight made: the whole unit suite passes over the edited flows', () => {
    const r = run('npx', ['vitest', 'run', 'tests/unit', '--reporter', 'dot']);
    const failures = r.out.split('\n').filter((l) => /FAIL|AssertionError|Error:/.test(l)).slice(0, 40).join('\n');
    expect(r.ok, failures || r.out.slice(-3000)).toBe(true);
  });

  it('all eight made: the widget built from them passes the size budgets and every browser suite (components, journeys, accessibility, privacy)', () => {
    // The project around the edited flows: every file git knows of (as it is now), its packages shared.
    const project = join(copy, '..');
    const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { encoding: 'utf8' }).split('\n');
    for (const f of files.filter((x) => x && !x.startsWith('flows/') && existsSync(x))) {
      mkdirSync(dirname(join(project, f)), { recursive: true });
      cpSync(f, join(project, f));
    }
    symlinkSync(resolve('node_modules'), join(project, 'node_modules'), 'dir');
    // As `npm test` runs them: not under this test runner's environment (NODE_ENV=test would build the development bundle).
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'NODE_ENV' && !k.startsWith('VITEST')));
    for (const script of ['build', 'size', 'test:browser', 'test:journeys', 'test:a11y', 'test:privacy']) {
      const r = spawnSync('npm', ['run', script], { cwd: project, encoding: 'utf8', env: { ...env, FORCE_COLOR: '0' }, timeout: 600_000 });
      const out = `${r.stdout}\n${r.stderr}`;
      const failures = out.split('\n').filter((l) => /FAIL|AssertionError|Error:|❌|problem/.test(l)).slice(0, 40).join('\n');
      expect(r.status, `npm run ${script} over the edited flows:\n${failures || out.slice(-3000)}`).toBe(0);
    }
  }, 1_500_000);
});
