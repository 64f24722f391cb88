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
    const doc = parseDocument(readFileSync(join(dir, name), 'utf8'), { lineCounter: counter, uniqueKeys: true, prettyErrors: false });
    for (const err of doc.errors) {
      const line = err.linePos?.[0]?.line ?? counter.linePos(err.pos[0]).line;
      const duplicate = err.code === 'DUPLICATE_KEY';
      problems.push({
        level: 'error',
        file,
        line,
        message: duplicate
          ? 'The same id or field appears twice in one place. Each node id and each field may appear only once: rename or remove one.'
          : `The file is not valid YAML here (${err.message.split('\n')[0]}). Check the indentation (spaces, not tabs) and that text with a colon is in quotes.`,
      });
    }
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
      problems.push({ level: 'error', file: p.file, line: lineOf(p.file, [...base, ...e.path]), where, message: e.message });
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
  const out: Loaded = {
    flows: [],
    widget: w && validate(w, WidgetFile, w.doc.toJS(), []),
    services: s && validate(s, ServicesFile, s.doc.toJS(), []),
    areas: a && validate(a, AreasFile, a.doc.toJS(), []),
    problems,
    lineOf,
  };
  // Put the loaded fixed files back so lineOf can find them.
  for (const p of [w, s, a]) if (p) parsed.set(`fixed:${p.file}`, p);

  for (const [name, p] of [...parsed].filter(([k]) => !k.startsWith('fixed:'))) {
    const raw = p.doc.toJS() as unknown;
    const flow = validate(p, FlowFile, raw, []);
    if (!flow) continue;
    const nodes: Record<string, AuthoredNode> = {};
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
    }
    out.flows.push({ ...flow, nodes, file: p.file, lines });
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
