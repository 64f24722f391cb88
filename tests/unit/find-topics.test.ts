/**
 * The topic finder against the real flows: what people actually type should
 * find the right topic among the first three results.
 *
 *   npx vitest run tests/unit/find-topics.test.ts
 *
 * If a realistic query fails, improve the `keywords` in flows/*.yaml.
 */
import { describe, expect, it } from 'vitest';
import { checkAndCompile, nextOf } from '../../src/content/compile.js';
import { findTopics } from '../../src/engine/find-topics.js';
import { packContent, packKeywords, unpackContent } from '../../src/engine/pack.js';
import { bannedPhrases, victimFacing } from '../../src/content/quality.js';
import { flowsDir } from './live-content.js';

const report = checkAndCompile(flowsDir);
const content = report.content!;
const topics = content?.topics ?? [];
/** What ships: keywords as the build packs them for the browser. */
const shipped = content ? unpackContent(packContent(content), packKeywords(content)).topics : []; // (topics need no screens)

/** [what the person types, the topic node that must be in the top 3] */
const cases: [string, string][] = [
  // Phones and online
  ['phone', 'abuse/online'],
  ['he checks my phone', 'abuse/online'],
  ['he reads my messages', 'abuse/online'],
  ['tracking', 'abuse/online'],
  ['tracker on my car', 'abuse/online'],
  ['spyware', 'abuse/online'],
  ['airtag', 'abuse/online'],
  ['location', 'abuse/online'],
  // Money
  ['money', 'abuse/money'],
  ['debt', 'abuse/money'],
  ['he takes my money', 'abuse/money'],
  ['universal credit', 'abuse/money'],
  ['loans in my name', 'abuse/money-debt'],
  // Physical and strangulation
  ['he hits me', 'abuse/physical'],
  ['punch', 'abuse/physical'],
  ['slapped', 'abuse/physical'],
  ['he broke my stuff', 'abuse/physical'],
  ['bruises', 'abuse/physical'],
  ['choking', 'abuse/choking'],
  ['he strangled me', 'abuse/choking'],
  ['hands round my neck', 'abuse/choking'],
  // Emotional, control
  ['he calls me names', 'abuse/emotional'],
  ['put downs', 'abuse/emotional'],
  ['gaslighting', 'abuse/gaslighting'],
  ['he says I am crazy', 'abuse/gaslighting'],
  ['controlling', 'abuse/coercive'],
  ["he won't let me see my friends", 'abuse/coercive'],
  ['walking on eggshells', 'abuse/coercive'],
  ['my partner controls everything', 'abuse/coercive'],
  ['he never lets me go out', 'abuse/coercive'],
  // Feeling low or unsafe with yourself
  ['suicidal', 'abuse/emotional-help'],
  ['I want to die', 'abuse/emotional-help'],
  ['self harm', 'abuse/emotional-help'],
  ["I can't cope", 'abuse/emotional-help'],
  // Sex, consent, images
  ['rape', 'abuse/sexual'],
  ['forced sex', 'abuse/sexual'],
  ['consent', 'abuse/consent'],
  ['nudes', 'young/nudes'],
  ['sexting', 'young/nudes'],
  ['he wants pics', 'young/nudes'],
  ['threatening to share my nudes', 'young/nudes-threat'],
  ['sextortion', 'young/nudes-threat'],
  ['revenge porn', 'young/nudes-threat'],
  // Stalking
  ['stalker', 'abuse/stalking'],
  ['following me', 'abuse/stalking'],
  ['my ex keeps turning up', 'abuse/stalking'],
  ['harassment', 'abuse/stalking'],
  // Honour, forced marriage, FGM
  ['forced marriage', 'abuse/forced-marriage'],
  ['they want me to marry', 'abuse/forced-marriage'],
  ['honour', 'abuse/honour'],
  ['izzat', 'abuse/honour'],
  ['fgm', 'abuse/fgm'],
  ['cutting', 'abuse/fgm'],
  ['breast ironing', 'abuse/fgm'],
  // Systems
  ['visa', 'abuse/systems'],
  ['he says I will be deported', 'abuse/systems'],
  ['he hid my passport', 'abuse/systems'],
  // Family, older people, carers, children
  ['my son hits me', 'abuse/child-to-parent'],
  ['my teenager is violent', 'abuse/child-to-parent'],
  ['my brother', 'abuse/family'],
  ['my carer', 'abuse/carers'],
  ['elderly', 'abuse/older'],
  ['pension', 'abuse/older'],
  ['social services take my kids', 'abuse/children'],
  ['my children saw it', 'abuse/children'],
  // Who it happens to
  ["I'm a man", 'abuse/who-men'],
  ['gay', 'abuse/who-lgbt'],
  ['trans', 'abuse/who-lgbt'],
  ['lesbian', 'abuse/who-lgbt'],
  ['disabled', 'abuse/who-disabled'],
  ['wheelchair', 'abuse/who-disabled'],
  ['muslim', 'abuse/who-communities'],
  ['interpreter', 'abuse/who-communities'],
  ['is this normal', 'abuse/relationship-check'],
  ['red flags', 'abuse/relationship-check'],
  ['toxic relationship', 'abuse/relationship-check'],
  ['domestic violence', 'abuse/start'],
  // Options
  // Legal help, orders and visas
  ['legal aid', 'options/legal-help'],
  ['how much does an injunction cost', 'options/legal-help'],
  ['can i get a solicitor for free', 'options/legal-help'],
  ['stalking protection order', 'options/orders-spo'],
  ['my visa depends on my husband', 'options/immigration'],
  ['will i be deported if i leave him', 'options/immigration'],
  ['do i have to leave before the council helps', 'options/housing-rights'],
  ["clare's law", 'options/clares-law'],
  ['clares law', 'options/clares-law'],
  ["check my partner's past", 'options/clares-law'],
  ['police', 'options/police'],
  ['report him', 'options/police'],
  ['anonymous', 'options/anonymous'],
  ['crimestoppers', 'options/anonymous'],
  ['victim support', 'options/support-no-report'],
  ['court order', 'options/orders-civil'],
  ['non-molestation order', 'options/orders-civil'],
  ['restraining order', 'options/orders-civil'],
  ['dvpo', 'options/orders-dapo'],
  ['forced marriage protection order', 'options/orders-fm'],
  ['new locks', 'options/sanctuary'],
  ['refuge', 'options/housing'],
  ['housing', 'options/housing'],
  ['nowhere to go', 'options/housing'],
  ['he kicked me out', 'options/housing'],
  ['homeless', 'options/housing-rights'],
  ['idva', 'options/idva'],
  ['marac', 'options/idva'],
  // Someone else
  ['worried about my friend', 'someone-else/start'],
  ['signs of abuse', 'someone-else/signs'],
  ['how to help her', 'someone-else/listen'],
  ['worried about a child', 'someone-else/child'],
  // Own behaviour
  ['am I abusive', 'own-behaviour/start'],
  ['anger', 'own-behaviour/start'],
  ['I hit my partner', 'own-behaviour/start'],
  // Young people
  ['jealous', 'young/phones'],
  ['my girlfriend is jealous', 'young/phones'],
  ['my bf', 'abuse/young-relationships'],
  ["I'm 15", 'abuse/young-relationships'],
  ['my boyfriend checks my snapchat', 'young/phones'],
  ['teacher', 'young/talk'],
  ['my friend told me', 'young/friend'],
  ['my dad hits my mum', 'young/home'],
  ['healthy relationship', 'young/healthy'],
  // Safety check and plan
  ['safety check', 'safety-check/start'],
  ['am I in danger', 'safety-check/start'],
  ['plan', 'safety-plan/start'],
  ['safety plan', 'safety-plan/start'],
  ['leave', 'safety-plan/leaving'],
  ['thinking of leaving', 'safety-plan/leaving'],
  ['after I left', 'safety-plan/after'],
  ['incognito', 'safety-plan/online'],
  ['browser history', 'safety-plan/online'],
  ['work', 'safety-plan/work'],
  ['living with him', 'safety-plan/living'],
  // Danger and support
  ['danger', 'main/danger-now'],
  ['emergency', 'main/danger-now'],
  ['999', 'main/danger-now'],
  ['scared', 'main/danger-now'],
  ['help now', 'main/danger-now'],
  ['helpline', 'main/support'],
  ['phone number', 'main/support'],
  ['support near me', 'main/support'],
  ['kent', 'main/support'],
  ['medway', 'main/support'],
  // Other situations
  ['my ex uses contact handovers to get at me', 'situations/after-separation'],
  ['abuse after separation', 'situations/after-separation'],
  ['he keeps taking me to court after we split up', 'situations/after-separation'],
  ['my ex uses the children to control me', 'situations/after-separation'],
  ['contact centre', 'situations/after-separation'],
  ['he uses religion to control me', 'situations/faith'],
  ['he says god will punish me', 'situations/faith'],
  ["he won't let me go to church", 'situations/faith'],
  ['spiritual abuse', 'situations/faith'],
  ['my family say I will go to hell', 'situations/faith'],
  ['he hides my pill', 'situations/reproductive'],
  ['reproductive coercion', 'situations/reproductive'],
  ['he wants me to have an abortion', 'situations/reproductive'],
  ['he pressures me to get pregnant', 'situations/reproductive'],
  ['he stops me using contraception', 'situations/reproductive'],
  ['his family want more dowry', 'situations/dowry'],
  ['dowry', 'situations/dowry'],
  ['my in-laws demand money and gold', 'situations/dowry'],
  ['my mother in law wants more gifts from my family', 'situations/dowry'],
  ['abuse during pregnancy', 'situations/pregnancy'],
  ["he hits me and I'm pregnant", 'situations/pregnancy'],
  ['can I see the midwife alone', 'situations/pregnancy'],
  ['it got worse since I got pregnant', 'situations/pregnancy'],
  ['I drink will they still help me', 'situations/alcohol-drugs'],
  ['I use drugs will anyone believe me', 'situations/alcohol-drugs'],
  ['he says no one will believe me because I drink', 'situations/alcohol-drugs'],
  ['alcoholic', 'situations/alcohol-drugs'],
  ['it happened years ago', 'situations/recovery'],
  ['I left years ago but still have flashbacks', 'situations/recovery'],
  ['counselling after abuse', 'situations/recovery'],
  ['past abuse', 'situations/recovery'],
  ['recovering from abuse', 'situations/recovery'],
  // Typos, case and punctuation
  ['choakng', 'abuse/choking'],
  ['mony', 'abuse/money'],
  ['stalkng', 'abuse/stalking'],
  ['gaslightng', 'abuse/gaslighting'],
  ['harrassment', 'abuse/stalking'],
  ['PHONE!!', 'abuse/online'],
  ['Forced Marriage?', 'abuse/forced-marriage'],
  // Urgent help first must not push the right topic out
  ['I want to kill myself', 'abuse/emotional-help'],
  ['threats to kill', 'safety-check/start'],
  ['he stabbed me', 'abuse/physical'],
  ['he choked me', 'abuse/choking'],
];

