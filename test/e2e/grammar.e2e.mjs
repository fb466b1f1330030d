#!/usr/bin/env node
// Checks syntaxes/ddd.tmLanguage.json with the TextMate engine VS Code itself
// uses (vscode-textmate + vscode-oniguruma, taken from the code-server install
// that scripts/e2e/setup-code-server.sh makes), so that what is asserted here is
// what an editor colours. No browser needed: it runs in about a second.
//
//   node test/e2e/grammar.e2e.mjs            # prints "N passed, M failed"
//   node test/e2e/grammar.e2e.mjs --dump f   # prints every token of file f with its scopes
//
// Each case is a line of .ddd text, a piece of it, and the scope that piece must
// carry (the innermost one, or any listed with `has`).

import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { codeServerEntry } from "../../scripts/e2e/code-server.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const GRAMMAR = path.join(ROOT, "syntaxes/ddd.tmLanguage.json");

async function loadGrammar() {
  const vscodeDir = path.resolve(path.dirname(codeServerEntry()), "../../lib/vscode");
  const require = createRequire(path.join(vscodeDir, "package.json"));
  const textmate = require("vscode-textmate");
  const oniguruma = require("vscode-oniguruma");
  const wasm = await readFile(path.join(path.dirname(require.resolve("vscode-oniguruma")), "onig.wasm"));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({ createOnigScanner: (p) => new oniguruma.OnigScanner(p), createOnigString: (s) => new oniguruma.OnigString(s) }),
    loadGrammar: async (scopeName) =>
      scopeName === "source.ddd" ? textmate.parseRawGrammar(await readFile(GRAMMAR, "utf8"), GRAMMAR) : null,
  });
  const grammar = await registry.loadGrammar("source.ddd");
  return { grammar, INITIAL: textmate.INITIAL };
}

/** Tokens of a multi-line text: [{ line, text, scopes }]. */
function tokenize({ grammar, INITIAL }, text) {
  let state = INITIAL;
  const out = [];
  text.split("\n").forEach((line, index) => {
    const r = grammar.tokenizeLine(line, state);
    for (const t of r.tokens) out.push({ line: index, text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes });
    state = r.ruleStack;
  });
  return out;
}

