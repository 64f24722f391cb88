import type { Text } from '../engine/data.js';
import { answerEdges, packChoices, unpackChoices, type Choice, type NodeBase, type NodeKind, type PackedChoice } from './kind.js';

/** Shows service cards chosen by tags and the person's area (with the 999 card first when `emergency`). */
export interface ServicesNode extends NodeBase {
  type: 'services';
  say: Text[];
  tags: string[];
  choices: Choice[];
}

export const services: NodeKind<ServicesNode> = {
  answers: (n) => n.choices,
  edges: (n) => answerEdges(n.choices),
  pack: (n, ref) => [n.say, packChoices(n.choices, ref), n.tags],
  unpack: ([say, choices, tags], key) => ({ type: 'services', say: say as Text[], choices: unpackChoices(choices as PackedChoice[], key), tags: tags as string[] }),
  shape: (label) => `[["${label}"]]`,
};
