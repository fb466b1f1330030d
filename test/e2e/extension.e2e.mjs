#!/usr/bin/env node
// End-to-end test of the packaged extension in a real VS Code (code-server 4.100.3,
// VS Code 1.100) driven through headless Chromium, checking what a person sees.
//
//   bash scripts/e2e/setup-code-server.sh      # once
//   node test/e2e/extension.e2e.mjs            # packages the VSIX first (npm run package)
//   DDD_E2E_VSIX=dist/ddd-modeler.vsix node test/e2e/extension.e2e.mjs   # use a VSIX as is
//   node test/e2e/extension.e2e.mjs --only hover,rename                   # some checks only
//
// The workspace is a temporary copy of examples/order-saga plus broken.ddd with two
// seeded mistakes. Each check runs on its own (a failure does not stop the others),
// leaves a screenshot in test-results/e2e/extension-<check>.png, and the run ends
// with "N passed, M failed" (exit 1 if any failed). A global timeout ends a hung run;
// code-server, the browser and the temp folder are always cleaned up.

import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { openWorkbench, startCodeServer } from "../../scripts/e2e/code-server.mjs";
import { findWord, plain, sleep, waitFor, Workbench } from "./workbench.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const RESULTS = path.join(ROOT, "test-results/e2e");
const GLOBAL_TIMEOUT_MS = 5 * 60_000;
const CHECK_TIMEOUT_MS = 60_000;

const BROKEN = `// Seeded mistakes for the end-to-end test.
context Warehouse {
  aggregate Parcel {
    root entity Parcel { id: ParcelId }
    event ShipParcel
    value parcel_label { text: String }
  }
}

contextmap Mistakes {
  Sales -> Nowhere
}
`;
const SCRATCH = `// A place to type in.
context Scratch {

}
`;

// Settings for a deterministic run: completions only from the language server
// (no snippets, no words from the document), outlines expanded, no auto-save.
const SETTINGS = {
  "editor.snippetSuggestions": "none",
  "editor.wordBasedSuggestions": "off",
  "editor.quickSuggestions": { other: false, comments: false, strings: false },
  "editor.hover.delay": 100,
  "outline.collapseItems": "alwaysExpand",
  "files.autoSave": "off",
  "workbench.editor.enablePreview": false,
  "problems.defaultViewMode": "list",
};

let server;
let browser;
let workspace;
const results = [];
const notes = [];

async function cleanup() {
  await browser?.close().catch((e) => console.error("closing the browser:", e.message));
  await server?.stop().catch((e) => console.error("stopping code-server:", e.message));
  if (workspace) await rm(workspace, { recursive: true, force: true }).catch(() => {});
}

function summary() {
  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  console.log(`\n${passed} passed, ${failed} failed`);
  return failed;
}

const watchdog = setTimeout(async () => {
  console.error(`global timeout of ${GLOBAL_TIMEOUT_MS / 1000} s exceeded`);
  results.push({ name: "global timeout", ok: false });
  summary();
  await Promise.race([cleanup(), sleep(10_000)]);
  process.exit(1);
}, GLOBAL_TIMEOUT_MS);

/** The VSIX to install: $DDD_E2E_VSIX, or a fresh `npm run package`. */
function vsixPath() {
  if (process.env.DDD_E2E_VSIX) return path.resolve(process.env.DDD_E2E_VSIX);
  console.log("packaging the extension (node scripts/package.mjs) ...");
  const r = spawnSync(process.execPath, [path.join(ROOT, "scripts/package.mjs"), "--quiet"], { cwd: ROOT, encoding: "utf8" });
  process.stdout.write(r.stdout ?? "");
  if (r.status !== 0) throw new Error(`npm run package failed:\n${r.stdout}${r.stderr}`);
  return path.join(ROOT, "dist/ddd-modeler.vsix");
}

