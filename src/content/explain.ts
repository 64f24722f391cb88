/**
 * Turns zod's validation issues into sentences an editor can act on:
 * which field, what is wrong, and what is allowed there.
 */
import type { z } from 'zod';

type Path = PropertyKey[];

/** Describes a path inside a node or file for people: `choice 2, field "next"`. */
export function describePath(path: Path): string {
  const parts: string[] = [];
  for (let i = 0; i < path.length; i++) {
    const key = path[i];
    const next = path[i + 1];
    if (typeof next === 'number' && typeof key === 'string') {
      parts.push(`${singular(key)} ${next + 1}`);
      i++;
    } else if (typeof key === 'number') {
      parts.push(`item ${key + 1}`);
    } else {
      parts.push(`field "${String(key)}"`);
    }
  }
  return parts.join(', ');
}

function singular(key: string): string {
  const words: Record<string, string> = {
    choices: 'choice',
    say: 'message',
    routes: 'route',
    contacts: 'contact',
    services: 'service',
    councils: 'council',
    tags: 'tag',
    areas: 'area',
    any: 'condition',
    all: 'condition',
    count: 'condition',
  };
  return words[key] ?? key;
}

/** The field names an object schema allows at `path`, if it is an object there. */
export function allowedFields(schema: z.ZodType, path: Path): string[] | undefined {
  let s: z.ZodType | undefined = schema;
  for (const key of path) {
    s = s && unwrap(s);
    if (!s) return undefined;
    const def = defOf(s);
    if (def.type === 'object' && typeof key === 'string') s = (def.shape as Record<string, z.ZodType>)[key];
    else if (def.type === 'array' && typeof key === 'number') s = def.element as z.ZodType;
    else if (def.type === 'record') s = def.valueType as z.ZodType;
    else return undefined;
  }
  s = s && unwrap(s);
  if (!s) return undefined;
  const def = defOf(s);
  if (def.type === 'object') return Object.keys(def.shape as object);
  if (def.type === 'union') {
    const keys = new Set<string>();
    for (const option of def.options as z.ZodType[]) for (const k of allowedFields(option, []) ?? []) keys.add(k);
    return keys.size ? [...keys] : undefined;
  }
  return undefined;
}

interface Def {
  type: string;
  [k: string]: unknown;
}
function defOf(s: z.ZodType): Def {
  return (s as unknown as { _zod: { def: Def } })._zod.def;
}
function unwrap(s: z.ZodType): z.ZodType | undefined {
  for (let i = 0; i < 10; i++) {
    const def = defOf(s);
    if (def.type === 'optional' || def.type === 'default' || def.type === 'nullable') s = def.innerType as z.ZodType;
    else if (def.type === 'lazy') s = (def.getter as () => z.ZodType)();
    else if (def.type === 'pipe') s = def.in as z.ZodType;
    else return s;
  }
  return s;
}

function received(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a set of fields';
  return `${typeof value === 'string' ? 'text' : typeof value} ${JSON.stringify(value)}`;
}

const kinds: Record<string, string> = {
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list (lines starting with "- ")',
  object: 'a set of fields',
  record: 'a set of fields',
};

export interface Explained {
  path: Path;
  message: string;
}

/** One plain-English sentence per zod issue. `value` is the data that was checked. */
export function explainIssues(error: z.ZodError, schema: z.ZodType, value: unknown): Explained[] {
  return error.issues.map((issue) => ({ path: issue.path, message: explainIssue(issue, schema, value) }));
}

