/**
 * What every kind of node does in the browser, in one shape: each kind lives in its own file here
 * (its compiled type and this behaviour) with its authoring schema beside it (`<kind>.schema.ts`,
 * build time only, so zod never reaches the panel). Adding a kind: a file of each, and one line
 * in each registry (index.ts, schemas.ts).
 */
import type { AnswerValue, Content, NodeKey, Text } from '../engine/data.js';

export interface Choice {
  label: Text;
  next: NodeKey;
}

/** Every answer a node offers: label + where it leads (+ what it records). */
export interface Answer extends Choice {
  /** A question's answer to remember. */
  value?: AnswerValue;
  /** A plan step to keep. */
  keep?: { done: boolean };
}

export interface NodeBase {
  /** Set on nodes of a private flow (the safety check): what they show is collapsed when answers are forgotten. */
  private?: true;
  /** Drop the answers of a private flow on arrival (outcome screens). */
  forget?: true;
  /** Show the 999 card first (services). */
  emergency?: true;
}

/** A node key as a number in the packed form, and back (see engine/pack.ts). */
export type Ref = number;

export interface NodeKind<N extends NodeBase & { type: string }> {
  /** The answers the person can give on this node (none: the person never rests here). */
  answers(node: N, strings: Content['strings']): Answer[];
  /** Every way on from the node, with the label the flow diagram gives it. */
  edges(node: N, strings: Content['strings']): [label: Text, next: NodeKey][];
  /** The node's own fields as a short tuple, node keys as numbers (flags and type are packed apart). */
  pack(node: N, ref: (key: NodeKey) => Ref): unknown[];
  unpack(fields: unknown[], key: (ref: Ref) => NodeKey): Omit<N, keyof NodeBase>;
  /** How the flow diagram (Mermaid) draws the node around its label. */
  shape?: (label: string) => string;
}

export type PackedChoice = [label: Text, next: Ref];
export const packChoices = (cs: readonly Choice[], ref: (key: NodeKey) => Ref): PackedChoice[] => cs.map((c) => [c.label, ref(c.next)]);
export const unpackChoices = (cs: readonly PackedChoice[], key: (ref: Ref) => NodeKey): Choice[] => cs.map(([label, next]) => ({ label, next: key(next) }));
/** The diagram's edges of a node that rests: one per answer. */
export const answerEdges = (answers: Answer[]): [Text, NodeKey][] => answers.map((a) => [a.label, a.next]);

/** A kind whose node is words and the person's choices (message, plan, finder). */
export function choicesKind<N extends NodeBase & { type: string; say: Text[]; choices: Choice[] }>(type: N['type']): NodeKind<N> {
  return {
    answers: (n) => n.choices,
    edges: (n) => answerEdges(n.choices),
    pack: (n, ref) => [n.say, packChoices(n.choices, ref)],
    unpack: ([say, choices], key) => ({ type, say, choices: unpackChoices(choices as PackedChoice[], key) }) as Omit<N, keyof NodeBase>,
  };
}
