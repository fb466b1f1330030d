// An esbuild plugin for the bundles that hold mermaid (the preview and simulator webview,
// the Markdown preview script): mermaid's `getConfig()` copies the whole configuration with
// `assignWithDepth`, one `Object.defineProperty` per key, each time its code asks for a
// setting, which was 40% of the time a diagram took to draw. The plugin puts the same copy,
// made by spreading objects (src/protocol/mermaid-config-copy.ts), in its place.
//
// It changes exactly one statement, found by its text. When a mermaid version words
// `getConfig` otherwise, or the bundle holds mermaid's configuration but no `getConfig` was
// changed, the build fails and says so: the plugin never lets a bundle through unpatched or
// patched at the wrong place.
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";

const copyModule = fileURLToPath(new URL("../src/protocol/mermaid-config-copy.ts", import.meta.url));

/** mermaid's getConfig, as its ESM chunks write it (mermaid 11). */
const original = 'var getConfig = /* @__PURE__ */ __name(() => {\n  return assignWithDepth_default({}, currentConfig);\n}, "getConfig");';
const replacement = 'var getConfig = /* @__PURE__ */ __name(() => {\n  return copyMermaidConfig(currentConfig);\n}, "getConfig");';
/** What marks the module that holds mermaid's configuration (and so its getConfig). */
const configModule = /\bvar currentConfig = assignWithDepth_default\(/;

/**
 * A mermaid module's text with getConfig replaced, or the text as it is when the module
 * does not hold the configuration. Throws when it holds it but getConfig is not the one known.
 */
export function patchMermaidConfig(source, path = "a mermaid module") {
  if (!configModule.test(source)) return { source, patched: false };
  const at = source.indexOf(original);
  if (at < 0 || source.indexOf(original, at + 1) >= 0) {
    throw new Error(
      `${path} holds mermaid's configuration, but not the getConfig that scripts/mermaid-fast-config.mjs replaces: ` +
        "check that src/protocol/mermaid-config-copy.ts still copies as mermaid's assignWithDepth does, then update the plugin's text",
    );
  }
  const patched = `import { copyMermaidConfig } from ${JSON.stringify(copyModule)};\n${source.slice(0, at)}${replacement}${source.slice(at + original.length)}`;
  return { source: patched, patched: true };
}

/** @returns {import('esbuild').Plugin} */
export function mermaidFastConfig() {
  return {
    name: "mermaid-fast-config",
    setup(build) {
      let mermaidLoaded = false;
      let patched = 0;
      build.onStart(() => {
        mermaidLoaded = false;
        patched = 0;
      });
      build.onLoad({ filter: /[\\/]node_modules[\\/]mermaid[\\/]dist[\\/].*\.mjs$/ }, async (args) => {
        mermaidLoaded = true;
        const text = await readFile(args.path, "utf8");
        const result = patchMermaidConfig(text, args.path);
        if (!result.patched) return undefined;
        patched++;
        return { contents: result.source, loader: "js" };
      });
      build.onEnd((result) => {
        if (result.errors.length > 0 || !mermaidLoaded || patched === 1) return;
        result.errors.push({
          text: `mermaid is in ${build.initialOptions.outfile ?? "the bundle"} but ${patched} of its getConfig were replaced, not one: update scripts/mermaid-fast-config.mjs for this mermaid version`,
        });
      });
    },
  };
}
