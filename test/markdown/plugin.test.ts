/**
 * The Markdown preview plugin through markdown-it, as VS Code's preview runs it:
 * ```ddd fences become figures holding the mermaid text of their view (parsed
 * here by mermaid's own parser), fences `from workspace` draw the workspace's
 * model, problems are sentences, every text is escaped, other fences stay code.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import MarkdownIt, { type StateCore } from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { fenceClasses, mermaidAttribute } from '../../src/protocol/markdown-fence';
import { isDddFence, parseFenceInfo } from '../../src/markdown/fence-info';
import { dddMarkdownIt } from '../../src/markdown/plugin';
import { WorkspaceDocuments } from '../../src/markdown/workspace-documents';
import { parseMermaid } from '../diagrams/parse';
import { generateContextMap } from '../../src/bench/diagrams';
import { readWorkspace } from '../helpers';
import { markdownFixture } from './fixtures';

function exampleWorkspace(): WorkspaceDocuments {
  const documents = new WorkspaceDocuments();
  for (const file of readWorkspace('examples/order-saga')) documents.setText(file.uri, file.text);
  documents.markLoaded();
  return documents;
}

/** The rendered HTML as a page (in a happy-dom window): what the preview shows before its script runs. */
function page(html: string): Document {
  const window = new Window();
  const document = new window.DOMParser().parseFromString(`<!DOCTYPE html><body>${html}</body>`, 'text/html');
  return document as unknown as Document;
}

const figures = (document: Document) => [...document.querySelectorAll('figure.ddd-fence')];
const text = (element: Element | null | undefined) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('the info string of a ddd fence', () => {
  it('names a view, a name and where the model is', () => {
    expect(parseFenceInfo('ddd')).toEqual({ view: 'context-map', fromWorkspace: false });
    expect(parseFenceInfo('ddd saga OrderSaga')).toEqual({ view: 'saga', name: 'OrderSaga', fromWorkspace: false });
    expect(parseFenceInfo('ddd context-map ShopMap from workspace')).toEqual({ view: 'context-map', name: 'ShopMap', fromWorkspace: true });
    expect(parseFenceInfo('DDD  from   workspace ')).toEqual({ view: 'context-map', fromWorkspace: true });
    expect(isDddFence('ddd storming Checkout')).toBe(true);
    expect(isDddFence('dddx')).toBe(false);
    expect(isDddFence('mermaid')).toBe(false);
  });

  it('says what it does not understand', () => {
    expect(parseFenceInfo('ddd timeline')).toEqual({ problem: expect.stringMatching(/^There is no view named timeline \(the views are context-map, aggregates, saga, flows, storming, domains\)/) });
    expect(parseFenceInfo('ddd saga A B')).toEqual({ problem: expect.stringContaining('`B` is more than this block can take') });
    expect(parseFenceInfo('ddd saga A from elsewhere')).toEqual({ problem: expect.stringContaining('`from elsewhere` is not understood') });
    expect(parseFenceInfo(`ddd ${'x'.repeat(600)}`)).toEqual({ problem: expect.stringContaining('characters long') });
  });
});

