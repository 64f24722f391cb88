// The size budgets (gzip bytes, production build, English): one place, read by `npm run size`
// (asserted in npm test) and `npm run bench` (reported beside deep-chat).
export const budgets = {
  /** What a host page loads before the panel opens: safety-chat.js. */
  beforeOpen: 7 * 1024,
  /** Opening the panel and going through every topic of one route, general or young people's (the topic search index and partner contacts load apart). */
  conversation: 60 * 1024,
};
