/**
 * EventCatalog: the folder tree its documentation (and its `@eventcatalog/sdk`)
 * reads: `domains/` (a domain per DDD domain, a subdomain per subdomain, each
 * with the ubiquitous language of the contexts that implement it), `services/`
 * (a service per bounded context, with what it sends and receives),
 * `events/` and `commands/` (each with its payload's JSON Schema beside it),
 * `flows/` (a flow per saga) and `teams/` (the contexts' owners). Each resource
 * is an `index.mdx`: YAML front matter written by the `yaml` package, then
 * Markdown whose `{ } < >` are escaped for MDX.
 *
 * The core writes the files itself (the SDK writes to disk, which the core may
 * not); the tests read the tree back with the SDK.
 */
import { stringify } from 'yaml';
import { markdownText } from '../diagrams/escape';
import type { BoundedContext, Saga, Subdomain } from '../model/elements';
import type { DddModel } from '../model/model';
import { orchestrationOf } from '../sagas/orchestration';
import { isTooLargeToAnalyse, tooLargeToAnalyse } from '../sagas/saga-size';
import { allRelationships, seenFrom } from './context-relations';
import { KeyRegistry } from './keys';
import { modelTraffic, type MessageFacts, type ModelTraffic } from './message-traffic';
import { SchemaCollector } from './payload-schema';
import { inheritedFields } from '../model/inheritance';
import type { ExportedFile, ModelExportResult } from './types';

const version = '1.0.0';

interface Pointer {
  id: string;
  version: string;
}

function resource(frontMatter: Record<string, unknown>, body: readonly string[]): string {
  return `---\n${stringify(frontMatter, { aliasDuplicateObjects: false, lineWidth: 0 })}---\n\n${body.filter((line) => line !== undefined).join('\n')}\n`;
}

/** Model text as one line of MDX prose. */
function mdx(text: string): string {
  return markdownText(text);
}

