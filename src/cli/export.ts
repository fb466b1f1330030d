/**
 * `ddd export`: the model's diagrams as files, for documentation and CI:
 * mermaid source (.mmd), one Markdown document with ```mermaid blocks (GitHub
 * draws them), or SVG. SVG is drawn by mermaid itself in a headless Chromium
 * (driven with playwright-core, mermaid loaded inline: no network), except a
 * context map too large for mermaid, which is laid out and drawn directly.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import {
  drawView,
  isViewName,
  markdownProblem,
  toMarkdown,
  unknownViewProblem,
  viewDiagrams,
  viewNames,
  type MermaidDiagram,
  type ViewName,
} from '../language/diagrams/index';
import type { DddModel } from '../language/model/model';
import { separateEdgeLabels } from '../protocol/edge-labels';
import { svgFileAttributes, svgFileElements } from '../protocol/svg-allow-list';
import { htmlLabelsAsSvgText } from '../protocol/svg-labels';
import { checkExportedSvg } from '../extension/panels/svg-export-check';
import { findModelExportFormat, modelExportFormatIds, modelExportFormats } from '../language/export/index';
import { checkInputs } from './check';
import { runModelExport } from './export-model';
import { runCmlExport } from './export-cml';
import { exitCodes, UsageError, type CliCommand, type Output } from './command';
import { displayPath } from './files';
import { withFastMermaidConfig } from './mermaid-page';
import { plural } from './format';

/** The diagram formats, the model exports of the core's registry, and the model as CML. */
export const diagramFormats = ['mermaid', 'markdown', 'svg'] as const;
export const exportFormats: readonly string[] = [...diagramFormats, ...modelExportFormatIds, 'cml'];
export type ExportFormat = (typeof diagramFormats)[number];

const chromiumHelp =
  'install Chromium (e.g. `sudo apt-get install chromium`) or set CHROME_PATH to a Chrome or Chromium executable; ' +
  'or use --format mermaid or --format markdown';

/** Where a Chrome or Chromium executable is: $CHROME_PATH, else the usual places. */
export function findChromium(env: NodeJS.ProcessEnv = process.env, exists: (path: string) => boolean = existsSync): { path?: string; problem?: string } {
  const configured = env['CHROME_PATH'];
  if (configured) return exists(configured) ? { path: configured } : { problem: `CHROME_PATH is ${configured}, which does not exist` };
  const candidates = [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/snap/bin/chromium',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
  ];
  const path = candidates.find((candidate) => exists(candidate));
  return path ? { path } : { problem: 'no Chrome or Chromium found' };
}

/** Resolves a module from the working folder or from the CLI's own install (a plain `require` would be bundled). */
function resolveModule(request: string): string | undefined {
  const bases = [join(process.cwd(), 'noop.js'), typeof __filename === 'string' ? __filename : undefined, process.argv[1]];
  for (const base of bases) {
    if (!base) continue;
    try {
      return createRequire(base).resolve(request);
    } catch {
      // try the next place
    }
  }
  return undefined;
}

interface MermaidGlobal {
  initialize(config: Record<string, unknown>): void;
  render(id: string, text: string): Promise<{ svg: string }>;
}

/** A page of a browser that renderMermaidSvgs draws in, and how to let it go when done. */
export interface SvgRenderingPage {
  page: Page;
  close(): Promise<void>;
}

/**
 * Where renderMermaidSvgs gets its page: by default a headless Chromium launched
 * for the call and closed after it. A seam for the tests, which hand it a page of
 * the browser they share (a launch is about a second of CPU); `ddd` never changes it.
 */
export const svgRenderingBrowser: { open(playwright: typeof import('playwright-core'), chromium: string): Promise<SvgRenderingPage> } = {
  async open(playwright, chromium) {
    const runningAsRoot = typeof process.getuid === 'function' && process.getuid() === 0;
    let browser: Browser;
    try {
      browser = await playwright.chromium.launch({ executablePath: chromium, headless: true, args: runningAsRoot ? ['--no-sandbox'] : [] });
    } catch (error) {
      throw new RenderSetupError(`could not start ${chromium}: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}`);
    }
    try {
      return { page: await browser.newPage(), close: () => browser.close() };
    } catch (error) {
      await browser.close();
      throw error;
    }
  },
};

/**
 * Renders mermaid texts to SVG in a headless Chromium: one browser, one page,
 * mermaid loaded once from node_modules (inline: every network request is refused).
 */
