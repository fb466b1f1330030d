/**
 * textDocument/codeAction: quick fixes for the mechanical repairs.
 *
 * Fixes are keyed on the diagnostic's `code` and `data` (as the rules define
 * them; the data the client echoes back, else the data of the server's own
 * finding at the same place), and missing data only means no fix:
 *
 * - rename an event to the past tense, a command to the imperative, a name to
 *   PascalCase: the declaration and every reference, across files;
 * - replace a name by the one the rule suggests (an aggregate referenced by id,
 *   `owner: Order` → `owner: OrderId`; a reply, a trigger, a role, a repository's
 *   aggregate; "did you mean" for an unknown name);
 * - add `root` to an entity when an aggregate has none; add `id: XId` to an entity;
 *   give a subdomain its type;
 * - add a compensation stub to a saga step (`compensate UndoX`, or `compensate none`),
 *   remove a compensation that never runs;
 * - create a missing event or command named by a saga or a storming sticky (or any
 *   reference that does not resolve), in the participant's context or aggregate;
 * - give an event nothing emits its cause: `emits` on the command named for it, or
 *   that command, created (cause-fixes.ts).
 */

import { simpleName } from '../language/model/names';
import {
  CodeActionKind,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic as LspDiagnostic,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import type { Diagnostic } from '../language/diagnostics';
import type { Aggregate, Declaration, ElementKind, Reference, TextRange } from '../language/model/elements';
import { kindWords, membersOfContext, type DddModel } from '../language/model/model';
import { elementAt, referencesTo, renameEdits, sagaPartAt, type NavTextEdit } from '../language/navigation/index';
import { navIndex } from '../language/navigation/nav-index';
import { closestName } from '../language/util/similar-names';
import type { DocumentView, ServerContext } from './context';
import { toWorkspaceEdit } from './rename';
import { causeFixes } from './cause-fixes';
import { aggregateHolder, appendMember, contextHolder, indentAt, single, type Fix, type Holder } from './member-edits';

/** Codes whose `data.suggestion` is a new name for the declaration the finding is on. */
const renameCodes = new Set(['event-past-tense', 'command-imperative', 'name-pascal-case']);
/** Codes whose `data.suggestion` replaces the text the finding points at. */
const replaceCodes = new Set(['reference-by-id', 'repository-for-root', 'map-unknown-role', 'saga-reply-mismatch', 'choreography-unheard-event', 'choreography-no-trigger']);

function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

function rangeOf(value: unknown): TextRange | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const { start, end } = value as { start?: unknown; end?: unknown };
  return typeof start === 'number' && typeof end === 'number' && start <= end ? { start, end } : undefined;
}

/** The server's own finding behind a diagnostic the client sent back (same code, same place). */
function ownFinding(ctx: ServerContext, document: DocumentView, diagnostic: LspDiagnostic): Diagnostic | undefined {
  const start = document.lines.offsetAt(diagnostic.range.start);
  const end = document.lines.offsetAt(diagnostic.range.end);
  return ctx.workspace.diagnostics().get(document.uri)?.find((own) => own.code === diagnostic.code && own.range.start === start && own.range.end === end);
}

/** The indentation of the line that `offset` is on. */
// ---------------------------------------------------------------- fixes keyed on findings

function renameFix(ctx: ServerContext, model: DddModel, document: DocumentView, diagnostic: LspDiagnostic, suggestion: string): Fix | undefined {
  const element = elementAt(model, document.uri, document.lines.offsetAt(diagnostic.range.start));
  const symbol = element?.symbol;
  if (!symbol || symbol.kind === 'sagaState') return undefined;
  const result = renameEdits(model, symbol, suggestion);
  if (result.error !== undefined) return swapFix(ctx, model, symbol, suggestion, diagnostic);
  if (result.edits.size === 0) return undefined;
  const count = [...result.edits.values()].reduce((sum, list) => sum + list.length, 0);
  return {
    title: `Rename ${symbol.name} to ${suggestion}${count > 1 ? ` (${count} places${result.edits.size > 1 ? ` in ${result.edits.size} files` : ''})` : ''}`,
    edits: result.edits,
    diagnostic,
    preferred: true,
  };
}

/**
 * `event ShipParcel` and `command ParcelShipped`: each is named like the other, so
 * neither can be renamed alone. When the declaration in the way would itself be
 * renamed to this one's name, offer to swap the two names everywhere.
 */
