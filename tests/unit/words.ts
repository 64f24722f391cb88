/**
 * The one list of blaming or unsafe phrasing that must never reach a person.
 * `content-quality.test.ts` checks every text the widget shows against it.
 *
 * Editors: to add a phrase, add a line with a short reason. Write the pattern
 * so that it matches both straight and curly apostrophes (['’]).
 * `victimOnly: true` means the phrase is fine in the flow for people worried
 * about their own behaviour (see `victimFacing`), and banned everywhere else.
 */
export interface BannedPhrase {
  phrase: RegExp;
  why: string;
  /** Banned only in flows that speak to someone being hurt (not in `own-behaviour`). */
  victimOnly?: true;
}

export const bannedPhrases: BannedPhrase[] = [
  { phrase: /\bperpetrators?\b/i, why: 'Jargon that many people do not use about someone they love. Say "the person hurting you" or "the person using abuse".' },
  { phrase: /\b(?:just|simply) (?:leave|go|walk away|get out)\b/i, why: 'Leaving is never simple and can be the most dangerous time. Plan it with a specialist.' },
  { phrase: /\byou (?:should|must|need to|have to|ought to) (?:leave|go|get out)\b/i, why: 'An instruction to leave. Offer options; leaving safely needs a plan made with a specialist.' },
  { phrase: /\byou(?:['’]re| are| will be|['’]ll be) (?:now |totally |completely |perfectly )?safe\b/i, why: 'False reassurance: no one can promise this. Never tell someone they are safe.' },
  { phrase: /\bwhy (?:didn['’]t|did not|don['’]t|do not|won['’]t|will not|haven['’]t|have not|can['’]t|cannot) you\b/i, why: '"Why don\'t you…" and "why didn\'t you…" sound like blame. Offer choices instead.' },
  { phrase: /\bwhy (?:did|do|would) you (?:stay|go back|put up with|let)\b/i, why: 'Questions a person\'s choices about staying, which blames them for the abuse.' },
  { phrase: /\bprovok(?:e|es|ed|ing|ation)\b/i, why: 'Suggests the person being hurt caused it. Abuse is always the choice of the person using it.' },
  { phrase: /\bvictim['’]?s?['’]? (?:own )?fault\b/i, why: 'Blames the person being hurt. It is never their fault.' },
  { phrase: /(?<!\b(?:none|some|any|part|all) of )\b(?:it|this|that)(?: is|['’]s| was) (?:all )?your (?:own )?fault\b/i, why: 'Blames the person being hurt. Say "it is not your fault".' },
  { phrase: /\bsave (?:this|these|that|it|the (?:number|page|chat|conversation|link|details))\b/i, why: 'Saving things on a shared device can leave a trace the person using abuse may find.' },
  { phrase: /\b(?:screenshot|bookmark|print)(?: this| these| it| the page)\b/i, why: 'Leaves a trace on the device that the person using abuse may find.' },
  { phrase: /\bconfront(?:s|ed|ing|ation)?\b/i, why: 'Confronting the person using abuse can raise the danger.' },
  { phrase: /\bcalm down\b/i, why: 'Dismisses fear and tells the person their feelings are the problem.' },
  { phrase: /\bover-?react(?:s|ed|ing)?\b/i, why: 'Dismisses what the person feels. Their fear is real and worth taking seriously.' },
  { phrase: /\bwhat did you do\b/i, why: 'Implies the person being hurt caused the abuse.' },
  { phrase: /\b(?:asking for it|brought it on (?:yourself|themselves|herself|himself))\b/i, why: 'Victim-blaming myth.' },
  { phrase: /\b(?:made|make|makes|making) (?:him|her|them) (?:angry|mad|snap|lose (?:it|their temper|his temper|her temper))\b/i, why: 'Puts the blame on the person being hurt. No one makes someone abuse them.' },
  { phrase: /\b(?:domestic dispute|lovers['’]? tiff|just a row|just an argument)\b/i, why: 'Makes abuse sound small or mutual.' },
  { phrase: /\bstay calm and\b/i, why: 'Puts the job of preventing abuse on the person being hurt.' },
  { phrase: /\byour (?:own )?behaviou?r\b/i, why: 'Said to someone being hurt, it suggests their behaviour caused the abuse.', victimOnly: true },
];

/**
 * True for every flow that speaks to someone being hurt (or worried about
 * someone). False only for the flow for people worried about their own
 * behaviour, where some phrases (e.g. "your behaviour") are needed. Phrases
 * without `victimOnly`, such as "perpetrator", are banned there too.
 */
export function victimFacing(flowId: string): boolean {
  return flowId !== 'own-behaviour';
}
