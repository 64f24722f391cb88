/**
 * The authoring format of `flows/*.yaml`: the one source of truth for what an
 * editor may write (each kind of node's own schema is in src/nodes/<kind>.schema.ts). TypeScript types are inferred from these schemas.
 *
 * Runs at build time only (the browser gets compiled data, never this file).
 */
import { z } from 'zod';
import type { Condition as ConditionType } from '../engine/data.js';
import type { AuthoredNode } from '../nodes/schemas.js';

/** Ids editors choose: lower-case words joined by hyphens, e.g. `coercive-control`. */
export const Id = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lower-case letters, digits and single hyphens, e.g. "coercive-control"');

/** A language code such as `en`, `cy`, `pl`, `pt-br`. */
export const LangCode = z.string().regex(/^[a-z]{2,3}(-[a-z0-9]{2,8})?$/, 'must be a language code such as "en", "cy" or "pt-br"');

/**
 * Words shown to a person: plain English text, or a map of language → text
 * with English always present (`{ en: "Hello", cy: "Helo" }`).
 */
export const Text = z.union([
  z.string().trim().min(1, 'must not be empty'),
  z
    .record(LangCode, z.string().trim().min(1, 'must not be empty'))
    .refine((t) => typeof t.en === 'string', 'needs an "en" (English) text, which other languages fall back to'),
]);

/** `node-id` in the same flow, or `flow-id#node-id` in another flow. */
export const NodeRef = z
  .string()
  .regex(/^([a-z0-9]+(-[a-z0-9]+)*#)?[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a node id ("danger-now") or flow id and node id ("safety-check#start")');

export const Audience = z.enum(['general', 'young-people']);
export const AnswerValue = z.enum(['yes', 'no', 'not-sure']);

export const Choice = z.strictObject({
  label: Text,
  next: NodeRef,
});

export type Condition = ConditionType;

export const Condition: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ key: Id, is: z.union([AnswerValue, z.array(AnswerValue).min(1)]) }),
    z.strictObject({ any: z.array(Condition).min(1) }),
    z.strictObject({ all: z.array(Condition).min(1) }),
    z.strictObject({ not: Condition }),
    z.strictObject({ count: z.array(Condition).min(1), atLeast: z.number().int().min(1) }),
  ]),
);

export const Say = z.union([Text, z.array(Text).min(1)]);

