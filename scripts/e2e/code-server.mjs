#!/usr/bin/env node
// Helpers to run a real VS Code (code-server, installed by setup-code-server.sh)
// headless on this machine and to open its workbench in Debian's Chromium through
// playwright-core. Plain ESM JavaScript on purpose: it runs without a build step.
//
//   import { startCodeServer, openWorkbench } from "../../scripts/e2e/code-server.mjs";
//   const server = await startCodeServer({ workspace: "test/e2e/fixture-workspace", vsix: "ddd-modeler.vsix" });
//   const wb = await openWorkbench(server.url);
//   try { /* drive wb.page */ } finally { await wb.close(); await server.stop(); }
//
// Run directly, it is a "try it" command for machines without a desktop VS Code:
//
//   node scripts/e2e/code-server.mjs [--vsix file.vsix] [--extensionDevelopmentPath dir] <folder>
//
// starts code-server on the folder (port $PORT or 8080, bound to 127.0.0.1 only,
// no password) and keeps it running until Ctrl-C.

import { spawn, spawnSync } from "node:child_process";
import { createWriteStream, existsSync } from "node:fs";
import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const SETUP_SCRIPT = path.join(HERE, "setup-code-server.sh");
const CODE_SERVER_VERSION = "4.100.3";
const CHROMIUM = process.env.DDD_E2E_CHROMIUM || "/usr/bin/chromium";

/** Settings that make a fresh profile usable by a test: no trust dialog, no welcome page, nothing phoning home. */
export const DEFAULT_SETTINGS = Object.freeze({
  "security.workspace.trust.enabled": false,
  "workbench.startupEditor": "none",
  "telemetry.telemetryLevel": "off",
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  // Less noise on screenshots: no recommendation toasts, no tips, and no "a git
  // repository was found in the parent folders" prompt (fixtures live in this repo).
  "extensions.ignoreRecommendations": true,
  "workbench.tips.enabled": false,
  "git.openRepositoryInParentFolders": "never",
});

/**
 * Path of code-server's entry.js: $DDD_CODE_SERVER_ENTRY, or the install that
 * setup-code-server.sh made under ${DDD_E2E_CACHE:-~/.cache/ddd-e2e}/code-server.
 * Throws with the command to run when it is not installed.
 */
export function codeServerEntry() {
  if (process.env.DDD_CODE_SERVER_ENTRY) return process.env.DDD_CODE_SERVER_ENTRY;
  const installDir = path.join(process.env.DDD_E2E_CACHE || path.join(os.homedir(), ".cache", "ddd-e2e"), "code-server");
  const entry = path.join(installDir, "node_modules", "code-server", "out", "node", "entry.js");
  // The marker is written last by the setup script, so its presence means a complete install.
  if (!existsSync(path.join(installDir, `.installed-${CODE_SERVER_VERSION}`)) || !existsSync(entry)) {
    throw new Error(`code-server ${CODE_SERVER_VERSION} is not installed in ${installDir}; run: bash ${path.relative(process.cwd(), SETUP_SCRIPT)}`);
  }
  return entry;
}

/**
 * The environment for code-server: ours minus what would change its behaviour.
 * Inside a VS Code / code-server terminal, VSCODE_IPC_HOOK_CLI would make it open
 * the folder in *that* window instead of starting a server; PORT overrides
 * --bind-addr; PASSWORD etc. would turn on authentication.
 */
function childEnv() {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (/^(VSCODE_|ELECTRON_|CODE_SERVER_|CS_)/.test(key)) delete env[key];
  }
  for (const key of ["PORT", "PASSWORD", "HASHED_PASSWORD", "GITHUB_TOKEN", "EXTENSIONS_GALLERY"]) delete env[key];
  return env;
}

/** A TCP port that was free a moment ago on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Starts code-server on `workspace` with a fresh user-data and extensions dir.
 *
 * @param {object} opts
 * @param {string} [opts.workspace] folder (or .code-workspace file) to open; none = empty window
 * @param {string} [opts.vsix] VSIX to install into the fresh extensions dir before starting
 * @param {string} [opts.extensionDevelopmentPath] folder of an unpackaged extension to load as in
 *   "Run Extension". code-server's command line rejects this option ("Unknown option"), so it is
 *   passed the way VS Code for the web does it: in the `payload` query parameter of the returned
 *   url, from where the workbench hands it to the server's extension scanner.
 * @param {number} [opts.port] port on 127.0.0.1; default: a free one
 * @param {object} [opts.settings] user settings, merged over DEFAULT_SETTINGS
 * @param {string} [opts.logFile] where code-server's output goes; default: inside the temp dir (deleted by stop())
 * @param {boolean} [opts.verbose] also echo code-server's output to our stderr
 * @param {boolean} [opts.keepTemp] keep the temp user-data/extensions dir after stop()
 * @param {number} [opts.timeoutMs=60000] how long to wait for the HTTP server
 * @returns {Promise<{url: string, baseUrl: string, port: number, pid: number, tempDir: string,
 *   userDataDir: string, extensionsDir: string, logFile: string, startMs: number, stop: () => Promise<void>}>}
 *   startMs: time from the call until /healthz answered, VSIX install included.
 */
