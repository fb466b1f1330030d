/**
 * The flows view: a flow as a flowchart with its gateways, a coordination as a
 * sequence, an aggregate's lifecycle as a state diagram; each accepted by
 * mermaid's own parser, for every fixture of the repository. The aggregates view
 * shows modules, abstract members, lifecycles and inheritance.
 */
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkWorkspace } from '../../src/language/index';
import { aggregateDiagram, processDiagram, processesOf, viewDiagrams } from '../../src/language/diagrams/index';
import { drawView } from '../../src/language/diagrams/draw-view';
import { listViews, viewAt } from '../../src/language/diagrams/view-list';
import { fixture, readWorkspace } from '../helpers';
import { expectParses, parsed } from './parse';
import { diagramFixture } from './support';

const lines = (text: string) => text.split('\n').map((line) => line.trim());
const modelOf = (name: string) => checkWorkspace([{ uri: `file:///${name}`, text: fixture(`tactical/${name}`) }]).model;

describe('a flow', () => {
  const model = modelOf('claims.ddd');
  const flow = processesOf(model).find((drawing) => drawing.variant === 'flow')!;
  const diagram = processDiagram(model, flow);

  it('draws commands, operations, the aggregate with its transition, events, and gateways as diamonds', async () => {
    await expectParses([diagram]);
    expect(diagram.title).toBe('ClaimsFlow: flow');
    expect(lines(diagram.text)).toEqual(
      expect.arrayContaining([
        'flowchart LR',
        'com_SubmitClaim["SubmitClaim"]',
        'agg_Claims[["Claims"]]',
        'act_Policyholder(["Policyholder"])',
        'act_Policyholder --> com_SubmitClaim',
        'com_SubmitClaim -.->|"→ SUBMITTED"| agg_Claims',
        'com_SubmitClaim -->|"emits"| eve_ClaimSubmitted',
        'ope_checkClaimDocumentation("checkClaimDocumentation")',
        'eve_ClaimSubmitted -->|"triggers"| ope_checkClaimDocumentation',
        'ope_checkClaimDocumentation -.->|"SUBMITTED → ACCEPTED X REJECTED"| agg_Claims',
      ]),
    );
    // `emits ClaimAccepted X ClaimRejected`: through an exclusive gateway; `O`: an inclusive one; `+`: a join
    expect(diagram.text).toMatch(/g\d+\{"X"\}/);
    expect(diagram.text).toMatch(/g\d+\{"O"\}/);
    expect(diagram.text).toMatch(/g\d+\{"#43;"\}/);
    expect(diagram.nodes.find((node) => node.name === 'Claims')).toMatchObject({ kind: 'aggregate' });
    expect(diagram.nodes.find((node) => node.name === 'Claims')!.uri).toBe('file:///claims.ddd');
  });

  it('is what mermaid understands: every event and command a vertex', async () => {
    const { db } = await parsed(diagram);
    const vertices = [...db.getVertices().values()].map((vertex: { text: string }) => vertex.text);
    expect(vertices).toEqual(expect.arrayContaining(['SubmitClaim', 'ClaimSubmitted', 'ClaimAccepted', 'ClaimRejected', 'Claims', 'payClaim']));
  });
});

describe('a coordination and a lifecycle', () => {
  const model = modelOf('claims.ddd');

  it('a coordination is a sequence of service operations across contexts', async () => {
    const coordination = processesOf(model).find((drawing) => drawing.variant === 'sequence')!;
    const diagram = processDiagram(model, coordination);
    await expectParses([diagram]);
    expect(lines(diagram.text)).toEqual(
      expect.arrayContaining([
        'sequenceDiagram',
        'participant p1 as ClaimsManagement.ClaimsApplicationService',
        'caller->>p1: submitClaim#40;#41;',
        'caller->>p2: checkInsurance#40;#41;',
      ]),
    );
    expect(diagram.nodes.map((node) => node.name)).toEqual(['SubmitValidClaim', 'ClaimsManagement.ClaimsApplicationService', 'InsuranceManagement.InsuranceApplicationService']);
  });

  it("an aggregate's lifecycle is a state diagram of its states and what writes them", async () => {
    const lifecycle = processesOf(model).find((drawing) => drawing.variant === 'states')!;
    const diagram = processDiagram(model, lifecycle);
    await expectParses([diagram]);
    expect(diagram.title).toBe('Claims: lifecycle');
    expect(lines(diagram.text)).toEqual(
      expect.arrayContaining([
        'stateDiagram-v2',
        '[*] --> SUBMITTED: SubmitClaim',
        'SUBMITTED --> ACCEPTED: checkClaimDocumentation #40;X#41;',
        'SUBMITTED --> REJECTED: checkClaimDocumentation #40;X#41;',
        'POLICY_CHECKED --> PAID: payClaim',
        'ASSESSED --> PAID: payClaim',
      ]),
    );
  });
});

