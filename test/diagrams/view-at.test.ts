/**
 * viewAt: the view of what the cursor is in, for the preview that follows the
 * cursor (`ddd/views` with a position).
 */
import { describe, expect, it } from 'vitest';
import { listViews, viewAt } from '../../src/language/diagrams/index';
import { check } from '../helpers';

const text = [
  'domain Lending {',
  '  subdomain Loans core',
  '}',
  'context Catalogue {',
  '  aggregate Book {',
  '    root entity Book { id: BookId }',
  '  }',
  '  command ReserveCopy',
  '}',
  'context Loans {',
  '  aggregate Loan {',
  '    root entity Loan { id: LoanId }',
  '  }',
  '}',
  'context Archive',
  'contextmap Library {',
  '  Catalogue [OHS] -> Loans [ACL]',
  '}',
  '',
  'saga LendSaga orchestrated by Loans {',
  '  start STARTED',
  '  step ReserveCopy on Catalogue -> RESERVED',
  '}',
  'saga ReturnSaga orchestrated by Loans {',
  '  start STARTED',
  '  step ReserveCopy on Catalogue -> DONE',
  '}',
  'storming Desk {',
  '  event BookLent',
  '}',
].join('\n');

const { model } = check(text);
const views = listViews(model);
/** The key-like summary of the view at the first occurrence of `marker` (plus `shift` characters). */
const at = (marker: string, shift = 0) => {
  const offset = text.indexOf(marker);
  expect(offset, marker).toBeGreaterThanOrEqual(0);
  const view = viewAt(model, views, 'file:///main.ddd', offset + shift);
  return view && [view.view, view.name].filter((part) => part !== undefined).join(':');
};

describe('viewAt', () => {
  it('a saga: its drawing; the next saga: its own', () => {
    expect(at('step ReserveCopy')).toBe('saga:LendSaga');
    expect(at('saga ReturnSaga')).toBe('saga:ReturnSaga');
    expect(viewAt(model, views, 'file:///main.ddd', text.indexOf('saga ReturnSaga'))?.variant).toBe('states');
  });

  it('a storming board, the context map being written, the domains', () => {
    expect(at('event BookLent')).toBe('storming:Desk');
    expect(at('Catalogue [OHS]')).toBe('context-map');
    expect(at('subdomain Loans')).toBe('domains');
  });

  it('in an aggregate: the aggregates of its context; elsewhere in a context: the map that holds it', () => {
    expect(at('root entity Book')).toBe('aggregates:Catalogue');
    expect(at('root entity Loan')).toBe('aggregates:Loans');
    expect(at('command ReserveCopy')).toBe('context-map');
    expect(at('context Loans')).toBe('context-map');
  });

  it('between declarations, or in another document: nothing (the preview stays)', () => {
    expect(at('\n\nsaga LendSaga', 1)).toBeUndefined();
    expect(viewAt(model, views, 'file:///other.ddd', text.indexOf('saga LendSaga'))).toBeUndefined();
  });

  it('with several maps, the map being written or the map that names the context', () => {
    const two = check({
      'a.ddd': 'context A\ncontext B\ncontext C {\n  aggregate Pot {\n    root entity Pot { id: PotId }\n  }\n}\ncontextmap First {\n  A -> B\n}\ncontextmap Second {\n  B -> C\n}',
    });
    const listed = listViews(two.model);
    const source = two.model.documents[0]!.text;
    const in2 = (marker: string) => {
      const view = viewAt(two.model, listed, 'file:///a.ddd', source.indexOf(marker));
      return view && [view.view, view.name].filter((part) => part !== undefined).join(':');
    };
    expect(in2('B -> C')).toBe('context-map:Second');
    expect(in2('A -> B')).toBe('context-map:First');
    expect(in2('context C')).toBe('context-map:Second');
    expect(in2('root entity Pot')).toBe('aggregates:C');
  });
});