function explainIssue(issue: z.core.$ZodIssue, schema: z.ZodType, value: unknown): string {
  const at = describePath(issue.path);
  const prefix = at ? `${at} ` : '';
  const actual = issue.path.reduce<unknown>((v, k) => (v == null ? undefined : (v as Record<PropertyKey, unknown>)[k]), value);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const allowed = allowedFields(schema, issue.path);
      const list = issue.keys.map((k) => `"${k}"`).join(', ');
      return `${prefix}has unknown field${issue.keys.length > 1 ? 's' : ''} ${list} (a typo?). Allowed fields here: ${allowed?.join(', ') ?? 'see flows/README.md'}.`.trimStart().replace(/^has/, 'Has');
    }
    case 'invalid_type':
      if (actual === undefined) return `${prefix || 'A required field '}is missing: it needs ${kinds[issue.expected] ?? issue.expected}.`;
      return `${prefix}must be ${kinds[issue.expected] ?? issue.expected}, but is ${received(actual)}.`;
    case 'invalid_value':
      return `${prefix}is ${received(actual)}; allowed: ${issue.values.map((v) => JSON.stringify(v)).join(', ')}.`;
    case 'invalid_union': {
      const disc = issue as unknown as { discriminator?: string; options?: unknown[] };
      if (disc.discriminator)
        return `${prefix}is ${received(actual)}; allowed: ${(disc.options ?? []).map((v) => JSON.stringify(v)).join(', ')}.`;
      // Report the branch that got furthest, which is usually what the editor meant.
      const branches = (issue.errors as z.core.$ZodIssue[][]).filter((b) => b.length);
      const best = branches.sort((a, b) => depth(b) - depth(a))[0];
      if (best && depth(best) > 0) {
        const sub = best[0]!;
        return explainIssue({ ...sub, path: [...issue.path, ...sub.path] } as z.core.$ZodIssue, schema, value);
      }
      return `${prefix}is ${received(actual)}, which is not one of the allowed forms here (see flows/README.md).`;
    }
    case 'too_small':
      if (issue.origin === 'array') return `${prefix}${issue.message.startsWith('needs') ? issue.message : `needs at least ${issue.minimum} item(s)`}.`;
      if (issue.origin === 'string') return `${prefix}${issue.message.startsWith('needs') ? issue.message : Number(issue.minimum) > 1 ? `needs at least ${issue.minimum} characters` : 'must not be empty'}.`;
      return `${prefix}must be at least ${issue.minimum}.`;
    case 'invalid_key': {
      // A name on the left of a colon that is not allowed there, e.g. a language written "Polish" for "pl".
      const key = String(issue.path.at(-1));
      const why = (issue as unknown as { issues?: { message?: string }[] }).issues?.[0]?.message ?? 'is not allowed here';
      const at2 = describePath(issue.path.slice(0, -1));
      // Not a name at all: a text with ": " in it, which YAML took for a field.
      const text = `${key}: ${String((actual as unknown) ?? '')}`.trim();
      if (/[“”‘’]/.test(key)) return `${at2 ? `${at2} ` : ''}is in curly quotes (“ ”), which YAML does not read as quotes, so the colon in it starts a field. Type straight double quotes (") around the whole text: "${text.replace(/[“”]/g, '')}".`.replace(/^is/, 'Is');
      if (/\s/.test(key) || /[A-Z].*[a-z]/.test(key) && key.length > 12) return `${at2 ? `${at2} ` : ''}has "${key}: …", which YAML reads as a field because of the colon and the space after it. Put the whole text in straight double quotes: "${text}".`.replace(/^has/, 'Has');
      return `${at2 ? `${at2} ` : ''}has "${key}:", and that name ${why.startsWith('must') ? why : `is not allowed here (${why})`}.`.replace(/^has/, 'Has');
    }
    case 'too_big':
      return `${prefix}must be at most ${issue.maximum}${issue.origin === 'string' ? ' characters' : ''}.`;
    default:
      return `${prefix}${issue.message}.`.replace(/\.\.$/, '.');
  }
}

/** How far into the value a branch's issues got (into nested unions too): the furthest is usually what the editor meant. */
function depth(issues: z.core.$ZodIssue[]): number {
  return Math.max(
    ...issues.map((i) => {
      if (i.code === 'invalid_union') return i.path.length + Math.max(0, ...(i.errors as z.core.$ZodIssue[][]).filter((b) => b.length).map(depth));
      return i.code === 'invalid_type' && i.path.length === 0 ? -1 : i.path.length;
    }),
  );
}
