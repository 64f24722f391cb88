import { sayAndChoices, type Authoring } from './authoring.js';
import type { FinderNode } from './finder.js';

/** The topic finder: a text box that matches topics by their keywords, in the browser only. */
export const FinderSchema = sayAndChoices('finder');

export const finderAuthoring: Authoring<typeof FinderSchema, FinderNode> = {
  schema: FinderSchema,
  compile: (_node, { say, choices }) => ({ type: 'finder', say, choices }),
};