export function eventCatalogExport(model: DddModel): ModelExportResult {
  const files: ExportedFile[] = [];
  const warnings: string[] = [];
  const traffic = modelTraffic(model);
  const ids = new KeyRegistry();
  const domainId = (subject: object, name: string) => ids.key(subject, name);
  const serviceIds = new KeyRegistry();
  const messageIds = new KeyRegistry();
  const teamIds = new KeyRegistry();
  const flowIds = new KeyRegistry();
  // by each context's own name (the model's map is keyed by the name first declared)
  const contextsByName = new Map([...model.contexts.values()].map((context) => [context.name, context]));
  const serviceOf = (name: string): Pointer | undefined => {
    const context = contextsByName.get(name);
    return context ? { id: serviceIds.key(context, context.name), version } : undefined;
  };
  const messagePointer = (facts: MessageFacts): Pointer => ({ id: messageIds.key(facts, facts.name), version });
  // ids first, in a stable order: services, then messages
  for (const context of model.contexts.values()) serviceIds.key(context, context.name);
  for (const facts of [...traffic.events.values(), ...traffic.commands.values()]) messagePointer(facts);

  // teams: the owners
  const teamOf = (context: BoundedContext): string | undefined => {
    if (!context.owner) return undefined;
    const known = teamIds.get(context.owner.text);
    if (known) return known;
    const id = teamIds.key(context.owner.text, context.owner.text.toLowerCase());
    files.push({ path: `teams/${id}.mdx`, text: resource({ id, name: context.owner.text }, [`Owns ${mdx(context.name)}.`]) });
    return id;
  };

  // domains and subdomains
  const subdomainPointer = new Map<Subdomain, Pointer>();
  for (const domain of model.domains) {
    for (const subdomain of domain.subdomains) subdomainPointer.set(subdomain, { id: domainId(subdomain, `${domain.name}-${subdomain.name}`), version });
  }
  for (const domain of model.domains) {
    const id = domainId(domain, domain.name);
    const subdomains = domain.subdomains.filter(Boolean);
    files.push({
      path: `domains/${id}/index.mdx`,
      text: resource(
        { id, name: domain.name, version, ...(domain.description ? { summary: domain.description } : {}), domains: subdomains.map((subdomain) => subdomainPointer.get(subdomain)!) },
        [`## ${mdx(domain.name)}`, '', ...(domain.description ? [mdx(domain.description), ''] : []), ...subdomains.map((subdomain) => `- ${subdomain.type ?? ''} subdomain ${mdx(subdomain.name)}`.replace('-  ', '- '))],
      ),
    });
    for (const subdomain of subdomains) {
      const pointer = subdomainPointer.get(subdomain)!;
      const services = subdomain.implementedBy.map((context) => serviceOf(context.name)!);
      files.push({
        path: `domains/${pointer.id}/index.mdx`,
        text: resource(
          { id: pointer.id, name: subdomain.name, version, ...(subdomain.description ? { summary: subdomain.description } : {}), services, ...(subdomain.type ? { badges: [badge(`${subdomain.type} subdomain`)] } : {}) },
          [`${subdomain.type ? `A ${subdomain.type} subdomain` : 'A subdomain'} of ${mdx(domain.name)}${subdomain.implementedBy.length ? `, implemented by ${subdomain.implementedBy.map((context) => mdx(context.name)).join(', ')}` : ''}.`],
        ),
      });
      const terms = subdomain.implementedBy.flatMap((context) => context.glossary.filter(Boolean).map((term) => ({ term, context })));
      if (terms.length) {
        const termIds = new KeyRegistry();
        const dictionary = terms.map(({ term, context }) => ({
          id: termIds.key(term, term.name),
          name: term.name,
          summary: term.definition,
          ...(subdomain.implementedBy.length > 1 ? { description: `In ${context.name}` } : {}),
        }));
        files.push({ path: `domains/${pointer.id}/ubiquitous-language.mdx`, text: resource({ dictionary }, []) });
      }
    }
  }

  // services: one per bounded context
  const relationships = allRelationships(model);
  const sagasOf = new Map<string, Pointer[]>();
  for (const saga of model.sagas) {
    const pointer = { id: flowIds.key(saga, saga.name), version };
    const involved = new Set<string>([saga.orchestrator?.text ?? '', ...saga.steps.map((step) => step.participant?.text ?? ''), ...saga.reactions.map((reaction) => reaction.participant?.text ?? '')]);
    for (const name of involved) if (contextsByName.has(name)) (sagasOf.get(name) ?? sagasOf.set(name, []).get(name)!).push(pointer);
  }
  for (const context of model.contexts.values()) {
    const own = traffic.contexts.get(context.name)!;
    const id = serviceOf(context.name)!.id;
    const sends = [...own.publishes.values(), ...own.sends.values()].map((use) => messagePointer(use.message));
    const receives = [...own.consumes.values(), ...own.receives.values()].map((use) => messagePointer(use.message));
    const team = teamOf(context);
    const relations = relationships.flatMap((view) => seenFrom(view, context.name) ?? []);
    const glossary = context.glossary.filter(Boolean);
    files.push({
      path: `services/${id}/index.mdx`,
      text: resource(
        {
          id,
          name: context.name,
          version,
          summary: context.description ?? `The ${context.name} bounded context`,
          ...(team ? { owners: [team] } : {}),
          sends: unique(sends),
          receives: unique(receives),
          ...(sagasOf.has(context.name) ? { flows: unique(sagasOf.get(context.name)!) } : {}),
          ...(context.external ? { externalSystem: true } : {}),
          badges: [badge(context.external ? 'external system' : 'bounded context')],
        },
        [
          ...(context.description ? [mdx(context.description), ''] : []),
          ...(context.subdomains.length ? [`Implements ${context.subdomains.map((subdomain) => `${mdx(subdomain.domain.name)}.${mdx(subdomain.name)}`).join(', ')}.`, ''] : []),
          ...(relations.length ? ['## Context map', '', ...relations.map((relation) => `- ${mdx(relation)}`), ''] : []),
          ...(glossary.length ? ['## Ubiquitous language', '', ...glossary.map((term) => `- **${mdx(term.name)}**: ${mdx(term.definition)}`), ''] : []),
          ...(context.aggregates.length ? ['## Aggregates', '', ...context.aggregates.filter(Boolean).map((aggregate) => `- ${mdx(aggregate.name)}`)] : []),
        ],
      ),
    });
  }

  // events and commands, each with its payload schema
  for (const facts of [...traffic.events.values(), ...traffic.commands.values()]) {
    const pointer = messagePointer(facts);
    const folder = facts.kind === 'event' ? 'events' : 'commands';
    const declaration = facts.declaration;
    const schemas = new SchemaCollector('#/$defs/');
    const payload = declaration ? schemas.objectOf(inheritedFields(declaration), declaration.description) : { type: 'object', description: `${facts.name} is not declared in the model: its fields are unknown` };
    const defs = schemas.toObject();
    const schema = { $schema: 'http://json-schema.org/draft-07/schema#', title: facts.name, ...payload, ...(Object.keys(defs).length ? { $defs: defs } : {}) };
    const producers = facts.producers.map((name) => mdx(name));
    const consumers = facts.consumers.map((name) => mdx(name));
    files.push({
      path: `${folder}/${pointer.id}/index.mdx`,
      text: resource(
        {
          id: pointer.id,
          name: facts.name,
          version,
          summary: declaration?.description ?? `${facts.kind === 'event' ? 'Domain event' : 'Command'} ${facts.name}${declaration ? ` of ${declaration.contextName}` : ''}`,
          schemaPath: 'schema.json',
          badges: [badge(facts.kind === 'event' ? 'domain event' : 'command')],
        },
        [
          ...(declaration ? [`Declared in ${mdx(declaration.aggregate ? `${declaration.contextName}.${declaration.aggregate.name}` : declaration.contextName)}.`, ''] : ['Not declared in the model: named by a saga or a storming board.', '']),
          `${facts.kind === 'event' ? 'Published' : 'Sent'} by: ${producers.length ? producers.join(', ') : 'nothing in the model'}.`,
          '',
          `${facts.kind === 'event' ? 'Heard' : 'Received'} by: ${consumers.length ? consumers.join(', ') : 'nothing in the model'}.`,
        ],
      ),
    });
    files.push({ path: `${folder}/${pointer.id}/schema.json`, text: JSON.stringify(schema, null, 2) + '\n' });
  }

  // flows: one per saga
  for (const saga of model.sagas) {
    if (isTooLargeToAnalyse(saga)) {
      warnings.push(`flow ${saga.name} left out: ${tooLargeToAnalyse(saga)}`);
      continue;
    }
    const id = flowIds.key(saga, saga.name);
    files.push({
      path: `flows/${id}/index.mdx`,
      text: resource(
        { id, name: saga.name, version, summary: saga.description ?? `${saga.style === 'orchestrated' ? 'Orchestrated' : 'Choreographed'} saga ${saga.name}`, steps: flowSteps(saga, traffic, serviceOf, messagePointer) },
        [saga.style === 'orchestrated' ? `Orchestrated by ${mdx(saga.orchestrator?.text ?? '?')}.` : 'Choreographed: each context reacts to events.'],
      ),
    });
  }
  return { files, warnings };
}