/** Language server processes of this code-server's extension (their pids), from /proc (Linux). */
function serverPids() {
  const pids = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let cmdline = "";
    try {
      cmdline = readFileSync(`/proc/${entry}/cmdline`, "utf8").replace(/\0/g, " ");
    } catch {
      continue; // gone meanwhile
    }
    if (cmdline.includes(server.extensionsDir) && /dist[/\\]server\.js/.test(cmdline)) pids.push(Number(entry));
  }
  return pids;
}

/** The extension's own log ("DDD Modeler" output channel), from the user-data dir. */
async function extensionLog() {
  const logs = path.join(server.userDataDir, "logs");
  const files = (await readdir(logs, { recursive: true }).catch(() => [])).filter((f) => f.endsWith("DDD Modeler.log"));
  const texts = await Promise.all(files.map((f) => readFile(path.join(logs, f), "utf8").catch(() => "")));
  return texts.join("\n");
}

// ---------------------------------------------------------------------------
// The checks. Each gets the Workbench and throws to fail; a returned string is printed.

const checks = [
  {
    name: "startup-problems",
    title: "before any file is opened, the workspace's problems are counted (workspaceContains activation)",
    async run(wb) {
      const counter = wb.page.locator('[id="status.problems"]');
      const text = await waitFor("the status bar to count an error", async () => {
        const t = plain(await counter.getAttribute("aria-label").catch(() => "")) || plain(await counter.textContent());
        return (/Errors?:?\s*[1-9]/i.test(t) || /[1-9]\d*\s+Errors?/i.test(t)) && t; // "Errors: 1, Warnings: 1, …"
      }, { timeoutMs: 30_000 });
      const open = await wb.page.locator(".tabs-container .tab").count();
      if (open) throw new Error(`${open} editor(s) open: the check needs a window without open files`);
      return `status bar: ${text}`;
    },
  },
  {
    name: "language-mode",
    title: 'a .ddd file opens in the "DDD" language mode, with the file icon',
    async run(wb) {
      await wb.openFile("broken.ddd");
      const mode = wb.page.locator('[id="status.editor.mode"]');
      await waitFor('the status bar to say "DDD"', async () => plain(await mode.textContent()).trim() === "DDD");
      const icon = await wb.page
        .locator('.tabs-container .tab.active .monaco-icon-label')
        .evaluate((el) => ({ cls: el.className, bg: getComputedStyle(el, "::before").backgroundImage }));
      if (!/ddd-lang-file-icon/.test(icon.cls)) throw new Error(`the tab's icon label is not for the ddd language: ${icon.cls}`);
      if (!/ddd-file\.svg/.test(icon.bg)) throw new Error(`the tab shows no .ddd file icon (background ${icon.bg})`);
      return "status bar: DDD; tab icon: media/ddd-file.svg";
    },
  },
  {
    name: "activation",
    title: "the extension activates, logs its activation time and starts the language server",
    async run() {
      const log = await waitFor("the extension log to say the language server is ready", async () => {
        const text = await extensionLog();
        return /Language server ready in \d+ ms/.test(text) && text;
      }, { timeoutMs: 30_000 });
      const activated = log.match(/Activated in (\d+) ms \((\d+) ms including/);
      const ready = log.match(/Language server ready in (\d+) ms/);
      if (!activated) throw new Error(`no activation time in the log:\n${log}`);
      if (serverPids().length !== 1) throw new Error(`expected one language server process, found ${serverPids().length}`);
      const line = `activate() ${activated[1]} ms, ${activated[2]} ms with loading the code; server ready ${ready[1]} ms later`;
      notes.push(`activation: ${line}`);
      return line;
    },
  },
  {
    name: "commands",
    title: 'the command palette lists "DDD: Restart Language Server" and "DDD: Show Output"; Show Output opens the log',
    async run(wb) {
      const rows = await wb.paletteEntries("DDD: ");
      for (const title of ["DDD: Restart Language Server", "DDD: Show Output"]) {
        if (!rows.some((r) => r.includes(title))) throw new Error(`palette has no "${title}"; it shows ${JSON.stringify(rows)}`);
      }
      await wb.runCommand("DDD: Show Output");
      const panel = wb.page.locator(".part.panel");
      await waitFor("the output panel to show the extension's log", async () => /Activated in \d+ ms/.test(plain(await panel.textContent())));
      return `palette: ${rows.filter((r) => r.includes("DDD:")).length} DDD commands`;
    },
  },
  {
    name: "unknown-context",
    title: "the unknown context in the context map is squiggled and listed in Problems",
    async run(wb) {
      await wb.openFile("broken.ddd");
      await waitFor("an error squiggle on `Sales -> Nowhere`", () => wb.squigglesOnLine("error", "Sales -> Nowhere"), { timeoutMs: 30_000 });
      await wb.showProblems();
      const row = await waitFor("a Problems entry about Nowhere", async () => (await wb.problemRows()).find((r) => /Nowhere/.test(r)));
      return `Problems: ${row.trim()}`;
    },
  },
  {
    name: "naming-warning",
    title: "the event named in the imperative (ShipParcel) is flagged",
    async run(wb) {
      await wb.openFile("broken.ddd");
      await waitFor("a warning squiggle on `event ShipParcel`", () => wb.squigglesOnLine("warning", "event ShipParcel"), { timeoutMs: 15_000 });
      await wb.showProblems();
      const row = await waitFor("a Problems entry about ShipParcel", async () => (await wb.problemRows()).find((r) => /ShipParcel/.test(r)));
      return `Problems: ${row.trim()}`;
    },
  },
  {
    name: "hints-setting",
    title: "a hint shows as dots under the name, and `ddd.validation.hints: false` hides it",
    async run(wb) {
      await wb.openFile("broken.ddd");
      const line = "value parcel_label";
      await waitFor("hint dots on `value parcel_label`", () => wb.squigglesOnLine("hint", line), { timeoutMs: 15_000 });
      // as a person does it: the Settings editor, search, click the checkbox
      const toggle = async () => {
        await wb.runCommand("Preferences: Open User Settings");
        const search = wb.page.locator(".settings-editor .settings-header-widget .monaco-editor textarea, .settings-editor .search-container textarea").first();
        await search.waitFor({ state: "visible", timeout: 10_000 });
        await search.focus();
        await wb.page.keyboard.press("Control+A");
        await wb.page.keyboard.type("ddd.validation.hints");
        const item = wb.page.locator(".settings-editor .setting-item-bool", { hasText: "Hints" }).first();
        await item.waitFor({ state: "visible", timeout: 10_000 });
        const description = plain(await item.locator(".setting-item-description").textContent());
        await item.locator(".setting-value-checkbox").click();
        await sleep(500);
        await wb.openFile("broken.ddd");
        return description;
      };
      const description = await toggle();
      try {
        await waitFor("the hint to disappear", async () => (await wb.squigglesOnLine("hint", line)) === 0, { timeoutMs: 10_000 });
        if (!(await wb.squigglesOnLine("warning", "event ShipParcel"))) throw new Error("the warning went away with the hint");
      } finally {
        await toggle();
      }
      await waitFor("the hint to come back", () => wb.squigglesOnLine("hint", line), { timeoutMs: 10_000 });
      return `Settings: "${description.trim().slice(0, 60)}…"; hint shown, hidden, shown again`;
    },
  },
  {
    name: "hover",
    title: "hovering Customer in the Sales file shows Sales' glossary definition",
    async run(wb) {
      await wb.openFile("contexts/sales.ddd");
      const text = await readFile(path.join(workspace, "contexts/sales.ddd"), "utf8");
      await wb.gotoWord(text, "Customer");
      const hover = await waitFor("a hover with Sales' definition of Customer", async () => {
        const t = await wb.hoverText({ screenshot: path.join(RESULTS, "extension-hover-widget.png") }).catch(() => "");
        if (!t) await wb.escape(1);
        return t;
      }, { timeoutMs: 20_000 });
      await wb.escape(1);
      if (!/Someone who buys/.test(hover)) throw new Error(`the hover does not show Sales' definition: ${JSON.stringify(hover)}`);
      if (/account holder/.test(hover)) throw new Error(`the hover shows Support's definition too: ${JSON.stringify(hover)}`);
      return `hover: ${JSON.stringify(hover.slice(0, 120))}`;
    },
  },
  {
    name: "outline",
    title: "the Outline lists the context and its aggregate",
    async run(wb) {
      await wb.openFile("contexts/sales.ddd");
      await wb.runCommand("Explorer: Focus on Outline View");
      const rows = await waitFor("Outline rows for Sales and Order", async () => {
        // the symbol names (a row's text also holds its detail, e.g. "Sales" + "implements Ordering")
        const rows = await wb.outlineRows().evaluateAll((els) =>
          els.map((r) => ({
            name: (r.querySelector(".label-name")?.textContent ?? "").replace(/\u00a0/g, " ").trim(),
            kind: (r.querySelector(".codicon[class*='codicon-symbol-']")?.className.match(/codicon-symbol-(\w+)/) ?? [])[1],
          })),
        );
        // Sales, and Order as something other than a glossary term (the aggregate), not only its glossary entry
        const sales = rows.find((r) => r.name === "Sales");
        const glossaryKind = rows.find((r) => r.name === "Customer")?.kind;
        const aggregate = rows.find((r) => r.name === "Order" && r.kind !== glossaryKind);
        return sales && aggregate && rows.map((r) => `${r.name} (${r.kind})`);
      }, { timeoutMs: 20_000 });
      return `outline: ${rows.slice(0, 8).join(" | ")}${rows.length > 8 ? " | …" : ""}`;
    },
  },
  {
    name: "completion",
    title: "Ctrl+Space inside a context body offers `aggregate`",
    async run(wb) {
      await wb.openFile("scratch.ddd");
      const text = await readFile(path.join(workspace, "scratch.ddd"), "utf8");
      const { line } = findWord(text, "Scratch");
      await wb.gotoLine(line + 1, 1);
      await wb.page.keyboard.type("  ");
      const labels = await waitFor("the suggest widget to offer aggregate", async () => {
        await wb.page.keyboard.press("Control+Space");
        const rows = wb.page.locator(".editor-widget.suggest-widget.visible .monaco-list-row");
        await rows.first().waitFor({ timeout: 3000 });
        await sleep(300);
        const texts = (await rows.allTextContents()).map(plain);
        await wb.page.screenshot({ path: path.join(RESULTS, "extension-completion-widget.png") });
        if (!texts.some((t) => /^\s*aggregate\b/.test(t))) {
          await wb.escape(1);
          return false;
        }
        return texts;
      }, { timeoutMs: 20_000 });
      await wb.escape(1);
      return `suggestions: ${labels.slice(0, 8).map((t) => t.trim().split(/\s+/)[0]).join(", ")}`;
    },
  },
  {
    name: "editing",
    title: "typing `{` Enter indents and closes the block, `\"` closes the string, Ctrl+/ comments the line",
    async run(wb) {
      const file = path.join(workspace, "scratch.ddd");
      const original = await readFile(file, "utf8");
      try {
        await wb.openFile("scratch.ddd");
        const { line } = findWord(original, "Scratch");
        await wb.gotoLine(line + 1, 1);
        await wb.page.keyboard.type("aggregate Parcel {");
        await wb.page.keyboard.press("Enter");
        await wb.page.keyboard.type('invariant "never lost');
        await wb.page.keyboard.press("Control+/");
        await wb.page.keyboard.press("Control+S");
        const saved = await waitFor("scratch.ddd to be saved", async () => {
          const t = await readFile(file, "utf8");
          return t !== original && t;
        });
        const lines = saved.split("\n");
        const at = lines.findIndex((l) => l.includes("aggregate Parcel {"));
        const indent = (l) => l.match(/^\s*/)[0].length;
        const [open, body, close] = lines.slice(at, at + 3);
        const problems = [];
        if (!/^\s*\/\/ ?invariant "never lost"\s*$/.test(body ?? "")) problems.push(`line after the brace is ${JSON.stringify(body)}, expected // invariant "never lost"`);
        if (!(indent(body ?? "") > indent(open))) problems.push("the line after `{` is not indented");
        if (!/^\s*\}\s*$/.test(close ?? "") || indent(close) !== indent(open)) problems.push(`the block is not closed at the brace's indentation: ${JSON.stringify(close)}`);
        if (problems.length) throw new Error(`${problems.join("; ")}\n${saved}`);
        return lines.slice(at, at + 3).map((l) => JSON.stringify(l)).join(" / ");
      } finally {
        await writeFile(file, original);
        await waitFor("the editor to reload scratch.ddd", async () => !(await wb.editorText()).includes("never lost")).catch(() => {});
      }
    },
  },
  {
    name: "rename",
    title: "F2 on an event, a new name, Enter: the other files that use it change too",
    async run(wb) {
      const from = "OrderPlaced";
      const to = "OrderWasPlaced";
      const other = "sagas/choreography.ddd";
      if (!(await readFile(path.join(workspace, other), "utf8")).includes(from)) throw new Error(`${other} does not use ${from}`);
      await wb.openFile("contexts/sales.ddd");
      const text = await readFile(path.join(workspace, "contexts/sales.ddd"), "utf8");
      // the declaration: `event OrderPlaced {`
      const occurrence = text.split(/(?<![A-Za-z0-9_])OrderPlaced(?![A-Za-z0-9_])/).findIndex((part, i, all) => i < all.length - 1 && /event\s+$/.test(part));
      await wb.gotoWord(text, from, { occurrence, offset: 2 });
      await wb.page.keyboard.press("F2");
      const input = wb.page.locator(".rename-box input, .rename-box textarea").first();
      await input.waitFor({ state: "visible", timeout: 10_000 });
      await input.fill(to);
      await wb.page.screenshot({ path: path.join(RESULTS, "extension-rename-box.png") });
      await wb.page.keyboard.press("Enter");
      await waitFor(`the editor to show ${to}`, async () => (await wb.editorText()).includes(to));
      await wb.runCommand("File: Save All");
      const changed = await waitFor(`${other} on disk to use ${to}`, async () => {
        const t = await readFile(path.join(workspace, other), "utf8");
        return t.includes(to) && !new RegExp(`\\b${from}\\b`).test(t) && t;
      }, { timeoutMs: 10_000 });
      await wb.openFile(other);
      await waitFor(`${other} to show ${to}`, async () => (await wb.editorText()).includes(to));
      return `${other}: ${changed.split("\n").filter((l) => l.includes(to)).length} line(s) now say ${to}`;
    },
  },
  {
    name: "crash-recovery",
    title: "a crashed server restarts silently; after 5 crashes in 3 minutes one message with Restart, which works",
    async run(wb) {
      await wb.openFile("broken.ddd");
      const first = await waitFor("a language server process", () => serverPids()[0]);
      process.kill(first, "SIGKILL");
      const second = await waitFor("the server to be restarted", () => serverPids().find((p) => p !== first), { timeoutMs: 15_000 });
      await sleep(1000);
      if ((await wb.notifications()).length) throw new Error(`a notification after one crash: ${await wb.notifications()}`);
      // four more crashes, each as soon as the server is back
      let pid = second;
      for (let i = 2; i <= 5; i++) {
        process.kill(pid, "SIGKILL");
        if (i < 5) pid = await waitFor(`restart after crash ${i}`, () => serverPids().find((p) => p !== pid), { timeoutMs: 20_000 });
      }
      const message = await waitFor("one error notification", async () => {
        const n = await wb.notifications();
        return n.length > 0 && n;
      }, { timeoutMs: 10_000 });
      await sleep(3000); // would a restart loop show more?
      const all = await wb.notifications();
      const running = serverPids();
      await wb.page.screenshot({ path: path.join(RESULTS, "extension-crash-message.png") });
      if (all.length !== 1 || !/crashed 5 times/.test(all[0])) throw new Error(`expected one "crashed 5 times" message, got ${JSON.stringify(all)}`);
      if (running.length) throw new Error(`the server was restarted after giving up (pids ${running})`);
      // the Restart button of that message brings it back
      await wb.page.locator(".notifications-toasts .notification-toast .monaco-button", { hasText: "Restart" }).first().click();
      await waitFor("the server to run again after Restart", () => serverPids().length === 1, { timeoutMs: 15_000 });
      await wb.showProblems();
      await waitFor("Problems to list Nowhere again", async () => (await wb.problemRows()).some((r) => /Nowhere/.test(r)), { timeoutMs: 20_000 });
      return `message: ${JSON.stringify(message[0].slice(0, 100))}`;
    },
  },
];

