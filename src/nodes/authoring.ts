/**
 * What every kind of node does at build time, in one shape: the schema editors write to (zod) and
 * how the checked node becomes its compiled form. Build time only: the browser never loads zod.
 */
import type { z } from 'zod';
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
