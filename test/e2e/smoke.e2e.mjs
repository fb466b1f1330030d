#!/usr/bin/env node
// End-to-end smoke test: a real VS Code (code-server) opens test/e2e/fixture-workspace
// in headless Chromium, opens hello.ddd through Quick Open and shows its text.
//
//   bash scripts/e2e/setup-code-server.sh     # once; ~0 s when already installed
//   node test/e2e/smoke.e2e.mjs
//
// Plain Node (no vitest). Prints "1 passed, 0 failed" or "0 passed, 1 failed"
// (exit 1). Writes test-results/e2e/smoke.png and test-results/e2e/code-server.log.
// Optional: DDD_E2E_VSIX=path/to/ddd-modeler.vsix installs the extension first.

import { mkdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { openWorkbench, startCodeServer } from "../../scripts/e2e/code-server.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const WORKSPACE = path.join(ROOT, "test/e2e/fixture-workspace");
const RESULTS = path.join(ROOT, "test-results/e2e");
const GLOBAL_TIMEOUT_MS = 3 * 60_000;
const EXPECTED_TEXT = "context Sales";

let server;
let workbench;

async function cleanup() {
  await workbench?.close().catch((e) => console.error("closing the browser:", e.message));
  await server?.stop().catch((e) => console.error("stopping code-server:", e.message));
}

let reported = false; // report once, even when the watchdog and run() both fail
function fail(err) {
  if (reported) return;
  reported = true;
  console.error(`FAIL smoke: ${err?.stack || err}`);
  if (server) console.error(`code-server log: ${path.relative(ROOT, server.logFile)}`);
  console.log("0 passed, 1 failed");
}

// Whatever hangs (code-server, the browser, a selector), the run ends here.
// startCodeServer() also SIGKILLs code-server's process group on process exit,
// and Playwright kills the browser it launched.
const watchdog = setTimeout(async () => {
  fail(new Error(`global timeout of ${GLOBAL_TIMEOUT_MS / 1000} s exceeded`));
  await Promise.race([cleanup(), new Promise((r) => setTimeout(r, 10_000))]);
  process.exit(1);
}, GLOBAL_TIMEOUT_MS);

/** The text of the active editor as rendered (Monaco draws spaces as U+00A0). */
async function activeEditorText(page) {
  const lines = page.locator(".editor-group-container.active .monaco-editor .view-lines");
  return ((await lines.first().textContent({ timeout: 5000 })) ?? "").replace(/\u00a0/g, " ");
}

/** Quick Open (Ctrl+P), type the name, Enter. Returns false if Quick Open did not show up. */
async function openWithQuickOpen(page, name) {
  await page.keyboard.press("Control+P");
  const input = page.locator(".quick-input-widget input");
  try {
    await input.waitFor({ state: "visible", timeout: 5000 });
  } catch {
    return false;
  }
  await input.fill(name);
  // Wait until the file search has found it, then pick the first entry.
  await page
    .locator(".quick-input-list .monaco-list-row", { hasText: name })
    .first()
    .waitFor({ timeout: 15_000 });
  await page.keyboard.press("Enter");
  return true;
}

async function run() {
  const t0 = Date.now();
  await mkdir(RESULTS, { recursive: true });

  server = await startCodeServer({
    workspace: WORKSPACE,
    vsix: process.env.DDD_E2E_VSIX || undefined,
    logFile: path.join(RESULTS, "code-server.log"),
  });
  console.log(`code-server answering at ${server.baseUrl} after ${server.startMs} ms`);

  workbench = await openWorkbench(server.url);
  const { page } = workbench;
  console.log(`.monaco-workbench visible ${workbench.workbenchMs} ms after goto`);

  // The Explorer lists the fixture files once the workspace is loaded.
  await page.locator('.explorer-folders-view .monaco-list-row[aria-label^="hello.ddd"]').waitFor({ timeout: 30_000 });

  if (await openWithQuickOpen(page, "hello.ddd")) {
    console.log("opened hello.ddd via Quick Open (Ctrl+P)");
  } else {
    console.log("Quick Open did not appear; opening hello.ddd from the Explorer");
    await page.locator('.explorer-folders-view .monaco-list-row[aria-label^="hello.ddd"]').dblclick();
  }

  await page.locator('.tabs-container .tab.active[aria-label^="hello.ddd"]').waitFor({ timeout: 15_000 });
  // Poll until Monaco has rendered the file.
  const deadline = Date.now() + 15_000;
  let text = "";
  while (!(text = await activeEditorText(page).catch(() => "")).includes(EXPECTED_TEXT)) {
    if (Date.now() > deadline) throw new Error(`editor shows ${JSON.stringify(text)}, expected it to contain ${JSON.stringify(EXPECTED_TEXT)}`);
    await page.waitForTimeout(200);
  }
  console.log(`editor shows ${JSON.stringify(text.trim())}`);

  const shot = path.join(RESULTS, "smoke.png");
  await page.screenshot({ path: shot });
  console.log(`screenshot: ${path.relative(ROOT, shot)}`);
  if (workbench.pageErrors.length) console.log(`page errors (not fatal):\n  ${workbench.pageErrors.join("\n  ")}`);
  console.log(`PASS smoke (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
}

let failed = false;
try {
  await run();
} catch (err) {
  failed = true;
  // A screenshot of the failure helps more than the stack trace.
  await workbench?.page.screenshot({ path: path.join(RESULTS, "smoke-failure.png") }).catch(() => {});
  fail(err);
} finally {
  await cleanup();
  clearTimeout(watchdog);
}
if (!failed) {
  reported = true;
  console.log("1 passed, 0 failed");
}
process.exit(failed ? 1 : 0);
