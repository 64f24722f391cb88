/**
 * Compiles the conversation content into one XState machine: one state per
 * node, named actions and guards, and global BACK / RESTART / CLEAR / EXIT.
 *
 * The context holds only what the screen needs: the transcript (as references
 * to content, never free text), the way back, the area, and the transient
 * answers of an unfinished private flow (the safety check).
 */
import { assign, setup, type ActorRefFrom, type SnapshotFrom, type TransitionConfig } from 'xstate';
import { matches, type Answers } from './conditions.js';
import type { AnswerValue, Audience, Content, FlowNode, NodeKey, Text } from './data.js';

/** What the person said about where they live: a council slug or one of these. */
export const areaAnswers = ['not-sure', 'outside', 'not-said'] as const;
export type AreaAnswer = string;

/** One line of the transcript. Private lines collapse when answers are forgotten. */
export type LogEntry = { id: number; private?: true } & (
  | { by: 'bot'; node: NodeKey }
  | { by: 'you'; label: Text }
  | { by: 'you'; area: AreaAnswer }
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
  seq: number;
}

export type ChatEvent =
  | { type: 'CHOOSE'; index: number }
  | { type: 'SET_AREA'; area: AreaAnswer }
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
  seq: 0,
});

export function createChatMachine(content: Content) {
  const nodeOf = (key: NodeKey) => content.nodes[key]!;

  const chat = setup({
    types: { context: {} as ChatContext, events: {} as ChatEvent, input: {} as ChatInput },
    actions: {
      say: assign(({ context }, params: { node: NodeKey; unlessArea?: boolean }) => {
        if (params.unlessArea && context.area !== null) return {};
        const node = nodeOf(params.node);
        const priv = node.private ? { private: true as const } : {};
        return { log: [...context.log, { id: context.seq, by: 'bot' as const, node: params.node, ...priv }], seq: context.seq + 1 };
      }),
      /** Drop answers and hide what the private flow showed: on its outcome, or on leaving it. */
      forget: assign(({ context }) =>
        Object.keys(context.answers).length || context.log.some((e) => e.private)
          ? { answers: {}, log: collapsePrivate(context.log) }
          : {},
      ),
      choose: assign(({ context }, params: { from: NodeKey; label: Text; key?: string; value?: AnswerValue; keep?: { done: boolean } }) => {
        const priv = nodeOf(params.from).private ? { private: true as const } : {};
        const plan = context.plan.filter((p) => p.node !== params.from);
        return {
          plan: params.keep ? [...plan, { node: params.from, done: params.keep.done }] : nodeOf(params.from).type === 'step' ? plan : context.plan,
          log: [...context.log, { id: context.seq, by: 'you' as const, label: params.label, ...priv }],
          seq: context.seq + 1,
          trail: [...context.trail, params.from],
          answers: params.key && params.value ? { ...context.answers, [params.key]: params.value } : context.answers,
        };
      }),
      pushTrail: assign(({ context }, params: { from: NodeKey }) => ({ trail: [...context.trail, params.from] })),
      back: assign(({ context }) => ({
        log: [...context.log, { id: context.seq, by: 'you' as const, label: content.strings.back! }],
        seq: context.seq + 1,
      })),
      popTrail: assign(({ context }) => ({ trail: context.trail.slice(0, -1) })),
      setArea: assign(({ context, event }) => {
        if (event.type !== 'SET_AREA') return {};
        return { area: event.area, log: [...context.log, { id: context.seq, by: 'you' as const, area: event.area }], seq: context.seq + 1 };
      }),
      restart: assign(({ context }) => ({ ...fresh({ audience: context.audience, area: context.area }), presetArea: context.presetArea, seq: context.seq })),
      wipe: assign(({ context }) => ({ ...fresh({ audience: context.audience, area: context.presetArea }), seq: context.seq })),
    },
    guards: {
      cameFrom: ({ context }, params: { node: NodeKey }) => context.trail.at(-1) === params.node,
      canGoBack: ({ context }) => context.trail.length > 0,
      picked: ({ event }, params: { index: number }) => event.type === 'CHOOSE' && event.index === params.index,
      goesTo: ({ event }, params: { node: NodeKey }) => event.type === 'GO' && event.node === params.node,
      matches: ({ context }, params: { when: import('./data.js').Condition }) => matches(params.when, context.answers),
      hasArea: ({ context }) => context.area !== null,
      isYoung: ({ context }) => context.audience === 'young-people',
    },
  });

  const keys = Object.keys(content.nodes);
  const states: Record<string, object> = {
    start: {
      always: [{ guard: 'isYoung', target: content.starts['young-people'] }, { target: content.starts.general }],
    },
    // Passed through on Back, to the node the person came from. One shared set of
    // transitions instead of one per pair of nodes keeps the machine quick to build.
    back: {
      always: [
        ...keys.map((key) => ({ guard: { type: 'cameFrom' as const, params: { node: key } }, target: key, actions: 'popTrail' as const })),
        { target: 'start' }, // unreachable: Back needs a trail, and every trail entry is a node
      ],
    },
  };

  for (const [key, node] of Object.entries(content.nodes)) {
    const say = { type: 'say' as const, params: { node: key, ...(node.type === 'area' ? { unlessArea: true } : {}) } };
    const entry = [...(!node.private || ('forget' in node && node.forget) ? ['forget' as const] : []), say];

    if (node.type === 'branch') {
      states[key] = {
        always: [
          ...node.routes.map((r) => ({ guard: { type: 'matches' as const, params: { when: r.when } }, target: r.next })),
          { target: node.otherwise },
        ],
      };
      continue;
    }
    if (node.type === 'area') {
      // Skip the question when the area is already known.
      states[key] = {
        always: { guard: 'hasArea', target: node.next },
        entry,
        on: {
          SET_AREA: { target: node.next, actions: ['setArea', { type: 'pushTrail', params: { from: key } }] },
        },
      };
      continue;
    }
    const choose: TransitionConfig<ChatContext, ChatEvent, ChatEvent, never, never, never, never, never>[] = choicesOf(content, node).map((c, index) => {
      const key2 = node.type === 'question' ? node.key : undefined;
      return {
        guard: { type: 'picked', params: { index } },
        target: c.next,
        actions: { type: 'choose', params: { from: key, label: c.label, ...(key2 && c.value ? { key: key2, value: c.value } : {}), ...(c.keep ? { keep: c.keep } : {}) } },
      } as never;
    });
    const go =
      node.type === 'finder'
        ? content.topics.map((t) => ({ guard: { type: 'goesTo' as const, params: { node: t.node } }, target: t.node, actions: { type: 'choose' as const, params: { from: key, label: t.title } } }))
        : [];
    states[key] = { entry, on: { CHOOSE: choose, ...(go.length ? { GO: go } : {}) } };
  }

  return chat.createMachine({
    id: 'safety-chat',
    context: ({ input }) => fresh(input),
    initial: 'start',
    on: {
      SET_AREA: { actions: 'setArea' },
      BACK: { guard: 'canGoBack', target: '.back', actions: 'back' },
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
