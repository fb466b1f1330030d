// A browser entry that reaches a Node built-in through another file (test/web/browser-bundles.test.ts; not a test itself).
import { text } from './imports-node-fs';

console.log(text('model.ddd'));
