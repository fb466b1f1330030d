/**
 * The JSON model, validated with ajv against the published schema
 * (schemas/model.schema.json, JSON Schema 2020-12): the example, a hostile
 * model, a generated 108-context model and the Context Mapper and tactical
 * fixtures, and what it says of them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { jsonModelSchemaId } from '../../src/language/export/index';
import { checkWorkspace } from '../../src/language/index';
import { attributeDefinitions, attributeKey, valuesOf, type AttributeDefinition } from '../../src/language/model/attribute-values';
import { fixture } from '../helpers';
import { exported, exportHostile, exportHostileModel, file, generated100, orderSaga } from './support';

const schema = JSON.parse(readFileSync(join(__dirname, '../../schemas/model.schema.json'), 'utf8'));
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);

function problems(data: unknown): string[] {
  return validate(data) ? [] : (validate.errors ?? []).slice(0, 10).map((error) => `${error.instancePath} ${error.message} ${JSON.stringify(error.params)}`);
}

describe('the JSON model', () => {
  const model = JSON.parse(file(exported(orderSaga(), 'json'), 'model.json'));

  it('the example is valid against schemas/model.schema.json, which names itself as the model does', () => {
    expect(problems(model)).toEqual([]);
    expect(schema.$id).toBe(jsonModelSchemaId);
    expect(model.$schema).toBe(jsonModelSchemaId);
  });

  it('references resolve to qualified names, ranges are lines and characters, contexts list their blocks', () => {
    const sales = model.contexts.find((context: { name: string }) => context.name === 'Sales');
    expect(sales.subdomains).toEqual(['Shop.Ordering']);
    expect(sales.locations).toEqual([{ uri: expect.stringMatching(/contexts\/sales\.ddd$/), range: { start: { line: 1, character: 0 }, end: { line: 57, character: 1 } } }]);
    const placeOrder = sales.aggregates[0].commands.find((command: { name: string }) => command.name === 'PlaceOrder');
    expect(placeOrder.qualifiedName).toBe('Sales.Order.PlaceOrder');
    expect(placeOrder.emits).toEqual([{ text: 'OrderPlaced', target: 'Sales.Order.OrderPlaced', targetKind: 'event', range: { start: { line: 33, character: 78 }, end: { line: 33, character: 89 } } }]);
    const items = placeOrder.fields[1];
    expect(items.type.text).toBe('List<OrderItem>');
    expect(items.type.args[0].name).toMatchObject({ text: 'OrderItem', target: 'Sales.Order.OrderItem', targetKind: 'entity' });
    const saga = model.sagas.find((candidate: { name: string }) => candidate.name === 'OrderSaga');
    expect(saga.orchestrator).toMatchObject({ text: 'Sales', target: 'Sales', targetKind: 'context' });
    expect(saga.steps[0].compensation.command).toMatchObject({ text: 'CancelOrder', target: 'Sales.Order.CancelOrder' });
    const map = model.contextMaps[0];
    expect(map.relationships[0].left).toMatchObject({ context: { text: 'Sales', target: 'Sales' }, roles: [{ text: 'OHS' }, { text: 'PL' }] });
  });

  it('the schema refuses what the model never writes (the check can fail)', () => {
    expect(problems({ ...model, contexts: [{ kind: 'context', name: 'X' }] })).not.toEqual([]);
    expect(problems({ ...model, extra: true })).not.toEqual([]);
  });

  it('hostile names: still valid JSON against the schema, the names kept as text', () => {
    const hostile = JSON.parse(file(exported(exportHostileModel(), 'json'), 'model.json'));
    expect(problems(hostile)).toEqual([]);
    expect(hostile.contexts.map((context: { name: string }) => context.name)).toContain(`Mallory${exportHostile}`);
  });

  it('a generated model of 108 contexts is valid against the schema', () => {
    const generated = JSON.parse(file(exported(generated100(), 'json'), 'model.json'));
    expect(problems(generated)).toEqual([]);
    expect(generated.contexts).toHaveLength(generated100().model.contexts.size);
  }, 120_000);
});

/** One fixture file alone, exported as the JSON model. */
function fixtureModel(path: string) {
  const result = checkWorkspace([{ uri: `file:///fixtures/${path}`, text: fixture(path) }]);
  return { model: JSON.parse(file(exported(result, 'json'), 'model.json')), errors: result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length };
}

const fixtureFiles = ['context-mapper', 'tactical'].flatMap((folder) =>
  readdirSync(join(__dirname, '../fixtures', folder))
    .filter((name) => name.endsWith('.ddd'))
    .sort()
    .map((name) => `${folder}/${name}`),
);

