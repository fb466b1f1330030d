/**
 * Where an exported file goes: the server sends relative paths (`events/OrderPlaced/schema.json`);
 * the extension writes a file only when every segment is a plain name (no `..`, no drive, no
 * separator of another system), so an export never writes outside the folder the user chose.
 */

/** The path's segments, or undefined when it is not a plain relative path. */
export function exportPathSegments(path: string): string[] | undefined {
  const segments = path.split('/');
  const plain = segments.every((segment) => segment !== '' && segment !== '.' && segment !== '..' && !/[\\:\u0000-\u001f]/.test(segment));
  return plain && segments.length <= 16 && path.length <= 1024 ? segments : undefined;
}

/** `3 files` / `1 file`. */
export function fileCount(count: number): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? 'file' : 'files'}`;
}
