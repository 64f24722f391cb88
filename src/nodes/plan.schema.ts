import { z } from 'zod';
import { Choice, Say } from '../content/schema.js';
import type { Authoring } from './authoring.js';
import type { PlanNode } from './plan.js';

/** The "my plan" summary: lists the steps the person kept, in memory only. */
export const PlanSchema = z.strictObject({
  type: z.literal('plan'),
  say: Say,
  choices: z.array(Choice).min(1, 'needs at least one choice, so the person always has a way on'),
});

export const planAuthoring: Authoring<typeof PlanSchema, PlanNode> = {
  schema: PlanSchema,
  compile: (_node, { say, choices }) => ({ type: 'plan', say, choices }),
};
