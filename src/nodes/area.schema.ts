import { z } from 'zod';
import { NodeRef, Say } from '../content/schema.js';
import type { AreaNode } from './area.js';
import type { Authoring } from './authoring.js';

/** Asks where the person lives (unless the partner set `area`), then moves on. */
export const AreaSchema = z.strictObject({
  type: z.literal('area'),
  say: Say,
  next: NodeRef,
});

export const areaAuthoring: Authoring<typeof AreaSchema, AreaNode> = {
  schema: AreaSchema,
  compile: (node, { say, ref }) => ({ type: 'area', say, next: ref(node.next, 'field "next"') }),
};
