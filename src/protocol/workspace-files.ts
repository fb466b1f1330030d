/**
 * Which folders of a workspace hold no model: never searched for `.ddd` files,
 * by the language server (src/server/files.ts) nor by the Markdown preview's
 * reading of the workspace (src/extension/markdown-preview.ts). Hidden folders
 * (a name starting with `.`) are skipped too.
 */
export const skippedModelFolders = ['node_modules', 'dist', 'out'] as const;
