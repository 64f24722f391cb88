/**
 * "Which answers lead where": the routing of each private check (its `branch` nodes), written out
 * in words for flows/README.md. Made from the flows, so the table can never disagree with them:
 * `flows:check` rewrites the part of the README between the markers below.
 */
import { inLang } from '../shared/text.js';
import type { AnswerValue, Condition } from '../engine/data.js';
import type { LoadedFlow } from './load.js';

export const outcomesStart = '<!-- outcomes: made by npm run flows:check from the flows; do not edit by hand -->';
export const outcomesEnd = '<!-- /outcomes -->';

const answerWords: Record<AnswerValue, string> = { yes: '"yes"', no: '"no"', 'not-sure': '"not sure"' };

type Node = LoadedFlow['nodes'][string];

/** The question a key belongs to, as the person reads it (English). */
function questionOf(flow: LoadedFlow, key: string): string {
  const q = Object.values(flow.nodes).find((n): n is Extract<Node, { type: 'question' }> => n.type === 'question' && n.key === key);
  if (!q) return `\`${key}\``;
  const say = Array.isArray(q.say) ? q.say[0] : q.say;
  return `\`${key}\` (“${say ? inLang(say, 'en') : key}”)`;
}

function list(values: AnswerValue | readonly AnswerValue[]): string {
  const all = (Array.isArray(values) ? values : [values]) as AnswerValue[];
  return all.map((v) => answerWords[v]).join(' or ');
}

/** One condition in words; a list condition becomes nested bullet points. */
export function describe(flow: LoadedFlow, c: Condition, depth = 0): string {
  const pad = '   '.repeat(depth + 1);
  const items = (xs: readonly Condition[]) => xs.map((x) => `\n${pad}- ${describe(flow, x, depth + 1)}`).join('');
  if ('key' in c) return `${list(c.is)} to ${questionOf(flow, c.key)}`;
  if ('not' in c) return 'key' in c.not ? `any answer but ${list(c.not.is)}, or none, to ${questionOf(flow, c.not.key)}` : `not this: ${describe(flow, c.not, depth)}`;
  if ('any' in c) return `any one of:${items(c.any)}`;
  if ('all' in c) return `all of:${items(c.all)}`;
  return `at least ${c.atLeast} of:${items(c.count)}`;
}

const nodeName = (flow: LoadedFlow, ref: string) => (ref.includes('#') ? `\`${ref}\`` : `\`${flow.id}#${ref}\``);

/** The routing of every branch in every private flow, as markdown. */
export function outcomesDoc(flows: readonly LoadedFlow[]): string {
  const parts: string[] = [];
  for (const flow of [...flows].filter((f) => f.private).sort((a, b) => a.id.localeCompare(b.id))) {
    const branches = Object.entries(flow.nodes).filter((e): e is [string, Extract<Node, { type: 'branch' }>] => e[1].type === 'branch');
    if (!branches.length) continue;
    parts.push(`#### ${flow.title} (\`${flow.id}\`)`, '');
    parts.push('A skipped question counts as no answer. The branches are read in order: the first that fits decides.', '');
    for (const [id, branch] of branches) {
      parts.push(`After \`${id}\`:`, '');
      branch.routes.forEach((r, i) => parts.push(`${i + 1}. → ${nodeName(flow, r.next)} when ${describe(flow, r.when, 0)}`));
      parts.push(`${branch.routes.length + 1}. → ${nodeName(flow, branch.otherwise)} otherwise`, '');
    }
  }
  return parts.join('\n');
}

/** The README with its outcomes section replaced (unchanged if the markers are missing). */
export function withOutcomes(readme: string, flows: readonly LoadedFlow[]): string {
  const a = readme.indexOf(outcomesStart);
  const b = readme.indexOf(outcomesEnd);
  if (a < 0 || b < a) return readme;
  return `${readme.slice(0, a + outcomesStart.length)}\n\n${outcomesDoc(flows)}\n${readme.slice(b)}`;
}