function swapFix(ctx: ServerContext, model: DddModel, symbol: Declaration, suggestion: string, diagnostic: LspDiagnostic): Fix | undefined {
  if (!('contextName' in symbol) || typeof symbol.contextName !== 'string') return undefined;
  const other = membersOfContext(model, symbol.contextName)?.get(suggestion)?.find((candidate) => candidate !== symbol);
  if (!other) return undefined;
  const wants = ctx.workspace.diagnostics().get(other.uri)?.some(
    (finding) => renameCodes.has(finding.code) && finding.range.start === other.nameRange.start && finding.data?.['suggestion'] === symbol.name,
  );
  if (!wants) return undefined;
  const edits = new Map<string, NavTextEdit[]>();
  const add = (target: Declaration, name: string) => {
    for (const location of referencesTo(model, target)) {
      const list = edits.get(location.uri);
      if (list) list.push({ range: location.range, newText: name });
      else edits.set(location.uri, [{ range: location.range, newText: name }]);
    }
  };
  add(symbol, suggestion);
  add(other, symbol.name);
  return { title: `Swap the names of ${kindWords[symbol.kind]} ${symbol.name} and ${kindWords[other.kind]} ${other.name}`, edits, diagnostic, preferred: true };
}

function replaceFix(document: DocumentView, diagnostic: LspDiagnostic, suggestion: string, code: string): Fix {
  const range = { start: document.lines.offsetAt(diagnostic.range.start), end: document.lines.offsetAt(diagnostic.range.end) };
  const written = document.parsed.text.slice(range.start, range.end);
  const title = code === 'reference-by-id' ? `Reference by id: ${suggestion}` : `Change ${written} to ${suggestion}`;
  return { title, edits: single(document.uri, { range, newText: suggestion }), diagnostic, preferred: true };
}

function didYouMeanFix(model: DddModel, document: DocumentView, diagnostic: LspDiagnostic, data: Record<string, unknown>): Fix | undefined {
  const name = stringOf(data['name']);
  const expected = Array.isArray(data['expected']) ? (data['expected'] as string[]) : [];
  if (!name || expected.length === 0) return undefined;
  const simple = simpleName(name);
  const names: string[] = [];
  for (const [candidate, declarations] of model.index) if (declarations.some((d) => expected.includes(d.kind))) names.push(candidate);
  const suggestion = closestName(simple, names);
  if (!suggestion) return undefined;
  const end = document.lines.offsetAt(diagnostic.range.end);
  return { title: `Change ${simple} to ${suggestion}`, edits: single(document.uri, { range: { start: end - simple.length, end }, newText: suggestion }), diagnostic, preferred: true };
}

function aggregateOf(model: DddModel, document: DocumentView, offset: number): Aggregate | undefined {
  const symbol = elementAt(model, document.uri, offset)?.symbol;
  return symbol?.kind === 'aggregate' ? symbol : undefined;
}

function rootFix(ctx: ServerContext, model: DddModel, document: DocumentView, diagnostic: LspDiagnostic, data: Record<string, unknown>): Fix | undefined {
  const aggregate = aggregateOf(model, document, document.lines.offsetAt(diagnostic.range.start));
  const suggestion = stringOf(data['suggestion']);
  if (!aggregate || !suggestion) return undefined;
  const entity = aggregate.entities.find((candidate) => candidate.name === suggestion);
  if (entity) {
    if (entity.root) return undefined;
    return { title: `Make ${entity.name} the root entity of ${aggregate.name}`, edits: single(entity.uri, { range: { start: entity.range.start, end: entity.range.start }, newText: 'root ' }), diagnostic, preferred: true };
  }
  const edit = appendMember(ctx, aggregate.uri, aggregate.range, `root entity ${suggestion} { id: ${suggestion}Id }`, false);
  return edit ? { title: `Add root entity ${suggestion} to ${aggregate.name}`, edits: single(aggregate.uri, edit), diagnostic, preferred: true } : undefined;
}

function identityFix(model: DddModel, document: DocumentView, diagnostic: LspDiagnostic, data: Record<string, unknown>): Fix | undefined {
  const suggestion = stringOf(data['suggestion']);
  const symbol = elementAt(model, document.uri, document.lines.offsetAt(diagnostic.range.start))?.symbol;
  if (!suggestion || symbol?.kind !== 'entity') return undefined;
  const text = document.parsed.text;
  const open = text.indexOf('{', symbol.nameRange.end);
  const edit: NavTextEdit =
    open >= 0 && open < symbol.range.end
      ? { range: { start: open + 1, end: open + 1 }, newText: text.slice(open + 1, symbol.range.end).includes('\n') ? `\n${indentAt(document, symbol.range.start)}  ${suggestion}` : ` ${suggestion}` }
      : { range: { start: symbol.range.end, end: symbol.range.end }, newText: ` { ${suggestion} }` };
  return { title: `Add ${suggestion} to ${symbol.name}`, edits: single(document.uri, edit), diagnostic, preferred: true };
}

