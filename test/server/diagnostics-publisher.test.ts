/**
 * Publishing after each validation: a file is sent when its findings or their
 * positions changed, and only then, whether its list was kept from the last
 * validation or built anew.
 */
import type { PublishDiagnosticsParams } from 'vscode-languageserver';
import { describe, expect, it } from 'vitest';
import { DiagnosticsPublisher } from '../../src/server/diagnostics';
import { Workspace } from '../../src/server/workspace';

function session(files: Record<string, string>) {
  const workspace = new Workspace();
  let version = 1;
  for (const [uri, text] of Object.entries(files)) workspace.setOpenText(uri, text, version);
  let sent: PublishDiagnosticsParams[] = [];
  const publisher = new DiagnosticsPublisher(workspace, (params) => sent.push(params));
  return {
    edit(uri: string, text: string) {
      workspace.setOpenText(uri, text, ++version);
    },
    publish() {
      sent = [];
      publisher.publish();
      return sent;
    },
  };
}

const shop = 'context Shop_front {\n  value Money { cents: Int }\n}\n';
const saga = (at: number) => `${'\n'.repeat(at)}saga Checkout choreographed { Shop_front on Go emits Went }\n`;

describe('the diagnostics publisher', () => {
  it('sends every file once, then nothing while nothing changes', () => {
    const s = session({ 'file:///a.ddd': shop, 'file:///b.ddd': saga(0) });
    expect(s.publish().map((params) => params.uri).sort()).toEqual(['file:///a.ddd', 'file:///b.ddd']);
    expect(s.publish()).toEqual([]);
  });

  it('sends the edited file only, with its version, when the others keep their findings', () => {
    const s = session({ 'file:///a.ddd': shop, 'file:///b.ddd': saga(0), 'file:///c.ddd': 'context Other_one {}\n' });
    s.publish();
    s.edit('file:///a.ddd', shop.replace('cents', 'amount'));
    const sent = s.publish();
    expect(sent.map((params) => [params.uri, params.version])).toEqual([['file:///a.ddd', 2]]);
    expect(sent[0]!.diagnostics.map((diagnostic) => diagnostic.code)).toContain('name-pascal-case');
  });

  it('sends a file again when what its findings point at moves in another file', () => {
    // the second saga of a name points at the first one, in the other file
    const s = session({ 'file:///a.ddd': saga(0), 'file:///b.ddd': saga(0) });
    const first = s.publish().find((params) => params.uri === 'file:///b.ddd')!;
    expect(first.diagnostics.find((diagnostic) => diagnostic.code === 'duplicate-name')!.relatedInformation![0]!.location.range.start.line).toBe(0);
    s.edit('file:///a.ddd', saga(3));
    const sent = s.publish();
    const again = sent.find((params) => params.uri === 'file:///b.ddd')!;
    expect(again.diagnostics.find((diagnostic) => diagnostic.code === 'duplicate-name')!.relatedInformation![0]!.location.range.start.line).toBe(3);
  });
});
