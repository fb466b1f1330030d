// A module that must never reach a browser bundle: it imports a Node built-in (test/web/browser-bundles.test.ts; not a test itself).
import { readFileSync } from 'node:fs';

export const text = (path: string): string => readFileSync(path, 'utf8');
