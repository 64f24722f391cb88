/**
 * The two routes the screens ship in: the young people's route (the flow `young` and any flow
 * named `young-…`, such as its safety check) and the general route (every other flow). Each route
 * is a chunk of its own, so a person loads the words of the route they are on, and the other one
 * only if they cross into it ("I'm under 18" from the general welcome).
 */
import type { Audience, NodeKey } from './data.js';

/** A route is named by the audience that starts on it. */
export type Route = Audience;
export const routes: readonly Route[] = ['general', 'young-people'];

/** Whether a flow belongs to the young people's route. */
export const isYoungFlow = (flowId: string | undefined): boolean => flowId === 'young' || !!flowId?.startsWith('young-');

/** The route a screen (`flow/node`) ships in. */
export const routeOf = (key: NodeKey): Route => (isYoungFlow(key.slice(0, key.indexOf('/'))) ? 'young-people' : 'general');
