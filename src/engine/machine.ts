/**
 * Compiles the conversation content into one XState machine: one state per
 * node, named actions and guards, and global CHOOSE / GO / BACK (routed through
 * one shared state to the node they lead to) and RESTART / CLEAR / EXIT.
 *
 * The context holds only what the screen needs: the transcript (as references
 * to content, never free text), the way back, the area, and the transient
 * answers of an unfinished private flow (the safety check).
 */
import { assertEvent, assign, setup, type ActorRefFrom, type SnapshotFrom } from 'xstate';
import { matches, type Answers } from './conditions.js';
import type { AnswerValue, Audience, Content, FlowNode, NodeKey, Text } from './data.js';

/** What the person said about where they live: a council slug or one of these. */
export const areaAnswers = ['not-sure', 'outside', 'not-said'] as const;
export type AreaAnswer = string;

/** One line of the transcript. Private lines collapse when answers are forgotten. */
export type LogEntry = { id: number; private?: true } & (
  /** `area`: the area a services node was shown for (its cards stay as they were shown). */
  | { by: 'bot'; node: NodeKey; area?: AreaAnswer | null }
  | { by: 'you'; label: Text }
  /** `for`: the services node on screen when the area was given: its cards follow this answer. */
  | { by: 'you'; area: AreaAnswer; for?: NodeKey }
  | { by: 'note'; note: 'checkFinished' }
);

export interface ChatContext {
  audience: Audience;
  /** The area set by the partner's `area` attribute: kept through clear. */
  presetArea: AreaAnswer | null;
  area: AreaAnswer | null;
  log: LogEntry[];
  /** Nodes the person came through, for Back. */
  trail: NodeKey[];
  answers: Answers;
  /** Safety-plan steps the person kept, in order; memory only. */
  plan: { node: NodeKey; done: boolean }[];
  /** Log entries whose full list of services the person asked to see ("Show more services"). */
  more: number[];
  seq: number;
  /**
   * The node on screen now (the actions read it: they get the context, not the state), and
   * where the last answer or Back leads. Node keys, never answers.
   */
  at: NodeKey | null;
  next: NodeKey | null;
}

export type ChatEvent =
  | { type: 'CHOOSE'; index: number }
  | { type: 'SET_AREA'; area: AreaAnswer }
  /** Ask the area again, on the services screen now showing. */
  | { type: 'CHANGE_AREA' }
  /** Show every service of a list, not only the first few. */
  | { type: 'SHOW_MORE'; entry: number }
  /** From a finder node: go to a topic the person found. */
  | { type: 'GO'; node: NodeKey }
  | { type: 'BACK' }
  | { type: 'RESTART' }
  | { type: 'CLEAR' }
  | { type: 'EXIT' };

export interface ChatInput {
  audience?: Audience;
  area?: AreaAnswer | null;
}

/** The answers every question offers, in order; a question's own choices follow them. */
export const questionAnswers = [
  { value: 'yes', string: 'yes' },
  { value: 'no', string: 'no' },
  { value: 'not-sure', string: 'notSure' },
  { value: undefined, string: 'skip' },
] as const satisfies readonly { value: AnswerValue | undefined; string: string }[];

/** The answers every safety-plan step offers. */
export const stepAnswers = [
  { keep: true, done: false, string: 'stepKeep' },
  { keep: true, done: true, string: 'stepDone' },
  { keep: false, done: false, string: 'stepSkip' },
] as const;

export interface ChoiceOf {
  label: Text;
  next: NodeKey;
  /** A question's answer to remember. */
  value?: AnswerValue;
  /** A plan step to keep. */
  keep?: { done: boolean };
}

/** Every answer a node offers, as label + where it leads (+ what it records). */
export function choicesOf(content: Content, node: FlowNode): ChoiceOf[] {
  switch (node.type) {
    case 'message':
    case 'services':
    case 'plan':
    case 'finder':
      return node.choices;
    case 'step':
      return stepAnswers.map((a) => ({ label: content.strings[a.string]!, next: node.next, ...(a.keep ? { keep: { done: a.done } } : {}) }));
    case 'question':
      return [
        ...questionAnswers.map((a) => ({ label: content.strings[a.string]!, next: node.next, ...(a.value ? { value: a.value } : {}) })),
        ...(node.choices ?? []),
      ];
    default:
      return [];
  }
}

