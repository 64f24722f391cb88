/**
 * Fetches a route's screens (see engine/routes.ts), once per page. The element starts the fetch of
 * the route its audience opens on alongside the panel's, so neither waits for the other; the panel
 * fetches the other route the first time someone crosses into it. A failed fetch is not kept, so
 * the next try fetches again (a network that dropped may be back).
 */
import type { PackedNode } from '../engine/pack.js';
import type { Route } from '../engine/routes.js';

const chunks: Record<Route, () => Promise<{ default: PackedNode[] }>> = {
  general: () => import('virtual:safety-chat/route/general'),
  'young-people': () => import('virtual:safety-chat/route/young-people'),
};

const loading: Partial<Record<Route, Promise<PackedNode[]>>> = {};

export function loadRouteChunk(route: Route): Promise<PackedNode[]> {
  return (loading[route] ??= chunks[route]().then(
    (m) => m.default,
    (e: unknown) => {
      delete loading[route];
      throw e;
    },
  ));
}
