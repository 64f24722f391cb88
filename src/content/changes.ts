/**
 * What changed since the last release, for `flows:check`: every phone number, text number, email
 * address and web address that is new or different (each must carry where it was seen, as a web
 * address, and when; a second person confirms each one), and every screen that no longer shows a
 * service it showed (a service removed or retagged). The last release is the newest git tag
 * `v…`, or else the last commit. Build time only.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { selectServices } from '../engine/services.js';
import type { Audience, Content } from '../engine/data.js';
import { checkAndCompile } from './compile.js';
import type { Problem } from './problems.js';

interface Baseline {
  /** What the release is called: a tag or a commit. */
  name: string;
  content: Content;
}

const git = (cwd: string, args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });

/** The flows as they were at the last release, compiled; undefined when there is no git history to compare with. */
export function lastRelease(dir: string): Baseline | undefined {
  const abs = resolve(dir);
  let repo: string;
  let ref: string;
  try {
    repo = git(abs, ['rev-parse', '--show-toplevel']).trim();
    try {
      ref = git(repo, ['describe', '--tags', '--abbrev=0', '--match', 'v*']).trim();
    } catch {
      ref = 'HEAD';
    }
  } catch {
    return undefined;
  }
  const inRepo = relative(repo, abs);
  const temp = mkdtempSync(join(tmpdir(), 'flows-release-'));
  const copy = join(temp, 'flows');
  mkdirSync(copy);
  try {
    const files = git(repo, ['ls-tree', '--name-only', `${ref}:${inRepo}`]).split('\n').filter((f) => f.endsWith('.yaml'));
    if (!files.length) return undefined;
    for (const f of files) writeFileSync(join(copy, f), git(repo, ['show', `${ref}:${inRepo}/${f}`]));
    const content = checkAndCompile(copy, temp).content;
    return content ? { name: ref === 'HEAD' ? 'the last commit' : ref, content } : undefined;
  } catch {
    return undefined;
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

/** Each service's numbers and addresses, as "type value". */
const contactsOf = (content: Content) => new Map(content.services.map((s) => [s.id, new Set(s.contacts.map((c) => `${c.type} ${c.show}`))]));

export interface ChangedContact {
  service: string;
  contact: string;
  /** What it was, for a changed service; empty for a new one. */
  before: string[];
}

/** Numbers and addresses that are new or changed since `before`. */
export function changedContacts(before: Content, now: Content): ChangedContact[] {
  const old = contactsOf(before);
  const out: ChangedContact[] = [];
  for (const [id, contacts] of contactsOf(now)) {
    const was = old.get(id) ?? new Set<string>();
    for (const c of contacts) if (!was.has(c)) out.push({ service: id, contact: c, before: [...was].filter((x) => !contacts.has(x)) });
  }
  return out;
}

/** For each service, the screens (and areas) that showed it before and do not now. */
export function lostServices(before: Content, now: Content): Map<string, string[]> {
  const areas: (string | null)[] = [null, ...now.councils.map((c) => c.id)];
  const shown = (content: Content, key: string, area: string | null, audience: Audience) => {
    const node = content.nodes[key];
    if (node?.type !== 'services') return new Set<string>();
    const s = selectServices(content, { tags: node.tags, area, audience, emergency: !!node.emergency });
    return new Set([...s.emergency, ...s.local, ...s.national].map((x) => x.id));
  };
  const lost = new Map<string, Set<string>>();
  for (const key of Object.keys(before.nodes)) {
    if (before.nodes[key]!.type !== 'services') continue;
    for (const audience of ['general', 'young-people'] as const) {
      for (const area of areas) {
        const now_ = shown(now, key, area, audience);
        for (const id of shown(before, key, area, audience)) {
          if (now_.has(id)) continue;
          const screens = lost.get(id) ?? new Set<string>();
          screens.add(now.nodes[key] ? key.replace('/', '#') : `${key.replace('/', '#')} (screen removed)`);
          lost.set(id, screens);
        }
      }
    }
  }
  return new Map([...lost].map(([id, screens]) => [id, [...screens].sort()]));
}

/**
 * The problems and the reviewer's list for `flows:check`: a new or changed number whose service
 * gives no web address in `source` is an error; every screen that lost a service is a warning.
 */
export function sinceRelease(dir: string, now: Content, sources: Map<string, { source: string; checked: string; line?: number }>): { problems: Problem[]; review: string[]; against?: string } {
  const base = lastRelease(dir);
  if (!base) return { problems: [], review: [] };
  const file = 'flows/services.yaml';
  const problems: Problem[] = [];
  const review: string[] = [];
  for (const c of changedContacts(base.content, now)) {
    const src = sources.get(c.service);
    const where = `service "${c.service}"`;
    review.push(`${c.service}: ${c.contact}${c.before.length ? ` (was ${c.before.join(', ')})` : ' (new)'} — source: ${src?.source ?? '?'}; checked ${src?.checked ?? '?'}`);
    if (!src || !/https?:\/\/\S+/.test(src.source)) {
      problems.push({ level: 'error', file, line: src?.line, where, message: `has a new or changed contact (${c.contact}), but its "source" gives no web address. Write where you saw it, as the full address of the provider's own page (https://…), and set "checked" to this month, so a second person can confirm it.` });
    }
  }
  for (const [id, screens] of lostServices(base.content, now)) {
    const gone = !now.services.some((s) => s.id === id);
    problems.push({
      level: 'warning',
      file,
      where: `service "${id}"`,
      message: `${gone ? 'was removed' : 'no longer fits'}, so these screens do not show it any more: ${screens.join(', ')}. If that is what you meant, say so when you send the change for review.`,
    });
  }
  return { problems, review, against: base.name };
}