function compensationFixes(model: DddModel, document: DocumentView, diagnostic: LspDiagnostic, data: Record<string, unknown>): Fix[] {
  const part = sagaPartAt(model, document.uri, document.lines.offsetAt(diagnostic.range.start));
  if (part?.kind !== 'sagaStep' || part.compensation) return [];
  const command = stringOf(data['command']) ?? (part.command ? simpleName(part.command.text) : undefined);
  if (!command) return [];
  const insertAt = typeof data['insertAt'] === 'number' ? (data['insertAt'] as number) : part.range.end;
  const indent = indentAt(document, part.range.start) + '  ';
  const stub = stringOf(data['suggestion']) ?? `Undo${command}`;
  const insert = (clause: string): Map<string, NavTextEdit[]> => single(document.uri, { range: { start: insertAt, end: insertAt }, newText: `\n${indent}${clause}` });
  return [
    { title: `Add a compensation to ${command}: compensate ${stub}`, edits: insert(`compensate ${stub}`), diagnostic, preferred: true },
    { title: `${command} changes nothing: compensate none`, edits: insert('compensate none'), diagnostic },
  ];
}

function removeCompensationFix(document: DocumentView, diagnostic: LspDiagnostic, data: Record<string, unknown>): Fix | undefined {
  const remove = rangeOf(data['remove']);
  if (!remove) return undefined;
  // take the whitespace before it too, so that no empty line is left
  const tokens = document.parsed.tokens;
  let start = remove.start;
  for (let i = tokens.length - 1; i >= 0; i--) {
    const end = tokens[i]!.startOffset + tokens[i]!.image.length;
    if (end <= remove.start) {
      start = end;
      break;
    }
  }
  return { title: 'Remove the compensation that never runs', edits: single(document.uri, { range: { start, end: remove.end }, newText: '' }), diagnostic, preferred: true };
}

function subdomainTypeFixes(document: DocumentView, diagnostic: LspDiagnostic, data: Record<string, unknown>): Fix[] {
  const insertAt = data['insertAt'];
  if (typeof insertAt !== 'number') return [];
  const types = Array.isArray(data['types']) ? (data['types'] as unknown[]).filter((t): t is string => typeof t === 'string') : ['core', 'supporting', 'generic'];
  return types.map((type) => ({ title: `Make it a ${type} subdomain`, edits: single(document.uri, { range: { start: insertAt, end: insertAt }, newText: `${type} ` }), diagnostic }));
}

// ---------------------------------------------------------------- creating what a saga or a board names

/** Where a declaration for an unresolved name could go, best first. */
function holdersFor(model: DddModel, reference: Reference): Holder[] {
  if (reference.scopeAggregate) return [aggregateHolder(reference.scopeAggregate)];
  const index = navIndex(model);
  const onSticky = index.stickyOf.get(reference);
  if (onSticky) {
    const { sticky, board } = onSticky;
    const aggregates: Aggregate[] = [];
    const on = sticky.on?.target;
    if (on?.kind === 'aggregate') aggregates.push(on);
    // an event sticky follows the command that caused it: the aggregate that command is `on`
    for (const earlier of board.stickies) {
      if (earlier === sticky) break;
      const target = earlier.on?.target;
      if (target?.kind === 'aggregate' && earlier.type === 'command') aggregates.unshift(target);
    }
    if (aggregates.length) return [...new Set(aggregates)].slice(0, 2).map(aggregateHolder);
  }
  let contextName = reference.scopeContext;
  if (!contextName) {
    const part = sagaPartAt(model, reference.uri, reference.range.start);
    contextName = part?.participant?.text;
  }
  const context = contextName ? model.contexts.get(contextName.split('.')[0]!) : undefined;
  if (context) return [contextHolder(context)];
  return [...model.contexts.values()].filter((candidate) => !candidate.external).slice(0, 5).map(contextHolder);
}

