/**
 * The journeys: people going through the widget as they would, tap by tap, written as data.
 * Taps use the visible labels of flows/*.yaml and flows/widget.yaml. The runner (harness.ts) plays
 * each journey in real Chromium at every size listed (by default a 375×667 touch phone and a
 * 1280×800 desktop) and checks, after every step, what the step expects plus the universal
 * assertions listed in harness.ts.
 *
 * "The screen" after a step is what the person now sees as new: the bot messages and cards added
 * to the transcript after their last answer, plus the header, the search boxes and the answers.
 */

import { inLang } from '../../src/shared/text.js';
import { content } from '../support/paths.js';

/** Text to find: a string is a case-sensitive substring, a RegExp is matched as written. */
export type Match = string | RegExp;

/**
 * The national lines for a topic, from the flows as they are: a journey expects "a line for forced
 * marriage", not one service by name, so an editor who removes or adds one leaves it standing.
 */
const linesFor = (tag: string) => content.services.filter((s) => s.areas.includes('national') && s.tags.includes(tag));
/** A card of any national line for the topic. */
const lineFor = (tag: string): RegExp => new RegExp(`^(?:${linesFor(tag).map((s) => inLang(s.name, 'en').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`);
/** The number of the topic's first line that has one (the first the list shows). */
const phoneFor = (tag: string) => linesFor(tag).flatMap((s) => s.contacts).find((c) => c.type === 'phone')!.show;

/** What must be true of the screen after a step. */
export interface Expect {
  /** Text on the screen. */
  see?: Match[];
  /** What the status region says (what a screen reader is told), e.g. the opening messages. */
  said?: Match[];
  notSee?: Match[];
  /** tel: links (by their digits, e.g. '999', '0800 1111') shown on the screen. */
  tel?: string[];
  /** Service cards (by name, or the start of it) on the screen; in this order when `inOrder`. */
  cards?: Match[];
  inOrder?: boolean;
  noCards?: Match[];
  maxCards?: number;
  minCards?: number;
  /** Buttons on the screen (a string matches the whole name, or the name followed by " (…)"). */
  buttons?: Match[];
  noButtons?: Match[];
  /** [button, how many]: exactly that many buttons of that name on the screen. */
  buttonCount?: [Match, number][];
  /** A text box (by label) holds this value. */
  field?: { label: Match; value: string };
  /** The first answer button of the screen (e.g. the first topic the finder found). */
  firstAnswer?: Match;
  /** The first link of the screen (in reading order) has this href, e.g. 'tel:999'. */
  firstLink?: string;
  /** Buttons fully visible without scrolling, and not covered. */
  inView?: Match[];
  /** Text found nowhere in the transcript (role=log). */
  notInLog?: Match[];
  /** Text found nowhere in the widget's shadow root, hidden parts included. */
  notInWidget?: Match[];
  /** Text the panel shows anywhere (e.g. the Shift tip under the header) / does not show. */
  panelSee?: Match[];
  panelNotSee?: Match[];
}

export type Action =
  /** Tap an answer (or any button of the panel) by its visible label. */
  | { tap: Match }
  /** Tap the launcher (by its visible label). */
  | { launcher: true }
  /** Tap the panel's Close button. */
  | { close: true }
  /** Type into the text box with this label and submit (Enter, the phone keyboard's Search key). */
  | { type: { label: Match; text: string } }
  /**
   * Answer the safety check's questions until its outcome (no "Yes" answer left): "Yes" to each
   * question whose text matches one of `yes`, `otherwise` (default "No") to the rest. With
   * `stopAfter`, stop once the question matching it has been answered.
   */
  | { check: { yes: RegExp[]; otherwise?: string; stopAfter?: RegExp } }
  /** No tap: look at the screen as it is (an inline panel on arrival). */
  | { look: true };

export type Step = Action &
  Expect & {
    /** Save a screenshot of this screen as docs/journeys/<journey>-<width>-<shot>.png (JOURNEY_SHOTS=1). */
    shot?: string;
    /** Extra expectations at phone sizes (touch) / at the desktop size only. */
    phone?: Expect;
    desktop?: Expect;
  };

export interface Size {
  name: string;
  width: number;
  height: number;
  /** A touch phone (isMobile, hasTouch): taps are touch taps. */
  touch: boolean;
}

export const sizes = {
  small: { name: '320×568 phone', width: 320, height: 568, touch: true },
  phone: { name: '375×667 phone', width: 375, height: 667, touch: true },
  desktop: { name: '1280×800 desktop', width: 1280, height: 800, touch: false },
} satisfies Record<string, Size>;

/** The demo pages (see demo/), or a small host page made up with these attributes on <safety-chat>. */
export type PageSpec = 'council' | 'partner' | 'school' | { attrs: Record<string, string> };

