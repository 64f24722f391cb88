/**
 * The eight everyday edits a content editor makes, as scripts over a copy of `flows/`, each done
 * the way the editors' guide says (the YAML edited in place, comments and layout kept). The
 * editing test applies all of them and runs the checks and the unit suite over the result.
 * The copy is a test's own: its one made-up service reuses a real service's contacts and source.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, isSeq, parseDocument, type Document, type YAMLMap, type YAMLSeq } from 'yaml';

export interface EditorTask {
  name: string;
  apply(dir: string): void;
}

function edit(dir: string, file: string, change: (doc: Document) => void) {
  const path = join(dir, file);
  const doc = parseDocument(readFileSync(path, 'utf8'));
  change(doc);
  writeFileSync(path, doc.toString({ lineWidth: 0 }));
}

const servicesOf = (doc: Document) => doc.get('services') as YAMLSeq<YAMLMap>;
const thisMonth = () => new Date().toISOString().slice(0, 7);

export const editorTasks: EditorTask[] = [
  {
    name: 'marks every service as checked this month',
    apply: (dir) => edit(dir, 'services.yaml', (doc) => servicesOf(doc).items.forEach((s) => s.set('checked', thisMonth()))),
  },
  {
    name: 'adds a local service for Thanet, listed first',
    apply: (dir) =>
      edit(dir, 'services.yaml', (doc) => {
        const list = servicesOf(doc);
        if (list.items.some((s) => String(s.get('id')) === 'editing-test-local')) return; // made already
        const local = list.items.find((s) => (s.get('tags') as YAMLSeq).items.some((t) => String(t) === 'local'))!;
        // A new number needs where it was seen, as a web address, and this month as "checked".
        const added = doc.createNode({
          ...(local.toJSON() as Record<string, unknown>),
          id: 'editing-test-local',
          name: 'Thanet community safety (a test copy)',
          areas: ['thanet'],
          source: `https://www.domesticabuseservices.org.uk/ (the get help page, seen ${thisMonth()})`,
          checked: thisMonth(),
        }) as YAMLMap;
        list.items.unshift(added);
      }),
  },
  {
    name: 'removes a national service that no screen names',
    apply: (dir) =>
      edit(dir, 'services.yaml', (doc) => {
        const flowsText = readdirSync(dir).filter((f) => f.endsWith('.yaml') && f !== 'services.yaml').map((f) => readFileSync(join(dir, f), 'utf8')).join('\n');
        const list = servicesOf(doc);
        const i = list.items.findIndex((s) => {
          const id = String(s.get('id'));
          const areas = (s.get('areas') as YAMLSeq).items.map(String);
          return id !== 'emergency' && areas.includes('national') && !flowsText.includes(`:${id}}`) && !flowsText.includes(id);
        });
        if (i < 0) throw new Error('no national service is free to remove');
        list.items.splice(i, 1);
      }),
  },
  {
    name: 'adds Polish and translates the first message',
    apply: (dir) => {
      edit(dir, 'widget.yaml', (doc) => (doc.get('languages') as YAMLMap).set('pl', 'Polski'));
      edit(dir, 'main.yaml', (doc) => {
        const say = doc.getIn(['nodes', 'welcome', 'say']) as YAMLSeq;
        const first = say.items[0];
        const english = isMap(first) ? String(first.get('en')) : String(first);
        say.items[0] = doc.createNode({ en: english, pl: 'Dzień dobry. To automatyczny przewodnik o przemocy domowej.' });
      });
    },
  },
  {
    name: 'rewords a message',
    apply: (dir) =>
      edit(dir, 'abuse.yaml', (doc) => {
        const say = doc.getIn(['nodes', 'more', 'say']);
        const words = 'There are other kinds of abuse too. Choose one to read about it.';
        if (isSeq(say)) say.items[0] = doc.createNode(words);
        else doc.setIn(['nodes', 'more', 'say'], words);
      }),
  },
  {
    name: 'adds a choice that leads to the support screen',
    apply: (dir) =>
      edit(dir, 'abuse.yaml', (doc) => {
        const choices = doc.getIn(['nodes', 'more', 'choices']) as YAMLSeq;
        if (choices.items.some((c) => isMap(c) && String(c.get('label')) === 'Talk to someone now')) return; // made already
        choices.items.push(doc.createNode({ label: 'Talk to someone now', next: 'support' }));
      }),
  },
  {
    name: 'changes a service\'s opening hours',
    apply: (dir) =>
      edit(dir, 'services.yaml', (doc) => {
        // The words and the times the "open now" line reads change together, as the guide says.
        const s = servicesOf(doc).items.find((x) => x.has('opens'))!;
        s.set('hours', 'Monday to Saturday, 9am to 5pm');
        s.set('opens', doc.createNode({ days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'], from: '09:00', to: '17:00' }, { flow: true }));
      }),
  },
  {
    name: 'tags a service for another topic',
    apply: (dir) =>
      edit(dir, 'services.yaml', (doc) => {
        const s = servicesOf(doc).items.find((x) => String(x.get('id')) !== 'emergency' && !(x.get('tags') as YAMLSeq).items.some((t) => String(t) === 'stalking'))!;
        (s.get('tags') as YAMLSeq).items.push(doc.createNode('stalking'));
      }),
  },
];
