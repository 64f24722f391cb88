/**
 * What every kind of node does at build time, in one shape: the schema editors write to (zod) and
 * how the checked node becomes its compiled form. Build time only: the browser never loads zod.
 */
import { z } from 'zod';
import { Choice as ChoiceSchema, Say } from '../content/schema.js';
import type { NodeKey, Text } from '../engine/data.js';
import type { Choice } from './kind.js';

/** What compiling any node needs: its messages and choices resolved, and a way to resolve one more reference. */
export interface CompileParts {
  say: Text[];
  choices: Choice[];
  /** A `next`-like reference of the node resolved to a node key; `what` names the field for errors. */
  ref(reference: string, what: string): NodeKey;
}

export interface Authoring<S extends z.ZodType, N> {
  schema: S;
  compile(node: z.infer<S>, parts: CompileParts): N;
}

/** The schema of a kind that is words and the person's choices, and nothing else (plan, finder). */
export const sayAndChoices = <T extends string>(type: T) =>
  z.strictObject({
    type: z.literal(type),
    say: Say,
    choices: z.array(ChoiceSchema).min(1, 'needs at least one choice, so the person always has a way on'),
  });