export async function renderMermaidSvgs(texts: readonly string[], chromium: string, timings?: number[]): Promise<string[]> {
  const playwrightPath = resolveModule('playwright-core');
  const mermaidPath = resolveModule('mermaid/dist/mermaid.min.js');
  if (!playwrightPath) throw new RenderSetupError('playwright-core is not installed (npm install --save-dev playwright-core)');
  if (!mermaidPath) throw new RenderSetupError('mermaid is not installed (npm install --save-dev mermaid)');
  const purifyPath = resolveModule('dompurify/purify.min.js');
  if (!purifyPath) throw new RenderSetupError('dompurify is not installed (npm install --save-dev dompurify)');
  const playwright = createRequire(playwrightPath)(playwrightPath) as typeof import('playwright-core');
  const opened = await svgRenderingBrowser.open(playwright, chromium);
  try {
    const page = opened.page;
    await page.route('**/*', (route) => route.abort());
    await page.setContent('<!doctype html><html><head><meta charset="utf-8"></head><body></body></html>');
    await page.addScriptTag({ content: withFastMermaidConfig(readFileSync(mermaidPath, 'utf8')).script });
    // the preview's own finishing steps, by their source text (they are self-contained)
    await page.addScriptTag({ content: `globalThis.dddSeparateEdgeLabels = ${separateEdgeLabels.toString()};` });
    // a file holds no HTML: labels become SVG text, then DOMPurify keeps the allow-list (checked again before writing)
    await page.addScriptTag({ content: `globalThis.dddHtmlLabelsAsSvgText = ${htmlLabelsAsSvgText.toString()};` });
    await page.addScriptTag({ content: readFileSync(purifyPath, 'utf8') });
    await page.evaluate(() => {
      const mermaid = (globalThis as unknown as { mermaid: MermaidGlobal }).mermaid;
      // mermaid's defaults (HTML labels, as GitHub draws them): the entity codes of escaped labels are decoded only in HTML labels
      mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
    });
    const svgs: string[] = [];
    for (const [index, text] of texts.entries()) {
      const { svg, ms } = await page.evaluate(
        async ({ id, text, allowed }) => {
          const mermaid = (globalThis as unknown as { mermaid: MermaidGlobal }).mermaid;
          const started = performance.now();
          const { svg } = await mermaid.render(id, text);
          const ms = performance.now() - started;
          // HTML labels hold HTML (`<br>`): serialising the parsed SVG makes it well-formed XML for a standalone file
          const holder = document.createElement('div');
          holder.innerHTML = svg;
          const element = holder.querySelector('svg');
          if (!element) return { svg, ms };
          // labels are measured in the page: edge labels that cover each other are moved apart, as in the preview
          document.body.replaceChildren(holder);
          (globalThis as unknown as { dddSeparateEdgeLabels: (svg: SVGSVGElement) => number }).dddSeparateEdgeLabels(element);
          (globalThis as unknown as { dddHtmlLabelsAsSvgText: (live: SVGSVGElement, copy: SVGSVGElement) => number }).dddHtmlLabelsAsSvgText(element, element);
          (globalThis as unknown as { DOMPurify: { sanitize(node: Element, config: Record<string, unknown>): unknown } }).DOMPurify.sanitize(element, {
            IN_PLACE: true,
            ALLOWED_TAGS: [...allowed.elements, '#text'],
            ALLOWED_ATTR: [...allowed.attributes, 'xlink:href', 'xml:space', 'xml:lang'],
          });
          // a file needs a size of its own (mermaid writes width="100%" and a max-width for a page)
          const box = element.viewBox.baseVal;
          if (box && box.width > 0 && box.height > 0) {
            element.setAttribute('width', String(Math.ceil(box.width)));
            element.setAttribute('height', String(Math.ceil(box.height)));
            element.style.removeProperty('max-width');
          }
          return { svg: new XMLSerializer().serializeToString(element), ms };
        },
        { id: `ddd-diagram-${index + 1}`, text, allowed: { elements: [...svgFileElements], attributes: [...svgFileAttributes] } },
      );
      svgs.push(svg);
      timings?.push(ms);
    }
    return svgs;
  } finally {
    await opened.close();
  }
}

/** Rendering SVG is not possible here (no Chromium, no mermaid, no playwright-core). */
export class RenderSetupError extends Error {}