function badge(content: string): Record<string, string> {
  return { content, backgroundColor: 'blue', textColor: 'white' };
}

function unique(pointers: readonly Pointer[]): Pointer[] {
  return pointers.filter((pointer, index) => pointers.findIndex((other) => other.id === pointer.id) === index);
}

type FlowStep = Record<string, unknown> & { id: string };

/**
 * A saga as EventCatalog flow steps. Orchestrated: the orchestrator, then each
 * step's command, the participant and its reply in a chain; a step that can be
 * compensated branches to its compensating command. Choreographed: each
 * reaction (its context) between the messages that trigger it and those it emits.
 */
function flowSteps(saga: Saga, traffic: ModelTraffic, serviceOf: (name: string) => Pointer | undefined, messagePointer: (facts: MessageFacts) => Pointer): FlowStep[] {
  const steps: FlowStep[] = [];
  const message = (name: string, kind: 'event' | 'command'): Pointer | undefined => {
    const facts = (kind === 'event' ? traffic.events : traffic.commands).get(name) ?? (kind === 'event' ? traffic.commands : traffic.events).get(name);
    return facts ? messagePointer(facts) : undefined;
  };
  const node = (id: string, title: string, service: string | undefined): FlowStep => {
    const pointer = service === undefined ? undefined : serviceOf(service);
    return pointer ? { id, title, service: pointer } : { id, title, custom: { title, type: 'context' } };
  };
  const messageNode = (id: string, title: string, kind: 'event' | 'command'): FlowStep => {
    const pointer = message(title, kind);
    return pointer ? { id, title, message: pointer } : { id, title, custom: { title, type: kind } };
  };
  if (saga.style === 'orchestrated') {
    const orchestration = orchestrationOf(saga);
    steps.push(node('orchestrator', `${saga.name} orchestrator`, orchestration.orchestrator));
    let previous = steps[0]!;
    for (const step of orchestration.steps) {
      const command = messageNode(`step-${step.index + 1}-command`, step.command || '?', 'command');
      const participant = node(`step-${step.index + 1}-participant`, step.participant ?? '?', step.participant);
      previous['next_step'] = command.id;
      command['next_step'] = participant.id;
      steps.push(command, participant);
      previous = participant;
      if (step.reply) {
        const reply = messageNode(`step-${step.index + 1}-reply`, step.reply, 'event');
        participant['next_step'] = reply.id;
        steps.push(reply);
        previous = reply;
      }
      if (step.compensation?.command && step.compensation.runs) {
        const compensation = messageNode(`step-${step.index + 1}-compensation`, step.compensation.command, 'command');
        steps.push(compensation);
        const next = previous['next_step'];
        previous['next_steps'] = [...(next !== undefined ? [next] : []), { id: compensation.id, label: 'a later step fails' }];
        delete previous['next_step'];
      }
    }
    return fixChains(steps);
  }
  const messages = new Map<string, FlowStep>();
  const messageStep = (name: string, kind: 'event' | 'command') => {
    let found = messages.get(name);
    if (!found) {
      found = messageNode(`message-${messages.size + 1}`, name, kind);
      messages.set(name, found);
      steps.push(found);
    }
    return found;
  };
  saga.reactions.forEach((reaction, index) => {
    const participant = reaction.participant?.text ?? '?';
    const reacting = node(`reaction-${index + 1}`, participant, participant);
    steps.push(reacting);
    for (const trigger of reaction.triggers) {
      const from = messageStep(trigger.text, trigger.target?.kind === 'command' ? 'command' : 'event');
      from['next_steps'] = [...((from['next_steps'] as unknown[]) ?? []), reacting.id];
    }
    const emitted = [...reaction.emits.map((e) => ({ e, label: undefined })), ...reaction.otherwise.map((e) => ({ e, label: 'when it fails' }))];
    if (emitted.length) reacting['next_steps'] = emitted.map(({ e, label }) => (label ? { id: messageStep(e.text, 'event').id, label } : messageStep(e.text, 'event').id));
  });
  return steps;
}

/** `next_step` and `next_steps` are exclusive: a step with both keeps the list. */
function fixChains(steps: FlowStep[]): FlowStep[] {
  for (const step of steps) {
    if (step['next_steps'] !== undefined && step['next_step'] !== undefined) {
      step['next_steps'] = [step['next_step'], ...(step['next_steps'] as unknown[])];
      delete step['next_step'];
    }
  }
  return steps;
}
