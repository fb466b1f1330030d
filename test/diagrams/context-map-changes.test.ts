/**
 * The context map while a comparison is shown: the contexts a diff touches
 * (contextImpacts of the real diff of a fixture pair) in the change's colours,
 * as mermaid classes after the subdomain's (so they win) and on the fast
 * layout's SVG, with a legend that names the base; nothing of it without a
 * comparison. mermaid's own parser reads the text.
 */
import { describe, expect, it } from 'vitest';
import { contextImpacts, diffModels } from '../../src/language/diff/index';
import { contextMapDiagram, drawView, darkMapTheme, lightMapTheme, type MapChanges } from '../../src/language/diagrams/index';
import { fixtureModel } from '../diff/fixtures';
import { parseMermaid } from './parse';

/** InventoryReserved renamed while Billing hears it: Inventory breaks, Billing is affected, Sales untouched. */
function renamedEvent(): { model: ReturnType<typeof fixtureModel>; changes: MapChanges } {
  const before = fixtureModel('event-renamed-heard', 'old');
  const after = fixtureModel('event-renamed-heard', 'new');
  return { model: after, changes: { base: 'main', contexts: contextImpacts(diffModels(before, after).changes) } };
}

const idOf = (diagram: { nodes: { id: string; name: string }[] }, name: string) => diagram.nodes.find((node) => node.name === name)!.id;

describe('the context map coloured by a comparison', () => {
  it('gives the breaking context and the affected one their classes, after their subdomain classes; mermaid parses it', async () => {
    const { model, changes } = renamedEvent();
    const diagram = contextMapDiagram(model, { changes });
    const lines = diagram.text.split('\n').map((line) => line.trim());
    expect(lines).toContain(`class ${idOf(diagram, 'Inventory')} changeBreaking`);
    expect(lines).toContain(`class ${idOf(diagram, 'Billing')} changeAffected`);
    expect(lines).toContain(`classDef changeBreaking fill:${lightMapTheme.changes.breaking.fill},stroke:${lightMapTheme.changes.breaking.stroke},stroke-width:4px,color:#212529`);
    expect(lines.some((line) => line.startsWith('classDef changeRisky') || line.includes(idOf(diagram, 'Sales') + ' change'))).toBe(false);
    // the comparison's colours come after the categories', so that they win
    const lastCategory = Math.max(...lines.map((line, index) => (/^classDef (core|supporting|generic|unclassified|external|unknown) /.test(line) ? index : -1)));
    expect(lines.findIndex((line) => line.startsWith('classDef change'))).toBeGreaterThan(lastCategory);
    expect((await parseMermaid(diagram.text)).diagramType).toBe('flowchart-v2');
  });

  it('says in the legend what the colours mean, against which base, for the contexts this map shows', () => {
    const { model, changes } = renamedEvent();
    expect(contextMapDiagram(model, { changes }).legend!.changes).toEqual({
      base: 'main',
      impacts: [
        { impact: 'breaking', label: 'breaking change', fill: lightMapTheme.changes.breaking.fill, stroke: lightMapTheme.changes.breaking.stroke, dashed: false },
        { impact: 'affected', label: 'affected by a change elsewhere', fill: lightMapTheme.changes.affected.fill, stroke: lightMapTheme.changes.affected.stroke, dashed: true },
      ],
    });
    // around Billing (its neighbour is Sales): Inventory's breaking change is not on this map
    expect(contextMapDiagram(model, { changes, focus: 'Billing' }).legend!.changes!.impacts.map((entry) => entry.impact)).toEqual(['affected']);
    // a context the comparison names that the map does not show is not in the legend
    const elsewhere: MapChanges = { base: 'v1.2', contexts: [{ name: 'Nowhere', impact: 'breaking' }] };
    expect(contextMapDiagram(model, { changes: elsewhere }).legend!.changes).toEqual({ base: 'v1.2', impacts: [] });
  });

  it('without a comparison: no change class and no changes in the legend', () => {
    const { model } = renamedEvent();
    const diagram = contextMapDiagram(model);
    expect(diagram.text).not.toMatch(/change(Breaking|Risky|Affected|Changed)/);
    expect(diagram.legend!.changes).toBeUndefined();
  });

  it('the fast layout draws the same colours in its theme, and its legend takes them', () => {
    const { model, changes } = renamedEvent();
    const drawn = drawView(model, { view: 'context-map' }, { layout: 'svg', theme: 'dark', changes });
    expect(drawn.kind).toBe('svg');
    if (drawn.kind !== 'svg') return;
    const inventory = drawn.svg.match(/<g class="ddd-node [^"]*" data-id="[^"]*" data-name="Inventory"[^>]*>.*?<\/g>/s)![0];
    expect(inventory).toContain('ddd-change-breaking');
    expect(inventory).toContain(`fill="${darkMapTheme.changes.breaking.fill}" stroke="${darkMapTheme.changes.breaking.stroke}" stroke-width="4"`);
    const sales = drawn.svg.match(/<g class="ddd-node [^"]*" data-id="[^"]*" data-name="Sales"/)![0];
    expect(sales).not.toContain('ddd-change');
    expect(drawn.legend!.changes!.impacts[0]).toMatchObject({ impact: 'breaking', fill: darkMapTheme.changes.breaking.fill });
  });
});