describe('the topic finder on the shipped flows', () => {
  it('has topics to find', () => {
    expect(report.problems.filter((p) => p.level === 'error')).toEqual([]);
    expect(topics.length).toBeGreaterThanOrEqual(40);
  });

  it('every expected node in the cases is a topic', () => {
    const keys = new Set(topics.map((t) => t.node));
    expect([...new Set(cases.map(([, node]) => node))].filter((n) => !keys.has(n))).toEqual([]);
  });

  it.each(cases)('"%s" finds %s in the top 3', (query, node) => {
    expect(findTopics(query, shipped).slice(0, 3)).toContain(node);
  });

  it.each(['', '   ', 'zzzz qqqq', '!!!', 'the and my'])('"%s" finds nothing', (query) => {
    expect(findTopics(query, shipped)).toEqual([]);
  });

  it('returns at most 5 results, best first', () => {
    const found = findTopics('phone money choking stalking police refuge', shipped);
    expect(found.length).toBeLessThanOrEqual(5);
    expect(findTopics('choking', shipped)[0]).toBe('abuse/choking');
  });
});

describe('words of immediate danger put "Help in an emergency" first', () => {
  it('the emergency topic ships as urgent', () => {
    expect(shipped.filter((t) => t.urgent).map((t) => t.node)).toEqual(['main/danger-now']);
  });

  it.each([
    'he threatened to kill me',
    'kill',
    'he hit me',
    'knife',
    'he strangled me',
    'she is hurting me now',
    'going to kill me',
    'she hits me',
    'my son hits me',
    'he stabbed me',
    'he has a gun',
    'weapons',
    'he beat me up',
    'he choked me',
    'he is attacking me',
    'threats to kill',
    'I need help now',
    'HE HIT ME!!',
  ])('"%s"', (query) => {
    expect(findTopics(query, shipped)[0]).toBe('main/danger-now');
  });

  // Topic words without the danger being done to "me" keep their own topic first.
  it.each([
    ['choking', 'abuse/choking'],
    ['how dangerous is he', 'safety-check/start'],
    ['I hit my partner', 'own-behaviour/start'],
  ])('"%s" still finds %s first', (query, node) => {
    expect(findTopics(query, shipped)[0]).toBe(node);
  });
});