export async function startCodeServer({
  workspace,
  vsix,
  extensionDevelopmentPath,
  port,
  settings = {},
  logFile,
  verbose = false,
  keepTemp = false,
  timeoutMs = 60_000,
} = {}) {
  const t0 = Date.now();
  const entry = codeServerEntry();
  const tempDir = await mkdtemp(path.join(os.tmpdir(), "ddd-e2e-cs-"));
  const userDataDir = path.join(tempDir, "user-data");
  const extensionsDir = path.join(tempDir, "extensions");
  await mkdir(path.join(userDataDir, "User"), { recursive: true });
  await mkdir(extensionsDir, { recursive: true });
  await writeFile(
    path.join(userDataDir, "User", "settings.json"),
    JSON.stringify({ ...DEFAULT_SETTINGS, ...settings }, null, 2),
  );
  // An empty config file of our own: keeps code-server from reading (or, on first
  // run, writing) ~/.config/code-server/config.yaml, which may ask for a password.
  const configFile = path.join(tempDir, "config.yaml");
  await writeFile(configFile, "");
  const common = ["--config", configFile, "--user-data-dir", userDataDir, "--extensions-dir", extensionsDir];
  // Its own TMPDIR: VS Code leaves sockets (e.g. the git extension's
  // vscode-git-*.sock) in the temp dir when killed; this way they go with tempDir.
  const childTmp = path.join(tempDir, "tmp");
  await mkdir(childTmp);
  const env = { ...childEnv(), TMPDIR: childTmp };

  const cleanupTemp = async () => {
    if (!keepTemp) await rm(tempDir, { recursive: true, force: true }).catch(() => {});
  };

  if (vsix) {
    const r = spawnSync(process.execPath, [entry, ...common, "--install-extension", path.resolve(vsix), "--force"], {
      env,
      encoding: "utf8",
      timeout: 120_000,
    });
    // Success prints "Extension 'x.vsix' was successfully installed."; check for it
    // as well as the exit status, so nothing but a real install counts.
    const out = `${r.stdout ?? ""}${r.stderr ?? ""}${r.error ? `\n${r.error.message}` : ""}`;
    if (r.status !== 0 || !/successfully installed/i.test(out)) {
      await cleanupTemp();
      throw new Error(`installing ${vsix} failed (exit ${r.status}):\n${out}`);
    }
  }

  port = port || (await freePort());
  const args = [
    entry,
    ...common,
    "--auth", "none",
    "--bind-addr", `127.0.0.1:${port}`,
    "--disable-telemetry",
    "--disable-update-check",
    "--disable-workspace-trust",
  ];
  if (workspace) args.push(path.resolve(workspace));

  logFile = logFile ? path.resolve(logFile) : path.join(tempDir, "code-server.log");
  await mkdir(path.dirname(logFile), { recursive: true });
  const log = createWriteStream(logFile);
  let tail = ""; // last few KB of output, for error messages
  // detached: own process group, so stop() can kill code-server together with
  // the processes it spawns (its server child, extension host, pty host, watcher).
  const child = spawn(process.execPath, args, { env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  const onOutput = (chunk) => {
    log.write(chunk);
    tail = (tail + chunk).slice(-4000);
    if (verbose) process.stderr.write(chunk);
  };
  child.stdout.on("data", onOutput);
  child.stderr.on("data", onOutput);
  let exited = false;
  const exitPromise = new Promise((resolve) => child.on("exit", (code, signal) => {
    exited = true;
    resolve({ code, signal });
  }));
  // If our process dies without calling stop(), do not leave code-server behind.
  const killGroup = (sig) => {
    try {
      process.kill(-child.pid, sig);
    } catch {
      /* already gone */
    }
  };
  const onParentExit = () => killGroup("SIGKILL");
  process.on("exit", onParentExit);

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    process.off("exit", onParentExit);
    if (!exited) {
      killGroup("SIGTERM");
      const timer = setTimeout(() => killGroup("SIGKILL"), 5000);
      await exitPromise;
      clearTimeout(timer);
    }
    // The group may outlive its leader for a moment (extension host shutting down).
    killGroup("SIGKILL");
    await new Promise((r) => log.end(r));
    await cleanupTemp();
  };

  // Wait until the HTTP server answers (code-server has a /healthz route that needs no auth).
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exited) {
      await stop();
      throw new Error(`code-server exited before it answered on ${baseUrl}:\n${tail}`);
    }
    try {
      const res = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`code-server did not answer on ${baseUrl} within ${timeoutMs} ms:\n${tail}`);
    }
    await sleep(100);
  }

  // Spell out the folder in the url (code-server would otherwise redirect to the
  // last opened one) and add the extension-development payload if asked for.
  const query = new URLSearchParams();
  if (workspace) {
    const abs = path.resolve(workspace);
    query.set(abs.endsWith(".code-workspace") ? "workspace" : "folder", abs);
  }
  if (extensionDevelopmentPath) {
    // vscode-remote:// URIs are resolved by the server, i.e. on this machine's file system.
    const devUri = `vscode-remote://127.0.0.1:${port}${pathToFileURL(path.resolve(extensionDevelopmentPath)).pathname}`;
    query.set("payload", JSON.stringify([["extensionDevelopmentPath", devUri]]));
  }
  const qs = query.toString();
  const url = `${baseUrl}/${qs ? `?${qs}` : ""}`;

  return {
    url,
    baseUrl,
    port,
    pid: child.pid,
    tempDir,
    userDataDir,
    extensionsDir,
    logFile,
    startMs: Date.now() - t0,
    stop,
  };
}

