/**
 * Messages with `code` in backticks (the core's wording: "mark the step
 * `idempotent`") become text nodes and <code> elements, nothing else: markup
 * in a message stays text, a backtick without its pair stays a backtick.
 * The webview's DOM code runs on a happy-dom page, its `document` and `Node`
 * the globals for the time of this file.
 */
import { Window } from 'happy-dom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inlineCode, plainCode } from '../../webview/shared/inline-code';
import { setDomGlobals } from '../dom-globals';

const page = new Window();
let restore: () => void;
beforeAll(() => {
  restore = setDomGlobals({ document: page.document, Node: page.Node });
});
afterAll(() => {
  restore();
  void page.happyDOM.close();
});

/** The nodes as a readable list: text as it is, code in [brackets]. */
function shape(nodes: Node[]): string[] {
  return nodes.map((node) => (node.nodeType === Node.TEXT_NODE ? node.textContent! : `${node.nodeName.toLowerCase()}[${node.textContent}]`));
}

describe('inlineCode', () => {
  it('puts the text between pairs of backticks in <code>', () => {
    expect(shape(inlineCode('mark the step `idempotent` once its participant ignores repeated commands'))).toEqual(['mark the step ', 'code[idempotent]', ' once its participant ignores repeated commands']);
    expect(shape(inlineCode('`a` and `b`'))).toEqual(['code[a]', ' and ', 'code[b]']);
  });

  it('leaves a message without backticks, or with one alone, as text', () => {
    expect(shape(inlineCode('no code here'))).toEqual(['no code here']);
    expect(shape(inlineCode('a `b` c ` d'))).toEqual(['a ', 'code[b]', ' c ` d']);
    expect(inlineCode('')).toEqual([]);
  });

  it('makes no element but <code>: markup in a message is text', () => {
    const nodes = inlineCode('<img src=x onerror=alert(1)> `<script>alert(1)</script>`');
    const host = document.createElement('div');
    host.append(...nodes);
    expect(host.querySelectorAll('*')).toHaveLength(1);
    expect(host.querySelector('code')!.textContent).toBe('<script>alert(1)</script>');
    expect(host.textContent).toBe('<img src=x onerror=alert(1)> <script>alert(1)</script>');
  });

  it('plainCode drops the backticks, for tooltips', () => {
    expect(plainCode('mark the step `idempotent`, a ` alone')).toBe('mark the step idempotent, a ` alone');
  });
});
