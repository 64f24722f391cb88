/**
 * The conversation: a small XState statechart (see createChatMachine) over pure
 * functions that say what a node offers (`choicesOf`) and where an answer comes
 * to rest (`arrive`).
 *
 * The context holds only what the screen needs: the transcript (as references
 * to content, never free text), the way back, the area, and the transient
 * answers of an unfinished private flow (the safety check).
 */
import { assertEvent, assign, setup, type ActorRefFrom, type SnapshotFrom } from 'xstate';
import type { Answers } from './conditions.js';
import type { Audience, Content, NodeKey, Text } from './data.js';
import { routeOf } from '../nodes/branch.js';
import { choicesOf, type Answer } from '../nodes/index.js';

export { choicesOf };
export type { Answer };

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
  /** The node on screen now (a node key, never an answer). */
  at: NodeKey | null;
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
  /** Start again: the conversation forgets what the person gave (Clear, Exit and closing use a fresh actor instead). */
  | { type: 'RESTART' };

export interface ChatInput {
  audience?: Audience;
  area?: AreaAnswer | null;
  /** Where the conversation begins instead of the audience's start (the editors' preview only). */
  start?: NodeKey;
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
});

/**
 * Where the conversation comes to rest after leading to `key`: branches are followed by the
 * answers given, an area question the person has already answered is passed by, and each node
 * arrived at runs what its entry does (forget the private answers on leaving a private flow or
 * at its outcome; add its message to the transcript). Pure: the same context and key always
 * give the same result.
 */
export function arrive(content: Content, context: ChatContext, key: NodeKey): ChatContext {
  let c = context;
  for (let hops = 0; hops <= Object.keys(content.nodes).length; hops++) {
    const node = content.nodes[key]!;
    if (node.type === 'branch') {
      key = routeOf(node, c.answers);
      continue;
    }
    if (!node.private || ('forget' in node && node.forget)) c = forget(c);
    if (node.type === 'area' && c.area !== null) {
      // Passed by: it was on screen for no time, so it says nothing and is no step to go back to.
      c = { ...c, at: key };
      key = node.next;
      continue;
    }
    const priv = node.private ? { private: true as const } : {};
    const area = node.type === 'services' ? { area: c.area } : {};
    return { ...c, at: key, log: [...c.log, { id: c.seq, by: 'bot', node: key, ...priv, ...area }], seq: c.seq + 1 };
  }
  throw new Error(`the branches from "${key}" lead round in a circle`);
}

/** Drop the answers and hide what a private flow showed: on its outcome, or on leaving it. */
function forget(c: ChatContext): ChatContext {
  return Object.keys(c.answers).length || c.log.some((e) => e.private) ? { ...c, answers: {}, log: collapsePrivate(c.log) } : c;
}

/**
 * The conversation as a small statechart: a few real states, with the node on screen in the
 * context. Where each answer leads is content, worked out by `choicesOf` and `arrive`, so the
 * machine is the same size whatever the flows hold and builds at once.
 * - `showing`: a message, question, step or list is on screen, waiting for an answer;
 * - `askingArea`: the area question is on screen, waiting for the area;
 * - `routing`: passed through after every move, to the one of them that fits the node.
 */
