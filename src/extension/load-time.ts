/**
 * When the extension's code started to load. Imported first by main.ts, so the
 * time it takes to load the bundled dependencies (vscode-languageclient) counts
 * towards the activation time main.ts logs.
 */
import { performance } from 'node:perf_hooks';

export const loadStartedAt = performance.now();