/** How the topic finder names a node, and the words (and synonyms) that find it. */
export const TopicFields = {
  topic: Text.optional(),
  keywords: z.array(z.string().regex(/^[a-z0-9' -]+$/, 'must be lower-case words, e.g. "phone" or "tracking app"')).min(1).optional(),
  /** When the typed words match this topic's keywords, the finder shows it first (help in an emergency). */
  urgent: z.literal(true).optional(),
};

/**
 * Where a law, right, procedure or statistic that a node states comes from: the page an editor
 * re-checks each year. Build time only: the person never sees it.
 */
export const Source = z.strictObject({
  title: z.string().trim().min(3, 'needs a title that says what the page is, e.g. "GOV.UK: Get an injunction if you\'ve been the victim of domestic abuse"'),
  url: z.string().regex(/^https:\/\/[^\s/]+\.[^\s]+$/, 'must be the web address of the page, starting with https://'),
  checked: z.lazy(() => Checked),
});
export type Source = z.infer<typeof Source>;

/** Nodes that state facts carry their sources (see src/content/facts.ts for what counts as a fact). */
export const FactFields = {
  sources: z.array(Source).min(1, 'needs at least one source, or leave "sources" out').optional(),
};

/** One `flows/<topic>.yaml` file. Nodes are checked one by one (see load.ts). */
export const FlowFile = z.strictObject({
  id: Id,
  title: z.string().min(1),
  /** The flow's first node, where links to `flow-id` without `#node` land. */
  start: Id,
  /** Answers in a private flow are forgotten when the person leaves it. */
  private: z.boolean().optional(),
  nodes: z.record(z.string(), z.unknown()).refine((n) => Object.keys(n).length > 0, 'needs at least one node'),
});
export type FlowFile = Omit<z.infer<typeof FlowFile>, 'nodes'> & { nodes: Record<string, AuthoredNode> };

const Phone = z.strictObject({
  type: z.enum(['phone', 'text']),
  number: z.string(),
  label: Text.optional(),
});
const Link = z.strictObject({
  type: z.enum(['web', 'chat']),
  url: z.string(),
  label: Text.optional(),
});
const Email = z.strictObject({
  type: z.literal('email'),
  address: z.string().email('must be an email address'),
  label: Text.optional(),
});
export const Contact = z.discriminatedUnion('type', [Phone, Link, Email]);
export type Contact = z.infer<typeof Contact>;

/** A `checked` month, e.g. 2026-11. */
export const Checked = z.string().regex(/^20\d\d-(0[1-9]|1[0-2])$/, 'must be the year and month it was checked, e.g. 2026-11');

export const Service = z.strictObject({
  id: Id,
  name: Text,
  about: Text,
  for: Text,
  tags: z.array(Id).min(1),
  /** Council slugs, `kent` (the 12 Kent districts), `medway`, `kent-and-medway`, or `national`. */
  areas: z.array(Id).min(1),
  contacts: z.array(Contact).min(1),
  /** Only where firm; otherwise leave out and the card says to check their website. */
  hours: Text.optional(),
  /** The same hours, for the card to say "open now" or "closed now" (worked out on the device, UK time). */
  opens: z
    .strictObject({
      days: z.array(z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'])).min(1),
      from: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time such as "08:00"'),
      to: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time such as "20:00"'),
    })
    .optional(),
  /** What to do when the line is closed (needs "opens"). */
  whenClosed: Text.optional(),
  source: z.string().min(3),
  checked: Checked,
});
export type Service = z.infer<typeof Service>;

export const ServicesFile = z.strictObject({
  /** The tag vocabulary: each tag a service or services node may use, with what it means. */
  tags: z.record(Id, z.string().min(1)),
  services: z.array(Service).min(1),
  /**
   * Local charities a person may recognise, named on that council's lists (no contact unless the
   * charity is also a service with a confirmed one): the way in is the Kent and Medway line.
   */
  localNames: z.array(z.strictObject({ area: Id, say: Text, source: z.string().min(3), checked: Checked })).optional(),
});
export type ServicesFile = z.infer<typeof ServicesFile>;

export const AreasFile = z.strictObject({
  councils: z.array(z.strictObject({ id: Id, name: Text, county: z.enum(['kent', 'medway']) })).length(13),
  source: z.string(),
});
export type AreasFile = z.infer<typeof AreasFile>;

/** Every word of the widget's own chrome (buttons, notes), so the UI is translatable content too. */
export const uiStringKeys = [
  'launcher',
  'panelTitle',
  'exit',
  'exitHint',
  'shiftTwoMore',
  'shiftOneMore',
  'exiting',
  'close',
  'clearChat',
  'back',
  'restart',
  'yes',
  'no',
  'notSure',
  'skip',
  'you',
  'answersLabel',
  'checkFinished',
  'stepKeep',
  'stepDone',
  'stepSkip',
  'planTodo',
  'planDone',
  'planEmpty',
  'findLabel',
  'findButton',
  'findNone',
  'findResults',
  'phoneNote',
  'checkedOn',
  'months',
  'hoursUnknown',
  'emergencyName',
  'emergencyAbout',
  'areaOther',
  'areaSearchLabel',
  'areaDidYouMean',
  'areaChoose',
  'areaOutsideFound',
  'areaUnknown',
  'areaNotSure',
  'areaOutside',
  'areaNotSaid',
  'servicesLocal',
  'servicesNational',
  'showMore',
  'servicesListed',
  'servicesListedOne',
  'toExit',
  'areaHelpFor',
  'areaHelpKent',
  'areaHelpOutside',
  'changeArea',
  'call999',
  'areaDidYouMeanCouncil',
  'openNow',
  'closedNow',
  'housingAskCouncil',
  'unavailable',
  'unavailableRetry',
  'routeFailed',
  'exitStuck',
  'exitStuckLink',
  'conversation',
  'chatCleared',
  'restarted',
  'idleWarning',
  'idleKeep',
  'idleCleared',
  'contactCall',
  'contactText',
  'contactWeb',
  'contactChat',
  'contactEmail',
] as const;
export type UiStringKey = (typeof uiStringKeys)[number];

export const WidgetFile = z.strictObject({
  /** Languages the widget offers; `en` must be one of them. */
  languages: z.record(LangCode, z.string()).refine((l) => 'en' in l, 'must include en: English'),
  /** Where the conversation begins for each `audience`. */
  starts: z.strictObject({ general: NodeRef, 'young-people': NodeRef }),
  strings: z.strictObject(Object.fromEntries(uiStringKeys.map((k) => [k, Text])) as Record<UiStringKey, typeof Text>),
});
export type WidgetFile = z.infer<typeof WidgetFile>;
