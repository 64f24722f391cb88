/**
 * Reads `flows/*.yaml`, parses each file and validates it against the schema,
 * one node at a time, collecting every problem with its file and line.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { explainIssues } from './explain.js';
import type { Problem } from './problems.js';
import {
  AreasFile,
  FlowFile,
  ServicesFile,
  WidgetFile,
} from './schema.js';
import type { NodeType } from '../nodes/index.js';
import { nodeSchemas, nodeTypes, type AuthoredNode } from '../nodes/schemas.js';

/** Files with a fixed role; every other `*.yaml` in `flows/` is a conversation flow. */
export const fixedFiles = { widget: 'widget.yaml', services: 'services.yaml', areas: 'areas.yaml' } as const;
/** Data files with loaders of their own (places.ts). */
const dataFiles = ['places.yaml'];

export interface LoadedFlow extends FlowFile {
  file: string;
  /** Nodes that are there but failed their check: links to them are not errors of their own. */
  broken: string[];
  /** Line of each node id, for messages about the node. */
  lines: Record<string, number | undefined>;
}

export interface Loaded {
  flows: LoadedFlow[];
  widget?: WidgetFile;
  services?: ServicesFile;
  areas?: AreasFile;
  problems: Problem[];
  /** Line finder per file, for checks that run after loading. */
  lineOf: (file: string, path: PropertyKey[]) => number | undefined;
}

/** A YAML mistake in plain words: what is wrong on the line and how to fix it. */
export function yamlMistake(code: string, line: string): string {
  if (/[“”]/.test(line)) return 'This line has curly quotes (“ ”), which YAML does not read as quotes (Word and email change " into them). Type straight double quotes (") around the text instead.';
  if (code === 'DUPLICATE_KEY') return 'The same id or field appears twice in one place. Each node id and each field may appear only once: rename or remove one.';
  if (code === 'TAB_AS_INDENT' || /^\s*\t/.test(line)) return 'This line is indented with a tab. YAML needs spaces: replace the tab with spaces (two for each level).';
  if (/:\s.*:\s/.test(line) || code === 'BLOCK_AS_IMPLICIT_KEY' || code === 'MULTILINE_IMPLICIT_KEY') {
    return 'The text on this line has a colon followed by a space (": "), which YAML reads as the start of a new field. Put the whole text in straight double quotes, like this: label: "Time: 5 minutes".';
  }
  if (code === 'BAD_INDENT' || code === 'MISSING_CHAR' || code === 'UNEXPECTED_TOKEN') {
    return 'This line is not where YAML expects it: check that it is indented by the same number of spaces as the lines it belongs with, and that each field is written "name: value", with a colon and a space.';
  }
  return 'YAML cannot read this line. Check the indentation (spaces, not tabs), that each field is "name: value", with a colon and a space, and that text containing a colon is in straight double quotes.';
}

/**
 * Typing that Word and email bring in, which YAML reads differently than the editor meant: a long
 * dash where a list needs a hyphen, and a whole text wrapped in curly quotes (the person would see them).
 */
export function typography(text: string, file: string): Problem[] {
  const out: Problem[] = [];
  text.split('\n').forEach((l, i) => {
    if (/^\s*[–—]\s/.test(l)) out.push({ level: 'error', file, line: i + 1, message: `This line starts with a long dash (${l.trim()[0]}), which YAML reads as text, not as a list item. Type a plain hyphen (-) instead (Word changes "-" into a dash).` });
    else if (/:\s*“[^”]*”\s*$/.test(l)) out.push({ level: 'warning', file, line: i + 1, message: 'This text is wrapped in curly quotes (“ ”), which YAML keeps as part of the text: the person will see them. Use straight double quotes (") if you meant to quote the text.' });
  });
  return out;
}

/** A service (or council) named by its id, not by its place in the list: `service "childline"`. */
function entryOf(value: unknown, path: PropertyKey[]): string | undefined {
  const [list, i] = path;
  if ((list !== 'services' && list !== 'councils') || typeof i !== 'number') return undefined;
  const id = ((value as Record<string, { id?: unknown }[]>)[list]?.[i])?.id;
  return typeof id === 'string' ? `${list === 'services' ? 'service' : 'council'} "${id}"` : undefined;
}

interface Parsed {
  file: string;
  doc: Document.Parsed;
  counter: LineCounter;
}

