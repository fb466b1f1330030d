/**
 * The formatter: one canonical layout from the tokens; never loses or reorders a
 * token; idempotent; leaves what it cannot format safely alone.
 */
import { describe, expect, test } from 'vitest';
import type { IToken } from 'chevrotain';
import { applyEdits, formatEdits, formatText } from '../../src/language/navigation/index';
import { parseDocument } from '../../src/language/index';
import { tokenize } from '../../src/language/syntax/lexer';
import { readWorkspace, sketchBlocks } from '../helpers';

function images(text: string): string[] {
  const lexed = tokenize(text);
  const all: IToken[] = [...lexed.tokens, ...((lexed.groups['comments'] as IToken[] | undefined) ?? [])];
  return all.sort((a, b) => a.startOffset - b.startOffset).map((token) => token.image);
}

function format(text: string): string {
  return applyEdits(text, formatEdits(parseDocument('file:///f.ddd', text)));
}

/** A deterministic random number generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const examples = readWorkspace('examples/order-saga');
const sketch = sketchBlocks().map((block, i) => ({ name: `sketch section ${block.section} #${i}`, text: block.text }));
const corpus = [...examples.map((file) => ({ name: file.uri.replace(/^.*order-saga\//, ''), text: file.text })), ...sketch];

/** Re-indents every line and respaces within lines at random, keeping line breaks and tokens. */
function scramble(text: string, next: () => number): string {
  const lexed = tokenize(text);
  const items = [...lexed.tokens, ...((lexed.groups['comments'] as IToken[] | undefined) ?? [])].sort((a, b) => a.startOffset - b.startOffset);
  let out = '';
  let at = 0;
  let previousItem: string | undefined;
  for (const item of items) {
    const gap = text.slice(at, item.startOffset);
    const previous = text.charAt(at - 1);
    const touchesDot = item.image === '.' || previous === '.';
    if (gap.includes('\n')) {
      // same line breaks; trailing blanks (not after a line comment: they would be part of it) and any indentation
      const lines = gap.split('\n');
      const afterComment = previousItem?.startsWith('//') ?? false;
      out += lines.map((_, i) => ' '.repeat(Math.floor(next() * (i === lines.length - 1 ? 9 : afterComment && i === 0 ? 0 : 3)))).join('\n');
    } else if (gap.length > 0 || (!touchesDot && next() < 0.3 && !/\w/.test(previous + item.image.charAt(0)))) {
      out += next() < 0.2 ? '\t' : ' '.repeat(1 + Math.floor(next() * 3));
    }
    out += item.image;
    previousItem = item.image;
    at = item.startOffset + item.image.length;
  }
  return out + text.slice(at);
}