describe('the plugin in markdown-it', () => {
  const render = (markdown: string, workspace?: WorkspaceDocuments) => dddMarkdownIt(new MarkdownIt(), workspace ? { workspace } : {}).render(markdown);

  it('draws each ddd fence of a document as its view, from the fence or the workspace', async () => {
    const document = page(render(markdownFixture('shop-notes.md'), exampleWorkspace()));
    const drawn = figures(document);
    expect(drawn.map((figure) => text(figure.querySelector('figcaption')))).toEqual(['Context map ShopMap', 'OrderSaga: state machine', 'Aggregates of Sales']);
    for (const figure of drawn) {
      expect(figure.getAttribute('data-ddd-state')).toBe('source');
      const mermaid = figure.querySelector(`pre[${mermaidAttribute}]`)!.textContent!;
      await expect(parseMermaid(mermaid), mermaid).resolves.toBeTruthy();
    }
    const [map, saga, aggregates] = drawn.map((figure) => figure.querySelector('pre')!.textContent!);
    expect(map).toMatch(/^flowchart/);
    for (const context of ['Sales', 'Billing', 'Support']) expect(map).toContain(`c_${context}`);
    expect(saga).toMatch(/^stateDiagram-v2/);
    expect(saga).toContain('ORDER_CREATED');
    expect(aggregates).toMatch(/^classDiagram/);
    expect(aggregates).toContain('OrderItem');
    // the fence's model is one click away; workspace fences have none
    expect(drawn.map((figure) => !!figure.querySelector('details.ddd-fence-source'))).toEqual([false, false, true]);
    // other fences are code as before
    expect(document.querySelector('pre code.language-typescript')?.textContent).toBe('const untouched = true;\n');
  });

  it('keeps markdown-it\'s attributes on the figure (VS Code\'s scroll sync reads data-line)', () => {
    const md = dddMarkdownIt(new MarkdownIt());
    md.core.ruler.push('line_numbers', (state: StateCore) => {
      for (const token of state.tokens) if (token.map && token.type === 'fence') {
        token.attrJoin('class', 'code-line');
        token.attrSet('data-line', String(token.map[0]));
      }
    });
    const figure = figures(page(md.render('text\n\n```ddd\ncontext Sales { }\n```\n')))[0]!;
    expect(figure.getAttribute('class')).toBe('ddd-fence code-line');
    expect(figure.getAttribute('data-line')).toBe('2');
  });

  it('shows every problem as a sentence, never a blank, with the syntax errors by their line in the Markdown file', () => {
    const document = page(render(markdownFixture('fence-problems.md'), exampleWorkspace()));
    const drawn = figures(document);
    expect(drawn).toHaveLength(5);
    const messages = drawn.map((figure) => text(figure.querySelector('.ddd-fence-message')));
    expect(messages[0]).toMatch(/^DDD: There is no view named timeline \(the views are context-map, /);
    expect(messages[1]).toBe('DDD: There is no saga named RefundSaga (the sagas are OrderSaga).');
    expect(messages[3]).toMatch(/^DDD: A block that draws `from workspace` holds no model of its own/);
    expect(messages[4]).toMatch(/^DDD: This model declares nothing yet/);
    expect(drawn.map((figure) => figure.getAttribute('data-ddd-state'))).toEqual(['problem', 'problem', 'source', 'problem', 'problem']);

    // the broken model is drawn as far as it parsed, under its errors
    const broken = drawn[2]!;
    const lines = markdownFixture('fence-problems.md').split('\n');
    const aggregateLine = lines.findIndex((line) => line.includes('aggregate <img')) + 1;
    const errors = [...broken.querySelectorAll('.ddd-fence-errors li')].map(text);
    expect(text(broken.querySelector('.ddd-fence-errors p'))).toMatch(/^The model in this block has \d+ syntax errors:$/);
    expect(errors[0]).toMatch(new RegExp(`^line ${aggregateLine}: Expected a name in an aggregate but found '<'`));
    expect(errors.at(-1)).toMatch(/^line \d+: .*end of the (file|text)/);
    expect(broken.querySelector('pre[data-ddd-mermaid]')!.textContent).toContain('c_Sales');
    // the markup in the model is text everywhere: in the messages and in the source shown
    expect(document.querySelector('img, script')).toBeNull();
    expect(text(broken.querySelector('details code'))).toContain('aggregate <img src=x onerror=alert(1)> {');
  });

  it('draws a context map too large for mermaid as the core\'s SVG, in the page as it is', () => {
    const model = generateContextMap(80, 240).files.map((file) => file.text).join('\n');
    const figure = figures(page(render(`\`\`\`ddd\n${model}\n\`\`\`\n`)))[0]!;
    expect(figure.getAttribute('data-ddd-state')).toBe('drawn');
    expect(figure.querySelector('pre[data-ddd-mermaid]')).toBeNull();
    const svg = figure.querySelector('.ddd-fence-diagram > svg')!;
    expect(svg).not.toBeNull();
    expect(svg.textContent).toContain('Context001');
    expect(text(figure.querySelector('figcaption'))).toMatch(/^Context map/);
  });

  it('bounds the errors listed under a fence', () => {
    const many = Array.from({ length: 12 }, (_, index) => `context C${index} { aggregate }`).join('\n');
    const figure = figures(page(render(`\`\`\`ddd\n${many}\n\`\`\`\n`)))[0]!;
    const items = [...figure.querySelectorAll('.ddd-fence-errors li')].map(text);
    expect(items).toHaveLength(6);
    expect(items.at(-1)).toMatch(/^\d+ more$/);
  });

  it('says where the workspace model is when there is none', () => {
    const fence = '```ddd saga OrderSaga from workspace\n```\n';
    const message = (workspace?: WorkspaceDocuments) => text(figures(page(render(fence, workspace)))[0]!.querySelector('.ddd-fence-message'));
    expect(message()).toMatch(/^DDD: The workspace model is not available here/);
    expect(message(new WorkspaceDocuments())).toMatch(/^DDD: Reading the workspace’s \.ddd files/);
    const empty = new WorkspaceDocuments();
    empty.markLoaded();
    expect(message(empty)).toBe('DDD: The workspace has no .ddd files to draw from.');
  });

  it('draws a workspace fence again when the workspace changed, and a fence\'s own model once per text', () => {
    const workspace = exampleWorkspace();
    const md = dddMarkdownIt(new MarkdownIt(), { workspace });
    const fence = '```ddd context-map from workspace\n```\n';
    expect(md.render(fence)).not.toContain('c_Refunds');
    workspace.setText('file:///refunds.ddd', 'context Refunds { }\ncontextmap Extra { Refunds -> Sales }\n');
    expect(md.render(fence)).toContain('c_Refunds');
    expect(workspace.delete('file:///refunds.ddd')).toBe(true);
    expect(md.render(fence)).not.toContain('c_Refunds');
  });
});

describe('the workspace documents', () => {
  it('leave out files that are too large or not UTF-8, saying why', () => {
    const documents = new WorkspaceDocuments();
    documents.setBytes('file:///ok.ddd', new TextEncoder().encode('context Sales { }'));
    documents.setBytes('file:///big.ddd', new Uint8Array(20), 10);
    documents.setBytes('file:///latin1.ddd', Uint8Array.from([0x63, 0xe9, 0x0a]));
    documents.markLoaded();
    expect(documents.fileCount).toBe(1);
    expect([...documents.leftOut]).toEqual([
      ['file:///big.ddd', 'it is 20 bytes, more than the 10 bytes limit for a .ddd file (see docs/limits.md)'],
      ['file:///latin1.ddd', 'not UTF-8 text: invalid byte 0xE9 at line 1'],
    ]);
    const current = documents.current();
    expect('model' in current && [...current.model.contexts.keys()]).toEqual(['Sales']);
  });

  it('re-link only after a change', () => {
    const documents = exampleWorkspace();
    const modelOf = () => {
      const current = documents.current();
      return 'model' in current ? current.model : undefined;
    };
    const first = modelOf();
    expect(first).toBeDefined();
    expect(modelOf()).toBe(first);
    expect(documents.setText('file:///x.ddd', 'context X { }')).toBe(true);
    expect(documents.setText('file:///x.ddd', 'context X { }')).toBe(false);
    expect(modelOf()).not.toBe(first);
  });
});

describe('the contribution to VS Code\'s Markdown preview', () => {
  const root = join(__dirname, '../..');
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { contributes: Record<string, unknown> };

  it('names the plugin, the script the build makes and the stylesheet', () => {
    expect(manifest.contributes['markdown.markdownItPlugins']).toBe(true);
    const build = readFileSync(join(root, 'scripts/build.mjs'), 'utf8');
    const outfile = build.match(/entryPoints: \['webview\/markdown-preview\/main\.ts'\], outfile: '([^']+)'/)?.[1];
    expect(outfile).toBe('dist/markdown-preview.js');
    expect(manifest.contributes['markdown.previewScripts']).toEqual([`./${outfile}`]);
    expect(manifest.contributes['markdown.previewStyles']).toEqual(['./media/markdown-preview.css']);
    expect(existsSync(join(root, 'media/markdown-preview.css'))).toBe(true);
  });

  it('styles the class names the plugin writes', () => {
    const css = readFileSync(join(root, 'media/markdown-preview.css'), 'utf8');
    for (const name of Object.values(fenceClasses)) expect(css, name).toMatch(new RegExp(`\\.${name}\\b`));
    expect(css).toContain(`[data-ddd-state="drawn"] > pre.${fenceClasses.mermaid}`);
  });
});
