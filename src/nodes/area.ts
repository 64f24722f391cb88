import type { NodeKey, Text } from '../engine/data.js';
import type { NodeBase, NodeKind } from './kind.js';

/**
 * Asks where the person lives (unless the partner set `area`, or the person already said), then
 * moves on. The answer is a search or a council, not a choice: the machine's `askingArea` state.
 */
export interface AreaNode extends NodeBase {
  type: 'area';
  say: Text[];
  next: NodeKey;
}

export const area: NodeKind<AreaNode> = {
  answers: () => [],
  edges: (n) => [['area chosen', n.next]],
  pack: (n, ref) => [n.say, ref(n.next)],
  unpack: ([say, next], key) => ({ type: 'area', say: say as Text[], next: key(next as number) }),
};
