import type { NodeKey, Text } from '../engine/data.js';
import { answerEdges, type Answer, type NodeBase, type NodeKind } from './kind.js';

/** One safety-planning step; the person keeps it for their plan, marks it done, or passes. */
export interface StepNode extends NodeBase {
  type: 'step';
  say: Text[];
  /** The step in a few words, as it appears on the "my plan" summary. */
  plan: Text;
  next: NodeKey;
}

/** The answers every safety-plan step offers (words from the widget's strings). */
export const stepAnswers = [
  { keep: true, done: false, string: 'stepKeep' },
  { keep: true, done: true, string: 'stepDone' },
  { keep: false, done: false, string: 'stepSkip' },
] as const;

const answers = (n: StepNode, strings: Record<string, Text>): Answer[] =>
  stepAnswers.map((a) => ({ label: strings[a.string]!, next: n.next, ...(a.keep ? { keep: { done: a.done } } : {}) }));

export const step: NodeKind<StepNode> = {
  answers,
  edges: (n, strings) => answerEdges(answers(n, strings)),
  pack: (n, ref) => [n.say, ref(n.next), n.plan],
  unpack: ([say, next, plan], key) => ({ type: 'step', say: say as Text[], next: key(next as number), plan: plan as Text }),
};