describe("a victim's words never rank the own-behaviour route above help for victims", () => {
  const own = (node: string) => node.startsWith('own-behaviour/');
  it.each(['he hit me', 'she hits me', 'my husband hurts me', 'my partner hurts me', 'my boyfriend hurts me', "I think he's hurting me", 'I got hit by my partner'])(
    '"%s"',
    (query) => {
      const found = findTopics(query, shipped, 100);
      expect(found.some((n) => !own(n))).toBe(true);
      const firstOwn = found.findIndex(own);
      if (firstOwn >= 0) expect(found.slice(firstOwn).every(own), found.join(', ')).toBe(true);
    },
  );

  it.each(['I hit my partner', 'I get angry', 'my temper', 'I lose my temper', 'am I abusive'])('"%s" still finds the own-behaviour route first or second', (query) => {
    expect(findTopics(query, shipped).slice(0, 2).some(own)).toBe(true);
  });
});

describe('pets', () => {
  /** Topics whose own text talks about pets: the topic node and what follows it in its flow, up to the next topic. */
  const topicKeys = new Set(topics.map((t) => t.node));
  const talksAboutPets = (topic: string) => {
    const seen = new Set([topic]);
    for (const key of seen) {
      const node = content.nodes[key]!;
      if (/\bpets?\b/i.test(JSON.stringify('say' in node ? node.say : ''))) return true;
      for (const next of nextOf(node)) if (next.split('/')[0] === topic.split('/')[0] && !topicKeys.has(next)) seen.add(next);
    }
    return false;
  };
  const petTopics = topics.map((t) => t.node).filter(talksAboutPets);

  it('some topics talk about pets', () => {
    expect(petTopics.length).toBeGreaterThanOrEqual(2);
  });

  it.each(['pets', 'pet', 'dog', 'cat', 'my dog', 'he threatened to hurt my pets'])('"%s" finds topics that talk about pets first', (query) => {
    const found = findTopics(query, shipped);
    expect(petTopics).toContain(found[0]);
    expect(found.slice(0, 3).filter((n) => petTopics.includes(n)).length, found.join(', ')).toBeGreaterThanOrEqual(2);
  });
});

describe('topic names', () => {
  it.each(topics.map((t) => [t.node, typeof t.title === 'string' ? t.title : t.title.en ?? '']))('%s: "%s" is short and safe to show', (node, title) => {
    const words = title.split(/\s+/).filter(Boolean);
    expect(words.length).toBeGreaterThanOrEqual(2);
    expect(words.length).toBeLessThanOrEqual(6);
    const flow = node.split('/')[0]!;
    const hits = bannedPhrases.filter((b) => (!b.victimOnly || victimFacing(flow)) && b.phrase.test(title)).map((b) => b.why);
    expect(hits).toEqual([]);
  });

  it('each topic has 8 to 30 keywords, all lower-case', () => {
    for (const t of topics) {
      expect(t.words.length, t.node).toBeGreaterThanOrEqual(8);
      expect(t.words.length, t.node).toBeLessThanOrEqual(30);
      for (const w of t.words) expect(w, t.node).toMatch(/^[a-z0-9' -]+$/);
    }
  });
});
