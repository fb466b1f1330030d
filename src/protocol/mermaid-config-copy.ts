/**
 * mermaid's `getConfig()`, done faster. mermaid hands out a copy of its whole configuration
 * (every diagram type's settings and the theme's two hundred variables) each time its code
 * asks for a setting: per node, per class member, per label sanitised. It copies with
 * `assignWithDepth({}, config)`, which defines each key with `Object.defineProperty`: in
 * the preview that copying was 40% of the time a diagram took to draw.
 *
 * This is the same copy, made by spreading each object (V8 copies an object's layout
 * whole): what `assignWithDepth({}, config)` gives (depth 2, its default), key for key and
 * in the same order. The configuration's objects and those they hold are copied, the
 * objects one level further down shallowly (`Object.assign`); lists are copied without
 * repeated items; a key whose value is null, a symbol key and a plain `__proto__` are left
 * out, as mermaid leaves them. test/webview/mermaid-config-copy.test.ts holds it to
 * mermaid's own function, on mermaid's configuration and on generated objects.
 *
 * Put in mermaid's place when a bundle is built (scripts/mermaid-fast-config.mjs: the
 * preview, the Markdown preview) and in the page of `ddd export --format svg`
 * (src/cli/mermaid-page.ts). Self-contained, its helpers inside: the command line hands
 * its source text to that page.
 */
export function copyMermaidConfig<T extends object>(config: T): T {
  type Plain = Record<string, unknown>;
  /** A list without its repeated items, as `assignWithDepth` copies lists (the first of each kept). */
  const withoutRepeats = (list: readonly unknown[]): unknown[] => {
    const copy: unknown[] = [];
    for (const item of list) if (!copy.includes(item)) copy.push(item);
    return copy;
  };
  /** The copy `assignWithDepth({}, source, { depth })` makes, for depth 1 or 2. */
  const copyToDepth = (source: Plain, depth: number): Plain => {
    const copy: Plain = { ...source };
    for (const key of Object.keys(source)) {
      const value = source[key];
      if (typeof value !== 'object') {
        // mermaid's copy reads `copy.__proto__`, finds the prototype (an object) and leaves a plain value out
        if (key === '__proto__') delete copy[key];
      } else if (value === null) delete copy[key];
      else if (Array.isArray(value)) copy[key] = withoutRepeats(value);
      else copy[key] = depth > 1 ? copyToDepth(value as Plain, depth - 1) : Object.assign({}, value);
    }
    // mermaid copies by Object.entries, which lists no symbol keys
    for (const symbol of Object.getOwnPropertySymbols(copy)) delete (copy as Record<symbol, unknown>)[symbol];
    return copy;
  };
  return copyToDepth(config as Plain, 2) as T;
}