describe('the JSON model of the Context Mapper constructs', () => {
  it('finds the fixtures', () => {
    expect(fixtureFiles.filter((path) => path.startsWith('context-mapper/')).length).toBeGreaterThanOrEqual(6);
    expect(fixtureFiles.filter((path) => path.startsWith('tactical/')).length).toBeGreaterThanOrEqual(3);
  });

  it.each(fixtureFiles.filter((path) => !path.endsWith('/mistakes.ddd')))('%s is valid against the schema', (path) => {
    const { model, errors } = fixtureModel(path);
    expect(errors).toBe(0);
    expect(problems(model)).toEqual([]);
  });

  it('teams, use cases, stories, stakeholders and value registers are top-level lists', () => {
    const { model } = fixtureModel('context-mapper/contexts-and-teams.ddd');
    const team = model.teams[0];
    expect(team).toMatchObject({ kind: 'team', qualifiedName: team.name, realizes: expect.arrayContaining([expect.objectContaining({ targetKind: 'context' })]) });
    const owned = model.contexts.find((context: { teams?: string[] }) => context.teams?.includes(team.name));
    expect(owned).toBeDefined();
    const customers = model.contexts.find((context: { name: string }) => context.name === 'CustomerManagement');
    expect(customers.ownerTeam).toMatchObject({ text: 'CustomerTeam', target: 'CustomerTeam', targetKind: 'team' });
    expect(customers.refines).toEqual([expect.objectContaining({ text: 'CustomerCore', targetKind: 'context' })]);
    const requirements = fixtureModel('context-mapper/requirements.ddd').model;
    expect(requirements.requirements.map((requirement: { kind: string }) => requirement.kind)).toEqual(expect.arrayContaining(['usecase', 'story']));
    expect(requirements.requirements[0].interactions[0]).toMatchObject({ verb: { text: expect.any(String) }, attributes: expect.any(Array) });
    expect(requirements.stakeholders[0]).toMatchObject({ kind: 'stakeholders' });
    expect(requirements.valueRegisters[0]).toMatchObject({ kind: 'valueRegister' });
  });

  it('a flow with its steps, a coordination and a lifecycle transition, in the context\'s application layer', () => {
    const { model } = fixtureModel('tactical/fleet.ddd');
    const applications = model.contexts.flatMap((context: { applications: unknown[] }) => context.applications);
    const flows = applications.flatMap((application: { flows: unknown[] }) => application.flows);
    expect(flows[0]).toMatchObject({ kind: 'flow', qualifiedName: expect.stringContaining('.'), steps: expect.arrayContaining([expect.objectContaining({ kind: 'flowStep' })]) });
    const steps = flows.flatMap((flow: { steps: unknown[] }) => flow.steps);
    const transition = steps.find((step: { transition?: unknown }) => step.transition) as { transition: { to: { text: string; target?: string }[] } } | undefined;
    expect(transition?.transition.to[0]).toMatchObject({ text: expect.any(String), target: expect.any(String) });
    expect(applications[0]).toMatchObject({ kind: 'application', name: '', contextName: 'Fleet' });
    expect(applications[0].qualifiedName).toBeUndefined();
    expect(applications.flatMap((application: { coordinations: unknown[] }) => application.coordinations).length + flows.length).toBeGreaterThan(1);
  });

  it('the new kinds are a contract too: an unknown property, a missing list or a wrong gateway is refused', () => {
    const { model } = fixtureModel('tactical/fleet.ddd');
    expect(problems(model)).toEqual([]);
    const fleet = model.contexts.find((context: { applications: unknown[] }) => context.applications.length > 0);
    const application = fleet.applications[0];
    const step = application.flows[0].steps[0];
    const withContext = (changed: object) => ({ ...model, contexts: model.contexts.map((context: object) => (context === fleet ? changed : context)) });
    const withStep = (changedStep: object) =>
      withContext({ ...fleet, applications: [{ ...application, flows: [{ ...application.flows[0], steps: [changedStep, ...application.flows[0].steps.slice(1)] }] }] });
    expect(problems(withStep({ ...step, extra: true }))).not.toEqual([]);
    expect(problems(withStep({ ...step, emitGateway: 'XOR' }))).not.toEqual([]);
    expect(problems(withContext({ ...fleet, modules: undefined }))).not.toEqual([]);
    const { model: teams } = fixtureModel('context-mapper/contexts-and-teams.ddd');
    expect(problems({ ...teams, teams: [{ ...teams.teams[0], members: [] }] })).not.toEqual([]);
    expect(problems({ ...model, teams: undefined })).not.toEqual([]);
  });

  it('a model with errors still exports a valid model (the tactical mistakes: unresolved names, bad transitions)', () => {
    const { model, errors } = fixtureModel('tactical/mistakes.ddd');
    expect(errors).toBeGreaterThan(0);
    expect(problems(model)).toEqual([]);
  });

  it('an attribute value the language does not know is refused (the mistakes fixture exports, but is not valid)', () => {
    const { model, errors } = fixtureModel('context-mapper/mistakes.ddd');
    expect(errors).toBeGreaterThan(0);
    expect(problems(model).join('\n')).toMatch(/attributes\/\d+\/value\/text must be equal to one of the allowed values/);
  });

  it('the schema\'s attribute values are those of model/attribute-values.ts', () => {
    const published = new Map<string, string[]>();
    for (const definition of Object.values(schema.$defs) as { allOf?: { if: { properties: { attribute: { const: string } } }; then: { properties: { value: { properties: { text: { enum: string[] } } } } } }[] }[]) {
      for (const rule of definition.allOf ?? []) published.set(rule.if.properties.attribute.const, rule.then.properties.value.properties.text.enum);
    }
    const table = (attributeDefinitions as readonly AttributeDefinition[]).map((row) => [attributeKey(row.place, row.keyword), [...valuesOf(row), '']] as const);
    expect([...published.entries()].sort()).toEqual([...table].sort());
  });
});
