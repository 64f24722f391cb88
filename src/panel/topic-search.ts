/**
 * The topic finder: the keywords and the code that matches them travel together in one chunk,
 * loaded the first time someone opens the finder.
 */
import keywords from 'virtual:safety-chat/keywords';
import type { NodeKey, Topic } from '../engine/data.js';
import { findTopics } from '../engine/find-topics.js';

/** A finder over `topics` (which ship without their keywords in the panel). */
export function topicFinder(topics: readonly Topic[]): (query: string) => NodeKey[] {
  const index = topics.map((t, i) => ({ ...t, words: keywords[i]?.split('|') ?? [] }));
  return (query) => findTopics(query, index);
}