export interface Journey {
  id: string;
  /** Who this is, in a line. */
  persona: string;
  page: PageSpec;
  /** Default: phone and desktop. */
  sizes?: Size[];
  /** Checked on every screen of the journey, as well as the universal assertions. */
  everyScreen?: Pick<Expect, 'notSee' | 'noButtons'> & {
    /** The first answer button is fully in view and not covered (by the header) after each tap. */
    firstAnswerInView?: boolean;
  };
  steps: Step[];
}

const councils = [/^Ashford\b/, /^Canterbury\b/, /^Dartford\b/, /^Dover\b/, /^Medway\b/, /^Thanet\b/, /^Tunbridge Wells\b/, 'Outside Kent and Medway'];
const victimSupport = 'Victim Support – Kent and Medway domestic abuse line';
const welcome = 'What would you like to do?';

export const journeys: Journey[] = [
  {
    id: 'thanet-danger',
    persona: 'A woman in Thanet on the council page (no area set), in danger now',
    page: 'council',
    steps: [
      { launcher: true, see: [welcome] },
      { tap: "I'm in danger now", tel: ['999'], see: [/call 999/i], shot: 'danger' },
      // 999 before anything else: the emergency card shows while the area question is still open.
      { tap: 'Show me who can help', tel: ['999'], buttons: ['Thanet'], shot: 'who-can-help' },
      { tap: 'Thanet', cards: [victimSupport], see: ['Help for Thanet'], buttons: ['Change area'], shot: 'local' },
      // Start again keeps no hidden area: the next list asks again.
      { tap: 'Start again', see: [welcome] },
      { tap: 'Find support near me', buttons: ['Thanet', 'Dover'], notSee: ['Help for Thanet'] },
    ],
  },
  {
    id: 'high-risk-check',
    persona: 'A person whose safety-check answers show high risk (council page)',
    page: 'council',
    steps: [
      { launcher: true },
      { tap: 'Check my safety', see: [/Nothing you answer is stored/] },
      { tap: 'Start the check', see: [/in danger right now/] },
      {
        check: { yes: [/choked or strangled/, /threatened to kill/] },
        see: [/serious signs/, /Samaritans/],
        firstLink: 'tel:999',
        tel: ['999'],
        notInLog: [/choked or strangled/, /threatened to kill/],
        shot: 'outcome',
      },
      // Afterwards (choosing an area for the outcome's services), still nothing of the answers.
      { tap: 'Thanet', notInLog: [/choked or strangled/, /threatened to kill/, /very frightened/, /You: Yes/] },
    ],
  },
  {
    id: 'young-school',
    persona: 'A 15-year-old on the school page (inline): pressure for images, jealousy, wants to talk to someone',
    page: 'school',
    sizes: [sizes.small, sizes.phone, sizes.desktop],
    everyScreen: { notSee: [/IDVA/, /MARAC/, /pregnan/i, /Where do you live/i], noButtons: councils, firstAnswerInView: true },
    steps: [
      {
        look: true,
        see: ['What would you like to look at?'],
        phone: { panelNotSee: [/press Shift three times/i] },
        desktop: { panelSee: [/press Shift three times/i] },
        shot: 'welcome',
      },
      { tap: 'Is my relationship OK?' },
      { tap: 'Nudes and photos', see: [/Nobody should push you to send nudes/] },
      { tap: 'What if they threaten to share a photo?', see: ['Childline'], tel: ['0800 1111', '999'] },
      { tap: 'Back to the menu' },
      { tap: 'Is my relationship OK?' },
      { tap: 'Phones and jealousy' },
      { tap: 'What about jealousy?', see: [/Jealousy is not proof of love/] },
      { tap: 'Who can I talk to?', see: [/teacher/, /safeguarding lead/], tel: ['0800 1111'] },
      { tap: 'Find support', cards: ['Childline'], tel: ['0800 1111'], shot: 'support' },
    ],
  },
  {
    id: 'medway-man',
    persona: "A man in Medway (launcher, area=\"medway\") who doesn't say who he is",
    page: { attrs: { area: 'medway' } },
    steps: [
      { launcher: true, see: [welcome] },
      {
        tap: 'Find support near me',
        cards: ["Men's Advice Line", 'Galop', 'Medway domestic abuse support'],
        see: ['Help for Medway'],
        buttons: ['Change area'],
        noButtons: [/^Thanet\b/],
        shot: 'support',
      },
    ],
  },
  {
    id: 'canterbury-gay-man',
    persona: 'A gay man in Canterbury (council page), through the LGBT+ topic',
    page: 'council',
    steps: [
      { launcher: true },
      { tap: 'Understand abuse' },
      { tap: 'Who it happens to' },
      { tap: 'LGBT+ people', see: ['Galop'], tel: ['0800 999 5428'] },
      { tap: 'Find support' },
      { tap: 'Canterbury', cards: ['Galop', "Men's Advice Line", victimSupport], see: ['Help for Canterbury'], buttons: ['Change area'], shot: 'support' },
    ],
  },
  {
    id: 'dover-older-woman',
    persona: 'An older woman in Dover abused by her son',
    page: 'council',
    steps: [
      { launcher: true },
      { tap: 'Understand abuse' },
      { tap: 'More kinds of abuse' },
      { tap: 'Family, children and carers' },
      { tap: 'Older people and carers', see: [/Older people can be abused/] },
      { tap: 'Find support' },
      { tap: 'Dover', cards: ['Hourglass', victimSupport], see: ['Help for Dover'], buttons: ['Change area'], shot: 'support' },
    ],
  },
  {
    id: 'forced-marriage',
    persona: 'A woman facing forced marriage (council page)',
    page: 'council',
    steps: [
      { launcher: true },
      { tap: 'Understand abuse' },
      { tap: 'More kinds of abuse' },
      { tap: 'Forced marriage', see: [/Forced marriage is a crime/] },
      { tap: 'What can I do?', tel: ['999'] },
      { tap: 'Find support', tel: ['999'] },
      { tap: 'Not sure', cards: [lineFor('forced-marriage')], tel: [phoneFor('forced-marriage')], shot: 'support' },
    ],
  },
  {
    id: 'own-behaviour',
    persona: 'Someone worried about their own behaviour (council page)',
    page: 'council',
    everyScreen: { noButtons: councils, notSee: [/Where do you live/i] },
    steps: [
      { launcher: true },
      { tap: "I'm worried about my own behaviour", tel: ['999'] },
      { tap: 'Can I change?', see: ['Respect Phoneline'], tel: ['0808 802 4040'] },
      { tap: 'Talk to someone', cards: ['Respect Phoneline'], tel: ['0808 802 4040'], shot: 'support' },
    ],
  },
  {
    id: 'worried-sister',
    persona: 'A friend worried about her sister in Tunbridge Wells',
    page: 'council',
    steps: [
      { launcher: true },
      { tap: "I'm worried about someone else" },
      { tap: 'Find support' },
      { tap: 'Tunbridge Wells', maxCards: 6, buttons: ['Show more services'], see: ['Help for Tunbridge Wells'], shot: 'support' },
      { tap: 'Show more services', minCards: 7, noButtons: ['Show more services'] },
    ],
  },
  {
    id: 'plan-then-close',
    persona: 'A person making a safety plan who taps Close mid-plan; then someone else opens the chat',
    page: 'council',
    steps: [
      { launcher: true },
      { tap: 'Make a safety plan' },
      { tap: 'I live with the person hurting me' },
      { tap: 'Show me the steps', see: [/room with a way out/] },
      { tap: 'Add to my plan', see: [/code word/] },
      { tap: 'Add to my plan', see: [/phone charged/] },
      { close: true },
      {
        launcher: true,
        see: [welcome],
        notInLog: ['You:', /way out/i, /code word/i, /phone charged/i, 'I live with the person hurting me', 'Show me the steps'],
        notInWidget: [/way out/i, /code word/i, /phone charged/i, 'I live with the person hurting me', 'Show me the steps', 'Add to my plan'],
        shot: 'second-person',
      },
    ],
  },
  {
    id: 'check-then-close',
    persona: 'A person who answers "threatened to kill you" in the safety check and taps Close; then someone else opens the chat',
    page: 'council',
    steps: [
      { launcher: true },
      { tap: 'Check my safety' },
      { tap: 'Start the check' },
      { check: { yes: [/very frightened/, /threatened to kill/], stopAfter: /threatened to kill/ } },
      { close: true },
      {
        launcher: true,
        see: [welcome],
        notInLog: ['You:', /threatened to kill/, /frightened/, /choked/, 'Start the check'],
        notInWidget: [/threatened to kill/, /choked/, /very frightened/, 'Stop the check', 'Start the check'],
      },
    ],
  },
  {
    id: 'check-stopped',
    persona: 'A person who stops the safety check part-way because the person hurting them came in (council page)',
    page: 'council',
    steps: [
      { launcher: true },
      { tap: 'Check my safety' },
      { tap: 'Start the check' },
      { check: { yes: [/very frightened/], stopAfter: /very frightened/ } },
      // Help stays one tap away, 999 first; what was answered is gone from the screen.
      { tap: 'Stop the check', see: [/The check has stopped/, /call 999/i], firstLink: 'tel:999', tel: ['999'], notInLog: [/very frightened/, /choked/, 'You: Yes'], shot: 'stopped' },
    ],
  },
  {
    id: 'under-18-on-council-page',
    persona: 'A 15-year-old on the council page (launcher) who taps "I\'m under 18" and wants to talk to someone',
    page: 'council',
    steps: [
      { launcher: true, see: [welcome] },
      // Their route's screens arrive on this tap: the next screen is theirs, in their words.
      { tap: "I'm under 18", see: ['What would you like to look at?'], notSee: [/IDVA/, /MARAC/] },
      { tap: 'Who can I talk to?', see: [/teacher/, /safeguarding lead/], tel: ['0800 1111'] },
      { tap: 'Find support', cards: ['Childline'], tel: ['0800 1111'], shot: 'support' },
    ],
  },
  {
    id: 'area-search',
    persona: 'A person typing where they live: a typo, a postcode, a place outside, a council name in lower case',
    page: 'council',
    steps: [
      { launcher: true },
      { tap: 'Find support near me', buttons: ['Thanet'] },
      { type: { label: /town|postcode/i, text: 'Canterbery' }, see: [/Canterbury/], field: { label: /town|postcode/i, value: 'Canterbery' }, buttonCount: [[/^Canterbury\b/, 1]], shot: 'typo' },
      { type: { label: /town|postcode/i, text: 'BR8' }, buttonCount: [[/^Dartford\b/, 1]] },
      { type: { label: /town|postcode/i, text: 'london' }, see: [/(is|looks like it is) outside Kent and Medway/] },
      { type: { label: /town|postcode/i, text: 'tunbridge wells' }, notSee: ['Did you mean Tunbridge Wells? That is in Tunbridge Wells.'], see: ['Help for Tunbridge Wells'] },
    ],
  },
  {
    id: 'welcome',
    persona: 'Someone opening the chat on the council page',
    page: 'council',
    steps: [
      {
        launcher: true,
        see: [welcome],
        // The welcome is drawn with the panel in one frame and said through the status region.
        said: [welcome],
        phone: { inView: ["I'm in danger now", 'Check my safety', 'Find support near me', "I'm under 18"], panelNotSee: [/press Shift three times/i] },
        desktop: { panelSee: [/press Shift three times/i] },
        shot: 'welcome',
      },
    ],
  },
  {
    id: 'partner-thanet',
    persona: 'A person on the partner page in Thanet (area="thanet", strict CSP)',
    page: 'partner',
    steps: [
      { launcher: true, see: [welcome] },
      { tap: 'Find support near me', cards: [victimSupport], see: ['Help for Thanet'], buttons: ['Change area'], noButtons: [/^Canterbury\b/], shot: 'support' },
      // Changing the area there: the list is asked again, and follows the new answer.
      { tap: 'Change area', buttons: [/^Dover\b/], tel: ['999'] },
      { tap: 'Dover', see: ['Help for Dover'], cards: [victimSupport], noCards: ['Medway domestic abuse support'] },
    ],
  },
  {
    id: 'topic-search-danger',
    persona: 'A woman who types what happened into the topic search (council page)',
    page: 'council',
    steps: [
      { launcher: true },
      { tap: 'Search for a topic' },
      { type: { label: /Type a word/i, text: 'he threatened to kill me' }, firstAnswer: 'Help in an emergency', shot: 'search-kill' },
      { type: { label: /Type a word/i, text: 'he hit me' }, firstAnswer: 'Help in an emergency', noButtons: [/Changing how you behave/] },
      { tap: 'Help in an emergency', tel: ['999'], see: [/call 999/i] },
    ],
  },
  {
    id: 'school-check',
    persona: 'A 14-year-old on the school page who takes the safety check (inline): scared of a boyfriend who grabbed her neck',
    page: 'school',
    sizes: [sizes.small, sizes.phone, sizes.desktop],
    // Their own check, in their words: nothing of the adult one (advisers, meetings, pregnancy, money).
    everyScreen: { firstAnswerInView: true, notSee: [/IDVA/, /MARAC/, /pregnan/i, /your children/i, /money/i] },
    steps: [
      { look: true, desktop: { inView: ['Exit this page', 'Clear chat'] }, phone: { inView: ['Exit this page', 'Clear chat'] } },
      { tap: 'Check my safety', see: [/not kept or sent anywhere/] },
      { tap: 'Start the check' },
      { tap: 'No', see: [/Who are you worried about/] },
      { tap: 'A boyfriend or girlfriend, or an ex' },
      {
        check: { yes: [/scared of them/, /hands on your neck/] },
        see: [/Thank you for answering/, /adult you trust/, /safeguarding lead/, 'Childline'],
        tel: ['999', '0800 1111'],
        notInLog: [/scared of them/, /hands on your neck/, 'You: Yes', /boyfriend/],
        shot: 'outcome',
      },
    ],
  },
];
