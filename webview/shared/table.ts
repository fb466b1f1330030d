/** Plain tables styled like VS Code's (see styles.css): text cells, or elements. */
import { h, type Child } from './dom';

export interface Column {
  label: string;
  className?: string;
  /** Numbers are right-aligned. */
  numeric?: boolean;
}

export function table(columns: Column[], rows: Child[][], options: { caption?: string; className?: string; rowClass?: (index: number) => string | undefined } = {}): HTMLTableElement {
  const head = h('thead', {}, [h('tr', {}, columns.map((column) => h('th', { text: column.label, className: [column.className, column.numeric ? 'ddd-num' : undefined].filter(Boolean).join(' '), attrs: { scope: 'col' } })))]);
  const body = h(
    'tbody',
    {},
    rows.map((row, index) =>
      h(
        'tr',
        { className: options.rowClass?.(index) ?? '' },
        row.map((cell, column) => h('td', { className: [columns[column]?.className, columns[column]?.numeric ? 'ddd-num' : undefined].filter(Boolean).join(' ') }, [cell])),
      ),
    ),
  );
  return h('table', { className: `ddd-table ${options.className ?? ''}` }, [options.caption ? h('caption', { text: options.caption }) : undefined, head, body]);
}

/** A list of short texts as one cell: `A, B, C` or a dash. */
export function listText(items: readonly string[], empty = '—'): string {
  return items.length ? items.join(', ') : empty;
}
