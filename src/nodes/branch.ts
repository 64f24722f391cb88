import { matches, type Answers } from '../engine/conditions.js';
import type { Condition, NodeKey } from '../engine/data.js';
import type { NodeBase, NodeKind, Ref } from './kind.js';

/** Routes on the answers given so far; the person never sees it. */
export interface BranchNode extends NodeBase {
  type: 'branch';
  routes: { when: Condition; next: NodeKey }[];
  otherwise: NodeKey;
}

/** Where a branch sends the person, by the answers given so far. */
export const routeOf = (n: BranchNode, answers: Answers): NodeKey => n.routes.find((r) => matches(r.when, answers))?.next ?? n.otherwise;

export const branch: NodeKind<BranchNode> = {
  answers: () => [],
  edges: (n) => [...n.routes.map((r, i): [string, NodeKey] => [`route ${i + 1}`, r.next]), ['otherwise', n.otherwise]],
  pack: (n, ref) => [n.routes.map((r) => [r.when, ref(r.next)]), ref(n.otherwise)],
  unpack: ([routes, otherwise], key) => ({
    type: 'branch',
    routes: (routes as [Condition, Ref][]).map(([when, next]) => ({ when, next: key(next) })),
    otherwise: key(otherwise as Ref),
  }),
  shape: (label) => `{"${label}"}`,
};
