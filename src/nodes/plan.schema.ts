import { sayAndChoices, type Authoring } from './authoring.js';
import type { PlanNode } from './plan.js';

/** The "my plan" summary: lists the steps the person kept, in memory only. */
export const PlanSchema = sayAndChoices('plan');

export const planAuthoring: Authoring<typeof PlanSchema, PlanNode> = {
  schema: PlanSchema,
  compile: (_node, { say, choices }) => ({ type: 'plan', say, choices }),
};