/**
 * Opens `url` in headless Debian Chromium (playwright-core) and waits for the
 * VS Code workbench. Each call gets a fresh browser profile (Playwright's launch()
 * creates a temporary user-data dir and deletes it on close).
 *
 * @param {string} url
 * @param {object} [opts]
 * @param {boolean} [opts.headless=true]
 * @param {{width: number, height: number}} [opts.viewport]
 * @param {number} [opts.timeoutMs=60000] how long to wait for `.monaco-workbench`
 * @returns {Promise<{browser: import("playwright-core").Browser, context: import("playwright-core").BrowserContext,
 *   page: import("playwright-core").Page, pageErrors: string[], workbenchMs: number, close: () => Promise<void>}>}
 */
export async function openWorkbench(url, { headless = true, viewport = { width: 1400, height: 900 }, timeoutMs = 60_000 } = {}) {
  // Imported lazily so that the "try it" command works without devDependencies.
  const { chromium } = await import("playwright-core");
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless,
    args: [
      "--no-sandbox", // we run as root in containers
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await browser.close().catch(() => {});
  };
  try {
    // Clipboard permissions let tests paste text into the editor.
    const context = await browser.newContext({ viewport, permissions: ["clipboard-read", "clipboard-write"] });
    const page = await context.newPage();
    const pageErrors = [];
    page.on("pageerror", (err) => pageErrors.push(String(err)));
    const t0 = Date.now();
    await page.goto(url, { waitUntil: "domcontentloaded", timeout: timeoutMs });
    await page.waitForSelector(".monaco-workbench", { timeout: timeoutMs });
    const workbenchMs = Date.now() - t0;
    return { browser, context, page, pageErrors, workbenchMs, close };
  } catch (err) {
    await close();
    throw err;
  }
}

// ---------------------------------------------------------------------------
// `node scripts/e2e/code-server.mjs <folder>`: the "try it" command.

async function main(argv) {
  const usage = "usage: node scripts/e2e/code-server.mjs [--vsix file.vsix] [--extensionDevelopmentPath dir] [--verbose] <folder>";
  const opts = { verbose: false };
  let folder;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--vsix") opts.vsix = argv[++i];
    else if (a === "--extensionDevelopmentPath" || a === "--extension-development-path") opts.extensionDevelopmentPath = argv[++i];
    else if (a === "--verbose") opts.verbose = true;
    else if (a === "-h" || a === "--help") return console.log(usage);
    else if (a.startsWith("-")) throw new Error(`unknown option ${a}\n${usage}`);
    else folder = a;
  }
  if (!folder) throw new Error(usage);
  if (!existsSync(folder)) throw new Error(`no such folder: ${folder}`);

  const port = Number(process.env.PORT) || 8080;
  console.log(`Starting code-server ${CODE_SERVER_VERSION} on ${path.resolve(folder)} ...`);
  const server = await startCodeServer({ ...opts, workspace: folder, port });
  console.log(`\nOpen ${server.url}\n`);
  console.log("(bound to 127.0.0.1 without a password; from another machine use e.g. `ssh -L " +
    `${port}:127.0.0.1:${port} this-host\`)`);
  console.log(`log: ${server.logFile}\nPress Ctrl-C to stop.`);

  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    console.log("\nStopping code-server ...");
    await server.stop();
    process.exit(0);
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
  process.on("SIGHUP", shutdown);
  // Keep the event loop alive until a signal arrives.
  setInterval(() => {}, 1 << 30);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((err) => {
    console.error(err.message || err);
    process.exit(1);
  });
}
