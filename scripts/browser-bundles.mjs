// The rule for the bundles that run in a browser (VS Code for the Web's extension
// host, the language server's Web Worker): no Node built-in may be imported. An
// esbuild plugin, so that `node scripts/build.mjs` fails, naming the file that
// imports it, instead of a bundle that breaks only when a browser loads it.
import { builtinModules } from "node:module";

const builtins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

/**
 * Node built-ins a dependency asks for inside a try/catch and does without when it is
 * missing (so the import is harmless in a browser): the importer's package, the
 * built-in, why. These resolve to an empty module; every other built-in fails the build.
 */
export const optionalBuiltins = [
  // sax (the SVG export's check): `try { Stream = require('stream').Stream } catch { … }`, for its unused SAXStream
  { package: "sax", builtin: "stream" },
];

function packageOf(importer) {
  const match = /node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)[\\/]/.exec(importer);
  return match ? match[1].replace(/\\/g, "/") : undefined;
}

/** @returns {import('esbuild').Plugin} */
export function noNodeBuiltins() {
  return {
    name: "no-node-builtins",
    setup(build) {
      build.onResolve({ filter: /^(node:)?[a-z_/]+$/ }, (args) => {
        if (!builtins.has(args.path)) return undefined;
        const name = args.path.replace(/^node:/, "");
        if (optionalBuiltins.some((allowed) => allowed.builtin === name && allowed.package === packageOf(args.importer))) {
          return { path: name, namespace: "optional-node-builtin" };
        }
        return {
          errors: [
            {
              text: `"${args.path}" is a Node built-in, imported by ${args.importer}: a browser bundle (${build.initialOptions.outfile}) must run without Node. Move the Node-only code behind an interface, into a Node-only entry file.`,
            },
          ],
        };
      });
      build.onLoad({ filter: /.*/, namespace: "optional-node-builtin" }, () => ({ contents: "module.exports = {};", loader: "js" }));
    },
  };
}