// [text, piece, expected innermost scope] — the piece is looked up as a whole token.
// A fourth element `n` picks the n-th occurrence of the piece (default 0).
const cases = [
  // comments
  ["// a line comment", "// a line comment", "comment.line.double-slash.ddd", { startsWith: true }],
  ["context Sales // trailing", " trailing", "comment.line.double-slash.ddd"],
  ["/* block\n still block */ context X", " still block ", "comment.block.ddd"],
  ["/* block */ context X", "context", "storage.type.context.ddd"],
  // strings with escapes
  ['owner "Checkout \\"A\\" team"', '\\"', "constant.character.escape.ddd"],
  ['owner "Checkout team"', "Checkout team", "string.quoted.double.ddd"],
  ['invariant "x" // c', " c", "comment.line.double-slash.ddd"],
  // strategic
  ["domain Shop {", "domain", "storage.type.domain.ddd"],
  ["domain Shop {", "Shop", "entity.name.type.domain.ddd"],
  ["  core subdomain Ordering \"edge\"", "core", "storage.modifier.strategic.ddd"],
  ["  core subdomain Ordering \"edge\"", "Ordering", "entity.name.type.subdomain.ddd"],
  ["context Sales implements Ordering {", "implements", "keyword.other.strategic.ddd"],
  ["context Sales implements Ordering {", "Ordering", "entity.name.type.ddd"],
  ["context PaymentProvider external", "external", "storage.modifier.strategic.ddd"],
  ["  glossary {", "glossary", "keyword.other.strategic.ddd"],
  ["    Customer: \"Someone who buys\"", "Customer", "variable.other.property.ddd"],
  ["contextmap ShopMap {", "contextmap", "storage.type.contextmap.ddd"],
  // context map: roles in brackets, arrows
  ["  Sales [OHS, PL] -> Support [ACL]", "OHS", "support.constant.role.upstream.ddd"],
  ["  Sales [OHS, PL] -> Support [ACL]", "PL", "support.constant.role.upstream.ddd"],
  ["  Sales [OHS, PL] -> Support [ACL]", "ACL", "support.constant.role.downstream.ddd"],
  ["  Sales [S] -> Shipping [C]", "S", "support.constant.role.upstream.ddd"],
  ["  Sales [S] -> Shipping [C]", "C", "support.constant.role.downstream.ddd"],
  ["  Sales [SK] <-> Billing [SK] { Money }", "SK", "support.constant.role.symmetric.ddd"],
  ["  Sales [P] <-> Inventory [P]", "P", "support.constant.role.symmetric.ddd"],
  ["  PaymentProvider [OHS] -> Billing [CF]", "CF", "support.constant.role.downstream.ddd"],
  ["  Sales [SK] <-> Billing [SK] { Money }", "<->", "keyword.operator.arrow.both.ddd"],
  ["  Sales -> Notification", "->", "keyword.operator.arrow.ddd"],
  ["  Sales -> Notification", "Notification", "entity.name.type.ddd"],
  ["  Sales [XYZ] -> Notification", "XYZ", "invalid.illegal.role.ddd"],
  // tactical
  ["  aggregate Order {", "aggregate", "storage.type.aggregate.ddd"],
  ["  aggregate Order {", "Order", "entity.name.type.aggregate.ddd"],
  ["    root entity Order {", "root", "storage.modifier.tactical.ddd"],
  ["    root entity Order {", "Order", "entity.name.type.entity.ddd"],
  ["      id: OrderId", "id", "variable.other.property.ddd"],
  ["      id: OrderId", "OrderId", "entity.name.type.ddd"],
  ["      items: List<OrderItem>", "List", "support.type.builtin.ddd"],
  ["      items: List<OrderItem>", "<", "punctuation.definition.typeparameters.begin.ddd"],
  ["      value: Decimal", "value", "variable.other.property.ddd"],
  ["      note: String?", "?", "keyword.operator.optional.ddd"],
  ['      invariant "an order has at least one item"', "invariant", "keyword.other.tactical.ddd"],
  ["    value Money {", "value", "storage.type.value.ddd"],
  ["    value Money {", "Money", "entity.name.type.value.ddd"],
  ["    enum OrderStatus { PENDING CONFIRMED CANCELLED }", "PENDING", "variable.other.constant.ddd"],
  ["    command PlaceOrder { customer: CustomerId } emits OrderPlaced", "command", "storage.type.command.ddd"],
  ["    command PlaceOrder { customer: CustomerId } emits OrderPlaced", "PlaceOrder", "entity.name.type.command.ddd"],
  ["    command PlaceOrder { customer: CustomerId } emits OrderPlaced", "emits", "keyword.other.tactical.ddd"],
  ["    command PlaceOrder { customer: CustomerId } emits OrderPlaced", "OrderPlaced", "entity.name.type.ddd"],
  ["    event OrderPlaced { order: OrderId }", "OrderPlaced", "entity.name.type.event.ddd"],
  ["  repository Orders for Order {", "for", "keyword.other.tactical.ddd"],
  ["  repository Orders for Order {", "Orders", "entity.name.type.repository.ddd"],
  ["    findById(id: OrderId): Order", "findById", "variable.other.ddd"],
  ["  service PricingService {", "PricingService", "entity.name.type.service.ddd"],
  // event sourcing
  ["  aggregate Account eventsourced {", "eventsourced", "storage.modifier.event-sourcing.ddd"],
  ["    event Deposited { amount: Decimal } applies balance += amount", "applies", "keyword.other.event-sourcing.ddd"],
  ["    event Deposited { amount: Decimal } applies balance += amount", "+=", "keyword.operator.assignment.compound.ddd"],
  ["  stream Account123 of Account {", "Account123", "entity.name.type.stream.ddd"],
  ["  stream Account123 of Account {", "of", "keyword.other.event-sourcing.ddd"],
  ["    Deposited(amount: 1000)", "1000", "constant.numeric.ddd"],
  ["    expect balance = 500", "expect", "keyword.other.event-sourcing.ddd"],
  ["    expect balance = 500", "=", "keyword.operator.assignment.ddd"],
  ["  readmodel AccountStatement from AccountCreated, Deposited {", "from", "keyword.other.event-sourcing.ddd"],
  ["  readmodel AccountStatement from AccountCreated, Deposited {", "AccountStatement", "entity.name.type.readmodel.ddd"],
  // sagas
  ["saga OrderSaga orchestrated by Sales {", "saga", "storage.type.saga.ddd"],
  ["saga OrderSaga orchestrated by Sales {", "OrderSaga", "entity.name.type.saga.ddd"],
  ["saga OrderSaga orchestrated by Sales {", "orchestrated", "storage.modifier.saga.ddd"],
  ["saga OrderSaga orchestrated by Sales {", "by", "keyword.control.saga.ddd"],
  ["  start STARTED", "STARTED", "variable.other.constant.ddd"],
  ["  step CreateOrder on Sales reply OrderCreated -> ORDER_CREATED", "step", "keyword.control.saga.ddd"],
  ["  step CreateOrder on Sales reply OrderCreated -> ORDER_CREATED", "reply", "keyword.control.saga.ddd"],
  ["  step CreateOrder on Sales reply OrderCreated -> ORDER_CREATED", "ORDER_CREATED", "variable.other.constant.ddd"],
  ["    compensate CancelOrder -> FAILED", "compensate", "keyword.control.saga.ddd"],
  ["    fails -> PAYMENT_FAILED", "fails", "keyword.control.saga.ddd"],
  ["    compensate none", "none", "constant.language.none.ddd"],
  ["saga P choreographed {", "choreographed", "storage.modifier.saga.ddd"],
  ["  Billing on InventoryReserved emits PaymentSucceeded else PaymentFailed", "else", "keyword.control.saga.ddd"],
  ["  Sales on PaymentFailed or InventoryReleased compensates emits OrderCancelled", "compensates", "keyword.control.saga.ddd"],
  ["  Shipping on InventoryReserved and PaymentProcessed emits OrderShipped", "and", "keyword.control.saga.ddd"],
  // storming
  ["storming Checkout {", "storming", "storage.type.storming.ddd"],
  ["storming Checkout {", "Checkout", "entity.name.type.storming.ddd"],
  ["  actor Customer", "Customer", "entity.name.type.actor.ddd"],
  ["  command PlaceOrder by Customer on Order", "by", "keyword.control.saga.ddd"],
  ["  policy ReserveStock when OrderPlaced then ReserveInventory", "policy", "storage.type.policy.ddd"],
  ["  policy ReserveStock when OrderPlaced then ReserveInventory", "when", "keyword.control.storming.ddd"],
  ["  policy ReserveStock when OrderPlaced then ReserveInventory", "then", "keyword.control.storming.ddd"],
  ["  external PaymentProvider", "PaymentProvider", "entity.name.type.external.ddd"],
  ['  hotspot "What if the payment times out?"', "hotspot", "storage.type.storming.ddd"],
  // literals
  ["    active: Boolean = true", "true", "constant.language.boolean.ddd"],
];