/** A file name for a diagram: `context-map`, `aggregates-Sales`, `saga-states-OrderSaga`. */
export function diagramFileName(diagram: MermaidDiagram, taken: Set<string>): string {
  const subject = diagram.subject?.replace(/[^A-Za-z0-9_.-]+/g, '_').replace(/^\.+/, '_');
  const base = subject ? `${diagram.kind}-${subject}` : diagram.kind;
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}-${n}`;
  taken.add(name.toLowerCase());
  return name;
}

/** A context map too large for mermaid, as the preview draws it: laid out by the fast layout, drawn as SVG by the core. */
function contextMapSvg(model: DddModel, name: string | undefined): string | undefined {
  const drawn = drawView(model, { view: 'context-map', ...(name !== undefined ? { name } : {}) }, { layout: 'svg' });
  return drawn.kind === 'svg' ? drawn.svg : undefined;
}

function parseView(value: string | boolean | undefined): ViewName | undefined {
  if (value === undefined) return undefined;
  const text = String(value);
  if (!isViewName(text)) throw new UsageError(unknownViewProblem(text));
  return text;
}

function parseFormat(value: string | boolean | undefined): string {
  const text = value === undefined ? 'mermaid' : String(value);
  if (!exportFormats.includes(text)) throw new UsageError(`--format must be one of ${exportFormats.join(', ')}; not '${text.replace(/[\u0000-\u001f]/g, ' ').slice(0, 60)}'`);
  return text;
}

export const exportCommand: CliCommand = {
  name: 'export',
  summary: `Export diagrams (mermaid, Markdown, SVG) or the model (${modelExportFormats.map((format) => format.label).join(', ')})`,
  usage: 'ddd export [options] [files or folders…]',
  description: [
    'Reads the given .ddd files and folders (default: the current folder) as one workspace and writes its diagrams.',
    '',
    'Views: context-map (--name: a context map, or a bounded context and its neighbours), aggregates (--name: a',
    'bounded context), saga (--name: a saga; orchestrated: state machine and sequence, choreographed: event flow),',
    'storming (--name: a board, or `model` for a board made from the whole model), domains.',
    '',
    'Formats: mermaid (.mmd text; printed when there is no --out), markdown (one .md with a ```mermaid block per',
    'diagram, which GitHub draws; without --view: every view), svg (drawn by mermaid in a headless Chromium:',
    '$CHROME_PATH or an installed Chrome/Chromium; a context map too large for mermaid is drawn directly, no browser).',
    '',
    'Model exports (the whole model; --out <folder>, or printed when it is one file):',
    ...modelExportFormats.map((format) => `  ${format.id}: ${format.description}${format.takesName ? ' (--name: one context)' : ''}${format.takesJson ? ' (--json: JSON)' : ''}`),
    'See docs/export.md for what maps to what.',
    '',
    'Exit code: 0 exported, 2 a usage problem (unknown format, view or name, no Chromium for svg, a bad path).',
  ].join('\n'),
  options: {
    view: { type: 'string', value: `<${viewNames.join('|')}>`, description: 'the view to export (markdown and --out: default every view)' },
    name: { type: 'string', value: '<name>', description: 'narrow the view to one context map, context, saga or board' },
    format: { type: 'string', value: `<${exportFormats.join('|')}>`, description: 'a diagram format (mermaid, the default; markdown; svg) or a model export' },
    json: { type: 'boolean', description: 'asyncapi: write JSON instead of YAML' },
    out: { type: 'string', short: 'o', value: '<folder>', description: 'write files into this folder (created if needed) instead of printing' },
    title: { type: 'string', value: '<text>', description: 'the heading of the Markdown document (default: Domain model)' },
  },
  async run({ args, options, cwd, out }) {
    const chosen = parseFormat(options['format']);
    const outDir = options['out'] === undefined ? undefined : resolve(cwd, String(options['out']));
    if (chosen === 'cml') return runCmlExport({ args, options, cwd, out });
    const modelFormat = findModelExportFormat(chosen);
    if (modelFormat) return runModelExport({ args, options, cwd, out }, modelFormat, outDir);
    if (options['json'] !== undefined) throw new UsageError('--json applies to --format asyncapi');
    const format = chosen as ExportFormat;
    const view = parseView(options['view']);
    const name = options['name'] === undefined ? undefined : String(options['name']);
    if (name !== undefined && view === undefined && format !== 'markdown') throw new UsageError('--name needs a --view');

    const { files, problems, result } = checkInputs(args, cwd, out);
    if (files.length === 0) return exitCodes.usage;
    const { model, diagnostics } = result;
    const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length;
    if (errors > 0) out.stderr(`ddd export: note: the model has ${plural(errors, 'error')} (see ddd check); the diagrams show what could be read.\n`);
    const pathExit = problems.length > 0 ? exitCodes.usage : exitCodes.ok;

    if (format === 'markdown') {
      const problem = markdownProblem(model, { ...(view ? { views: [view] } : {}), ...(name !== undefined ? { name } : {}) });
      if (problem !== undefined) throw new UsageError(problem);
      const markdown = toMarkdown(model, {
        ...(view ? { views: [view] } : {}),
        ...(name !== undefined ? { name } : {}),
        ...(options['title'] !== undefined ? { title: String(options['title']) } : {}),
        diagnostics,
      });
      if (outDir === undefined) out.stdout(markdown);
      else writeOutput(out, cwd, outDir, `${view ?? 'model'}.md`, markdown);
      return pathExit;
    }

    if (view === undefined && outDir === undefined) throw new UsageError(`choose a --view (${viewNames.join(', ')}), or give --out <folder> to write every diagram`);
    const views: readonly ViewName[] = view ? [view] : viewNames;
    const diagrams: MermaidDiagram[] = [];
    for (const chosen of views) {
      const { diagrams: found, problem } = viewDiagrams(model, chosen, name, diagnostics);
      if (problem) throw new UsageError(problem);
      diagrams.push(...found.filter((diagram) => view !== undefined || diagram.nodes.length > 0));
    }
    if (diagrams.length === 0) {
      out.stderr(`ddd export: nothing to export: the model has no ${view === 'saga' ? 'sagas' : view === 'aggregates' ? 'aggregates' : view ?? 'diagrams'}.\n`);
      return exitCodes.usage;
    }
    for (const diagram of diagrams) for (const warning of diagram.warnings) out.stderr(`ddd export: ${diagram.title}: ${warning}\n`);
    const taken = new Set<string>();
    const fileNames = diagrams.map((diagram) => diagramFileName(diagram, taken));

    if (format === 'mermaid') {
      if (outDir !== undefined) {
        diagrams.forEach((diagram, i) => writeOutput(out, cwd, outDir, `${fileNames[i]}.mmd`, diagram.text));
      } else if (diagrams.length === 1) {
        out.stdout(diagrams[0]!.text);
      } else {
        // several diagrams on stdout: each after a comment line naming it (--out writes one file each)
        out.stdout(diagrams.map((diagram) => `%% ${diagram.title.replace(/[\r\n]+/g, ' ')}\n${diagram.text}`).join('\n'));
      }
      return pathExit;
    }

    // svg
    if (outDir === undefined && diagrams.length > 1) {
      throw new UsageError(`this exports ${diagrams.length} diagrams: give --out <folder> to write one SVG each, or narrow it with --name`);
    }
    const svgs: (string | undefined)[] = diagrams.map((diagram) => {
      if (diagram.kind !== 'context-map' || !diagram.tooLarge) return undefined;
      out.stderr(
        `ddd export: ${diagram.title} is too large for mermaid (${diagram.size.nodes} contexts, ${diagram.size.edges} relationships): drawn with the fast layout instead.\n`,
      );
      return contextMapSvg(model, name);
    });
    const pending = diagrams.map((diagram, i) => ({ diagram, i })).filter(({ i }) => svgs[i] === undefined);
    if (pending.length) {
      const chromium = findChromium();
      if (!chromium.path) {
        out.stderr(`ddd export: cannot draw SVG: ${chromium.problem}. To export SVG, ${chromiumHelp}.\n`);
        return exitCodes.usage;
      }
      try {
        const rendered = await renderMermaidSvgs(
          pending.map(({ diagram }) => diagram.text),
          chromium.path,
        );
        pending.forEach(({ i }, k) => (svgs[i] = rendered[k]));
      } catch (error) {
        if (!(error instanceof RenderSetupError)) throw error;
        out.stderr(`ddd export: cannot draw SVG: ${error.message}. Or use --format mermaid or --format markdown.\n`);
        return exitCodes.usage;
      }
    }
    // what is written is checked like the preview's exports: an XML parser and the allow-list
    for (const [i, svg] of svgs.entries()) {
      const verdict = checkExportedSvg(svg!);
      if (!verdict.ok) {
        out.stderr(`ddd export: ${diagrams[i]!.title}: not written: the drawing holds what an SVG file may not (${verdict.reason}).\n`);
        return exitCodes.usage;
      }
    }
    if (outDir === undefined) out.stdout(svgs[0]! + '\n');
    else diagrams.forEach((_, i) => writeOutput(out, cwd, outDir, `${fileNames[i]}.svg`, svgs[i]! + '\n'));
    return pathExit;
  },
};

function writeOutput(out: Output, cwd: string, folder: string, fileName: string, text: string): void {
  mkdirSync(folder, { recursive: true });
  const path = join(folder, fileName);
  writeFileSync(path, text);
  out.stdout(`wrote ${displayPath(path, cwd)}\n`);
}