describe('the flows view', () => {
  const model = modelOf('fleet.ddd');

  it('lists each flow, coordination and lifecycle, and draws the one a name and variant pick', () => {
    const views = listViews(model).filter((view) => view.view === 'flows');
    expect(views.map((view) => [view.label, view.variant])).toEqual([
      ['Registration: flow', 'flow'],
      ['Registration: coordination', 'sequence'],
      ['Vehicle: lifecycle', 'states'],
    ]);
    expect(drawView(model, { view: 'flows', name: 'Registration', variant: 'sequence' })).toMatchObject({ kind: 'mermaid', title: 'Registration: coordination' });
    expect(drawView(model, { view: 'flows', name: 'Registration' })).toMatchObject({ kind: 'mermaid', title: 'Registration: flow' });
    expect(drawView(model, { view: 'flows', name: 'Nothing' })).toMatchObject({ kind: 'problem', message: expect.stringContaining('There is no flow, coordination or aggregate with a lifecycle named Nothing') });
    expect(viewDiagrams(model, 'flows').diagrams.map((diagram) => diagram.title)).toEqual(['Registration: flow', 'Registration: coordination', 'Vehicle: lifecycle']);
  });

  it('follows the cursor into a flow and a coordination', () => {
    const text = fixture('tactical/fleet.ddd');
    const views = listViews(model);
    expect(viewAt(model, views, 'file:///fleet.ddd', text.indexOf('event VehicleRegistered triggers'))).toMatchObject({ view: 'flows', name: 'Registration', variant: 'flow' });
    expect(viewAt(model, views, 'file:///fleet.ddd', text.indexOf('Fleet.FleetApplicationService.checkPapers'))).toMatchObject({ view: 'flows', name: 'Registration', variant: 'sequence' });
  });

  it('says what to write when the model has none', () => {
    const empty = checkWorkspace([{ uri: 'file:///a.ddd', text: 'context A { aggregate B { root entity B { id: BId } } }' }]).model;
    expect(drawView(empty, { view: 'flows' })).toMatchObject({ kind: 'problem', message: 'The model declares no flows, coordinations or lifecycle enums yet' });
  });
});

describe('the aggregates view', () => {
  it('names the module, marks abstract members and lifecycles, and draws inheritance', async () => {
    const model = modelOf('fleet.ddd');
    const diagram = aggregateDiagram(model, 'Fleet');
    await expectParses([diagram]);
    expect(diagram.text).toContain('<<Aggregate Root, module Vehicles>>');
    expect(diagram.text).toContain('<<Entity, module Vehicles, abstract>>');
    expect(diagram.text).toContain('<<Enumeration, module Vehicles, lifecycle>>');
    expect(lines(diagram.text)).toEqual(expect.arrayContaining(['k_Machine <|-- k_Vehicle', 'k_Part <|-- k_Wheel', 'k_VehicleEvent <|-- k_VehicleMoved']));
  });

  it('draws an aggregate with nothing declared in it yet as a box of its own (mermaid refuses an empty namespace)', async () => {
    const { model } = checkWorkspace([{ uri: 'file:///sketched-aggregates.ddd', text: diagramFixture('sketched-aggregates.ddd') }]);
    const diagram = aggregateDiagram(model, 'Shipping');
    await expectParses([diagram]);
    expect(diagram.text).not.toMatch(/namespace \w+ \{\n\s*\}/);
    expect(lines(diagram.text)).toEqual(expect.arrayContaining(['class k_Parcel["Parcel"]:::member {', '<<Aggregate, nothing declared yet>>', '<<Aggregate, nothing declared yet, module tracking>>', 'namespace Delivery {']));
    // clicking the box reveals the aggregate; a reference by id points to the box
    expect(diagram.nodes.filter((node) => node.kind === 'aggregate').map((node) => node.name)).toEqual(['Parcel', 'Route', 'Tracking']);
    expect(lines(diagram.text)).toContain('k_Delivery ..> k_Parcel : parcel #40;by id#41;');
  });
});

describe('every fixture', () => {
  const root = resolve(__dirname, '../..');
  const folders = ['examples/order-saga', ...readdirSync(join(root, 'test/fixtures'), { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => `test/fixtures/${entry.name}`)];

  it.each(folders)('%s: every flow, coordination and lifecycle is drawn, and mermaid parses it', async (folder) => {
    const { model } = checkWorkspace(readWorkspace(folder));
    const diagrams = processesOf(model).map((drawing) => processDiagram(model, drawing));
    if (folder.endsWith('tactical')) expect(diagrams.length).toBeGreaterThanOrEqual(6);
    await expectParses(diagrams);
  });
});