async function main() {
  await mkdir(RESULTS, { recursive: true });
  // screenshots of an earlier run would pass for this one's
  for (const f of await readdir(RESULTS)) if (/^extension-.*\.png$/.test(f)) await rm(path.join(RESULTS, f), { force: true });
  const only = process.argv.includes("--only") ? process.argv[process.argv.indexOf("--only") + 1].split(",") : undefined;
  const t0 = Date.now();
  const vsix = vsixPath();

  workspace = await mkdtemp(path.join(os.tmpdir(), "ddd-e2e-ws-"));
  await cp(path.join(ROOT, "examples/order-saga"), workspace, { recursive: true });
  await writeFile(path.join(workspace, "broken.ddd"), BROKEN);
  await writeFile(path.join(workspace, "scratch.ddd"), SCRATCH);

  server = await startCodeServer({ workspace, vsix, settings: SETTINGS, logFile: path.join(RESULTS, "extension-code-server.log") });
  console.log(`code-server with ${path.relative(ROOT, vsix)} installed answers after ${server.startMs} ms`);
  const wbHandle = await openWorkbench(server.url);
  browser = wbHandle;
  const wb = new Workbench(wbHandle.page);
  console.log(`workbench visible ${wbHandle.workbenchMs} ms after goto`);
  await wb.page.locator(".explorer-folders-view .monaco-list-row").first().waitFor({ timeout: 30_000 });

  for (const check of checks) {
    if (only && !only.includes(check.name)) continue;
    const started = Date.now();
    let timer;
    try {
      const detail = await Promise.race([
        check.run(wb),
        new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`check timed out after ${CHECK_TIMEOUT_MS / 1000} s`)), CHECK_TIMEOUT_MS))),
      ]);
      results.push({ name: check.name, ok: true });
      console.log(`PASS ${check.name} (${((Date.now() - started) / 1000).toFixed(1)} s): ${check.title}${detail ? `\n     ${detail}` : ""}`);
    } catch (err) {
      results.push({ name: check.name, ok: false });
      console.log(`FAIL ${check.name} (${((Date.now() - started) / 1000).toFixed(1)} s): ${check.title}\n     ${String(err?.message ?? err).split("\n").join("\n     ")}`);
    } finally {
      clearTimeout(timer);
      await wb.page.screenshot({ path: path.join(RESULTS, `extension-${check.name}.png`) }).catch(() => {});
      await wb.escape(2).catch(() => {});
    }
  }
  if (wbHandle.pageErrors.length) console.log(`page errors (not fatal): ${wbHandle.pageErrors.length}, first: ${wbHandle.pageErrors[0]}`);
  const log = await extensionLog();
  await writeFile(path.join(RESULTS, "extension-output.log"), log);
  console.log(`extension log: test-results/e2e/extension-output.log; screenshots: test-results/e2e/extension-*.png; ${((Date.now() - t0) / 1000).toFixed(0)} s in all`);
}

let exitCode = 1;
try {
  await main();
  exitCode = summary() ? 1 : 0;
} catch (err) {
  console.error(`FAIL setup: ${err?.stack || err}`);
  results.push({ name: "setup", ok: false });
  summary();
} finally {
  await cleanup();
  clearTimeout(watchdog);
}
process.exit(exitCode);
