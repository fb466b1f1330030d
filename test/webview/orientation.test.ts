/** The other layout direction of a mermaid text (webview/preview/orientation.ts). */
import { describe, expect, test } from 'vitest';
import { fitScale, turned } from '../../webview/preview/orientation';

describe('turned', () => {
  test('a flowchart turns LR ⇄ TB, keeping the rest of the text', () => {
    expect(turned('flowchart LR\n  a --> b')).toBe('flowchart TB\n  a --> b');
    expect(turned('flowchart TB\n  a --> b')).toBe('flowchart LR\n  a --> b');
  });
  test('a class or state diagram is told to go left to right, unless it says a direction itself', () => {
    expect(turned('classDiagram\n  class A')).toBe('classDiagram\n  direction LR\n  class A');
    expect(turned('stateDiagram-v2\n  [*] --> A')).toBe('stateDiagram-v2\n  direction LR\n  [*] --> A');
    expect(turned('stateDiagram-v2\n  direction TB\n  [*] --> A')).toBeUndefined();
  });
  test('a sequence diagram has no direction', () => {
    expect(turned('sequenceDiagram\n  A->>B: hi')).toBeUndefined();
  });
});

test('fitScale: the whole drawing in the box, margins kept', () => {
  expect(fitScale({ width: 1000, height: 100 }, { width: 532, height: 800 })).toBe(0.5);
  expect(fitScale({ width: 0, height: 100 }, { width: 532, height: 800 })).toBe(1);
});
