/**
 * The one way the browser suites start what they drive: the project's demo server
 * (scripts/serve.mjs, serving /demo and the built /dist) on a free port, and Chromium as
 * scripts/browser.mjs launches it (the widget's shadow roots open for the tests).
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
// @ts-expect-error plain JS helper scripts
import { launchForTests } from '../../scripts/browser.mjs';
// @ts-expect-error plain JS helper scripts
import { startServer } from '../../scripts/serve.mjs';

export const launch = launchForTests as () => Promise<Browser>;

/** The demo server on a free port (the partner page gets the strict CSP). */
export async function demoServer(): Promise<{ server: Server; origin: string }> {
  const server = (await startServer(0)) as Server;
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** The demo server and a browser, started before a test file's tests and closed after them. */
export function useDemo(): { readonly origin: string; readonly browser: Browser } {
  let server: Server | undefined;
  const env = { origin: '', browser: undefined as unknown as Browser };
  beforeAll(async () => {
    const demo = await demoServer();
    server = demo.server;
    env.origin = demo.origin;
    env.browser = await launch();
  });
  afterAll(async () => {
    await env.browser?.close();
    server?.close();
  });
  return env;
}