export function createChatMachine(content: Content) {
  const nodeOf = (key: NodeKey) => content.nodes[key]!;
  const topics = new Map(content.topics.map((t) => [t.node, t.title]));
  const startOf = (c: ChatContext) => content.starts[c.audience];
  /** The answer `index` on the node the person is on, if that node offers it. */
  const answerAt = (c: ChatContext, index: number) => (c.at === null ? undefined : choicesOf(content, nodeOf(c.at))[index]);
  /** The person's answer, as the transcript and the way back record it, and where it leads. */
  const answered = (c: ChatContext, label: Text, next: NodeKey, extra: Partial<ChatContext> = {}) => {
    const from = c.at!;
    const priv = nodeOf(from).private ? { private: true as const } : {};
    return arrive(content, { ...c, ...extra, log: [...c.log, { id: c.seq, by: 'you', label, ...priv }], seq: c.seq + 1, trail: [...c.trail, from] }, next);
  };
  /** A fresh conversation at the start, keeping the audience, the partner's area and the ids. */
  const restart = (c: ChatContext) => {
    const f = { ...fresh({ audience: c.audience, area: c.presetArea }), seq: c.seq };
    return arrive(content, f, startOf(f));
  };

  const chat = setup({
    types: { context: {} as ChatContext, events: {} as ChatEvent, input: {} as ChatInput },
    actions: {
      choose: assign(({ context, event }) => {
        assertEvent(event, 'CHOOSE');
        const choice = answerAt(context, event.index)!;
        const from = context.at!;
        const node = nodeOf(from);
        const plan = context.plan.filter((p) => p.node !== from);
        return answered(context, choice.label, choice.next, {
          plan: choice.keep ? [...plan, { node: from, done: choice.keep.done }] : node.type === 'step' ? plan : context.plan,
          answers: node.type === 'question' && choice.value ? { ...context.answers, [node.key]: choice.value } : context.answers,
        });
      }),
      goToTopic: assign(({ context, event }) => {
        assertEvent(event, 'GO');
        return answered(context, topics.get(event.node)!, event.node);
      }),
      back: assign(({ context }) =>
        arrive(content, { ...context, log: [...context.log, { id: context.seq, by: 'you', label: content.strings.back! }], seq: context.seq + 1, trail: context.trail.slice(0, -1) }, context.trail.at(-1)!),
      ),
      /** The area, recorded; on the area question, the conversation moves on to what it asked for. */
      setArea: assign(({ context, event }) => {
        assertEvent(event, 'SET_AREA');
        const at = context.at === null ? undefined : nodeOf(context.at);
        const on = at?.type === 'services' ? { for: context.at! } : {};
        const given = { ...context, area: event.area, log: [...context.log, { id: context.seq, by: 'you' as const, area: event.area, ...on }], seq: context.seq + 1 };
        return at?.type === 'area' ? arrive(content, { ...given, trail: [...context.trail, context.at!] }, at.next) : given;
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
      // Starting again forgets the area the person gave (the partner's area stays): nothing hidden
      // carries over.
      restart: assign(({ context }) => restart(context)),
    },
    guards: {
      canChoose: ({ context, event }) => event.type === 'CHOOSE' && answerAt(context, event.index) !== undefined,
      canGoToTopic: ({ context, event }) => event.type === 'GO' && context.at !== null && nodeOf(context.at).type === 'finder' && topics.has(event.node),
      canGoBack: ({ context }) => context.trail.length > 0,
      onAreaQuestion: ({ context }) => context.at !== null && nodeOf(context.at).type === 'area',
      onServices: ({ context }) => context.area !== null && context.at !== null && nodeOf(context.at).type === 'services',
      canShowMore: ({ context, event }) => event.type === 'SHOW_MORE' && !context.more.includes(event.entry) && context.log.some((e) => e.id === event.entry),
    },
  });

  const moves = {
    CHOOSE: { guard: 'canChoose', target: 'routing', actions: 'choose' },
    GO: { guard: 'canGoToTopic', target: 'routing', actions: 'goToTopic' },
    BACK: { guard: 'canGoBack', target: 'routing', actions: 'back' },
  } as const;

  return chat.createMachine({
    id: 'safety-chat',
    context: ({ input }) => {
      const c = fresh(input);
      return arrive(content, c, input.start && content.nodes[input.start] ? input.start : startOf(c));
    },
    initial: 'routing',
    on: {
      RESTART: { target: '.routing', actions: 'restart' },
    },
    states: {
      routing: { always: [{ guard: 'onAreaQuestion', target: 'askingArea' }, { target: 'showing' }] },
      showing: {
        on: {
          ...moves,
          SET_AREA: { actions: 'setArea' },
          CHANGE_AREA: { guard: 'onServices', actions: 'changeArea' },
          SHOW_MORE: { guard: 'canShowMore', actions: 'showMore' },
        },
      },
      askingArea: {
        on: { ...moves, SET_AREA: { target: 'routing', actions: 'setArea' }, SHOW_MORE: { guard: 'canShowMore', actions: 'showMore' } },
      },
    },
  });
}

export type ChatMachine = ReturnType<typeof createChatMachine>;
export type ChatActor = ActorRefFrom<ChatMachine>;
export type ChatSnapshot = SnapshotFrom<ChatMachine>;

/** The node the person is on now. */
export function currentNode(snapshot: ChatSnapshot): NodeKey {
  return snapshot.context.at!;
}
