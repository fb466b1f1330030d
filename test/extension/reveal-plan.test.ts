/**
 * A click on a node reveals its declaration with the line's start in view
 * (src/extension/panels/helpers.ts revealPlan), on the ranges the real server
 * gives the context map's nodes for examples/order-saga.
 */
import { describe, expect, test } from 'vitest';
import { revealPlan } from '../../src/extension/panels/helpers';
import { checkWorkspace } from '../../src/language/index';
import { customRequestHandlers } from '../../src/server/custom-requests';
import { readWorkspace } from '../helpers';

const files = readWorkspace('examples/order-saga');
const checked = checkWorkspace(files);
const handlers = customRequestHandlers({ model: () => checked.model, diagnostics: () => checked.diagnostics });

describe('revealPlan', () => {
  test("the name selected with the caret at its start, and its line revealed from the first column", () => {
    const sales = handlers['ddd/diagram']({ view: 'context-map' }).nodes.find((node) => node.label === 'Sales')!;
    const line = files.find((file) => file.uri === sales.uri)!.text.split('\n')[sales.range!.start.line]!;
    expect(line.slice(sales.range!.start.character, sales.range!.end.character)).toBe('Sales');
    const plan = revealPlan(sales.range!);
    expect(plan.active).toEqual(sales.range!.start);
    expect(plan.anchor).toEqual(sales.range!.end);
    expect(plan.reveal).toEqual({ start: { line: sales.range!.start.line, character: 0 }, end: sales.range!.end });
  });

  test('a range over several lines: the caret at its start, nothing past the first line', () => {
    const plan = revealPlan({ start: { line: 4, character: 8 }, end: { line: 9, character: 1 } });
    expect(plan).toEqual({ anchor: { line: 4, character: 8 }, active: { line: 4, character: 8 }, reveal: { start: { line: 4, character: 0 }, end: { line: 4, character: 8 } } });
  });
});
