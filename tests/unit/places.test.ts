import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { compilePlaces, loadPlaces } from '../../src/content/places.js';
import { formatProblem } from '../../src/content/problems.js';
import { flowsDir } from './live-content.js';

const councilIds = (parse(readFileSync(`${flowsDir}/areas.yaml`, 'utf8')) as { councils: { id: string }[] }).councils.map((c) => c.id);

const valid = `# A small places file
places:
  - { name: Aldington, council: ashford, source: test }
  - { name: Appledore, council: ashford, source: test }
  - { name: Ash (near Sandwich), council: dover, source: test }
  - { name: St Peter's, council: thanet, source: test }
outcodes:
  - { outcode: CT2, councils: [canterbury, swale], source: test }
  - { outcode: ME14, councils: [maidstone], source: test }
  - { outcode: TN16, councils: [sevenoaks], mostlyOutside: true, source: test }
outside:
  - { name: London, source: test }
  - { name: East Sussex, source: test }
`;

/** Writes `text` as <tmp>/flows/places.yaml and loads it; problems name "flows/places.yaml". */
function load(text: string | undefined) {
  const root = mkdtempSync(join(tmpdir(), 'places-'));
  const dir = join(root, 'flows');
  mkdirSync(dir);
  if (text !== undefined) writeFileSync(join(dir, 'places.yaml'), text);
  return loadPlaces(dir, councilIds, root);
}
const errorsOf = (text: string | undefined) => load(text).problems.filter((p) => p.level === 'error').map(formatProblem);

describe('places.yaml', () => {
  it('the fixture is valid', () => {
    const result = load(valid);
    expect(result.problems).toEqual([]);
    expect(result.places?.places).toHaveLength(4);
    expect(result.places?.outcodes[2]).toEqual({ outcode: 'TN16', councils: ['sevenoaks'], mostlyOutside: true, source: 'test' });
    expect(result.places?.outside).toEqual([
      { name: 'London', source: 'test' },
      { name: 'East Sussex', source: 'test' },
    ]);
  });

  it('the "outside" list is optional', () => {
    const result = load(valid.slice(0, valid.indexOf('outside:')));
    expect(result.problems).toEqual([]);
    expect(result.places?.outside).toBeUndefined();
    expect(compilePlaces(result.places!, councilIds).outside).toBe('');
  });

  it('the shipped flows/places.yaml is valid', () => {
    const result = loadPlaces(flowsDir, councilIds);
    expect(result.problems.map(formatProblem)).toEqual([]);
    expect(result.places!.places.length).toBeGreaterThanOrEqual(303);
    expect(result.places!.outcodes).toHaveLength(81);
    expect(result.places!.outside!.map((o) => o.name)).toEqual(expect.arrayContaining(['London', 'Greater London', 'Croydon', 'Eltham', 'East Sussex', 'Brighton', 'Essex']));
  });
});

