import { z } from 'zod';
import { Choice, FactFields, Id, Say, TopicFields } from '../content/schema.js';
import type { Authoring } from './authoring.js';
import type { ServicesNode } from './services.js';

/** Shows service cards chosen by tags and the person's area. */
export const ServicesSchema = z.strictObject({
  type: z.literal('services'),
  say: Say,
  tags: z.array(Id).min(1, 'needs at least one tag, e.g. [everyone]'),
  /** Show the 999 card first: for topics where danger may be immediate. */
  emergency: z.boolean().optional(),
  choices: z.array(Choice).min(1, 'needs at least one choice, so the person always has a way on'),
  forget: z.boolean().optional(),
  ...TopicFields,
  ...FactFields,
});

export const servicesAuthoring: Authoring<typeof ServicesSchema, ServicesNode> = {
  schema: ServicesSchema,
  compile: (node, { say, choices }) => ({
    type: 'services',
    say,
    tags: node.tags,
    choices,
    ...(node.emergency ? { emergency: true } : {}),
    ...(node.forget ? { forget: true } : {}),
  }),
};
