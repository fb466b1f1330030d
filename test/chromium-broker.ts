/**
 * One headless Chromium for the whole test run (vitest's globalSetup): the
 * browser tests of every worker connect to it (test/chromium.ts) instead of
 * each worker or file launching its own (a launch is about a second of CPU).
 *
 * The browser is launched on first request, not at setup: a run without
 * browser tests starts none. Setup starts a small HTTP server on 127.0.0.1 and
 * hands its address to the test files (`inject('chromiumBroker')`); a GET
 * answers the browser's WebSocket endpoint, launching it when none runs (again
 * after a crash). Teardown closes the browser and the server.
 */
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { chromium as playwright, type BrowserServer } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { findChromium } from '../src/cli/export';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The address that answers the run's Chromium's WebSocket endpoint (test/chromium-broker.ts). */
    chromiumBroker: string;
  }
}

/** The arguments of the tests' headless Chromium (no GPU, no network of its own, no sandbox: CI containers run as root). */
export const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

/** Where the tests' Chromium may write caches: inside the repository's ignored test-results/. */
export function chromiumHome(): string {
  const home = join(__dirname, '..', 'test-results', 'chromium-home');
  mkdirSync(home, { recursive: true });
  return home;
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const chromium = findChromium();
  let launched: Promise<BrowserServer> | undefined;
  const launch = (): Promise<BrowserServer> => {
    const launching = playwright.launchServer({ executablePath: chromium.path!, headless: true, args: chromiumArgs, env: { ...process.env, HOME: chromiumHome() } });
    launched = launching;
    void launching.then(
      (server) => server.on('close', () => void (launched === launching ? (launched = undefined) : undefined)),
      () => void (launched === launching ? (launched = undefined) : undefined),
    );
    return launching;
  };
  const broker = createServer((_request, response) => {
    if (!chromium.path) return void response.writeHead(404, { 'content-type': 'text/plain' }).end(`no Chromium: ${chromium.problem}`);
    (launched ?? launch()).then(
      (server) => response.writeHead(200, { 'content-type': 'text/plain' }).end(server.wsEndpoint()),
      (error: unknown) => response.writeHead(500, { 'content-type': 'text/plain' }).end(`Chromium did not start: ${error instanceof Error ? error.message : String(error)}`),
    );
  });
  await new Promise<void>((resolve) => broker.listen(0, '127.0.0.1', resolve));
  const address = broker.address();
  project.provide('chromiumBroker', `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`);
  return async () => {
    broker.close();
    const running = await launched?.catch(() => undefined);
    await running?.close();
  };
}
