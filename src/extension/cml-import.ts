/**
 * "DDD: Import Context Mapper Model…": a .cml file (from the explorer's context
 * menu, the editor, or an open dialog) becomes a .ddd file beside it, opened in
 * the editor; what could not be carried over is listed in an output channel.
 * The conversion is the language server's (`ddd/importCml`, the core's
 * importer); this file only reads, asks and writes, through vscode.workspace.fs.
 */
import * as vscode from 'vscode';
import { dddFileName, droppedReport, unreadableMessage } from './cml-import-messages';
import type { DddServer } from './panels/index';

export const importCmlCommand = 'ddd.importCml';

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function chooseCmlFile(argument: unknown): Promise<vscode.Uri | undefined> {
  if (argument instanceof vscode.Uri) return argument;
  const active = vscode.window.activeTextEditor?.document;
  if (active && (active.languageId === 'cml' || active.uri.path.endsWith('.cml'))) return active.uri;
  const picked = await vscode.window.showOpenDialog({ canSelectMany: false, filters: { 'Context Mapper models': ['cml'] }, openLabel: 'Import' });
  return picked?.[0];
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

export function registerCmlImport(context: vscode.ExtensionContext, server: DddServer): void {
  let channel: vscode.OutputChannel | undefined;
  const run = async (argument?: unknown): Promise<void> => {
    const source = await chooseCmlFile(argument);
    if (!source) return;
    const fileName = source.path.split('/').pop() ?? 'model.cml';
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(await vscode.workspace.fs.readFile(source));
    } catch (error) {
      void vscode.window.showErrorMessage(`Cannot read ${fileName}: ${describe(error)}`);
      return;
    }
    let result;
    try {
      result = await server.request('ddd/importCml', { text, fileName });
    } catch (error) {
      void vscode.window.showErrorMessage(`Importing ${fileName} needs the DDD language server: ${describe(error)}`);
      return;
    }
    if (!result.ok) {
      void vscode.window.showErrorMessage(unreadableMessage(fileName, result.problems));
      return;
    }
    const targetName = dddFileName(fileName);
    const target = vscode.Uri.joinPath(source, '..', targetName);
    if (await exists(target)) {
      const replace = await vscode.window.showWarningMessage(`${targetName} exists. Replace it with the import of ${fileName}?`, { modal: true }, 'Replace');
      if (replace !== 'Replace') return;
    }
    try {
      await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(result.text));
    } catch (error) {
      void vscode.window.showErrorMessage(`Cannot write ${targetName}: ${describe(error)}`);
      return;
    }
    await vscode.window.showTextDocument(target);
    if (result.dropped.length === 0) {
      void vscode.window.showInformationMessage(`Imported ${fileName} as ${targetName}: everything was carried over.`);
      return;
    }
    channel ??= vscode.window.createOutputChannel('DDD: Context Mapper Import');
    channel.clear();
    for (const line of droppedReport(fileName, targetName, result.dropped)) channel.appendLine(line);
    const show = await vscode.window.showWarningMessage(`Imported ${fileName} as ${targetName}; ${result.dropped.length} construct(s) could not be carried over.`, 'Show What Was Dropped');
    if (show) channel.show(true);
  };
  context.subscriptions.push(vscode.commands.registerCommand(importCmlCommand, run), { dispose: () => channel?.dispose() });
}
