/** The kinds of node a flow is made of, and what each does in the browser (see kind.ts). */
import type { Content } from '../engine/data.js';
import { area, type AreaNode } from './area.js';
import { branch, type BranchNode } from './branch.js';
import { finder, type FinderNode } from './finder.js';
import type { Answer, NodeKind } from './kind.js';
import { message, type MessageNode } from './message.js';
import { plan, type PlanNode } from './plan.js';
import { question, type QuestionNode } from './question.js';
import { services, type ServicesNode } from './services.js';
import { step, type StepNode } from './step.js';

export type { AreaNode, BranchNode, FinderNode, MessageNode, PlanNode, QuestionNode, ServicesNode, StepNode };
export type { Answer, Choice } from './kind.js';

/** A node of the compiled content, as the browser receives it. */
export type ChatNode = MessageNode | QuestionNode | BranchNode | ServicesNode | AreaNode | StepNode | PlanNode | FinderNode;
export type NodeType = ChatNode['type'];

export const kinds: { [T in NodeType]: NodeKind<Extract<ChatNode, { type: T }>> } = { message, question, branch, services, area, step, plan, finder };

/** The kind of a node, for code that handles any node. */
export const kindOf = <N extends ChatNode>(node: N) => kinds[node.type] as unknown as NodeKind<N>;

/** Every answer a node offers, as label + where it leads (+ what it records). */
export const choicesOf = (content: Content, node: ChatNode): Answer[] => kindOf(node).answers(node, content.strings);
