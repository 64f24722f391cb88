/**
 * Finds a person's council from what they type: a town or village ("Margate",
 * "tunbridge welles"), a postcode district ("me14") or a full postcode
 * ("ME14 1LY", "me141ly", of which only the district is used).
 *
 * Pure and dependency-free. The query is read once and never stored, logged or
 * returned: results hold only council ids and, for a place, the place's name as
 * written in flows/places.yaml (never the person's words or postcode). A well-known
 * place outside Kent and Medway ("London", "Hastings"; the file's `outside:` list)
 * gives `{ kind: 'outside' }`.
 *
 * The table is built at compile time by `compilePlaces` (src/content/places.ts)
 * from flows/places.yaml.
 */

/** The compact lookup table the browser gets (see `compilePlaces`). */
export interface AreaTable {
  /** Council ids (values of the `area` attribute); places and outcodes refer to them by position. */
  councils: string[];
  /**
   * One string per council, in the order of `councils`: its place names as written in
   * flows/places.yaml, joined by "|", e.g. "Aldington|Appledore|Ash (near Sandwich)".
   */
  places: string[];
  /**
   * Postcode districts joined by ",": the outcode, ":", then each council it spans as the
   * base-36 digit of its position in `councils`, largest share first; a final "*" marks a
   * district mostly outside Kent and Medway. E.g. "BR6:8*,BR8:82,CT1:1".
   */
  outcodes: string;
  /**
   * Well-known places outside Kent and Medway (the `outside:` list of flows/places.yaml), as
   * written there, sorted and joined by "|", e.g. "Bexley|Brighton|Croydon"; "" when none.
   */
  outside: string;
}

/**
 * - `council`: one council. `place` is the matched name from the table (absent for postcodes);
 *   `close` is set when the name was not typed exactly (a misspelling or the start of a longer
 *   name): confirm with the person ("Did you mean Elham?") rather than assume.
 * - `choose`: ask the person to pick one of `councils` (largest share first for postcodes).
 *   `outside` is true when the postcode district is mostly outside Kent and Medway: offer
 *   "outside Kent and Medway" too.
 * - `outside`: a real-looking UK postcode or district that is not in Kent or Medway, or a
 *   well-known place outside them (typed exactly, or misspelt when no Kent or Medway place is
 *   as close).
 * - `unknown`: not a place or postcode we know.
 */
export type AreaResult =
  | { kind: 'council'; council: string; place?: string; close?: true }
  | { kind: 'choose'; councils: string[]; outside: boolean; close?: true }
  | { kind: 'outside' }
  | { kind: 'unknown' };

/**
 * Lower-case words of a place name, for comparison: accents, apostrophes and
 * punctuation dropped, "&" read as "and", "Saint" read as "St", and a trailing
 * "Kent", "UK" or "England" ignored. "St. Peter's, Kent" → "st peters".
 */