export function loadFlows(dir: string, root = process.cwd()): Loaded {
  const problems: Problem[] = [];
  const parsed = new Map<string, Parsed>();
  const names = readdirSync(dir)
    .filter((n) => (n.endsWith('.yaml') || n.endsWith('.yml')) && !dataFiles.includes(n))
    .sort();

  for (const name of names) {
    const file = relative(root, join(dir, name)) || name;
    const counter = new LineCounter();
    const source = readFileSync(join(dir, name), 'utf8');
    const doc = parseDocument(source, { lineCounter: counter, uniqueKeys: true, prettyErrors: false });
    // Only the first mistake in a file: the ones after it are often the same mistake seen again.
    const first = doc.errors[0];
    if (first) {
      const line = first.linePos?.[0]?.line ?? counter.linePos(first.pos[0]).line;
      const text = source.split('\n')[line - 1] ?? '';
      problems.push({ level: 'error', file, line, message: `${yamlMistake(first.code, text)}${doc.errors.length > 1 ? ' Fix this first, then run the check again: what comes after it in this file is checked once the file can be read.' : ''}`, syntax: true });
    }
    problems.push(...typography(source, file));
    if (!doc.errors.length) parsed.set(name, { file, doc, counter });
  }

  const lineOf = (file: string, path: PropertyKey[]): number | undefined => {
    const p = [...parsed.values()].find((x) => x.file === file);
    if (!p) return undefined;
    for (let n = path.length; n >= 0; n--) {
      const node = p.doc.getIn(path.slice(0, n) as unknown[], true) as { range?: [number, number] } | undefined;
      if (node && typeof node === 'object' && node.range) return p.counter.linePos(node.range[0]).line;
      // For a map key, find the key's own position.
    }
    return undefined;
  };

  function validate<T extends z.ZodType>(p: Parsed, schema: T, value: unknown, base: PropertyKey[], where?: string): z.infer<T> | undefined {
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    for (const e of explainIssues(result.error, schema, value)) {
      const entry = where ? undefined : entryOf(value, e.path);
      // Named by its id, the entry's number in the list says nothing more.
      const message = entry ? e.message.replace(/^(?:service|council) \d+,? ?/, '') : e.message;
      problems.push({ level: 'error', file: p.file, line: lineOf(p.file, [...base, ...e.path]), where: where ?? entry, message });
    }
    return undefined;
  }

  const take = (name: string) => {
    const p = parsed.get(name);
    parsed.delete(name);
    return p;
  };
  const need = (name: string) => {
    const p = take(name);
    if (!p && !names.includes(name))
      problems.push({ level: 'error', file: `flows/${name}`, message: `This file is missing. It is required: see flows/README.md for what it holds.` });
    return p;
  };

  const w = need(fixedFiles.widget);
  const s = need(fixedFiles.services);
  const a = need(fixedFiles.areas);
  // The fixed files go back in first, so lineOf finds lines for their problems too.
  for (const p of [w, s, a]) if (p) parsed.set(`fixed:${p.file}`, p);
  const out: Loaded = {
    flows: [],
    widget: w && validate(w, WidgetFile, w.doc.toJS(), []),
    services: s && validate(s, ServicesFile, s.doc.toJS(), []),
    areas: a && validate(a, AreasFile, a.doc.toJS(), []),
    problems,
    lineOf,
  };

  for (const [name, p] of [...parsed].filter(([k]) => !k.startsWith('fixed:'))) {
    const raw = p.doc.toJS() as unknown;
    const flow = validate(p, FlowFile, raw, []);
    if (!flow) continue;
    const nodes: Record<string, AuthoredNode> = {};
    const broken: string[] = [];
    const lines: Record<string, number | undefined> = {};
    for (const [id, value] of Object.entries(flow.nodes)) {
      const where = `node "${id}"`;
      lines[id] = lineOf(p.file, ['nodes', id]);
      if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) {
        problems.push({ level: 'error', file: p.file, line: lines[id], where, message: 'Node ids must be lower-case letters, digits and single hyphens, e.g. "danger-now".' });
      }
      const type = (value && typeof value === 'object' && 'type' in value ? (value as { type: unknown }).type : 'message') as NodeType;
      if (!nodeTypes.includes(type)) {
        problems.push({
          level: 'error',
          file: p.file,
          line: lineOf(p.file, ['nodes', id, 'type']),
          where,
          message: `field "type" is ${JSON.stringify(type)}; allowed: ${nodeTypes.join(', ')} (leave it out for a plain message).`,
        });
        continue;
      }
      const node = validate(p, nodeSchemas[type] as z.ZodType, value, ['nodes', id], where);
      if (node) nodes[id] = node as AuthoredNode;
      else broken.push(id);
    }
    out.flows.push({ ...flow, nodes, broken, file: p.file, lines });
    if (flow.id !== name.replace(/\.ya?ml$/, '')) {
      problems.push({
        level: 'error',
        file: p.file,
        line: lineOf(p.file, ['id']),
        message: `The flow id "${flow.id}" differs from the file name. Name the file "${flow.id}.yaml" so editors can find a flow from its id.`,
      });
    }
  }
  return out;
}
