#!/usr/bin/env node
// End-to-end test of the extension in VS Code for the Web's extension host: the
// packaged VSIX in code-server 4.100.3 (VS Code 1.100), made to run in the browser's
// Web Worker extension host instead of the Node one, driven through headless Chromium.
//
//   bash scripts/e2e/setup-code-server.sh      # once
//   node test/e2e/web.e2e.mjs                  # packages the VSIX first (npm run package)
//   DDD_E2E_VSIX=dist/ddd-modeler.vsix node test/e2e/web.e2e.mjs --only web-host,web-hover
//
// How the web host is forced: the user setting `remote.extensionKind` gives the
// extension the kind ["web"], so VS Code runs its `browser` entry
// (dist/browser-extension.js) in the Web Worker extension host; the language server
// then runs in a Web Worker of its own (dist/browser-server.js) and reads the
// workspace through vscode.workspace.fs. `web-host` shows that the Node extension
// host did not load it: no dist/server.js process, and the remote extension host's
// log activates other extensions but not this one.
//
// Each check runs on its own, leaves test-results/e2e/web-<check>.png, and the run
// ends with "N passed, M failed" (exit 1 if any failed).

import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { openWorkbench, startCodeServer } from "../../scripts/e2e/code-server.mjs";
import { createSuite, onlyChecks, RESULTS, ROOT, serverPids, vsixPath } from "./suite.mjs";
import { plain, sleep, waitFor, Workbench } from "./workbench.mjs";

const suite = createSuite({ globalTimeoutMs: 4 * 60_000, screenshotPrefix: "web" });
const EXTENSION_ID = "ddd-modeler.ddd-modeler";

const BROKEN = `// Seeded mistakes for the end-to-end test.
contextmap Mistakes {
  Sales -> Nowhere
}
`;

const SETTINGS = {
  // the extension runs in the browser's Web Worker extension host, never in the Node one
  "remote.extensionKind": { [EXTENSION_ID]: ["web"] },
  "editor.hover.delay": 100,
  "files.autoSave": "off",
  "workbench.editor.enablePreview": false,
};

/** code-server as the suite started it, and the workspace folder it opened (the checks read both). */
let server;
let workspace;

/** The Node (remote) extension host's logs, from the user-data dir. */
async function remoteHostLog() {
  const logs = path.join(server.userDataDir, "logs");
  const files = (await readdir(logs, { recursive: true }).catch(() => [])).filter((f) => /remoteexthost\.log$|exthost[^/\\]*\.log$/.test(f));
  return { files, text: (await Promise.all(files.map((f) => readFile(path.join(logs, f), "utf8").catch(() => "")))).join("\n") };
}

/** The text of the "DDD Modeler" output channel, shown in the Output panel. */
async function extensionOutput(wb) {
  await wb.runCommand("DDD: Show Output");
  const panel = wb.page.locator(".part.panel");
  return waitFor("the DDD Modeler output to say the language server is ready", async () => {
    const text = plain(await panel.locator(".view-lines").textContent().catch(() => ""));
    return /Language server ready in \d+ ms/.test(text) && text;
  }, { timeoutMs: 30_000 });
}

/** The page of the visible panel of `mode` ("preview" | "simulator"), as a FrameLocator (a webview is an iframe holding iframe#active-frame). */
async function webview(wb, mode) {
  return waitFor(`the ${mode} webview`, async () => {
    const count = await wb.page.locator("iframe.webview.ready").count();
    for (let i = 0; i < count; i++) {
      const frame = wb.page.frameLocator("iframe.webview.ready").nth(i).frameLocator("iframe#active-frame");
      if (await frame.locator(`body[data-mode="${mode}"]`).count().catch(() => 0)) return frame;
    }
    return false;
  }, { timeoutMs: 20_000 });
}

