/**
 * The language core's front door: text in, model and findings out.
 * Nothing here (or below) imports vscode, the LSP libraries or Node-only modules.
 */
import type { Diagnostic } from './diagnostics';
import { buildModel, type DddModel } from './model/model';
import { parseDocument, type ParsedDocument } from './syntax/parse-document';
import { reparseDocument } from './syntax/reparse-document';
import { validateModel, type ValidationOptions } from './validation/validate';

export interface SourceFile {
  uri: string;
  text: string;
}

export interface CheckResult {
  model: DddModel;
  diagnostics: Diagnostic[];
}

/** Parses, links and validates a whole workspace. */
export function checkWorkspace(files: readonly SourceFile[], options: ValidationOptions = {}): CheckResult {
  const documents = files.map((file) => parseDocument(file.uri, file.text));
  return checkDocuments(documents, options);
}

/** Links and validates documents that are already parsed (the server re-parses only what changed). */
export function checkDocuments(documents: ParsedDocument[], options: ValidationOptions = {}): CheckResult {
  const model = buildModel(documents);
  return { model, diagnostics: validateModel(model, undefined, options) };
}

export { buildModel, parseDocument, reparseDocument, validateModel };
export type { DddModel, Diagnostic, ParsedDocument, ValidationOptions };
