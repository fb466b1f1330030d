/**
 * The code-action handler is a thin adapter over the core's fixes
 * (src/language/fixes): for each finding the editor sends back, the actions are
 * the core's fixes, same titles and order, preferred where the core prefers,
 * and the same text once applied. Tested on a Workspace without a connection.
 */
import { describe, expect, test } from 'vitest';
import { CodeActionKind, type CodeAction, type Diagnostic as LspDiagnostic, type TextEdit } from 'vscode-languageserver/node';
import { fixContext, fixesFor } from '../../src/language/fixes/index';
import { applyEdits } from '../../src/language/navigation/index';
import { codeActions } from '../../src/server/code-actions';
import type { ServerContext } from '../../src/server/context';
import { toLspDiagnostic } from '../../src/server/convert';
import type { ServerSettings } from '../../src/server/settings';
import { Workspace } from '../../src/server/workspace';

const uri = 'file:///work/model.ddd';
const text = `context Warehouse {
  aggregate Parcel {
    root entity Parcel { id: ParcelId  owner: Order }
    event ShipParcel
    command ParcelShipped
    event LoadTruck
  }
  aggregate Crate {
    entity Crate { id: CrateId }
  }
  aggregate Order {
    root entity Order { id: OrderId }
  }
}
domain Logistics {
  subdomain Shipping
}
saga Dispatch orchestrated by Warehouse {
  step ParcelShipped on Warehouse reply ShipParcel
  step LoadParcel on Warehouse reply LoadTruck compensate UnloadParcel
}
`;

function serverContext(): ServerContext {
  const workspace = new Workspace();
  workspace.setOpenText(uri, text, 1);
  return {
    workspace,
    settings: {} as ServerSettings,
    model: () => workspace.model(),
    document: (at) => {
      const parsed = workspace.parsed(at);
      return parsed ? { uri: at, parsed, lines: parsed.lineIndex } : undefined;
    },
    log: () => undefined,
  };
}

/** Applies LSP text edits (non-overlapping) to a text. */
function applyLspEdits(ctx: ServerContext, edits: readonly TextEdit[]): string {
  const lines = ctx.workspace.lines(uri)!;
  return applyEdits(
    text,
    edits.map((edit) => ({ range: { start: lines.offsetAt(edit.range.start), end: lines.offsetAt(edit.range.end) }, newText: edit.newText })),
  );
}

function actionsFor(ctx: ServerContext, diagnostic: LspDiagnostic, only?: string[]): CodeAction[] {
  return codeActions(ctx, { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic], ...(only ? { only } : {}) } });
}

describe('code actions', () => {
  test("for every finding, the actions are the core's fixes: titles, order, preferred marks and edits", () => {
    const ctx = serverContext();
    const findings = ctx.workspace.diagnostics().get(uri)!;
    const context = fixContext(ctx.model(), findings);
    const lines = ctx.workspace.lines(uri)!;
    let compared = 0;
    for (const finding of findings) {
      const fixes = fixesFor(context, finding);
      const actions = actionsFor(ctx, toLspDiagnostic(finding, lines, () => lines));
      // beside the finding's fixes, a name under the cursor may be declared ("Create …")
      const own = actions.filter((action) => action.diagnostics?.length);
      expect(own.map((action) => action.title)).toEqual([...new Set(fixes.map((fix) => fix.title))]);
      for (const action of own) {
        const fix = fixes.find((candidate) => candidate.title === action.title)!;
        expect(action.kind).toBe(CodeActionKind.QuickFix);
        expect(action.isPreferred, action.title).toBe(fix.preferred ? true : undefined);
        expect(applyLspEdits(ctx, action.edit!.changes![uri]!), action.title).toBe(applyEdits(text, fix.edits));
        compared++;
      }
    }
    expect(compared).toBeGreaterThanOrEqual(8);
  });

  test('the choices of a subdomain type are offered, none preferred', () => {
    const ctx = serverContext();
    const lines = ctx.workspace.lines(uri)!;
    const finding = ctx.workspace.diagnostics().get(uri)!.find((candidate) => candidate.code === 'subdomain-type')!;
    const actions = actionsFor(ctx, toLspDiagnostic(finding, lines, () => lines));
    expect(actions.map((action) => [action.title, action.isPreferred])).toEqual([
      ['Make it a core subdomain', undefined],
      ['Make it a supporting subdomain', undefined],
      ['Make it a generic subdomain', undefined],
    ]);
    expect(applyLspEdits(ctx, actions[1]!.edit!.changes![uri]!)).toContain('  supporting subdomain Shipping\n');
  });

  test("the data the editor echoes back wins over the server's own", () => {
    const ctx = serverContext();
    const lines = ctx.workspace.lines(uri)!;
    const finding = ctx.workspace.diagnostics().get(uri)!.find((candidate) => candidate.code === 'event-past-tense' && candidate.message.includes('LoadTruck'))!;
    const echoed = { ...toLspDiagnostic(finding, lines, () => lines), data: { suggestion: 'TruckWasLoaded' } };
    expect(actionsFor(ctx, echoed)[0]?.title).toBe('Rename LoadTruck to TruckWasLoaded (2 places)');
    // no data echoed: the server's own finding at the same place gives it
    const bare: LspDiagnostic = { range: echoed.range, code: 'event-past-tense', message: '' };
    expect(actionsFor(ctx, bare)[0]?.title).toBe('Rename LoadTruck to TruckLoaded (2 places)');
  });

  test('other kinds of action, diagnostics without a code and unknown documents get none', () => {
    const ctx = serverContext();
    const lines = ctx.workspace.lines(uri)!;
    const finding = ctx.workspace.diagnostics().get(uri)!.find((candidate) => candidate.code === 'reference-by-id')!;
    const diagnostic = toLspDiagnostic(finding, lines, () => lines);
    expect(actionsFor(ctx, diagnostic, [CodeActionKind.Refactor])).toEqual([]);
    expect(actionsFor(ctx, diagnostic, [CodeActionKind.QuickFix]).map((action) => action.title)).toEqual(['Reference by id: OrderId']);
    expect(actionsFor(ctx, { ...diagnostic, code: undefined })).toEqual([]);
    expect(codeActions(ctx, { textDocument: { uri: 'file:///work/elsewhere.ddd' }, range: diagnostic.range, context: { diagnostics: [diagnostic] } })).toEqual([]);
  });
});
