/**
 * The context map diagram of the insurance example (issue 13): exposed aggregates in
 * the edge label (a few at most), teams under their contexts, the map's `contains`
 * contexts on the map, and a diagram mermaid's own parser accepts.
 */
import { describe, expect, it } from 'vitest';
import { contextMapDiagram, contextMapGraph, contextSubtitle } from '../../src/language/diagrams/index';
import { check, fixture } from '../helpers';
import { parsed } from './parse';

describe('the context map of the insurance example', () => {
  const { model } = check(fixture('context-mapper/insurance.ddd'));

  it('labels an edge with the aggregates the upstream exposes, three at most', async () => {
    const graph = contextMapGraph(model, { map: 'InsuranceMap' });
    const labels = graph.edges.map((edge) => edge.label);
    expect(labels).toContain('S → C · exposes Customers');
    expect(labels).toContain('OHS, PL → ACL · exposes PrintingJobs, Templates');
    expect(graph.edges.find((edge) => edge.label.startsWith('S → C'))!.title).toContain('as CustomerFrontendBackend');
    const many = check(
      'context Up {\n' + ['A', 'B', 'C', 'D', 'E'].map((name) => `  aggregate ${name} { root entity ${name} { id: ${name}Id } }`).join('\n') + '\n}\ncontext Down\ncontextmap M {\n  Up -> Down { exposes A, B, C, D, E }\n}',
    ).model;
    expect(contextMapGraph(many).edges[0]!.label).toBe('U/D · exposes A, B, C +2');
    const diagram = contextMapDiagram(model, { map: 'InsuranceMap' });
    const { db } = await parsed(diagram);
    expect([...db.getEdges()].map((edge: { text: string }) => edge.text)).toContain('S → C · exposes Customers');
  });

  it("names a context's team under its subdomains", async () => {
    const graph = contextMapGraph(model, { map: 'InsuranceMap' });
    const management = graph.nodes.find((node) => node.name === 'CustomerManagement')!;
    expect(management.teams).toEqual(['CustomerBackendTeam']);
    expect(contextSubtitle(management)).toBe('core: CustomerDomain · team CustomerBackendTeam');
    expect(contextSubtitle(graph.nodes.find((node) => node.name === 'Policies')!)).toBe('core: PolicyDomain');
    await parsed(contextMapDiagram(model));
  });

  it('shows the contexts the map contains, related or not', () => {
    const { model: contained } = check('context A\ncontext B\ncontext Lonely\ncontextmap M {\n  contains Lonely\n  A -> B\n}');
    expect(contextMapGraph(contained, { map: 'M' }).nodes.map((node) => node.name)).toEqual(['Lonely', 'A', 'B']);
  });
});
