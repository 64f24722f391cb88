/**
 * The compiled, pre-validated content the browser receives: what the build
 * makes of `flows/*.yaml`. Plain data, no code, no YAML.
 */
import type { AreaTable } from './area-lookup.js';
import type { ChatNode } from '../nodes/index.js';

export type { ChatNode };

/** Conditions over the answers of a question flow; read only by `branch` nodes. */
export type Condition =
  | { key: string; is: AnswerValue | AnswerValue[] }
  | { any: Condition[] }
  | { all: Condition[] }
  | { not: Condition }
  | { count: Condition[]; atLeast: number };

/** English text, or language → text with `en` always present. */
export type Text = string | Readonly<Record<string, string>>;

/** A node's global key: `flow-id/node-id`. */
export type NodeKey = string;

export type Audience = 'general' | 'young-people';
export type AnswerValue = 'yes' | 'no' | 'not-sure';

/** A node the topic finder can find. */
export interface Topic {
  node: NodeKey;
  title: Text;
  /** Lower-case keywords and synonyms. */
  words: string[];
  /** Shown first whenever its keywords match (help in an emergency). */
  urgent?: true;
}

export interface Contact {
  type: 'phone' | 'text' | 'web' | 'chat' | 'email';
  /** What the person sees, e.g. "0808 2000 247" or "nationaldahelpline.org.uk". */
  show: string;
  /** A safe link: tel:, sms:, mailto: or https: only. */
  href: string;
  label?: Text;
}

export interface Service {
  id: string;
  name: Text;
  about: Text;
  for: Text;
  tags: string[];
  areas: string[];
  contacts: Contact[];
  hours?: Text;
  /** Opening times for "open now" / "closed now": days 0 (Sunday) to 6, minutes after midnight, UK time. */
  opens?: { days: number[]; from: number; to: number };
  /** What to do when the line is closed. */
  whenClosed?: Text;
  checked: string;
}

export interface Council {
  id: string;
  name: Text;
  county: 'kent' | 'medway';
}

export interface Content {
  languages: Record<string, string>;
  starts: Record<Audience, NodeKey>;
  strings: Record<string, Text>;
  nodes: Record<NodeKey, ChatNode>;
  services: Service[];
  councils: Council[];
  /** Local charities named on a council's lists: area → what to say. */
  localNames: { area: string; say: Text }[];
  topics: Topic[];
  /** Compact town / postcode → council table for the area finder. */
  areaTable: AreaTable;
}

/** The little the launcher needs before the panel loads. */
export interface LauncherConfig {
  areas: string[];
  languages: string[];
  /** Words needed before the panel loads: the launcher's default label, the exit cover and the could-not-open message. */
  strings: { launcher: Text; exiting: Text; exit: Text; close: Text; unavailableRetry: Text; exitStuck: Text; exitStuckLink: Text };
  /** The could-not-open message per language, its numbers resolved from the services data. */
  unavailable: Record<string, LauncherSegment[]>;
}

/** Plain text, or a phone number to show as a tappable link. */
export type LauncherSegment = string | { tel: string; show: string };
