/**
 * What a `.ddd` file must be before it is parsed: at most MAX_FILE_SIZE bytes
 * of UTF-8 text. One home for that rule; the server and the CLI read files
 * themselves (each with its own file API) and ask here whether the bytes are a
 * model's text. Uses only web-standard globals (TextDecoder), no Node API.
 */

/** The largest `.ddd` file read from disk, in bytes (5 MiB). The server's `maxFileSize` default and the CLI's limit. */
export const MAX_FILE_SIZE = 5 * 1024 * 1024;

/** The most a user may raise the limit to (64 MiB): past it, a file is not a model someone edits by hand. */
export const MAX_FILE_SIZE_CEILING = 64 * 1024 * 1024;

/** A limit the user asked for (bytes, a whole number from 1 to the ceiling), or undefined when it is not one. */
export function fileSizeLimit(value: unknown): number | undefined {
  const number = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isInteger(number) || number < 1) return undefined;
  return Math.min(number, MAX_FILE_SIZE_CEILING);
}

/** A size for messages: `812 bytes`, `6.2 MB`. */
export function describeSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1).replace(/\.0$/, '')} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
}

/** Why a file of `size` bytes is not read (`6.2 MB, more than the 5 MB limit …`), or undefined when it is small enough. */
export function sizeProblem(size: number, limit: number = MAX_FILE_SIZE): string | undefined {
  if (size <= limit) return undefined;
  const shown = describeSize(size) === describeSize(limit) ? `${size} bytes` : describeSize(size);
  return `${shown}, more than the ${describeSize(limit)} limit for a .ddd file (see docs/limits.md)`;
}

export type DecodedText = { ok: true; text: string } | { ok: false; problem: string };

/** The first byte offset at which `bytes` stop being valid UTF-8 (bytes.length when they are valid). */
function firstInvalidByte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    let length: number;
    let min = 0x80;
    let max = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) length = 2;
    else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3;
      if (lead === 0xe0) min = 0xa0;
      if (lead === 0xed) max = 0x9f; // no surrogates
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4;
      if (lead === 0xf0) min = 0x90;
      if (lead === 0xf4) max = 0x8f;
    } else return i;
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k];
      if (next === undefined) return i;
      const low = k === 1 ? min : 0x80;
      const high = k === 1 ? max : 0xbf;
      if (next < low || next > high) return i;
    }
    i += length;
  }
  return bytes.length;
}

/**
 * The WHATWG decoder that every host of the core has (Node, browsers, web workers); declared
 * here because the core is compiled with neither the DOM's nor Node's types.
 */
declare const TextDecoder: new (label: string, options?: { fatal?: boolean; ignoreBOM?: boolean }) => { decode(input: Uint8Array): string };

/** The 1-based line of byte `offset`: newlines before it, plus one. */
function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/**
 * The text of a file's bytes when they are UTF-8 (a leading byte-order mark is
 * dropped), else the problem: `not UTF-8 text: invalid byte 0xE9 at line 3`.
 */
export function decodeSourceText(bytes: Uint8Array): DecodedText {
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes) };
  } catch {
    const offset = firstInvalidByte(bytes);
    const byte = bytes[offset];
    const shown = byte === undefined ? '' : ` 0x${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    return { ok: false, problem: `not UTF-8 text: invalid byte${shown} at line ${lineOfByte(bytes, Math.min(offset, bytes.length))}` };
  }
}
