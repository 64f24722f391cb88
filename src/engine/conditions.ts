/** The tiny condition language of `branch` nodes, evaluated over in-memory answers. */
import type { AnswerValue, Condition } from './data.js';

export type Answers = Readonly<Record<string, AnswerValue>>;

export function matches(c: Condition, answers: Answers): boolean {
  if ('key' in c) {
    const given = answers[c.key];
    return given !== undefined && (Array.isArray(c.is) ? c.is.includes(given) : c.is === given);
  }
  if ('any' in c) return c.any.some((x) => matches(x, answers));
  if ('all' in c) return c.all.every((x) => matches(x, answers));
  if ('not' in c) return !matches(c.not, answers);
  return c.count.filter((x) => matches(x, answers)).length >= c.atLeast;
}

/** Every answer key a condition reads. */
export function conditionKeys(c: Condition): string[] {
  if ('key' in c) return [c.key];
  if ('not' in c) return conditionKeys(c.not);
  const list = 'any' in c ? c.any : 'all' in c ? c.all : c.count;
  return list.flatMap(conditionKeys);
}