function createFixes(ctx: ServerContext, model: DddModel, reference: Reference, diagnostic?: LspDiagnostic): Fix[] {
  if (reference.target || reference.candidates) return [];
  const kind = (['event', 'command'] as ElementKind[]).find((candidate) => reference.expected[0] === candidate);
  if (!kind) return [];
  const name = simpleName(reference.text);
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) return [];
  let member = `${kind} ${name}`;
  if (kind === 'command') {
    const part = sagaPartAt(model, reference.uri, reference.range.start);
    const reply = part?.kind === 'sagaStep' && part.command === reference ? part.reply?.target : undefined;
    if (reply?.kind === 'event') member += ` emits ${reply.name}`;
  }
  const fixes: Fix[] = [];
  for (const holder of holdersFor(model, reference)) {
    const edit = appendMember(ctx, holder.uri, holder.range, member, holder.mayLackBody);
    if (edit) fixes.push({ title: `Create ${kind} ${name} in ${holder.label}`, edits: single(holder.uri, edit), ...(diagnostic ? { diagnostic } : {}), preferred: fixes.length === 0 });
  }
  return fixes;
}

// ---------------------------------------------------------------- entry

function fixesFor(ctx: ServerContext, model: DddModel, document: DocumentView, diagnostic: LspDiagnostic): Fix[] {
  const code = typeof diagnostic.code === 'string' ? diagnostic.code : undefined;
  if (!code) return [];
  const own = ownFinding(ctx, document, diagnostic);
  const echoed = diagnostic.data && typeof diagnostic.data === 'object' ? (diagnostic.data as Record<string, unknown>) : {};
  const data: Record<string, unknown> = { ...(own?.data ?? {}), ...echoed };
  const suggestion = stringOf(data['suggestion']);
  const fixes: Fix[] = [];
  if (renameCodes.has(code) && suggestion) {
    const fix = renameFix(ctx, model, document, diagnostic, suggestion);
    if (fix) fixes.push(fix);
  } else if (replaceCodes.has(code) && suggestion) {
    fixes.push(replaceFix(document, diagnostic, suggestion, code));
  }
  switch (code) {
    case 'unknown-reference': {
      const fix = didYouMeanFix(model, document, diagnostic, data);
      if (fix) fixes.push(fix);
      const element = elementAt(model, document.uri, document.lines.offsetAt(diagnostic.range.end));
      if (element?.reference) fixes.push(...createFixes(ctx, model, element.reference, diagnostic));
      break;
    }
    case 'aggregate-root': {
      const fix = rootFix(ctx, model, document, diagnostic, data);
      if (fix) fixes.push(fix);
      break;
    }
    case 'entity-identity': {
      const fix = identityFix(model, document, diagnostic, data);
      if (fix) fixes.push(fix);
      break;
    }
    case 'saga-compensation-missing':
      fixes.push(...compensationFixes(model, document, diagnostic, data));
      break;
    case 'saga-compensation-unreachable': {
      const fix = removeCompensationFix(document, diagnostic, data);
      if (fix) fixes.push(fix);
      break;
    }
    case 'subdomain-type':
      fixes.push(...subdomainTypeFixes(document, diagnostic, data));
      break;
    case 'event-without-cause':
      fixes.push(...causeFixes(ctx, model, document, diagnostic));
      break;
    default:
      break;
  }
  return fixes;
}

function toCodeAction(ctx: ServerContext, fix: Fix): CodeAction {
  const edit: WorkspaceEdit = toWorkspaceEdit(ctx, fix.edits);
  const action: CodeAction = { title: fix.title, kind: CodeActionKind.QuickFix, edit };
  if (fix.diagnostic) action.diagnostics = [fix.diagnostic];
  if (fix.preferred) action.isPreferred = true;
  return action;
}

export function codeActions(ctx: ServerContext, params: CodeActionParams): CodeAction[] {
  const only = params.context.only;
  if (only && !only.some((kind) => CodeActionKind.QuickFix === kind || CodeActionKind.QuickFix.startsWith(kind + '.') || kind === '')) return [];
  const document = ctx.document(params.textDocument.uri);
  if (!document) return [];
  const model = ctx.model();
  const fixes: Fix[] = [];
  for (const diagnostic of params.context.diagnostics ?? []) fixes.push(...fixesFor(ctx, model, document, diagnostic));
  // names a saga or a board uses before the model declares them: offer to declare them
  const start = document.lines.offsetAt(params.range.start);
  const element = elementAt(model, document.uri, start);
  if (element?.what === 'reference' && element.reference && !fixes.some((fix) => fix.title.startsWith('Create '))) {
    fixes.push(...createFixes(ctx, model, element.reference));
  }
  const seen = new Set<string>();
  return fixes.filter((fix) => !seen.has(fix.title) && seen.add(fix.title)).map((fix) => toCodeAction(ctx, fix));
}
