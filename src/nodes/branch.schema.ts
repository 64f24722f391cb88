import { z } from 'zod';
import { Condition, NodeRef } from '../content/schema.js';
import type { Authoring } from './authoring.js';
import type { BranchNode } from './branch.js';

/** Routes on the answers given so far; the person never sees it. */
export const BranchSchema = z.strictObject({
  type: z.literal('branch'),
  routes: z.array(z.strictObject({ when: Condition, next: NodeRef })).min(1),
  otherwise: NodeRef,
});

export const branchAuthoring: Authoring<typeof BranchSchema, BranchNode> = {
  schema: BranchSchema,
  compile: (node, { ref }) => ({
    type: 'branch',
    routes: node.routes.map((r, i) => ({ when: r.when, next: ref(r.next, `route ${i + 1}`) })),
    otherwise: ref(node.otherwise, 'field "otherwise"'),
  }),
};
