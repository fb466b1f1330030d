/**
 * The server's settings and constants, in one place.
 */
import { fileSizeLimit, MAX_FILE_SIZE } from '../language/util/source-text';

/**
 * Where the repository's documentation lives: each diagnostic code links to
 * `${DOCS_BASE_URL}/docs/rules.md#<code>`. A placeholder until the repository
 * has its public home; change it here only.
 */
export const DOCS_BASE_URL = 'https://github.com/ddd-modeler/ddd-modeler/blob/main';

export function ruleDocumentationUrl(code: string): string {
  return `${DOCS_BASE_URL}/docs/rules.md#${encodeURIComponent(code)}`;
}

/** The `source` of every diagnostic the server publishes. */
export const DIAGNOSTIC_SOURCE = 'ddd';

export interface ServerSettings {
  /** At least this long between the starts of two validations (ms); 0 validates as soon as the edits stop arriving. */
  diagnosticsDelay: number;
  /** Files larger than this are not indexed from disk (bytes; the CLI's limit too: MAX_FILE_SIZE, see docs/limits.md). */
  maxFileSize: number;
  /** At most this many `.ddd` files are indexed per workspace folder. */
  maxFiles: number;
}

export const defaultSettings: ServerSettings = {
  diagnosticsDelay: 0,
  maxFileSize: MAX_FILE_SIZE,
  maxFiles: 10_000,
};

/** Reads settings from `initializationOptions` or a `ddd` configuration section; unknown or invalid values are ignored. */
export function readSettings(source: unknown, base: ServerSettings = defaultSettings): ServerSettings {
  const settings = { ...base };
  if (!source || typeof source !== 'object') return settings;
  const record = source as Record<string, unknown>;
  const nested = record['diagnostics'] && typeof record['diagnostics'] === 'object' ? (record['diagnostics'] as Record<string, unknown>) : {};
  // `ddd.diagnostics.debounceMs` is the setting the extension contributes
  const delay = nested['debounceMs'] ?? record['diagnosticsDelay'] ?? nested['delay'];
  if (typeof delay === 'number' && Number.isFinite(delay) && delay >= 0) settings.diagnosticsDelay = Math.min(delay, 10_000);
  const maxFiles = record['maxFiles'];
  if (typeof maxFiles === 'number' && maxFiles > 0) settings.maxFiles = maxFiles;
  // raised (or lowered) within a hard ceiling: bytes, from 1 to MAX_FILE_SIZE_CEILING
  const maxFileSize = fileSizeLimit(record['maxFileSize']);
  if (maxFileSize !== undefined) settings.maxFileSize = maxFileSize;
  return settings;
}
