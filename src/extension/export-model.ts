/**
 * DDD: Export Model… — asks for a format (the server's `ddd/exportFormats`,
 * from the core's registry) and a folder, asks the server for the files
 * (`ddd/exportModel`), writes them with vscode.workspace.fs, and shows what it
 * wrote (a message with the folder, each path in the output). The preview's
 * Export menu runs the same command with its format chosen.
 */
import * as vscode from 'vscode';
import type { ExportFormatEntry } from '../protocol/index';
import { exportPathSegments, fileCount } from './export-paths';
import { describe, type DddServer } from './panels/webview';

export const exportModelCommand = 'ddd.exportModel';

async function chooseFormat(formats: readonly ExportFormatEntry[], preselected: string | undefined): Promise<ExportFormatEntry | undefined> {
  const given = preselected === undefined ? undefined : formats.find((format) => format.id === preselected);
  if (given) return given;
  const picked = await vscode.window.showQuickPick(
    formats.map((format) => ({ label: format.label, description: format.id, detail: format.description, format })),
    { title: 'DDD: Export Model', placeHolder: 'The format to export the whole model to', matchOnDescription: true, matchOnDetail: true },
  );
  return picked?.format;
}

async function chooseFolder(format: ExportFormatEntry): Promise<vscode.Uri | undefined> {
  const base = vscode.workspace.workspaceFolders?.[0]?.uri;
  const folders = await vscode.window.showOpenDialog({
    canSelectFiles: false,
    canSelectFolders: true,
    canSelectMany: false,
    openLabel: `Export ${format.label} Here`,
    title: `Export the model as ${format.label}: choose a folder`,
    ...(base ? { defaultUri: base } : {}),
  });
  return folders?.[0];
}

/** The command: format (unless given), folder, files from the server, written; what was written shown. */
export async function exportModelToFolder(server: DddServer, output: vscode.LogOutputChannel, preselected?: unknown): Promise<void> {
  let formats: ExportFormatEntry[];
  try {
    formats = (await server.request('ddd/exportFormats', {})).formats;
  } catch (error) {
    void vscode.window.showErrorMessage(`Exporting the model needs the DDD language server: ${describe(error)}`);
    return;
  }
  const format = await chooseFormat(formats, typeof preselected === 'string' ? preselected : undefined);
  if (!format) return;
  const folder = await chooseFolder(format);
  if (!folder) return;
  try {
    const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Exporting the model as ${format.label}…` }, () =>
      server.request('ddd/exportModel', { format: format.id }),
    );
    for (const warning of result.warnings) output.warn(`Export ${format.id}: ${warning}`);
    const written: vscode.Uri[] = [];
    for (const file of result.files) {
      const segments = exportPathSegments(file.path);
      if (!segments) {
        output.error(`Export ${format.id}: not written, not a plain relative path: ${JSON.stringify(file.path)}`);
        continue;
      }
      const target = vscode.Uri.joinPath(folder, ...segments);
      if (segments.length > 1) await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(folder, ...segments.slice(0, -1)));
      await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(file.text));
      written.push(target);
      output.info(`Export ${format.id}: wrote ${vscode.workspace.asRelativePath(target, false)}`);
    }
    const where = vscode.workspace.asRelativePath(folder, false);
    const summary = `Exported the model as ${format.label}: ${fileCount(written.length)} in ${where}${result.warnings.length ? ` (${result.warnings.length} left out: see DDD: Show Output)` : ''}.`;
    vscode.window.setStatusBarMessage(`$(check) ${summary}`, 8000);
    const open = written.length === 1 ? 'Open File' : 'Show Files';
    const choice = await vscode.window.showInformationMessage(summary, open, 'Show Output');
    if (choice === 'Show Output') output.show(true);
    else if (choice === 'Open File' && written[0]) await vscode.window.showTextDocument(written[0]);
    else if (choice === 'Show Files') {
      const file = await vscode.window.showQuickPick(written.map((uri) => ({ label: vscode.workspace.asRelativePath(uri, false), uri })), { title: `Written to ${where}`, placeHolder: 'A file to open' });
      if (file) await vscode.window.showTextDocument(file.uri);
    }
  } catch (error) {
    output.error(`Export ${format.id} failed: ${describe(error)}`);
    void vscode.window.showErrorMessage(`The export failed: ${describe(error)}`);
  }
}

export function registerExportModel(context: vscode.ExtensionContext, server: DddServer, output: vscode.LogOutputChannel): void {
  context.subscriptions.push(vscode.commands.registerCommand(exportModelCommand, (format?: unknown) => exportModelToFolder(server, output, format)));
}
