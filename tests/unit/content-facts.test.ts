/**
 * The corrected facts stay corrected: rules over the live content, whatever the wording an editor
 * chooses. Each rule says what must never be said again, or what must be said wherever a topic
 * is, with the source the content carries for it (see docs/sources.md).
 */
import { describe, expect, it } from 'vitest';
import type { ChatNode, NodeKey } from '../../src/engine/data.js';
import { choicesOf } from '../../src/nodes/index.js';
import { nodeTexts } from './check-walk.js';
import { liveContent } from './live-content.js';

const content = liveContent();
const screens = Object.entries(content.nodes) as [NodeKey, ChatNode][];
/** Every English message of every screen and service card, with where it is. */
const said: [string, string][] = [
  ...screens.flatMap(([k, n]) => nodeTexts(content, n).map((t): [string, string] => [k, t])),
  ...content.services.flatMap((s) => [s.about, s.for, s.name].map((t): [string, string] => [`service ${s.id}`, typeof t === 'string' ? t : t.en!])),
  ...Object.entries(content.strings).map(([k, t]): [string, string] => [`string ${k}`, typeof t === 'string' ? t : t.en!]),
];
const words = (key: NodeKey) => nodeTexts(content, content.nodes[key]!).join(' ');
const anywhere = (re: RegExp) => said.filter(([, t]) => re.test(t)).map(([k, t]) => `${k}: ${t}`);
/** The screens whose words match, and what they say in all. */
const screensSaying = (re: RegExp) => screens.filter(([k]) => re.test(words(k))).map(([k]) => k);

describe('facts corrected against the sources', () => {
  it('breaking an occupation order is never called an arrestable offence (it is contempt of court; arrest only with a power of arrest)', () => {
    expect(anywhere(/arrestable offence/i)).toEqual([]);
    const occupation = screensSaying(/occupation order/i);
    expect(occupation.length).toBeGreaterThan(0);
    for (const k of occupation.filter((x) => /breaking|breach/i.test(words(x)))) expect(words(k), k).toMatch(/contempt of court|power of arrest/);
  });

  it('no screen says the police in Kent can give a Domestic Abuse Protection Notice (piloted elsewhere only)', () => {
    expect(anywhere(/Kent[^.]*Domestic Abuse Protection Notice|Domestic Abuse Protection Notice[^.]*Kent/)).toEqual([]);
  });

  it('silent 999 is never "stay on the line and you will be put through": the police do not come on their own', () => {
    // (On a landline, staying on the line is right: the operator listens for background noise.)
    expect(anywhere(/stay on the line|put through to the police/i).filter((l) => !/landline/i.test(l))).toEqual([]);
    const silent = anywhere(/cannot speak|can't talk|cannot talk/i);
    expect(silent.length).toBeGreaterThan(0);
    // (A line about text relay for deaf people is another way in, not a silent call.)
    for (const line of silent.filter((l) => /999/.test(l) && !/text relay|Relay UK/.test(l))) expect(line).toMatch(/cough|tap|55/);
  });

  it("Clare's Law screens give the usual time first (28 days, sooner if urgent), not one person's wait", () => {
    expect(anywhere(/seven weeks/i)).toEqual([]);
    const asking = screensSaying(/Clare['’]s Law|right to ask/i).filter((k) => /\b28 days\b/.test(words(k)));
    expect(asking.length).toBeGreaterThan(0);
  });

  it('the age of consent (16) is on every consent screen, and Report Remove on every screen about nudes being shared', () => {
    for (const k of screens.map(([k]) => k).filter((k) => /\/consent$/.test(k))) expect(words(k), k).toMatch(/\b16\b/);
    const nudes = screens.map(([k]) => k).filter((k) => k.startsWith('young/') && /nudes/.test(k));
    expect(nudes.length).toBeGreaterThan(0);
    for (const k of nudes) expect(words(k), k).toMatch(/\{web:report-remove\}|Report Remove/);
  });

  it('Childline is never called simply "private": it is confidential unless they are very worried you are in danger', () => {
    expect(anywhere(/childline[^.]*\b(?:is|it['’]s) (?:free and )?private\b|\bfree,? private help\b/i)).toEqual([]);
    expect(anywhere(/unless they are (?:very )?worried/i).length).toBeGreaterThan(0);
  });

  it('the housing screens say you need not leave first, and that the council must not insist on a police report', () => {
    const housing = screensSaying(/priority need|emergency housing/i);
    expect(housing.length).toBeGreaterThan(0);
    expect(housing.some((k) => /do not have to leave|don't have to leave/i.test(words(k)))).toBe(true);
    expect(housing.some((k) => /police report/i.test(words(k)))).toBe(true);
  });

  it('coercive control is said to cover ex-partners and family who do not live together (since April 2023)', () => {
    expect(screensSaying(/coercive control|controlling behaviour|controlling a partner/i).some((k) => /2023/.test(words(k)) && /ex/i.test(words(k)))).toBe(true);
  });

  it('18000 is never offered as an ordinary call: it needs a textphone or the Relay UK app', () => {
    for (const [k, t] of said.filter(([, t]) => /\{phone:emergency-sms\}/.test(t))) expect(t, k).toMatch(/textphone|Relay UK/);
  });

  it('"money abuse" comes with the word professionals use, economic abuse, on the screens a search lands on', () => {
    const topics = new Set(content.topics.map((t) => t.node));
    const landing = screensSaying(/money abuse/i).filter((k) => topics.has(k));
    expect(landing.length).toBeGreaterThan(0);
    for (const k of landing) expect(words(k), k).toMatch(/economic abuse/i);
  });

  it('the young people\'s route never leads into the adults\' safety check', () => {
    const young = screens.filter(([k]) => k.startsWith('young/') || k.startsWith('young-check/'));
    for (const [k, n] of young) expect(choicesOf(content, n).map((c) => c.next), k).not.toContain('safety-check/start');
  });
});
