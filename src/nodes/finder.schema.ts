import { z } from 'zod';
import { Choice, Say } from '../content/schema.js';
import type { Authoring } from './authoring.js';
import type { FinderNode } from './finder.js';

/** The topic finder: a text box that matches topics by their keywords, in the browser only. */
export const FinderSchema = z.strictObject({
  type: z.literal('finder'),
  say: Say,
  choices: z.array(Choice).min(1, 'needs at least one choice, so the person always has a way on'),
});

export const finderAuthoring: Authoring<typeof FinderSchema, FinderNode> = {
  schema: FinderSchema,
  compile: (_node, { say, choices }) => ({ type: 'finder', say, choices }),
};
