/**
 * Completion ranks what is near first: the current context's and file's names
 * before the rest of the workspace, after `step X on` the context that declares
 * X, after `reply` the event X emits.
 */
import { describe, expect, test } from 'vitest';
import { completionsAt } from '../../src/language/navigation/index';
import { readWorkspace } from '../helpers';
import { cursor, workspace } from './fixtures';

const exampleFiles = Object.fromEntries(readWorkspace('examples/order-saga').map((file) => [file.uri.replace(/^.*order-saga\//, ''), file.text]));

const library = [
  'context Loans {',
  '  command LendBook emits LoanStarted',
  '  event LoanStarted',
  '  event BookCounted',
  '}',
  'context Catalogue {',
  '  command ReserveCopy emits CopyReserved',
  '  event CopyReserved',
  '}',
].join('\n');

/** The candidates offered at the `|` of `text`, written as a new file beside the order-saga example. */
function complete(text: string) {
  const { text: source, offset } = cursor(text);
  const ws = workspace({ ...exampleFiles, 'library.ddd': source });
  return completionsAt(ws.model, ws.uri('library.ddd'), offset);
}

const labels = (text: string) => complete(text).map((candidate) => candidate.label);

describe('completion ranks what is near first', () => {
  test('after `step X on`: the context that declares X first, then the file\'s, then the workspace\'s', () => {
    const list = labels(`${library}\nsaga Lending orchestrated by Loans {\n  step ReserveCopy on |\n}`);
    expect(list[0]).toBe('Catalogue');
    expect(list[1]).toBe('Loans');
    expect(list).toContain('Sales');
    expect(list.indexOf('Sales')).toBeGreaterThan(1);
  });

  test('after `reply`: the event the command emits first', () => {
    const list = labels(`${library}\nsaga Lending orchestrated by Loans {\n  step LendBook on Loans reply |\n}`);
    // first though another of its context's events comes first by name
    expect(list[0]).toBe('LoanStarted');
    // then the participant's events, then the rest of the workspace
    expect(list[1]).toBe('BookCounted');
    expect(list.indexOf('OrderPlaced')).toBeGreaterThan(list.indexOf('CopyReserved'));
  });

  test('after `step`: the current file\'s commands before the workspace\'s', () => {
    const list = labels(`${library}\nsaga Lending orchestrated by Loans {\n  step |\n}`);
    expect(list.slice(0, 2).sort()).toEqual(['LendBook', 'ReserveCopy']);
    expect(list).toContain('PlaceOrder');
  });

  test('in a context: its own events, then the file\'s, then the workspace\'s', () => {
    const list = labels(`${library}\ncontext Catalogue {\n  readmodel Shelf from |\n}`);
    expect(list[0]).toBe('CopyReserved');
    expect(list.slice(1, 3).sort()).toEqual(['BookCounted', 'LoanStarted']);
    expect(list.indexOf('OrderPlaced')).toBeGreaterThan(2);
  });

  test('the rank is the candidates\' sortText, in order', () => {
    const candidates = complete(`${library}\nsaga Lending orchestrated by Loans {\n  step ReserveCopy on |\n}`);
    const sortTexts = candidates.map((candidate) => candidate.sortText);
    expect([...sortTexts].sort()).toEqual(sortTexts);
  });
});
