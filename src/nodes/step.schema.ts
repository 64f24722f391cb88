import { z } from 'zod';
import { FactFields, NodeRef, Say, Text } from '../content/schema.js';
import type { Authoring } from './authoring.js';
import type { StepNode } from './step.js';

/** One safety-planning step; the person keeps it for their plan, marks it done, or passes. */
export const StepSchema = z.strictObject({
  type: z.literal('step'),
  say: Say,
  /** The step in a few words, as it appears on the "my plan" summary. */
  plan: Text,
  next: NodeRef,
  ...FactFields,
});

export const stepAuthoring: Authoring<typeof StepSchema, StepNode> = {
  schema: StepSchema,
  compile: (node, { say, ref }) => ({ type: 'step', say, plan: node.plan, next: ref(node.next, 'field "next"') }),
};
