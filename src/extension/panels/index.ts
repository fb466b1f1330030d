/**
 * The preview, the saga simulator, and the code lenses that open it: their
 * commands and registrations. main.ts calls `registerPanels` once.
 */
import * as vscode from 'vscode';
import { SimulationCodeLenses, simulateCommand } from '../code-lens';
import { parseSimulateArguments, resolveTarget, targetChoices } from './helpers';
import { PreviewController } from './preview-panel';
import { SimulatorController } from './simulator-panel';
import { activeDddEditor, describe, LANGUAGE_ID, type DddServer, type PanelContext } from './webview';

export type { DddServer } from './webview';

export const panelCommands = {
  openPreview: 'ddd.openPreview',
  openPreviewToSide: 'ddd.openPreviewToSide',
  simulate: simulateCommand,
} as const;

function resourceUri(value: unknown): vscode.Uri | undefined {
  return value instanceof vscode.Uri ? value : undefined;
}

export function registerPanels(context: vscode.ExtensionContext, server: DddServer, output: vscode.LogOutputChannel): void {
  const panels: PanelContext = { extensionUri: context.extensionUri, server, output };
  const preview = new PreviewController(panels);
  const simulator = new SimulatorController(panels);
  const lenses = new SimulationCodeLenses(server, output);

  const simulate = async (...args: unknown[]): Promise<void> => {
    const asked = parseSimulateArguments(args);
    let views;
    try {
      views = await server.request('ddd/views', {});
    } catch (error) {
      void vscode.window.showErrorMessage(`The saga simulator needs the DDD language server: ${describe(error)}`);
      return;
    }
    if (asked.name !== undefined) {
      const target = resolveTarget(views, asked.name, asked.kind);
      if (!target) {
        void vscode.window.showWarningMessage(`There is no ${asked.kind === 'stream' ? 'event stream' : asked.kind === 'saga' ? 'saga' : 'saga or event stream'} named ${asked.name}.`);
        return;
      }
      simulator.show(target);
      return;
    }
    const choices = targetChoices(views, asked.uri ?? activeDddEditor()?.document.uri.toString());
    if (!choices.length) {
      void vscode.window.showInformationMessage('The model has no sagas or event streams yet: declare a `saga` or an event-sourced aggregate with a `stream` to simulate it.');
      return;
    }
    const items = choices.map((choice) => ({
      label: `${choice.target.kind === 'saga' ? '$(play)' : '$(history)'} ${choice.label}`,
      description: choice.description,
      ...(choice.here ? { detail: 'declared in this file' } : {}),
      choice,
    }));
    const picked = await vscode.window.showQuickPick(items, { title: 'DDD: Simulate Saga', placeHolder: 'A saga to play step by step, or an event stream to replay', matchOnDescription: true });
    if (picked) simulator.show(picked.choice.target);
  };

  context.subscriptions.push(
    preview,
    simulator,
    lenses,
    vscode.languages.registerCodeLensProvider({ language: LANGUAGE_ID }, lenses),
    vscode.commands.registerCommand(panelCommands.openPreview, (uri?: unknown) => preview.open(false, resourceUri(uri))),
    vscode.commands.registerCommand(panelCommands.openPreviewToSide, (uri?: unknown) => preview.open(true, resourceUri(uri))),
    vscode.commands.registerCommand(panelCommands.simulate, simulate),
  );
  // the palette offers the simulator in windows with a model
  void vscode.commands.executeCommand('setContext', 'ddd.active', true);
}
