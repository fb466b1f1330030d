/**
 * The context map's legend, above the drawing (readable at any zoom): what
 * the contexts' colours mean and the role abbreviations the map uses, from the
 * legend the server sends with the drawing (as the storming board's); while
 * "DDD: Compare with…" is open, a first row says against which version the
 * contexts are coloured and what each change colour means.
 */
import type { MapLegend } from '../../src/protocol/diagrams';
import { h, safeColour } from '../shared/dom';

export function drawMapLegend(legend: MapLegend): HTMLElement {
  const categories = legend.categories.map((entry) => {
    const swatch = h('span', { className: `ddd-swatch${entry.dashed ? ' ddd-swatch-dashed' : ''}` });
    swatch.style.backgroundColor = safeColour(entry.fill, '#ffffff');
    swatch.style.borderColor = safeColour(entry.stroke, '#495057');
    return h('span', { className: 'ddd-legend-entry', attrs: { 'data-category': entry.category } }, [swatch, entry.label]);
  });
  const changes = legend.changes && [
    h('strong', { text: `Changes against ${legend.changes.base}:` }),
    ...(legend.changes.impacts.length
      ? legend.changes.impacts.map((entry) => {
          const swatch = h('span', { className: `ddd-swatch${entry.dashed ? ' ddd-swatch-dashed' : ''}` });
          swatch.style.backgroundColor = safeColour(entry.fill, '#ffffff');
          swatch.style.borderColor = safeColour(entry.stroke, '#495057');
          return h('span', { className: 'ddd-legend-entry', attrs: { 'data-impact': entry.impact } }, [swatch, entry.label]);
        })
      : [h('span', { className: 'ddd-legend-entry', text: 'no context on this map changed' })]),
  ];
  const roles = legend.roles.map((role) => h('span', { className: 'ddd-legend-entry ddd-legend-role', title: role.name }, [h('abbr', { text: role.code, title: role.name }), ` ${role.name}`]));
  return h('div', { className: 'ddd-map-legend', attrs: { role: 'note', 'aria-label': 'Legend' } }, [
    changes ? h('div', { className: 'ddd-legend-row ddd-legend-changes' }, changes) : undefined,
    h('div', { className: 'ddd-legend-row' }, categories),
    roles.length ? h('div', { className: 'ddd-legend-row' }, roles) : undefined,
  ]);
}
