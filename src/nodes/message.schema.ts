import { z } from 'zod';
import { Choice, FactFields, Say, TopicFields } from '../content/schema.js';
import type { Authoring } from './authoring.js';
import type { MessageNode } from './message.js';

/** A message (or a few) and the answers a person can give. */
export const MessageSchema = z.strictObject({
  type: z.literal('message').default('message'),
  say: Say,
  choices: z.array(Choice).min(1, 'needs at least one choice, so the person always has a way on'),
  /** Drop the answers of a private flow on arrival (outcome screens). */
  forget: z.boolean().optional(),
  ...TopicFields,
  ...FactFields,
});

export const messageAuthoring: Authoring<typeof MessageSchema, MessageNode> = {
  schema: MessageSchema,
  compile: (node, { say, choices }) => ({ type: 'message', say, choices, ...(node.forget ? { forget: true } : {}) }),
};
