// What the end-to-end suites in code-server share (extension.e2e.mjs, web.e2e.mjs): the VSIX
// they install, the language server processes of the installed extension, and the run of their
// checks: each on its own with a time limit, a screenshot after it, PASS or FAIL with what it
// saw, "N passed, M failed" at the end, and code-server and the browser stopped whatever happens.
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { sleep } from "./workbench.mjs";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const RESULTS = path.join(ROOT, "test-results/e2e");
const CHECK_TIMEOUT_MS = 60_000;

/** The VSIX to install: $DDD_E2E_VSIX, or a fresh `npm run package`. */
export function vsixPath() {
  if (process.env.DDD_E2E_VSIX) return path.resolve(process.env.DDD_E2E_VSIX);
  console.log("packaging the extension (node scripts/package.mjs) ...");
  const r = spawnSync(process.execPath, [path.join(ROOT, "scripts/package.mjs"), "--quiet"], { cwd: ROOT, encoding: "utf8" });
  process.stdout.write(r.stdout ?? "");
  if (r.status !== 0) throw new Error(`npm run package failed:\n${r.stdout}${r.stderr}`);
  return path.join(ROOT, "dist/ddd-modeler.vsix");
}

/** Node processes running the installed extension's dist/server.js (the desktop language server), from /proc (Linux). */
export function serverPids(server) {
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

/** The checks named after --only on the command line (all when there is none). */
export function onlyChecks() {
  return process.argv.includes("--only") ? process.argv[process.argv.indexOf("--only") + 1].split(",") : undefined;
}

/**
 * One suite's run. `state` holds what `cleanup` stops (server, browser, workspace folder);
 * `run(main)` runs the suite's setup and checks within `globalTimeoutMs`, prints the summary and
 * exits with 1 when anything failed.
 */
export function createSuite({ globalTimeoutMs, screenshotPrefix }) {
  const results = [];
  const state = { server: undefined, browser: undefined, workspace: undefined };

  async function cleanup() {
    await state.browser?.close().catch((e) => console.error("closing the browser:", e.message));
    await state.server?.stop().catch((e) => console.error("stopping code-server:", e.message));
    if (state.workspace) await rm(state.workspace, { recursive: true, force: true }).catch(() => {});
  }

  function summary() {
    const passed = results.filter((r) => r.ok).length;
    const failed = results.length - passed;
    console.log(`\n${passed} passed, ${failed} failed`);
    return failed;
  }

  /** Runs one check in `wb`: PASS with what it returns, or FAIL with its error; a screenshot either way. */
  async function runCheck(wb, check) {
    let timer;
    try {
      const detail = await Promise.race([
        check.run(wb),
        new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`check timed out after ${CHECK_TIMEOUT_MS / 1000} s`)), CHECK_TIMEOUT_MS))),
      ]);
      results.push({ name: check.name, ok: true });
      console.log(`PASS ${check.name}: ${check.title}${detail ? `\n     ${detail}` : ""}`);
    } catch (err) {
      results.push({ name: check.name, ok: false });
      console.log(`FAIL ${check.name}: ${check.title}\n     ${String(err?.message ?? err).split("\n").join("\n     ")}`);
    } finally {
      clearTimeout(timer);
      await wb.page.screenshot({ path: path.join(RESULTS, `${screenshotPrefix}-${check.name}.png`) }).catch(() => {});
      await wb.escape(2).catch(() => {});
    }
  }

  async function run(main) {
    const watchdog = setTimeout(async () => {
      console.error(`global timeout of ${globalTimeoutMs / 1000} s exceeded`);
      results.push({ name: "global timeout", ok: false });
      summary();
      await Promise.race([cleanup(), sleep(10_000)]);
      process.exit(1);
    }, globalTimeoutMs);
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
  }

  return { state, runCheck, run };
}
