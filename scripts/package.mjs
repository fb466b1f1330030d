#!/usr/bin/env node
// `npm run package`: builds the VSIX and checks what is in it.
//
//   1. `vsce package --no-dependencies` (its `vscode:prepublish` step runs
//      `node scripts/build.mjs --production`: minified bundles, no source maps)
//      writes dist/ddd-modeler.vsix; the bundles are self-contained, so the VSIX
//      carries no node_modules.
//   2. reads the VSIX's zip directory and fails if it holds sources, tests,
//      examples, node_modules, source maps or nested VSIXs, or lacks a file the
//      extension needs at run time.
//   3. prints the files with their sizes and the total.
//
// Options: --out FILE (default dist/ddd-modeler.vsix), --quiet (only the summary line).

import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const outArg = args.indexOf("--out");
const OUT = path.resolve(ROOT, outArg >= 0 ? args[outArg + 1] : "dist/ddd-modeler.vsix");
const quiet = args.includes("--quiet");
const SIZE_LIMIT = 5 * 1024 * 1024;

/** Entries of a zip file from its central directory: [{ name, size, compressed }]. */
export function zipEntries(file) {
  const buf = readFileSync(file);
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error(`${file} is not a zip file`);
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const entries = [];
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error(`${file}: broken central directory`);
    const compressed = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    entries.push({ name: buf.toString("utf8", p + 46, p + 46 + nameLen), size, compressed });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** What must and must not be in the VSIX; returns the problems found. */
export function checkContents(names) {
  const problems = [];
  const required = [
    "extension/package.json",
    "extension/dist/extension.js",
    "extension/dist/server.js",
    // VS Code for the Web: the same VSIX, its `browser` entry and the server's Web Worker
    "extension/dist/browser-extension.js",
    "extension/dist/browser-server.js",
    "extension/language-configuration.json",
    "extension/syntaxes/ddd.tmLanguage.json",
    "extension/snippets/ddd.json",
    "extension/media/icon.png",
    "extension/media/ddd-file.svg",
    "extension/dist/markdown-preview.js",
    "extension/media/markdown-preview.css",
    "extension/LICENSE.txt",
    "extension/readme.md",
    "extension/changelog.md",
  ];
  const lower = new Set(names.map((n) => n.toLowerCase()));
  for (const f of required) if (!lower.has(f.toLowerCase())) problems.push(`missing ${f}`);
  const forbidden = [
    [/(^|\/)node_modules\//, "node_modules"],
    [/^extension\/(src|test|examples|scripts|webview|docs|\.ci|test-results)\//, "sources, tests, examples or scripts"],
    [/\.map$/, "a source map"],
    [/\.(ts|mts|cts)$/, "TypeScript source"],
    [/\.vsix$/, "a VSIX"],
    [/^extension\/dist\/(cli|cli-main|bench)\.js$/, "the CLI or benchmark bundle (not used by the extension)"],
    [/(^|\/)\.(env|git|npmrc)/, "a dot file that may hold secrets"],
  ];
  for (const name of names) {
    for (const [re, what] of forbidden) if (re.test(name)) problems.push(`${name}: ${what} does not belong in the VSIX`);
  }
  return problems;
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

function main() {
  mkdirSync(path.dirname(OUT), { recursive: true });
  const vsce = path.join(ROOT, "node_modules/.bin/vsce");
  const t0 = Date.now();
  const r = spawnSync(vsce, ["package", "--no-dependencies", "--out", OUT], { cwd: ROOT, stdio: "inherit" });
  if (r.status !== 0) {
    console.error(`vsce package failed (exit ${r.status ?? r.signal})`);
    return 1;
  }
  const entries = zipEntries(OUT);
  const problems = checkContents(entries.map((e) => e.name));
  if (!quiet) {
    for (const e of [...entries].sort((a, b) => b.size - a.size)) {
      console.log(`  ${kb(e.size).padStart(10)}  ${e.name}`);
    }
  }
  const size = statSync(OUT).size;
  const unpacked = entries.reduce((s, e) => s + e.size, 0);
  console.log(
    `${path.relative(ROOT, OUT)}: ${kb(size)} (${entries.length} files, ${kb(unpacked)} unpacked) in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
  );
  if (size > SIZE_LIMIT) problems.push(`the VSIX is ${kb(size)}, over the ${SIZE_LIMIT / 1024 / 1024} MB budget`);
  if (problems.length) {
    console.error(`The VSIX is not right:\n  ${problems.join("\n  ")}`);
    return 1;
  }
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exit(main());
}
