/**
 * `ddd/importCml`: a Context Mapper (.cml) file's text in, the .ddd text that
 * says the same and what could not be carried over (or why the file could not
 * be read). The extension's "DDD: Import Context Mapper Model…" asks it.
 */
export interface CmlImportParams {
  /** The CML text. */
  text: string;
  /** The file's name (`insurance.cml`): names a context map CML leaves unnamed. */
  fileName: string;
}

export type CmlImportResult =
  | { ok: true; text: string; dropped: { line: number; reason: string }[] }
  | { ok: false; problems: { line: number; column: number; message: string }[] };

/** The largest CML text the server converts. */
export const maxCmlImportLength = 20_000_000;
