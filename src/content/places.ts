/**
 * `flows/places.yaml`: towns, villages and postcode districts → councils, and
 * well-known places outside Kent and Medway.
 * The schema editors write to, a loader that reports every problem with its
 * file, line and a plain-English message, and the compiler to the compact
 * `AreaTable` the browser's `lookupArea` reads (no sources, no YAML).
 *
 * Runs at build time only.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { nameKeys, normalizePlace, type AreaTable } from '../engine/area-lookup.js';
import { explainIssues } from './explain.js';
import type { Problem } from './problems.js';

export const placesFileName = 'places.yaml';

/** "Herne Bay", "St Mary's Bay", "Capel-le-Ferne", "Ash (near Sandwich)". */
export const PlaceName = z
  .string()
  .regex(
    /^[A-Za-z][A-Za-z '’.-]*[A-Za-z.](?: \([A-Za-z][A-Za-z '’.-]*\))?$/,
    'must be a place name: letters, spaces, hyphens and apostrophes, with an optional note in brackets at the end, e.g. "Herne Bay", "St Mary\'s Bay" or "Ash (near Sandwich)"',
  );

/** The first half of a UK postcode, in capitals: ME14, TN2, CT10, DA1, BR8. */
export const Outcode = z
  .string()
  .regex(/^[A-Z]{1,2}\d[A-Z\d]?$/, 'must be a postcode district (the first half of a postcode) in capitals, e.g. ME14, TN2, CT10, DA1 or BR8');

const Source = z.string().trim().min(3, 'must say where the fact comes from');

export const Place = z.strictObject({
  name: PlaceName,
  /** A council id from flows/areas.yaml (checked by `loadPlaces`). */
  council: z.string().min(1),
  source: Source,
});
export type Place = z.infer<typeof Place>;

export const OutcodeEntry = z.strictObject({
  outcode: Outcode,
  /** Council ids from flows/areas.yaml, largest share of the district's postcodes first. */
  councils: z.array(z.string().min(1)).min(1, 'needs at least one council, e.g. [maidstone]'),
  /** Most of the district is outside Kent and Medway: the person is also offered "outside". */
  mostlyOutside: z.boolean().optional(),
  source: Source,
});
export type OutcodeEntry = z.infer<typeof OutcodeEntry>;

/** A well-known place outside Kent and Medway ("London", "Hastings"): the person is told so. */
export const OutsidePlace = z.strictObject({
  name: PlaceName,
  source: Source,
});
export type OutsidePlace = z.infer<typeof OutsidePlace>;

export const PlacesFile = z.strictObject({
  places: z.array(Place).min(1),
  outcodes: z.array(OutcodeEntry).min(1),
  /** Optional; never a name that is also in `places`. */
  outside: z.array(OutsidePlace).optional(),
});
export type PlacesFile = z.infer<typeof PlacesFile>;

/** The file's outline; each item is then checked on its own so messages name the item. */
const Outline = z.strictObject({
  places: z.array(z.unknown()).min(1, 'needs at least one place, e.g. "- { name: Aldington, council: ashford, source: ... }"'),
  outcodes: z.array(z.unknown()).min(1, 'needs at least one postcode district, e.g. "- { outcode: ME14, councils: [maidstone], source: ... }"'),
  outside: z.array(z.unknown()).optional(),
});

export interface LoadedPlaces {
  /** The checked file; absent when there is any error. */
  places?: PlacesFile;
  problems: Problem[];
}

/**
 * Reads and checks `<dir>/places.yaml`. `councilIds` are the ids in flows/areas.yaml.
 * File paths in problems are relative to `root`.
 */
