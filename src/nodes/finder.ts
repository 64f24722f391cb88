import type { Text } from '../engine/data.js';
import { choicesKind, type Choice, type NodeBase } from './kind.js';

/** The topic finder: a text box that matches topics by their keywords, in the browser only; its choices sit below the box. */
export interface FinderNode extends NodeBase {
  type: 'finder';
  say: Text[];
  choices: Choice[];
}

export const finder = choicesKind<FinderNode>('finder');