async function main() {
  const engine = await loadGrammar();
  const dump = process.argv.indexOf("--dump");
  if (dump > 0) {
    const text = await readFile(process.argv[dump + 1], "utf8");
    for (const t of tokenize(engine, text)) if (t.text.trim()) console.log(`${t.line + 1}\t${JSON.stringify(t.text)}\t${t.scopes.slice(1).join(" ")}`);
    return 0;
  }
  let passed = 0;
  let failed = 0;
  for (const [text, piece, expected, opts = {}] of cases) {
    const tokens = tokenize(engine, text);
    const token = tokens.find((t) => (opts.startsWith ? t.text.startsWith(piece) || piece.startsWith(t.text) : t.text === piece));
    const scope = token?.scopes.at(-1);
    if (token && (scope === expected || token.scopes.includes(expected))) {
      passed++;
    } else {
      failed++;
      const got = token ? token.scopes.slice(1).join(" ") : `no token ${JSON.stringify(piece)}; tokens: ${tokens.map((t) => JSON.stringify(t.text)).join(" ")}`;
      console.log(`FAIL ${JSON.stringify(text)}: ${JSON.stringify(piece)} should be ${expected}, is ${got}`);
    }
  }
  // Every example file tokenizes without an `invalid` scope.
  const examples = path.join(ROOT, "examples/order-saga");
  const { readdir } = await import("node:fs/promises");
  const files = (await readdir(examples, { recursive: true })).filter((f) => f.endsWith(".ddd"));
  for (const f of files) {
    const bad = tokenize(engine, await readFile(path.join(examples, f), "utf8")).filter((t) => t.scopes.some((s) => s.startsWith("invalid")));
    if (bad.length) {
      failed++;
      console.log(`FAIL examples/order-saga/${f}: invalid tokens ${bad.map((t) => `${t.line + 1}:${JSON.stringify(t.text)}`).join(", ")}`);
    } else passed++;
  }
  console.log(`grammar: ${passed} passed, ${failed} failed`);
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err?.stack || err);
    console.log("grammar: 0 passed, 1 failed");
    process.exit(1);
  },
);
