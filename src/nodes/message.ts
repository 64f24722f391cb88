import type { Text } from '../engine/data.js';
import { choicesKind, type Choice, type NodeBase } from './kind.js';

/** A message (or a few) and the answers a person can give. */
export interface MessageNode extends NodeBase {
  type: 'message';
  say: Text[];
  choices: Choice[];
}

export const message = choicesKind<MessageNode>('message');