describe('the canonical layout', () => {
  test('the examples and the language sketch are already formatted', () => {
    for (const { name, text } of corpus) {
      const edits = formatEdits(parseDocument('file:///f.ddd', text));
      expect(edits, name).toEqual([]);
    }
  });

  test('a messy text', () => {
    const messy = [
      '   // header',
      'context   Sales implements Ordering{',
      'owner "x"',
      '      aggregate Order {',
      'root entity Order {id:OrderId   items : List < OrderItem >  total:Money?',
      '   invariant "x" }',
      '  command PlaceOrder{ a:Int,b:Int } emits OrderPlaced,',
      '       OrderCreated',
      '   event OrderPlaced { } applies total=total+ -1',
      '',
      '',
      '  /* block',
      '     comment */',
      '',
      '',
      '  }',
      '  // trailing',
      '}',
      'saga S orchestrated by Sales {',
      'start A',
      'step X on Sales reply Y -> B',
      'compensate Z -> C',
      '   fails->D',
      '}',
      'contextmap M {',
      '  Sales[OHS,PL]->Support[ACL]      // aligned',
      '  A [SK] <-> B [SK] {Money}        // comments',
      '}',
    ].join('\n');
    expect(format(messy)).toBe(
      [
        '// header',
        'context Sales implements Ordering {',
        '  owner "x"',
        '  aggregate Order {',
        '    root entity Order { id: OrderId  items: List<OrderItem>  total: Money?',
        '      invariant "x" }',
        '    command PlaceOrder { a: Int, b: Int } emits OrderPlaced,',
        '      OrderCreated',
        '    event OrderPlaced { } applies total = total + -1',
        '',
        '    /* block',
        '     comment */',
        '  }',
        '  // trailing',
        '}',
        'saga S orchestrated by Sales {',
        '  start A',
        '  step X on Sales reply Y -> B',
        '    compensate Z -> C',
        '    fails -> D',
        '}',
        'contextmap M {',
        '  Sales [OHS, PL] -> Support [ACL] // aligned',
        '  A [SK] <-> B [SK] { Money }      // comments',
        '}',
        '',
      ].join('\n'),
    );
  });

  test('line endings stay what they were', () => {
    expect(format('context A {\r\nvalue B { x: Int }\r\n}')).toBe('context A {\r\n  value B { x: Int }\r\n}\r\n');
  });

  test('re-indented and re-spaced files come back to the canonical layout', () => {
    const next = random(42);
    // a trailing comment keeps the column it was written at (when the code leaves room): compare without that spacing
    const trailing = (text: string) => text.replace(/(\S)[ \t]+\/\//g, '$1 //');
    for (const { name, text } of corpus) {
      for (let round = 0; round < 3; round++) {
        const scrambled = scramble(text, next);
        expect(images(scrambled), name).toEqual(images(text));
        const formatted = format(scrambled);
        expect(trailing(formatted), `${name}, round ${round}`).toBe(trailing(text.endsWith('\n') ? text : text + '\n'));
        expect(format(formatted)).toBe(formatted);
      }
    }
  });

  test('aligned trailing comments stay aligned; a comment the code has grown past moves one space after it', () => {
    const aligned = 'contextmap M {\n  A -> B          // one\n  Sales -> Billing // two\n}\n';
    expect(format(aligned)).toBe(aligned);
    expect(format('contextmap M {\n      A   ->   B  // one\n}')).toBe('contextmap M {\n  A -> B          // one\n}\n');
    expect(format('context A { value B { x: Int } } /* c */ context C')).toBe('context A { value B { x: Int } } /* c */ context C\n');
  });
});

describe('safety', () => {
  /** Damages a text: cuts it, drops or duplicates a token, inserts stray characters. */
  function damage(text: string, next: () => number): string {
    const at = Math.floor(next() * text.length);
    switch (Math.floor(next() * 5)) {
      case 0:
        return text.slice(0, at);
      case 1:
        return text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 20));
      case 2:
        return text.slice(0, at) + ['{', '}', '"', '->', '::', '#', '/*', '[', 'context', '\n'][Math.floor(next() * 10)] + text.slice(at);
      case 3:
        return text.slice(0, at) + text.slice(at).replace(/[{}]/, '');
      default:
        return text.slice(0, at) + text.slice(at, at + 40) + text.slice(at);
    }
  }

  test('never loses or reorders a token, and is idempotent, on broken files', () => {
    const next = random(7);
    let formatted = 0;
    let refused = 0;
    for (let i = 0; i < 400; i++) {
      const source = corpus[Math.floor(next() * corpus.length)]!;
      let text = damage(source.text, next);
      if (next() < 0.5) text = damage(text, next);
      text = scramble(text, next);
      const document = parseDocument('file:///broken.ddd', text);
      const edits = formatEdits(document);
      if (edits.length === 0) {
        refused++;
        continue;
      }
      formatted++;
      const once = applyEdits(text, edits);
      expect(images(once)).toEqual(images(text));
      expect(format(once)).toBe(once);
    }
    // most damage still leaves balanced braces and known characters: those files are formatted
    expect(formatted).toBeGreaterThan(100);
    expect(refused).toBeGreaterThan(10);
  });

  test('leaves alone what it cannot format safely', () => {
    expect(formatText('context A { value B { x: Int }')).toBeUndefined(); // unbalanced
    expect(formatText('context A { value B { x: Int } } }')).toBeUndefined();
    expect(formatText('context A { owner "unterminated\n}')).toBeUndefined();
    expect(formatText('context A { # }')).toBeUndefined(); // a character no token has
    expect(formatText('context   A')).toBe('context A\n');
    expect(formatText('')).toBe('');
  });

  test('parser errors with balanced braces are formatted', () => {
    expect(format('context A {\nvalue {  x: Int }\n  aggregate\n}')).toBe('context A {\n  value { x: Int }\n  aggregate\n}\n');
  });
});