/** One deliberately broken fixture per check; each fails with its own message, file and line. */
describe('each check names the file, the line, what is wrong and what is allowed', () => {
  const cases: [string, string | undefined, RegExp][] = [
    [
      'an unknown council',
      valid.replace('name: Appledore, council: ashford', 'name: Appledore, council: ashfrod'),
      /^Error in flows\/places\.yaml:4 — place 2 \("Appledore"\): field "council" is "ashfrod", which is not a council id\. Allowed: ashford, canterbury, .*tunbridge-wells \(the ids in flows\/areas\.yaml\)\.$/,
    ],
    [
      'an unknown council in an outcode',
      valid.replace('councils: [canterbury, swale]', 'councils: [canterbury, swaal]'),
      /^Error in flows\/places\.yaml:8 — outcode 1 \("CT2"\): council 2 in "councils" is "swaal", which is not a council id\. Allowed: ashford, /,
    ],
    [
      'a duplicate place',
      valid.replace('  - { name: Appledore', '  - { name: Aldington, council: ashford, source: test }\n  - { name: Appledore'),
      /^Error in flows\/places\.yaml:4 — place 2 \("Aldington"\): "Aldington" is listed twice \(first on line 3\)\. Each place may appear only once: remove one, or if two places share a name, add a note in brackets/,
    ],
    [
      'a duplicate place written differently',
      valid.replace("  - { name: St Peter's", "  - { name: St Peters, council: thanet, source: test }\n  - { name: St Peter's"),
      /^Error in flows\/places\.yaml:7 — place 5 \("St Peter's"\): "St Peter's" is the same name as "St Peters" \(first on line 6\)/,
    ],
    [
      'a duplicate outcode',
      valid.replace('  - { outcode: ME14', '  - { outcode: CT2, councils: [canterbury], source: test }\n  - { outcode: ME14'),
      /^Error in flows\/places\.yaml:9 — outcode 2 \("CT2"\): The postcode district CT2 is listed twice \(first on line 8\)\. Each district may appear only once: put all its councils in one "councils" list, largest share first\.$/,
    ],
    [
      'a bad outcode format',
      valid.replace('outcode: ME14', 'outcode: me14'),
      /^Error in flows\/places\.yaml:9 — outcode 2 \("me14"\): field "outcode" must be a postcode district \(the first half of a postcode\) in capitals, e.g\. ME14, TN2, CT10, DA1 or BR8\.$/,
    ],
    [
      'a full postcode instead of an outcode',
      valid.replace('outcode: ME14', 'outcode: ME14 1LY'),
      /^Error in flows\/places\.yaml:9 — outcode 2 \("ME14 1LY"\): field "outcode" must be a postcode district/,
    ],
    [
      'an unknown field in a place',
      valid.replace('name: Appledore, council: ashford', 'name: Appledore, cuncil: ashford'),
      /^Error in flows\/places\.yaml:4 — place 2 \("Appledore"\): Has unknown field "cuncil" \(a typo\?\)\. Allowed fields here: name, council, source\.$/,
    ],
    [
      'an unknown field in an outcode',
      valid.replace('mostlyOutside: true', 'mostlyOutsde: true'),
      /^Error in flows\/places\.yaml:10 — outcode 3 \("TN16"\): Has unknown field "mostlyOutsde" \(a typo\?\)\. Allowed fields here: outcode, councils, mostlyOutside, source\.$/,
    ],
    [
      'an unknown top-level field',
      `${valid}councils: []\n`,
      /^Error in flows\/places\.yaml:14 — Has unknown field "councils" \(a typo\?\)\. Allowed fields here: places, outcodes, outside\.$/,
    ],
    [
      'the same council twice in one outcode',
      valid.replace('councils: [canterbury, swale]', 'councils: [canterbury, canterbury]'),
      /^Error in flows\/places\.yaml:8 — outcode 1 \("CT2"\): "councils" lists "canterbury" twice\. List each council once, largest share of the district's postcodes first\.$/,
    ],
    [
      'an outcode with no councils',
      valid.replace('councils: [maidstone]', 'councils: []'),
      /^Error in flows\/places\.yaml:9 — outcode 2 \("ME14"\): field "councils" needs at least one council, e\.g\. \[maidstone\]\.$/,
    ],
    [
      'a place name with a number in it',
      valid.replace('name: Appledore', 'name: Appledore 2'),
      /^Error in flows\/places\.yaml:4 — place 2 \("Appledore 2"\): field "name" must be a place name: letters, spaces, hyphens and apostrophes, with an optional note in brackets at the end/,
    ],
    [
      'a place with no source',
      valid.replace('{ name: Appledore, council: ashford, source: test }', '{ name: Appledore, council: ashford }'),
      /^Error in flows\/places\.yaml:4 — place 2 \("Appledore"\): field "source" is missing: it needs text\.$/,
    ],
    [
      'mostlyOutside that is not true or false',
      valid.replace('mostlyOutside: true', 'mostlyOutside: mostly'),
      /^Error in flows\/places\.yaml:10 — outcode 3 \("TN16"\): field "mostlyOutside" must be true or false, but is text "mostly"\.$/,
    ],
    [
      'a field written twice',
      valid.replace('{ name: Appledore, council: ashford,', '{ name: Appledore, council: ashford, council: dover,'),
      /^Error in flows\/places\.yaml:4 — The same field appears twice in one entry/,
    ],
    [
      'invalid YAML',
      valid.replace('  - { name: Appledore, council: ashford, source: test }', '  - { name: Appledore, council: ashford, source: test'),
      /^Error in flows\/places\.yaml:\d+ — The file is not valid YAML here/,
    ],
    [
      'an outside name that is also a Kent place',
      valid.replace('  - { name: East Sussex', '  - { name: Appledore, source: test }\n  - { name: East Sussex'),
      /^Error in flows\/places\.yaml:13 — outside place 2 \("Appledore"\): "Appledore" is also a Kent or Medway place in the "places" list \(line 4\)\. The "outside" list is only for places outside Kent and Medway: remove it from "outside", or from "places" if it is not in Kent or Medway\.$/,
    ],
    [
      'an outside name that is a Kent place written differently',
      valid.replace('  - { name: East Sussex', '  - { name: Saint Peters, source: test }\n  - { name: East Sussex'),
      /^Error in flows\/places\.yaml:13 — outside place 2 \("Saint Peters"\): "Saint Peters" is the same name as "St Peter's", a Kent or Medway place in the "places" list \(line 6\)/,
    ],
    [
      'an outside name that is a Kent place without its note in brackets',
      valid.replace('  - { name: East Sussex', '  - { name: Ash, source: test }\n  - { name: East Sussex'),
      /^Error in flows\/places\.yaml:13 — outside place 2 \("Ash"\): "Ash" is the same name as "Ash \(near Sandwich\)", a Kent or Medway place in the "places" list \(line 5\)/,
    ],
    [
      'a duplicate outside name',
      valid.replace('  - { name: East Sussex', '  - { name: london, source: test }\n  - { name: East Sussex'),
      /^Error in flows\/places\.yaml:13 — outside place 2 \("london"\): "london" is the same name as "London" in "outside" \(first on line 12\)\. Each name may appear only once: remove one\.$/,
    ],
    [
      'an outside place with a council',
      valid.replace('{ name: London, source: test }', '{ name: London, council: medway, source: test }'),
      /^Error in flows\/places\.yaml:12 — outside place 1 \("London"\): Has unknown field "council" \(a typo\?\)\. Allowed fields here: name, source\.$/,
    ],
    [
      'an outside place with no source',
      valid.replace('{ name: London, source: test }', '{ name: London }'),
      /^Error in flows\/places\.yaml:12 — outside place 1 \("London"\): field "source" is missing: it needs text\.$/,
    ],
    [
      'an outside place name with a number in it',
      valid.replace('{ name: London, source: test }', '{ name: London 2, source: test }'),
      /^Error in flows\/places\.yaml:12 — outside place 1 \("London 2"\): field "name" must be a place name/,
    ],
    [
      'an outside list that is not a list',
      valid.replace(/outside:[\s\S]*$/, 'outside: London\n'),
      /^Error in flows\/places\.yaml:11 — field "outside" must be a list \(lines starting with "- "\), but is text "London"\.$/,
    ],
    ['an empty file', '', /^Error in flows\/places\.yaml — The file is empty\. It needs a "places:" list and an "outcodes:" list/],
    ['a missing file', undefined, /^Error in flows\/places\.yaml — This file is missing\. .*run "node scripts\/import-areas\.mjs" to create it\.$/],
  ];
  it.each(cases)('%s', (_name, text, message) => {
    const errors = errorsOf(text);
    expect(errors.some((e) => message.test(e)), errors.join('\n')).toBe(true);
  });

  it('returns no places when there is any error', () => {
    expect(load(valid.replace('council: ashfrod', 'council: nowhere').replace('council: dover', 'council: nowhere')).places).toBeUndefined();
  });
});

