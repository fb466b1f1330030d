#!/usr/bin/env node
// `npm start`: try the extension in one command. Run after `node scripts/build.mjs`
// (npm start does both). Opens examples/order-saga in a real VS Code with the
// extension loaded from this folder (as "Run Extension" would):
//
//   - the desktop VS Code, when a `code` command is on the PATH:
//       code --extensionDevelopmentPath=<repo> examples/order-saga
//   - otherwise a headless VS Code (code-server 4.100.3, set up by
//     scripts/e2e/setup-code-server.sh on first use, ~1.5 min) on 127.0.0.1:$PORT
//     (default 8080, or a free port when that one is taken); prints the URL to
//     open in a browser and keeps running until Ctrl-C.
//   - with --web, VS Code for the Web: the same code-server, with the extension run
//     in the browser's Web Worker extension host (its `browser` entry,
//     dist/browser-extension.js, and the language server in a Web Worker), as on
//     vscode.dev or github.dev. (vscode.dev itself and @vscode/test-web need the
//     internet, which these machines do not have; code-server serves the same web
//     workbench from this machine.)
//
// Options:
//   --web           VS Code for the Web (code-server, the extension in the browser)
//   --code-server   use code-server even when `code` is on the PATH
//   --desktop       use the desktop `code` (fail if there is none)
//   --folder DIR    open DIR instead of examples/order-saga
//   --verbose       echo code-server's output

import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { freePort, startCodeServer } from "./e2e/code-server.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

function parseArgs(argv) {
  const opts = { mode: "auto", web: false, folder: path.join(ROOT, "examples/order-saga"), verbose: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--code-server") opts.mode = "code-server";
    else if (a === "--web") opts.web = true;
    else if (a === "--desktop") opts.mode = "desktop";
    else if (a === "--folder") opts.folder = path.resolve(argv[++i] ?? "");
    else if (a === "--verbose") opts.verbose = true;
    else if (a === "-h" || a === "--help") {
      console.log("usage: npm start -- [--web | --code-server | --desktop] [--folder DIR] [--verbose]");
      process.exit(0);
    } else throw new Error(`unknown option ${a} (see npm start -- --help)`);
  }
  if (opts.web && opts.mode === "desktop") throw new Error("--web and --desktop do not go together: --web runs the extension in the browser");
  if (opts.web) opts.mode = "code-server";
  return opts;
}

/** The extension's id (publisher.name), from package.json. */
function extensionId() {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8"));
  return `${manifest.publisher}.${manifest.name}`;
}

/**
 * The desktop `code` command, if there is one. In the terminal of a remote window
 * (code-server, Remote-SSH, containers) `code` is VS Code's "remote-cli", which
 * opens files in that window and knows no --extensionDevelopmentPath: skipped.
 */
function desktopCode() {
  const which = spawnSync(process.platform === "win32" ? "where" : "which", ["code"], { encoding: "utf8" });
  const found = which.status === 0 ? which.stdout.split(/\r?\n/)[0].trim() : "";
  if (!found || /remote-cli/.test(found)) return undefined;
  return found;
}

function portIsFree(port) {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.once("error", () => resolve(false));
    srv.listen(port, "127.0.0.1", () => srv.close(() => resolve(true)));
  });
}

function checkBuilt(web) {
  const missing = (web ? ["dist/browser-extension.js", "dist/browser-server.js"] : ["dist/extension.js", "dist/server.js"]).filter((f) => !existsSync(path.join(ROOT, f)));
  if (missing.length) {
    console.warn(`warning: ${missing.join(", ")} missing: run \`node scripts/build.mjs\` (npm start does); the extension will say what is missing.`);
  }
}

async function withDesktop(code, folder) {
  console.log(`Opening ${path.relative(ROOT, folder) || "."} in VS Code (${code}) with the extension from ${ROOT} ...`);
  const child = spawn(code, ["--new-window", `--extensionDevelopmentPath=${ROOT}`, folder], { stdio: "inherit" });
  const status = await new Promise((resolve) => child.on("exit", resolve));
  if (status === 0) console.log("VS Code opened an Extension Development Host window with the extension loaded from this folder.");
  return status ?? 1;
}

async function withCodeServer(folder, verbose, web) {
  // Installs what is missing (apt packages, code-server in ~/.cache/ddd-e2e); a no-op when done before.
  const setup = spawnSync("bash", [path.join(ROOT, "scripts/e2e/setup-code-server.sh")], { stdio: ["ignore", "ignore", "inherit"] });
  if (setup.status !== 0) throw new Error("scripts/e2e/setup-code-server.sh failed (see above)");

  let port = Number(process.env.PORT) || 8080;
  if (!(await portIsFree(port))) {
    if (process.env.PORT) throw new Error(`port ${port} (from $PORT) is in use`);
    const taken = port;
    port = await freePort();
    console.log(`port ${taken} is in use; using ${port}`);
  }
  console.log(`Starting VS Code${web ? " for the Web" : ""} (code-server) on ${path.relative(ROOT, folder) || "."} with the extension from ${ROOT} ...`);
  // --web: the user setting remote.extensionKind makes the extension a web extension, run in the browser's
  // Web Worker extension host from its `browser` entry (what vscode.dev and github.dev run)
  const settings = web ? { "remote.extensionKind": { [extensionId()]: ["web"] } } : {};
  const server = await startCodeServer({ workspace: folder, extensionDevelopmentPath: ROOT, port, verbose, settings });
  console.log(`\n  Open ${server.url}\n`);
  console.log(`  (bound to 127.0.0.1, no password; from another machine: ssh -L ${port}:127.0.0.1:${port} <this host>)`);
  if (web) console.log("  The extension runs in the browser (Web Worker extension host); its language server in a Web Worker.");
  console.log(`  Extension output: View > Output > "DDD Modeler". code-server log: ${server.logFile}`);
  console.log("  Rebuild with `node scripts/build.mjs` and reload the browser tab to pick up changes.");
  console.log("  Press Ctrl-C to stop.\n");

  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    console.log("\nStopping code-server ...");
    await server.stop();
    process.exit(0);
  };
  for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(sig, shutdown);
  setInterval(() => {}, 1 << 30); // keep running until a signal arrives
  return undefined;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (!existsSync(opts.folder)) throw new Error(`no such folder: ${opts.folder}`);
  checkBuilt(opts.web);
  const code = opts.mode === "code-server" ? undefined : desktopCode();
  if (opts.mode === "desktop" && !code) throw new Error("--desktop: no `code` command on the PATH");
  if (code) return withDesktop(code, opts.folder);
  if (opts.mode === "auto") console.log("No `code` command on the PATH: using a headless VS Code (code-server) in your browser.");
  return withCodeServer(opts.folder, opts.verbose, opts.web);
}

main().then(
  (status) => {
    if (status !== undefined) process.exit(status);
  },
  (err) => {
    console.error(`npm start: ${err.message || err}`);
    process.exit(1);
  },
);