/** Collapse each run of private lines into one neutral "Safety check finished". */
function collapsePrivate(log: LogEntry[]): LogEntry[] {
  const out: LogEntry[] = [];
  for (const entry of log) {
    if (!entry.private) out.push(entry);
    else if (out.at(-1)?.by !== 'note') out.push({ id: entry.id, by: 'note', note: 'checkFinished' });
  }
  return out;
}

const fresh = (input: ChatInput): ChatContext => ({
  audience: input.audience ?? 'general',
  presetArea: input.area ?? null,
  area: input.area ?? null,
  log: [],
  trail: [],
  answers: {},
  plan: [],
  more: [],
  seq: 0,
  at: null,
  next: null,
});

export function createChatMachine(content: Content) {
  const nodeOf = (key: NodeKey) => content.nodes[key]!;
  const topics = new Map(content.topics.map((t) => [t.node, t.title]));
  /** The answer `index` on the node the person is on, if that node offers it. */
  const answerAt = (context: ChatContext, index: number) => (context.at === null ? undefined : choicesOf(content, nodeOf(context.at))[index]);
  /** The person's answer, as the transcript and the way back record it. */
  const answered = (context: ChatContext, label: Text, next: NodeKey) => {
    const from = context.at!;
    const priv = nodeOf(from).private ? { private: true as const } : {};
    return {
      log: [...context.log, { id: context.seq, by: 'you' as const, label, ...priv }],
      seq: context.seq + 1,
      trail: [...context.trail, from],
      next,
    };
  };

  const chat = setup({
    types: { context: {} as ChatContext, events: {} as ChatEvent, input: {} as ChatInput },
    actions: {
      say: assign(({ context }, params: { node: NodeKey; unlessArea?: boolean }) => {
        if (params.unlessArea && context.area !== null) return { at: params.node };
        const node = nodeOf(params.node);
        const priv = node.private ? { private: true as const } : {};
        const area = node.type === 'services' ? { area: context.area } : {};
        return { at: params.node, log: [...context.log, { id: context.seq, by: 'bot' as const, node: params.node, ...priv, ...area }], seq: context.seq + 1 };
      }),
      /** Drop answers and hide what the private flow showed: on its outcome, or on leaving it. */
      forget: assign(({ context }) =>
        Object.keys(context.answers).length || context.log.some((e) => e.private)
          ? { answers: {}, log: collapsePrivate(context.log) }
          : {},
      ),
      choose: assign(({ context, event }) => {
        const choice = event.type === 'CHOOSE' ? answerAt(context, event.index) : undefined;
        if (!choice) return {};
        const from = context.at!;
        const node = nodeOf(from);
        const plan = context.plan.filter((p) => p.node !== from);
        return {
          ...answered(context, choice.label, choice.next),
          plan: choice.keep ? [...plan, { node: from, done: choice.keep.done }] : node.type === 'step' ? plan : context.plan,
          answers: node.type === 'question' && choice.value ? { ...context.answers, [node.key]: choice.value } : context.answers,
        };
      }),
      goToTopic: assign(({ context, event }) => (event.type === 'GO' ? answered(context, topics.get(event.node)!, event.node) : {})),
      pushTrail: assign(({ context }, params: { from: NodeKey }) => ({ trail: [...context.trail, params.from] })),
      back: assign(({ context }) => ({
        log: [...context.log, { id: context.seq, by: 'you' as const, label: content.strings.back! }],
        seq: context.seq + 1,
        trail: context.trail.slice(0, -1),
        next: context.trail.at(-1)!,
      })),
      setArea: assign(({ context, event }) => {
        assertEvent(event, 'SET_AREA');
        const on = context.at !== null && nodeOf(context.at).type === 'services' ? { for: context.at } : {};
        return { area: event.area, log: [...context.log, { id: context.seq, by: 'you' as const, area: event.area, ...on }], seq: context.seq + 1 };
      }),
      // The same services screen again, now asking the area (its 999 shows again, above the question).
      changeArea: assign(({ context }) => ({
        area: null,
        log: [
          ...context.log,
          { id: context.seq, by: 'you' as const, label: content.strings.changeArea! },
          { id: context.seq + 1, by: 'bot' as const, node: context.at!, area: null },
        ],
        seq: context.seq + 2,
      })),
      showMore: assign(({ context, event }) => {
        assertEvent(event, 'SHOW_MORE');
        return { more: [...context.more, event.entry] };
      }),
      // Starting again forgets the area the person gave (the partner's area stays): nothing hidden carries over.
      restart: assign(({ context }) => ({ ...fresh({ audience: context.audience, area: context.presetArea }), seq: context.seq })),
      wipe: assign(({ context }) => ({ ...fresh({ audience: context.audience, area: context.presetArea }), seq: context.seq })),
    },
    guards: {
      canChoose: ({ context, event }) => event.type === 'CHOOSE' && answerAt(context, event.index) !== undefined,
      canGoToTopic: ({ context, event }) => event.type === 'GO' && context.at !== null && nodeOf(context.at).type === 'finder' && topics.has(event.node),
      canGoBack: ({ context }) => context.trail.length > 0,
      leadsTo: ({ context }, params: { node: NodeKey }) => context.next === params.node,
      matches: ({ context }, params: { when: import('./data.js').Condition }) => matches(params.when, context.answers),
      hasArea: ({ context }) => context.area !== null,
      onServices: ({ context }) => context.area !== null && context.at !== null && nodeOf(context.at).type === 'services',
      canShowMore: ({ context, event }) => event.type === 'SHOW_MORE' && !context.more.includes(event.entry) && context.log.some((e) => e.id === event.entry),
      isYoung: ({ context }) => context.audience === 'young-people',
    },
  });

  const states: Record<string, object> = {
    start: {
      always: [{ guard: 'isYoung', target: content.starts['young-people'] }, { target: content.starts.general }],
    },
    // Every answer, topic and Back passes through here to the node it leads to. Where each
    // answer leads is content (read by the actions above), so the machine has one transition per
    // node rather than one per answer, and builds in a fraction of the time.
    route: {
      always: [
        ...Object.keys(content.nodes).map((key) => ({ guard: { type: 'leadsTo' as const, params: { node: key } }, target: key })),
        { target: 'start' }, // unreachable: every answer and every trail entry is a node
      ],
    },
  };

  for (const [key, node] of Object.entries(content.nodes)) {
    if (node.type === 'branch') {
      states[key] = {
        always: [
          ...node.routes.map((r) => ({ guard: { type: 'matches' as const, params: { when: r.when } }, target: r.next })),
          { target: node.otherwise },
        ],
      };
      continue;
    }
    const say = { type: 'say' as const, params: { node: key, ...(node.type === 'area' ? { unlessArea: true } : {}) } };
    const entry = [...(!node.private || ('forget' in node && node.forget) ? ['forget' as const] : []), say];
    states[key] =
      node.type === 'area'
        ? {
            // Skip the question when the area is already known.
            always: { guard: 'hasArea', target: node.next },
            entry,
            on: { SET_AREA: { target: node.next, actions: ['setArea', { type: 'pushTrail', params: { from: key } }] } },
          }
        : { entry };
  }

  return chat.createMachine({
    id: 'safety-chat',
    context: ({ input }) => fresh(input),
    initial: 'start',
    on: {
      CHOOSE: { guard: 'canChoose', target: '.route', actions: 'choose' },
      GO: { guard: 'canGoToTopic', target: '.route', actions: 'goToTopic' },
      BACK: { guard: 'canGoBack', target: '.route', actions: 'back' },
      SET_AREA: { actions: 'setArea' },
      CHANGE_AREA: { guard: 'onServices', actions: 'changeArea' },
      SHOW_MORE: { guard: 'canShowMore', actions: 'showMore' },
      RESTART: { target: '.start', actions: 'restart' },
      CLEAR: { target: '.start', actions: 'wipe' },
      EXIT: { target: '.start', actions: 'wipe' },
    },
    states: states as never,
  });
}

export type ChatMachine = ReturnType<typeof createChatMachine>;
export type ChatActor = ActorRefFrom<ChatMachine>;
export type ChatSnapshot = SnapshotFrom<ChatMachine>;

/** The node the person is on now. */
export function currentNode(snapshot: ChatSnapshot): NodeKey {
  return snapshot.value as unknown as NodeKey;
}
