#!/usr/bin/env node
// `npm run test:e2e`: the whole end-to-end suite, in order of cost.
//
//   1. scripts/e2e/setup-code-server.sh   apt packages + code-server (a no-op once done)
//   2. node scripts/build.mjs             the CLI the snippet check runs
//   3. grammar.e2e.mjs                    the TextMate grammar, with VS Code's own engine (~1 s)
//   4. snippets.e2e.mjs                   every snippet gives a model `ddd check` accepts (~5 s)
//   5. smoke.e2e.mjs                      code-server + Chromium open a .ddd file (~15 s)
//   6. extension.e2e.mjs                  the packaged VSIX in VS Code: what a person sees (~2 min)
//   7. web.e2e.mjs                        the same VSIX in VS Code for the Web's extension host (~1 min)
//
// Each suite prints "N passed, M failed"; this adds them up, prints the total
// the same way, and exits 1 if anything failed. `--only grammar,snippets` runs some.
// Output of each suite streams through; screenshots and logs are in test-results/e2e/.

import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const E2E = path.join(ROOT, "test/e2e");

const steps = [
  { name: "setup", cmd: "bash", args: [path.join(ROOT, "scripts/e2e/setup-code-server.sh")], counts: false },
  { name: "build", cmd: process.execPath, args: [path.join(ROOT, "scripts/build.mjs")], counts: false },
  { name: "grammar", cmd: process.execPath, args: [path.join(E2E, "grammar.e2e.mjs")] },
  { name: "snippets", cmd: process.execPath, args: [path.join(E2E, "snippets.e2e.mjs")] },
  { name: "smoke", cmd: process.execPath, args: [path.join(E2E, "smoke.e2e.mjs")] },
  { name: "extension", cmd: process.execPath, args: [path.join(E2E, "extension.e2e.mjs")] },
  // extension.e2e.mjs packaged dist/ddd-modeler.vsix just before: the same VSIX
  { name: "web", cmd: process.execPath, args: [path.join(E2E, "web.e2e.mjs")], env: { DDD_E2E_VSIX: path.join(ROOT, "dist/ddd-modeler.vsix") } },
];

function run(step) {
  return new Promise((resolve) => {
    let out = "";
    const child = spawn(step.cmd, step.args, { cwd: ROOT, env: { ...process.env, ...step.env }, stdio: ["ignore", "pipe", "inherit"] });
    child.stdout.on("data", (chunk) => {
      out += chunk;
      process.stdout.write(chunk);
    });
    child.on("exit", (code, signal) => resolve({ code: code ?? 1, signal, out }));
    child.on("error", (err) => resolve({ code: 1, out: String(err) }));
  });
}

const onlyArg = process.argv.indexOf("--only");
const only = onlyArg > 0 ? process.argv[onlyArg + 1].split(",") : undefined;
const t0 = Date.now();
let passed = 0;
let failed = 0;
const lines = [];
for (const step of steps) {
  if (only && step.counts !== false && !only.includes(step.name)) continue;
  console.log(`\n=== ${step.name} ===`);
  const started = Date.now();
  const r = await run(step);
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (step.counts === false) {
    if (r.code !== 0) {
      console.log(`\n${step.name} failed (exit ${r.code}); the end-to-end tests cannot run.`);
      console.log(`${passed} passed, ${failed + 1} failed`);
      process.exit(1);
    }
    continue;
  }
  // The last "N passed, M failed" line a suite printed is its result.
  const m = [...r.out.matchAll(/(\d+) passed, (\d+) failed/g)].at(-1);
  let p = m ? Number(m[1]) : 0;
  let f = m ? Number(m[2]) : 1;
  if (r.code !== 0 && f === 0) f = 1; // exited non-zero without saying why
  passed += p;
  failed += f;
  lines.push(`${step.name.padEnd(10)} ${p} passed, ${f} failed (${secs} s)`);
}
console.log(`\n=== end-to-end summary (${((Date.now() - t0) / 1000).toFixed(0)} s) ===\n${lines.join("\n")}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
