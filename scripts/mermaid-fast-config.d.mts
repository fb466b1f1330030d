import type { Plugin } from 'esbuild';

/** A mermaid module's text with its getConfig replaced by src/protocol/mermaid-config-copy.ts's copy, or as it is when it holds no configuration; throws when it holds one whose getConfig is not the one known. */
export function patchMermaidConfig(source: string, path?: string): { source: string; patched: boolean };
/** The esbuild plugin that patches mermaid's getConfig in a bundle, and fails the build unless exactly one was patched. */
export function mermaidFastConfig(): Plugin;