describe('compilePlaces', () => {
  it('groups names by council and codes council positions in base 36, without sources', () => {
    const table = compilePlaces(load(valid).places!, councilIds);
    expect(table.councils).toEqual(councilIds);
    expect(table.places[0]).toBe('Aldington|Appledore');
    expect(table.places[councilIds.indexOf('dover')]).toBe('Ash (near Sandwich)');
    expect(table.places[councilIds.indexOf('medway')]).toBe('');
    const c = (id: string) => councilIds.indexOf(id).toString(36);
    expect(table.outcodes).toBe(`CT2:${c('canterbury')}${c('swale')},ME14:${c('maidstone')},TN16:${c('sevenoaks')}*`);
    expect(table.outside).toBe('East Sussex|London');
    expect(JSON.stringify(table)).not.toMatch(/test/);
  });
});

describe('entries written in block style', () => {
  it('an unknown field points at its own line', () => {
    const block = valid.replace('  - { name: Appledore, council: ashford, source: test }', '  - name: Appledore\n    council: ashford\n    sorce: test');
    const errors = errorsOf(block).join('\n');
    expect(errors).toMatch(/flows\/places\.yaml:6 — place 2 \("Appledore"\): Has unknown field "sorce"/);
    expect(errors).toMatch(/flows\/places\.yaml:4 — place 2 \("Appledore"\): field "source" is missing/);
  });
});
