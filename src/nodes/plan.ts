import type { Text } from '../engine/data.js';
import { choicesKind, type Choice, type NodeBase } from './kind.js';

/** The "my plan" summary: lists the steps the person kept, in memory only. */
export interface PlanNode extends NodeBase {
  type: 'plan';
  say: Text[];
  choices: Choice[];
}

export const plan = choicesKind<PlanNode>('plan');
