/**
 * How the server reads the workspace's `.ddd` files, without saying with what:
 * from disk with Node (files.ts, the desktop) or through the editor
 * (client-files.ts, VS Code for the Web, where the server runs in a Web Worker).
 * The uri helpers here are platform-free, so the server's own code runs in both.
 */

export interface WorkspaceFiles {
  /** Whether this reader reads documents of that uri (the Node one: `file:` uris only). */
  owns(uri: string): boolean;
  /** Every `.ddd` file under the workspace folder `folderUri` (hidden folders, node_modules, dist and out left out), at most `limit`, sorted. */
  find(folderUri: string, limit: number): Promise<string[]>;
  /**
   * The text of a `.ddd` file, or undefined when it is not read: not a regular
   * file, larger than `maxSize` bytes, not UTF-8, or unreadable. Why goes to
   * `report` (the server's log), except for a file that is gone.
   */
  read(uri: string, maxSize: number, report: (problem: string) => void): Promise<string | undefined>;
  /** It asks the client: LSP lets a server send requests only once it is initialized, so the workspace is read from then on. */
  readonly asksClient?: boolean;
  /** The uri of a folder given as a path (the deprecated `rootPath` of initialize), when this reader knows paths. */
  pathToUri?(path: string): string;
}

export function isDddPath(path: string): boolean {
  return path.toLowerCase().endsWith('.ddd');
}

const uriParts = /^([A-Za-z][A-Za-z0-9+.-]*):(?:\/\/([^/?#]*))?([^?#]*)(.*)$/s;

/** The path of a uri, percent-decoded (`file:///c%3A/x.ddd` → `/c:/x.ddd`); undefined when it is not one. */
function decodedPath(uri: string): { scheme: string; authority: string; path: string; rest: string } | undefined {
  const parts = uriParts.exec(uri);
  if (!parts) return undefined;
  try {
    return { scheme: parts[1]!.toLowerCase(), authority: parts[2] ?? '', path: decodeURIComponent(parts[3]!), rest: parts[4]! };
  } catch {
    return undefined;
  }
}

/**
 * A key under which two spellings of the same file's uri compare equal
 * (`file:///c%3A/x.ddd` and `file:///C:/x.ddd`; percent-encoding in any scheme).
 */
export function uriKey(uri: string): string {
  const parts = decodedPath(uri);
  if (!parts) return uri;
  const path = parts.scheme === 'file' ? parts.path.replace(/^\/([A-Za-z]):/, (_, drive: string) => `/${drive.toLowerCase()}:`) : parts.path;
  return `${parts.scheme}://${parts.authority}${path}${parts.rest}`;
}

/** Whether `uri` is the folder `folderUri` or inside it. */
export function isInFolder(uri: string, folderUri: string): boolean {
  const key = uriKey(uri);
  const folder = uriKey(folderUri).replace(/\/+$/, '');
  return key === folder || key.startsWith(`${folder}/`);
}

/** The path part of a uri (for its file extension). */
export function uriPath(uri: string): string {
  return decodedPath(uri)?.path ?? uri;
}
