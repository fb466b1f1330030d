/**
 * mermaid as `ddd export --format svg` loads it into its headless page: mermaid's own
 * browser build (mermaid.min.js), with its getConfig copying the configuration the fast
 * way, as the preview's bundle does (src/protocol/mermaid-config-copy.ts): a third less
 * time per drawing. The minified getConfig is found by its shape (`X=s(()=>F({},C),"getConfig")`,
 * the minifier's names); a mermaid written otherwise is loaded as it is, only slower
 * (a test notices when the installed mermaid is no longer changed).
 */
import { copyMermaidConfig } from '../protocol/mermaid-config-copy';

const minifiedGetConfig = /([A-Za-z_$][\w$]*)=([A-Za-z_$][\w$]*)\(\(\)=>[A-Za-z_$][\w$]*\(\{\},([A-Za-z_$][\w$]*)\),"getConfig"\)/g;

/** mermaid.min.js's text with its getConfig replaced, when it has exactly one of the known shape. */
export function withFastMermaidConfig(mermaidScript: string): { script: string; patched: boolean } {
  const found = [...mermaidScript.matchAll(minifiedGetConfig)];
  if (found.length !== 1) return { script: mermaidScript, patched: false };
  const [statement, name, wrap, config] = found[0]! as unknown as [string, string, string, string];
  const at = found[0]!.index;
  const replaced = `${name}=${wrap}(()=>globalThis.dddCopyMermaidConfig(${config}),"getConfig")`;
  const helper = `globalThis.dddCopyMermaidConfig = ${copyMermaidConfig.toString()};\n`;
  return { script: helper + mermaidScript.slice(0, at) + replaced + mermaidScript.slice(at + statement.length), patched: true };
}