export function normalizePlace(text: string): string {
  let s = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’‘`]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .replace(/\bsaint\b/g, 'st');
  for (let prev = ''; prev !== s; ) {
    prev = s;
    s = s.replace(/ (kent|uk|england|united kingdom|gb)$/, '');
  }
  return s;
}

/** The comparison key: normalised with the spaces removed, so "Herne Bay", "herne-bay" and "hernebay" agree. */
const keyOf = (text: string) => normalizePlace(text).replace(/ /g, '');

/**
 * The exact keys a listed name is found by: the whole name, the name without its note in
 * brackets ("ash" for "Ash (near Sandwich)"), and without "-on-Sea" ("westgate" for
 * "Westgate-on-Sea"). The same for Kent and Medway places and for places outside.
 */
export function nameKeys(name: string): string[] {
  const base = normalizePlace(name.replace(/\s*\([^)]*\)\s*$/, ''));
  const keys = [keyOf(name), base.replace(/ /g, '')];
  if (base.endsWith(' on sea')) keys.push(base.slice(0, -7).replace(/ /g, ''));
  return [...new Set(keys)].filter(Boolean);
}

/** Outcode (first half of a UK postcode) and a full postcode, after upper-casing and removing spaces. */
const outcodeRe = /^[A-Z]{1,2}\d[A-Z\d]?$/;
const fullPostcodeRe = /^([A-Z]{1,2}\d[A-Z\d]?)(\d[A-Z]{2})$/;
/** "ME14 1" or "ME14 1L": a district and the start of the rest, with a space between. */
const partialPostcodeRe = /^([A-Z]{1,2}\d[A-Z\d]?) \d[A-Z]{0,2}$/;

/** The postcode district of a query that looks like a UK postcode or district; undefined otherwise. */
export function outcodeOf(query: string): string | undefined {
  const spaced = query.toUpperCase().replace(/[^A-Z0-9]+/g, ' ').trim();
  const compact = spaced.replace(/ /g, '');
  // "CT2 9" is district CT2 and the start of the rest, not district CT29.
  const partial = partialPostcodeRe.exec(spaced);
  if (partial) return partial[1];
  if (outcodeRe.test(compact)) return compact;
  const full = fullPostcodeRe.exec(compact);
  return full ? full[1] : undefined;
}

interface Entry {
  council: number;
  place: string;
}
interface Index {
  councils: string[];
  /** Exact keys: full names and their short forms ("ash" for "Ash (near Sandwich)", "westgate" for "Westgate-on-Sea"). */
  names: Map<string, Entry[]>;
  /** The first word(s) of a longer name ("tunbridge" for "Tunbridge Wells"): a close match. */
  starts: Map<string, Entry[]>;
  outcodes: Map<string, { councils: string[]; outside: boolean }>;
  /** Exact keys of the places outside Kent and Medway (see `nameKeys`). */
  outside: Set<string>;
}

const indexes = new WeakMap<AreaTable, Index>();

/** Decodes the table once per table object (the cache holds only the table's own data). */
function indexOf(table: AreaTable): Index {
  const cached = indexes.get(table);
  if (cached) return cached;
  const add = (map: Map<string, Entry[]>, key: string, e: Entry) => {
    if (!key) return;
    const list = map.get(key);
    if (!list) map.set(key, [e]);
    else if (!list.some((x) => x.council === e.council && x.place === e.place)) list.push(e);
  };
  const index: Index = { councils: table.councils, names: new Map(), starts: new Map(), outcodes: new Map(), outside: new Set() };
  table.places.forEach((list, council) => {
    for (const place of list ? list.split('|') : []) {
      const e = { council, place };
      for (const key of nameKeys(place)) add(index.names, key, e);
      const base = normalizePlace(place.replace(/\s*\([^)]*\)\s*$/, ''));
      const words = base.split(' ');
      for (let n = 1; n < words.length; n++) {
        const start = words.slice(0, n).join('');
        if (start.length >= 3) add(index.starts, start, e);
      }
    }
  });
  for (const item of table.outcodes ? table.outcodes.split(',') : []) {
    const [code = '', digits = ''] = item.split(':');
    const outside = digits.endsWith('*');
    const councils = [...digits.replace('*', '')].map((d) => table.councils[parseInt(d, 36)]!).filter(Boolean);
    index.outcodes.set(code, { councils, outside });
  }
  for (const name of typeof table.outside === 'string' && table.outside ? table.outside.split('|') : []) {
    for (const key of nameKeys(name)) index.outside.add(key);
  }
  indexes.set(table, index);
  return index;
}

/**
 * Optimal-string-alignment Damerau–Levenshtein distance (insert, delete,
 * substitute, swap two neighbours), or `max + 1` as soon as it must exceed `max`.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2]! + 1);
      row.push(d);
      if (d < best) best = d;
    }
    if (best > max) return max + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length]!;
}

/** How many edits a name of this many letters may have and still match: 0 up to 4 letters, 1 from 5, 2 from 9. */
export const allowedEdits = (letters: number) => (letters >= 9 ? 2 : letters >= 5 ? 1 : 0);

function fromEntries(index: Index, entries: Entry[], close: boolean): AreaResult {
  const councils = [...new Set(entries.map((e) => e.council))].map((c) => index.councils[c]!);
  const flag = close ? { close: true as const } : {};
  if (councils.length === 1) return { kind: 'council', council: councils[0]!, place: entries[0]!.place, ...flag };
  return { kind: 'choose', councils, outside: false, ...flag };
}

/**
 * The council for a town, village, postcode district or full postcode (see `AreaResult`).
 * Never throws; never keeps the query.
 */
export function lookupArea(query: string, table: AreaTable): AreaResult {
  if (typeof query !== 'string') return { kind: 'unknown' };
  const index = indexOf(table);

  const outcode = outcodeOf(query);
  if (outcode) {
    const hit = index.outcodes.get(outcode);
    if (!hit || !hit.councils.length) return { kind: 'outside' };
    if (hit.councils.length === 1 && !hit.outside) return { kind: 'council', council: hit.councils[0]! };
    return { kind: 'choose', councils: [...hit.councils], outside: hit.outside };
  }

  const key = keyOf(query);
  if (!key || /\d/.test(key)) return { kind: 'unknown' };
  const exact = index.names.get(key);
  if (exact) return fromEntries(index, exact, false);
  if (index.outside.has(key)) return { kind: 'outside' };

  // Close matches: the start of a longer name costs 1; a misspelling costs its edit distance.
  // The cheapest win; a tie between councils becomes a choice. A misspelt place outside Kent
  // and Medway wins only if it is strictly closer than every Kent and Medway place ("Eltam" is
  // as close to Elham as to Eltham, so it is Elham).
  const max = allowedEdits(key.length);
  let best = Infinity;
  let found: Entry[] = [];
  const consider = (cost: number, entries: Entry[]) => {
    if (cost < best) {
      best = cost;
      found = [...entries];
    } else if (cost === best) found.push(...entries);
  };
  const start = index.starts.get(key);
  if (start) consider(1, start);
  if (max > 0) {
    for (const [name, entries] of index.names) {
      const d = editDistance(key, name, Math.min(max, best));
      if (d <= max) consider(d, entries);
    }
  }
  const outsideMax = Math.min(max, best - 1);
  if (outsideMax > 0) {
    for (const name of index.outside) if (editDistance(key, name, outsideMax) <= outsideMax) return { kind: 'outside' };
  }
  if (!found.length) return { kind: 'unknown' };
  return fromEntries(index, found, true);
}
