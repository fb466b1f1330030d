/**
 * `@asyncapi/parser` (the AsyncAPI initiative's parser and its Spectral
 * ruleset) for the export tests, with one change of cost, not of checks: the
 * documents share Spectral's JSON Schema compiler.
 *
 * Spectral's `schema` function makes new Ajv instances for every document it
 * lints, so each parse compiles the whole AsyncAPI 3.0 JSON Schema again
 * (about 0.3 s of CPU a document, nine tenths of a parse, whatever the
 * document's size). The rules, the schema and the validation are the same
 * for every document; here the instances are made once and shared, as they
 * are within one document. A schema is compiled once per `$id` (or per schema
 * object), and a compiled validator keeps no state between calls.
 *
 * When Spectral stops making its instances through `createAjvInstances`, the
 * sharing is not installed (`sharedCompiler` is false, which a test reports)
 * and the parses stay correct, only slower.
 */
import { Parser, type Diagnostic } from '@asyncapi/parser';
import { createRequire } from 'node:module';

interface AjvModule {
  createAjvInstances?: () => unknown;
}

/** Spectral's `dist/schema/ajv` module, the one `@asyncapi/parser`'s ruleset functions load. */
function spectralAjvModule(): AjvModule {
  const fromTests = createRequire(import.meta.url);
  const fromParser = createRequire(fromTests.resolve('@asyncapi/parser'));
  const fromSpectralFunctions = createRequire(fromParser.resolve('@stoplight/spectral-functions'));
  return fromSpectralFunctions('./schema/ajv') as AjvModule;
}

function shareCompiler(): boolean {
  const ajvModule = spectralAjvModule();
  const original = ajvModule.createAjvInstances;
  if (typeof original !== 'function') return false;
  let shared: unknown;
  ajvModule.createAjvInstances = () => (shared ??= original());
  return true;
}

/** Whether the documents share Spectral's compiled schemas (see above). */
export const sharedCompiler = shareCompiler();

export const parser = new Parser();

/** Diagnostics of severity error (0) or warning (1), in words; a document the parser could not read is 'no document'. */
export async function failures(text: string): Promise<string[]> {
  const { document, diagnostics } = await parser.parse(text);
  const bad = diagnostics.filter((diagnostic: Diagnostic) => diagnostic.severity <= 1);
  const words = bad.map((diagnostic: Diagnostic) => `${diagnostic.code} at ${diagnostic.path.join('/')}: ${diagnostic.message}`);
  if (!document && words.length === 0) words.push('no document');
  return words;
}