export function loadPlaces(dir: string, councilIds: readonly string[], root = process.cwd()): LoadedPlaces {
  const path = join(dir, placesFileName);
  const file = relative(root, path) || placesFileName;
  const problems: Problem[] = [];
  const error = (message: string, line?: number, where?: string) =>
    problems.push({ level: 'error', file, message, ...(line ? { line } : {}), ...(where ? { where } : {}) });

  if (!existsSync(path)) {
    error('This file is missing. It lists the towns, villages and postcode districts of Kent and Medway and their councils: run "node scripts/import-areas.mjs" to create it.');
    return { problems };
  }
  const counter = new LineCounter();
  const doc = parseDocument(readFileSync(path, 'utf8'), { lineCounter: counter, uniqueKeys: true, prettyErrors: false });
  for (const err of doc.errors) {
    const line = err.linePos?.[0]?.line ?? counter.linePos(err.pos[0]).line;
    error(
      err.code === 'DUPLICATE_KEY'
        ? 'The same field appears twice in one entry. Each field (name, council, source…) may appear only once: remove one.'
        : `The file is not valid YAML here (${err.message.split('\n')[0]}). Check the indentation (spaces, not tabs), the brackets { } and [ ], and that text with a colon is in quotes.`,
      line,
    );
  }
  if (doc.errors.length) return { problems };

  const lineOf = (path: PropertyKey[]): number | undefined => {
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n) as unknown[], true) as { range?: [number, number] } | undefined;
      if (node && typeof node === 'object' && node.range) return counter.linePos(node.range[0]).line;
    }
    return undefined;
  };
  /** Plain-English problems for a failed check of the value at `base`; an unknown field points at its own line. */
  const report = (err: z.ZodError, schema: z.ZodType, value: unknown, base: PropertyKey[], where?: string) =>
    explainIssues(err, schema, value).forEach((e, i) => {
      const issue = err.issues[i];
      const at = issue?.code === 'unrecognized_keys' && issue.keys[0] !== undefined ? [...e.path, issue.keys[0]] : e.path;
      error(e.message, lineOf([...base, ...at]), where);
    });

  const raw = doc.toJS() as unknown;
  if (raw == null) {
    error('The file is empty. It needs a "places:" list and an "outcodes:" list, and may have an "outside:" list (see the comment at the top of the file made by scripts/import-areas.mjs).');
    return { problems };
  }
  const outline = Outline.safeParse(raw);
  if (!outline.success) {
    report(outline.error, Outline, raw, []);
    return { problems };
  }

  const councils = new Set(councilIds);
  const allowedCouncils = `Allowed: ${councilIds.join(', ')} (the ids in flows/areas.yaml).`;
  const checkCouncil = (id: string, line: number | undefined, where: string, field: string) => {
    if (!councils.has(id)) error(`${field} "${id}", which is not a council id. ${allowedCouncils}`, line, where);
  };

  const places: Place[] = [];
  const seenPlaces = new Map<string, { name: string; line?: number }>();
  /** Every key a place is found by (see `nameKeys`), for the check of the "outside" list. */
  const placeKeys = new Map<string, { name: string; line?: number }>();
  outline.data.places.forEach((value, i) => {
    const name = value && typeof value === 'object' && typeof (value as { name?: unknown }).name === 'string' ? (value as { name: string }).name : undefined;
    const where = name ? `place ${i + 1} ("${name}")` : `place ${i + 1}`;
    const line = lineOf(['places', i]);
    const parsed = Place.safeParse(value);
    if (!parsed.success) {
      report(parsed.error, Place, value, ['places', i], where);
      return;
    }
    const place = { ...parsed.data, name: parsed.data.name.trim().replace(/\s+/g, ' ') };
    checkCouncil(place.council, lineOf(['places', i, 'council']), where, 'field "council" is');
    const key = normalizePlace(place.name).replace(/ /g, '');
    const first = seenPlaces.get(key);
    if (first) {
      const same = first.name === place.name ? `"${place.name}" is listed twice` : `"${place.name}" is the same name as "${first.name}"`;
      error(
        `${same} (first on line ${first.line ?? '?'}). Each place may appear only once: remove one, or if two places share a name, add a note in brackets to each, e.g. "Ash (near Sandwich)" and "Ash (near New Ash Green)".`,
        line,
        where,
      );
    } else seenPlaces.set(key, { name: place.name, line });
    for (const k of nameKeys(place.name)) if (!placeKeys.has(k)) placeKeys.set(k, { name: place.name, line });
    places.push(place);
  });

  const outcodes: OutcodeEntry[] = [];
  const seenOutcodes = new Map<string, number | undefined>();
  outline.data.outcodes.forEach((value, i) => {
    const code = value && typeof value === 'object' && typeof (value as { outcode?: unknown }).outcode === 'string' ? (value as { outcode: string }).outcode : undefined;
    const where = code ? `outcode ${i + 1} ("${code}")` : `outcode ${i + 1}`;
    const line = lineOf(['outcodes', i]);
    const parsed = OutcodeEntry.safeParse(value);
    if (!parsed.success) {
      report(parsed.error, OutcodeEntry, value, ['outcodes', i], where);
      return;
    }
    const entry = parsed.data;
    const listed = new Set<string>();
    entry.councils.forEach((id, j) => {
      const at = lineOf(['outcodes', i, 'councils', j]);
      checkCouncil(id, at, where, `council ${j + 1} in "councils" is`);
      if (listed.has(id)) error(`"councils" lists "${id}" twice. List each council once, largest share of the district's postcodes first.`, at, where);
      listed.add(id);
    });
    if (seenOutcodes.has(entry.outcode)) {
      error(
        `The postcode district ${entry.outcode} is listed twice (first on line ${seenOutcodes.get(entry.outcode) ?? '?'}). Each district may appear only once: put all its councils in one "councils" list, largest share first.`,
        line,
        where,
      );
    } else seenOutcodes.set(entry.outcode, line);
    outcodes.push(entry);
  });

  const outside: OutsidePlace[] = [];
  const seenOutside = new Map<string, { name: string; line?: number }>();
  outline.data.outside?.forEach((value, i) => {
    const name = value && typeof value === 'object' && typeof (value as { name?: unknown }).name === 'string' ? (value as { name: string }).name : undefined;
    const where = name ? `outside place ${i + 1} ("${name}")` : `outside place ${i + 1}`;
    const line = lineOf(['outside', i]);
    const parsed = OutsidePlace.safeParse(value);
    if (!parsed.success) {
      report(parsed.error, OutsidePlace, value, ['outside', i], where);
      return;
    }
    const entry = { ...parsed.data, name: parsed.data.name.trim().replace(/\s+/g, ' ') };
    const keys = nameKeys(entry.name);
    const inKent = keys.map((k) => placeKeys.get(k)).find(Boolean);
    const twice = keys.map((k) => seenOutside.get(k)).find(Boolean);
    if (inKent) {
      const same = inKent.name === entry.name ? `"${entry.name}" is also` : `"${entry.name}" is the same name as "${inKent.name}",`;
      error(
        `${same} a Kent or Medway place in the "places" list (line ${inKent.line ?? '?'}). The "outside" list is only for places outside Kent and Medway: remove it from "outside", or from "places" if it is not in Kent or Medway.`,
        line,
        where,
      );
    } else if (twice) {
      const same = twice.name === entry.name ? `"${entry.name}" is listed twice in "outside"` : `"${entry.name}" is the same name as "${twice.name}" in "outside"`;
      error(`${same} (first on line ${twice.line ?? '?'}). Each name may appear only once: remove one.`, line, where);
    } else for (const k of keys) seenOutside.set(k, { name: entry.name, line });
    outside.push(entry);
  });

  return problems.length ? { problems } : { places: { places, outcodes, ...(outline.data.outside ? { outside } : {}) }, problems };
}

