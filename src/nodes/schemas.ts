/** The kinds of node editors may write, with their schemas and compile steps (build time only; see authoring.ts). */
import type { z } from 'zod';
import { areaAuthoring } from './area.schema.js';
import type { CompileParts } from './authoring.js';
import { branchAuthoring } from './branch.schema.js';
import { finderAuthoring } from './finder.schema.js';
import type { ChatNode, NodeType } from './index.js';
import { messageAuthoring } from './message.schema.js';
import { planAuthoring } from './plan.schema.js';
import { questionAuthoring } from './question.schema.js';
import { servicesAuthoring } from './services.schema.js';
import { stepAuthoring } from './step.schema.js';

export const authoring = {
  message: messageAuthoring,
  question: questionAuthoring,
  branch: branchAuthoring,
  services: servicesAuthoring,
  area: areaAuthoring,
  step: stepAuthoring,
  plan: planAuthoring,
  finder: finderAuthoring,
} as const satisfies Record<NodeType, unknown>;

export const nodeTypes = Object.keys(authoring) as NodeType[];
export const nodeSchemas = Object.fromEntries(nodeTypes.map((t) => [t, authoring[t].schema])) as { [T in NodeType]: (typeof authoring)[T]['schema'] };

/** A node as an editor wrote it in `flows/*.yaml`, once checked. */
export type AuthoredNode = { [T in NodeType]: z.infer<(typeof authoring)[T]['schema']> }[NodeType];

/** The compiled form of a checked node. */
export function compileNode(node: AuthoredNode, parts: CompileParts): ChatNode {
  return (authoring[node.type].compile as (n: AuthoredNode, p: CompileParts) => ChatNode)(node, parts);
}