const checks = [
  {
    name: "web-host",
    title: "the extension runs in the Web Worker extension host, its language server in a Web Worker; the Node host did not load it",
    async run(wb) {
      await wb.openFile("broken.ddd");
      const output = await extensionOutput(wb);
      await writeFile(path.join(RESULTS, "web-output.log"), output);
      if (!/the language server runs in a Web Worker/.test(output)) throw new Error(`the output does not say the server runs in a Web Worker:\n${output.slice(0, 600)}`);
      if (!/Language server ready in \d+ ms \(in a Web Worker\)/.test(output)) throw new Error(`no "ready (in a Web Worker)" line:\n${output.slice(0, 600)}`);
      const pids = serverPids(server);
      if (pids.length) throw new Error(`a Node language server runs (pids ${pids}): the desktop entry was loaded`);
      const log = await remoteHostLog();
      const activated = [...log.text.matchAll(/_doActivateExtension ([\w.-]+)/g)].map((m) => m[1]);
      if (!activated.length) throw new Error(`the Node extension host's log (${log.files.join(", ") || "none found"}) shows no activation at all: it cannot tell`);
      if (activated.includes(EXTENSION_ID)) throw new Error(`the Node extension host activated ${EXTENSION_ID}`);
      const line = output.split(/\n|(?=\d{4}-\d\d-\d\d )/).find((l) => /DDD Modeler \d/.test(l)) ?? "";
      return `output: ${line.trim().slice(0, 160)}; no Node server process; the Node host activated ${activated.length} others (${[...new Set(activated)].slice(0, 3).join(", ")}…), not this one`;
    },
  },
  {
    name: "web-squiggles",
    title: "the unknown context is squiggled and listed in Problems; Sales, declared in a file never opened, is known",
    async run(wb) {
      await wb.openFile("broken.ddd");
      await waitFor("an error squiggle on `Sales -> Nowhere`", () => wb.squigglesOnLine("error", "Sales -> Nowhere"), { timeoutMs: 30_000 });
      await wb.showProblems();
      const rows = await waitFor("a Problems entry about Nowhere", async () => {
        const all = await wb.problemRows();
        return all.some((r) => /Nowhere/.test(r)) && all;
      });
      const aboutSales = rows.filter((r) => /\bSales\b/.test(r) && !/Nowhere/.test(r));
      if (aboutSales.length) throw new Error(`Sales is reported unknown: the workspace was not read (${aboutSales.join(" | ")})`);
      return `Problems: ${rows.find((r) => /Nowhere/.test(r)).trim()}`;
    },
  },
  {
    name: "web-hover",
    title: "hovering Customer in the Sales file shows Sales' glossary definition",
    async run(wb) {
      await wb.openFile("contexts/sales.ddd");
      const text = await readFile(path.join(workspace, "contexts/sales.ddd"), "utf8");
      await wb.gotoWord(text, "Customer");
      const hover = await waitFor("a hover with Sales' definition of Customer", async () => {
        const t = await wb.hoverText({ screenshot: path.join(RESULTS, "web-hover-widget.png") }).catch(() => "");
        if (!t) await wb.escape(1);
        return /Someone who buys/.test(t) && t;
      }, { timeoutMs: 20_000 });
      await wb.escape(1);
      return `hover: ${JSON.stringify(hover.slice(0, 120))}`;
    },
  },
  {
    name: "web-preview",
    title: 'on context-map.ddd, "DDD: Open Preview to the Side" draws the context map in the webview',
    async run(wb) {
      await wb.openFile("context-map.ddd");
      await wb.runCommand("DDD: Open Preview to the Side");
      const frame = await webview(wb, "preview");
      const sales = frame.locator('.ddd-stage svg g[id*="-flowchart-c_Sales-"]');
      await sales.waitFor({ timeout: 30_000 });
      const nodes = await frame.locator(".ddd-stage svg g.node").count();
      if (!/Sales/.test(plain(await sales.textContent()))) throw new Error("the Sales node has no label");
      await sleep(300);
      return `${nodes} nodes drawn`;
    },
  },
  {
    name: "web-simulator",
    title: "the ▶ Simulate code lens above OrderSaga opens the saga simulator; Run to end reaches COMPLETED",
    async run(wb) {
      await wb.runCommand("View: Close All Editors");
      await wb.openFile("sagas/order-saga.ddd");
      const lens = wb.editor.locator(".codelens-decoration a", { hasText: "Simulate" }).first();
      await lens.waitFor({ timeout: 20_000 });
      await lens.click();
      const frame = await webview(wb, "simulator");
      const state = (name) => frame.locator(`.ddd-machine svg g.ddd-current[id*="-state-${name}-"]`);
      await state("STARTED").waitFor({ timeout: 20_000 });
      await frame.locator(".ddd-toolbar vscode-button", { hasText: "Run to end" }).first().click();
      await state("COMPLETED").waitFor({ timeout: 10_000 });
      const verdict = plain(await frame.locator(".ddd-verdict").innerText());
      if (!/every guarantee holds/i.test(verdict)) throw new Error(`the verdict says ${JSON.stringify(verdict)}`);
      return `STARTED, then Run to end: COMPLETED; verdict: ${verdict.replace(/\s+/g, " ").slice(0, 80)}`;
    },
  },
];

async function main() {
  await mkdir(RESULTS, { recursive: true });
  for (const f of await readdir(RESULTS)) if (/^web-.*\.png$/.test(f)) await rm(path.join(RESULTS, f), { force: true });
  const only = onlyChecks();
  const vsix = vsixPath();

  workspace = suite.state.workspace = await mkdtemp(path.join(os.tmpdir(), "ddd-e2e-web-"));
  await cp(path.join(ROOT, "examples/order-saga"), workspace, { recursive: true });
  await writeFile(path.join(workspace, "broken.ddd"), BROKEN);

  server = suite.state.server = await startCodeServer({ workspace, vsix, settings: SETTINGS, logFile: path.join(RESULTS, "web-code-server.log") });
  console.log(`code-server with ${path.relative(ROOT, vsix)} installed answers after ${server.startMs} ms`);
  const handle = await openWorkbench(server.url);
  suite.state.browser = handle;
  const consoleLines = [];
  handle.page.on("console", (message) => consoleLines.push(`${message.type()}: ${message.text()}`));
  const wb = new Workbench(handle.page);
  console.log(`workbench visible ${handle.workbenchMs} ms after goto`);
  await wb.page.locator(".explorer-folders-view .monaco-list-row").first().waitFor({ timeout: 30_000 });

  for (const check of checks) if (!only || only.includes(check.name)) await suite.runCheck(wb, check);
  await writeFile(path.join(RESULTS, "web-console.log"), consoleLines.join("\n"));
  if (handle.pageErrors.length) console.log(`page errors (not fatal): ${handle.pageErrors.length}, first: ${handle.pageErrors[0]}`);
  console.log("browser console: test-results/e2e/web-console.log; screenshots: test-results/e2e/web-*.png");
}

await suite.run(main);