/** Orders outcodes as people expect: BR6, BR8, CT1, CT2 … CT10. */
const byOutcode = (a: string, b: string) => {
  const [, la = '', na = '0', ra = ''] = /^([A-Z]+)(\d+)(.*)$/.exec(a) ?? [];
  const [, lb = '', nb = '0', rb = ''] = /^([A-Z]+)(\d+)(.*)$/.exec(b) ?? [];
  return la < lb ? -1 : la > lb ? 1 : Number(na) - Number(nb) || (ra < rb ? -1 : ra > rb ? 1 : 0);
};

/**
 * The compact table for the browser (see `AreaTable` in src/engine/area-lookup.ts):
 * names grouped by council, outcodes with council positions as base-36 digits, and
 * the names outside Kent and Medway. Sources stay behind. `councilIds` fixes the
 * order (use flows/areas.yaml's order).
 */
export function compilePlaces(file: PlacesFile, councilIds: readonly string[]): AreaTable {
  if (councilIds.length > 36) throw new Error('The compact area table supports at most 36 councils.');
  const position = new Map(councilIds.map((id, i) => [id, i]));
  const names: string[][] = councilIds.map(() => []);
  for (const p of file.places) {
    const i = position.get(p.council);
    if (i !== undefined) names[i]!.push(p.name.trim().replace(/\s+/g, ' '));
  }
  const outcodes = [...file.outcodes]
    .sort((a, b) => byOutcode(a.outcode, b.outcode))
    .map((o) => `${o.outcode}:${o.councils.map((c) => position.get(c)?.toString(36) ?? '').join('')}${o.mostlyOutside ? '*' : ''}`);
  return {
    councils: [...councilIds],
    places: names.map((list) => [...new Set(list)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).join('|')),
    outcodes: outcodes.join(','),
    outside: [...new Set((file.outside ?? []).map((o) => o.name.trim().replace(/\s+/g, ' ')))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).join('|'),
  };
}
