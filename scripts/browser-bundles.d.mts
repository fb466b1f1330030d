import type { Plugin } from 'esbuild';

/** Node built-ins a dependency asks for inside a try/catch and does without: resolved to an empty module in browser bundles. */
export declare const optionalBuiltins: readonly { package: string; builtin: string }[];
/** Fails a browser bundle's build when anything in it imports a Node built-in. */
export declare function noNodeBuiltins(): Plugin;
