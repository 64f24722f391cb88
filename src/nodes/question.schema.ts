import { z } from 'zod';
import { Choice, Id, NodeRef, Say } from '../content/schema.js';
import type { Authoring } from './authoring.js';
import type { QuestionNode } from './question.js';

/** One question whose answer is kept in memory only, under `key`. */
export const QuestionSchema = z.strictObject({
  type: z.literal('question'),
  key: Id,
  say: Say,
  next: NodeRef,
  /** Extra answers besides yes / no / not sure / skip, e.g. "stop the check". */
  choices: z.array(Choice).optional(),
});

export const questionAuthoring: Authoring<typeof QuestionSchema, QuestionNode> = {
  schema: QuestionSchema,
  compile: (node, { say, choices, ref }) => ({ type: 'question', key: node.key, say, next: ref(node.next, 'field "next"'), ...(choices.length ? { choices } : {}) }),
};
