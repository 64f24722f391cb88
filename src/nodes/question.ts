import type { AnswerValue, NodeKey, Text } from '../engine/data.js';
import { answerEdges, packChoices, unpackChoices, type Answer, type Choice, type NodeBase, type NodeKind, type PackedChoice } from './kind.js';

/** One question whose answer is kept in memory only, under `key`. */
export interface QuestionNode extends NodeBase {
  type: 'question';
  key: string;
  say: Text[];
  next: NodeKey;
  /** Extra answers besides yes / no / not sure / skip, e.g. "stop the check". */
  choices?: Choice[];
}

/** The answers every question offers, in order (words from the widget's strings); a question's own choices follow them. */
export const questionAnswers = [
  { value: 'yes', string: 'yes' },
  { value: 'no', string: 'no' },
  { value: 'not-sure', string: 'notSure' },
  { value: undefined, string: 'skip' },
] as const satisfies readonly { value: AnswerValue | undefined; string: string }[];

const answers = (n: QuestionNode, strings: Record<string, Text>): Answer[] => [
  ...questionAnswers.map((a) => ({ label: strings[a.string]!, next: n.next, ...(a.value ? { value: a.value } : {}) })),
  ...(n.choices ?? []),
];

export const question: NodeKind<QuestionNode> = {
  answers,
  edges: (n, strings) => answerEdges(answers(n, strings)),
  pack: (n, ref) => [n.say, ref(n.next), n.key, ...(n.choices?.length ? [packChoices(n.choices, ref)] : [])],
  unpack: ([say, next, key, choices], keyOf) => ({
    type: 'question',
    say: say as Text[],
    next: keyOf(next as number),
    key: key as string,
    ...(choices ? { choices: unpackChoices(choices as PackedChoice[], keyOf) } : {}),
  }),
};
