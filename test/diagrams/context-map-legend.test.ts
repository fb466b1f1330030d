/**
 * The context map's legend: the colours of core, supporting, generic and
 * external contexts always, the other categories when the map has them, and
 * the role abbreviations its relationships use; the same on the mermaid
 * drawing and the fast layout's SVG (in the SVG's theme).
 */
import { describe, expect, it } from 'vitest';
import { contextMapDiagram, darkMapTheme, drawView, lightMapTheme } from '../../src/language/diagrams/index';
import { check } from '../helpers';
import { orderSaga } from './support';

describe('the context map legend', () => {
  it('names the four main colours and the roles the example map uses, with their meanings', () => {
    const legend = contextMapDiagram(orderSaga().model).legend!;
    expect(legend.categories.map((entry) => entry.label)).toEqual(['core subdomain', 'supporting subdomain', 'generic subdomain', 'external system']);
    expect(legend.categories[0]).toEqual({ category: 'core', label: 'core subdomain', fill: lightMapTheme.nodes.core.fill, stroke: lightMapTheme.nodes.core.stroke, dashed: false });
    expect(legend.categories.find((entry) => entry.category === 'external')?.dashed).toBe(true);
    expect(legend.roles).toEqual([
      { code: 'OHS', name: 'open host service' },
      { code: 'PL', name: 'published language' },
      { code: 'ACL', name: 'anti-corruption layer' },
      { code: 'CF', name: 'conformist' },
      { code: 'S', name: 'supplier' },
      { code: 'C', name: 'customer' },
      { code: 'SK', name: 'shared kernel' },
      { code: 'P', name: 'partnership' },
      // `LegacyErp -> Inventory [ACL]` is drawn `U → ACL`, `Sales -> Notification` `U/D`
      { code: 'U', name: 'upstream' },
      { code: 'D', name: 'downstream' },
    ]);
  });

  it('only the roles used; an undeclared context and one without a subdomain add their colours', () => {
    const { model } = check('context A\ncontextmap M {\n  A [OHS] -> Ghost\n}');
    const legend = contextMapDiagram(model).legend!;
    expect(legend.roles.map((role) => role.code)).toEqual(['OHS', 'D']);
    expect(legend.categories.map((entry) => entry.category)).toEqual(['core', 'supporting', 'generic', 'unclassified', 'external', 'unknown']);
  });

  it('travels with the drawn view, in the colours of the SVG it is drawn in', () => {
    const model = orderSaga().model;
    const mermaid = drawView(model, { view: 'context-map' });
    expect(mermaid.legend?.roles.length).toBe(10);
    const svg = drawView(model, { view: 'context-map' }, { layout: 'svg', theme: 'dark' });
    expect(svg.kind).toBe('svg');
    expect(svg.legend?.categories[0]?.fill).toBe(darkMapTheme.nodes.core.fill);
    expect(drawView(model, { view: 'saga', name: 'OrderSaga' }).legend).toBeUndefined();
  });
});
