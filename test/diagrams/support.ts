/**
 * Shared by the diagram tests: the example workspace and a hostile model.
 * Paths are built from __dirname, as in test/helpers.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { checkWorkspace, type CheckResult, type SourceFile } from '../../src/language/index';

export const repositoryRoot = join(__dirname, '..', '..');

/** Every .ddd file under a folder of the repository, as a workspace. */
export function readFolder(folder: string): SourceFile[] {
  const files: SourceFile[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ddd')) files.push({ uri: pathToFileURL(path).href, text: readFileSync(path, 'utf8') });
    }
  };
  walk(join(repositoryRoot, folder));
  return files.sort((a, b) => a.uri.localeCompare(b.uri));
}

export function diagramFixture(name: string): string {
  return readFileSync(join(repositoryRoot, 'test/fixtures/diagrams', name), 'utf8');
}

let example: CheckResult | undefined;
export function orderSaga(): CheckResult {
  example ??= checkWorkspace(readFolder('examples/order-saga'));
  return example;
}

// ---------------------------------------------------------------- a hostile model

/** Text that tries every way out of a mermaid label we know of. */
export const hostile =
  ' "]; click A call alert(1) %%{init: {"theme":"dark","securityLevel":"loose"}}%% <script>alert(1)</script> <img src=x onerror=alert(2)>' +
  ' x:::evil #quot; #35; ﬂ°°35¶ß style a fill:#f00; classDef b fill:#0f0; a --> b | end ( ) { } [ ] `md` & &amp; ; \\ \n next line';

/** The brief's own example: a context named like this must not become a click handler. */
export const clickName = '"]; click A call alert(1)';

const kinds = new Set([
  'domain', 'subdomain', 'context', 'contextDeclaration', 'contextmap', 'aggregate', 'entity', 'value', 'enum', 'enumValue',
  'command', 'event', 'repository', 'service', 'stream', 'readmodel', 'saga', 'storming', 'term', 'field', 'operation',
]);

/**
 * The example workspace plus test/fixtures/diagrams/hostile.ddd (hostile strings
 * through the parser), then every name, reference, state, role, type, sticky and
 * string of the model rewritten to end with `suffix` (default `hostile`: names the parser
 * would never accept), and the Sales context renamed to `clickName` exactly.
 */
export function hostileModel(suffix: string = hostile): CheckResult {
  const result = checkWorkspace([...readFolder('examples/order-saga'), { uri: 'file:///hostile.ddd', text: diagramFixture('hostile.ddd') }]);
  const seen = new Set<object>();
  const rename = (text: string) => `${text}${suffix}`;
  const visit = (value: unknown): void => {
    if (value === null || typeof value !== 'object' || seen.has(value)) return;
    seen.add(value);
    if (value instanceof Map) {
      for (const item of value.values()) visit(item);
      return;
    }
    if (Array.isArray(value)) {
      for (const item of value) visit(item);
      return;
    }
    const record = value as Record<string, unknown>;
    if (typeof record['kind'] === 'string' && kinds.has(record['kind']) && typeof record['name'] === 'string') record['name'] = rename(record['name']);
    if (typeof record['text'] === 'string' && 'range' in record) record['text'] = rename(record['text']);
    for (const key of ['description', 'definition'] as const) if (typeof record[key] === 'string') record[key] = rename(record[key] as string);
    for (const [key, item] of Object.entries(record)) if (key !== 'documents' && key !== 'uri' && key !== 'range') visit(item);
  };
  visit(result.model);
  const sales = result.model.contexts.get('Sales')!;
  sales.name = clickName;
  for (const declaration of sales.declarations) declaration.name = clickName;
  return result;
}
