#!/usr/bin/env node
// Every snippet in snippets/ddd.json, inserted with its default text (what a
// user gets by pressing Tab through it), must give a model that `ddd check`
// accepts without errors or warnings. Snippets that go inside something (an
// aggregate, a context, a saga, a context map) are checked inside a small
// scaffold that supplies what they refer to.
//
//   npm run build && node test/e2e/snippets.e2e.mjs     # prints "snippets: N passed, M failed"

import { spawnSync } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const CLI = path.join(ROOT, "dist/cli.js");

/**
 * The text a snippet inserts when every placeholder keeps its default:
 * ${1:default}, mirrors ${1}, choices ${1|a,b|} (the first), nested defaults, $0.
 */
export function expandSnippet(body) {
  const text = Array.isArray(body) ? body.join("\n") : body;
  const values = new Map();
  // Innermost first, so nested defaults (${10:${1}1}) resolve; defaults are recorded before mirrors use them.
  let s = text;
  for (let guard = 0; guard < 100; guard++) {
    const next = s
      .replace(/\$\{(\d+)\|([^|}]*)\|\}/g, (_, n, choices) => {
        const v = choices.split(/(?<!\\),/)[0].replace(/\\,/g, ",");
        values.set(n, v);
        return v;
      })
      .replace(/\$\{(\d+):([^${}]*)\}/g, (_, n, v) => {
        values.set(n, v);
        return v;
      })
      .replace(/\$\{(\d+)\}|\$(\d+)/g, (m, a, b) => (values.has(a ?? b) ? values.get(a ?? b) : m));
    if (next === s) break;
    s = next;
  }
  // $0 and mirrors of placeholders without a default insert nothing.
  return s.replace(/\$\{(\d+)\}|\$(\d+)/g, "").replace(/\t/g, "  ");
}

const indent = (text, by) => text.split("\n").map((l) => (l ? by + l : l)).join("\n");

/** Where each snippet goes, and what the model around it needs. */
const scaffolds = {
  // top level
  Domain: (s) => s,
  "Bounded context": (s) => `domain D {\n  core subdomain Ordering\n}\n${s}`,
  "Context map": (s) => `context Sales\ncontext Support\ncontext Inventory\n${s}`,
  "Orchestrated saga": (s) =>
    `context Sales\ncontext Inventory\ncontext Billing\n${s}`,
  "Choreographed saga": (s) =>
    `context Sales {\n  aggregate Order {\n    root entity Order { id: OrderId }\n    command CreateOrder { order: OrderId } emits OrderCreated\n` +
    `    event OrderCreated { order: OrderId }\n  }\n}\ncontext Inventory\ncontext Billing\n${s}`,
  "Event storming board": (s) => s,
  // a context map's body
  "Shared kernel": (s) =>
    `context Sales {\n  aggregate Order {\n    root entity Order { id: OrderId }\n    value Money { amount: Decimal }\n  }\n}\n` +
    `context Billing\ncontextmap M {\n${indent(s, "  ")}\n}`,
  // a saga's body
  "Saga step": (s) => `context Inventory\nsaga S orchestrated by Inventory {\n${indent(s, "  ")}\n  step Ship on Inventory\n}`,
  // a context's body
  Aggregate: (s) => `context C {\n${indent(s, "  ")}\n}`,
  "Application layer with a flow": (s) =>
    `context C {\n  aggregate Claims {\n    root entity Claim { id: ClaimId }\n    lifecycle enum ClaimState { SUBMITTED }\n  }\n${indent(s, "  ")}\n}`,
  Repository: (s) => `context C {\n  aggregate Order {\n    root entity Order { id: OrderId }\n  }\n${indent(s, "  ")}\n}`,
  "Domain service": (s) =>
    `context C {\n  aggregate Order {\n    root entity Order { id: OrderId }\n    value Money { amount: Decimal }\n  }\n${indent(s, "  ")}\n}`,
  "Event-sourced aggregate with a stream": (s) => `context C {\n${indent(s, "  ")}\n}`,
  "Event stream": (s) =>
    `context C {\n  aggregate Account eventsourced {\n    root entity Account {\n      id: AccountId\n      balance: Decimal\n    }\n` +
    `    event Deposited { amount: Decimal } applies balance += amount\n  }\n${indent(s, "  ")}\n}`,
  "Read model": (s) =>
    `context C {\n  aggregate Order {\n    root entity Order { id: OrderId }\n    event OrderPlaced { order: OrderId }\n    event OrderShipped { order: OrderId }\n  }\n${indent(s, "  ")}\n}`,
  // an aggregate's body
  ...Object.fromEntries(
    ["Entity", "Value object", "Enum", "Domain event", "Command"].map((name) => [
      name,
      (s) =>
        `context C {\n  aggregate Order {\n    root entity Order { id: OrderId }\n    event OrderPlaced { order: OrderId }\n` +
        `    enum Currency { EUR USD }\n${indent(s.replace(/^event OrderPlaced\b/, "event OrderShipped"), "    ")}\n  }\n}`,
    ]),
  ),
};

async function main() {
  const snippets = JSON.parse(await readFile(path.join(ROOT, "snippets/ddd.json"), "utf8"));
  let passed = 0;
  let failed = 0;
  const tmp = await mkdtemp(path.join(os.tmpdir(), "ddd-snippets-"));
  try {
    for (const [name, snippet] of Object.entries(snippets)) {
      const scaffold = scaffolds[name];
      if (!scaffold) {
        failed++;
        console.log(`FAIL ${name}: no scaffold in test/e2e/snippets.e2e.mjs says where it goes`);
        continue;
      }
      const text = `${scaffold(expandSnippet(snippet.body))}\n`;
      const file = path.join(tmp, `${name.replace(/\W+/g, "-")}.ddd`);
      await writeFile(file, text);
      const r = spawnSync(process.execPath, [CLI, "check", file], { encoding: "utf8" });
      const out = `${r.stdout}${r.stderr}`;
      if (r.status === 0 && /\b0 errors, 0 warnings\b/.test(out)) {
        passed++;
      } else {
        failed++;
        console.log(`FAIL ${name} (exit ${r.status}):\n${indent(text, "  | ")}\n${indent(out.trim(), "  ")}`);
      }
    }
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
  console.log(`snippets: ${passed} passed, ${failed} failed`);
  return failed ? 1 : 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().then(
    (code) => process.exit(code),
    (err) => {
      console.error(err?.stack || err);
      console.log("snippets: 0 passed, 1 failed");
      process.exit(1);
    },
  );
}
