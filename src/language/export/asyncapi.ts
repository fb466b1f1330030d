/**
 * AsyncAPI 3.0: one document per bounded context. A channel per event the
 * context publishes or hears and per command it sends or receives
 * (message-traffic.ts says which), a `send` or `receive` operation on each, the
 * message payloads as JSON Schema from the fields (payload-schema.ts), and the
 * context's description, owner, subdomains and context-map roles in `info`.
 * Written as YAML by the `yaml` package (which quotes whatever YAML would read
 * as syntax: `#`, `: `, `&anchor`, `*alias`, `{{ }}`, line breaks), or as JSON.
 */
import { stringify } from 'yaml';
import { partyWords } from '../model/event-flow';
import type { BoundedContext } from '../model/elements';
import type { DddModel } from '../model/model';
import { boundedList } from '../util/bounded-list';
import { didYouMean } from '../util/similar-names';
import { allRelationships, seenFrom } from './context-relations';
import { KeyRegistry, oneLine, safeKey } from './keys';
import { modelTraffic, type ContextTraffic, type MessageUse } from './message-traffic';
import { SchemaCollector, type JsonSchema } from './payload-schema';
import { inheritedFields } from '../model/inheritance';
import type { ExportedFile, ModelExportOptions, ModelExportResult } from './types';

type Direction = 'publishes' | 'consumes' | 'sends' | 'receives';
const actions: Record<Direction, 'send' | 'receive'> = { publishes: 'send', consumes: 'receive', sends: 'send', receives: 'receive' };
const verbs: Record<Direction, string> = { publishes: 'publish', consumes: 'consume', sends: 'send', receives: 'receive' };

/** The context's documents; `name` narrows to one bounded context. */
export function asyncApiExport(model: DddModel, options: ModelExportOptions = {}): ModelExportResult {
  const contexts = [...model.contexts.values()];
  const chosen = options.name === undefined ? contexts : contexts.filter((context) => context.name === options.name);
  if (options.name !== undefined && chosen.length === 0) return { problem: unknownContext(model, options.name) };
  const traffic = modelTraffic(model);
  const relationships = allRelationships(model);
  const names = new KeyRegistry();
  const files: ExportedFile[] = chosen.map((context) => {
    const document = asyncApiDocument(context, traffic.contexts.get(context.name)!, relationships.flatMap((view) => seenFrom(view, context.name) ?? []));
    const base = names.key(context, context.name);
    return options.json
      ? { path: `${base}.asyncapi.json`, text: JSON.stringify(document, null, 2) + '\n' }
      : { path: `${base}.asyncapi.yaml`, text: stringify(document, { aliasDuplicateObjects: false, lineWidth: 0 }) };
  });
  return { files, warnings: [] };
}

export function unknownContext(model: DddModel, name: string): string {
  const known = [...model.contexts.values()].map((context) => context.name);
  if (known.length === 0) return `no bounded context '${oneLine(name)}': the model has no bounded contexts`;
  return `no bounded context '${oneLine(name)}' in the model.${didYouMean(name, known)} Its contexts: ${boundedList(known, { last: ' and ' })}.`;
}

/** One context's AsyncAPI 3.0 document, as plain data. */
export function asyncApiDocument(context: BoundedContext, traffic: ContextTraffic, relations: readonly string[]): Record<string, unknown> {
  const schemas = new SchemaCollector('#/components/schemas/');
  const channelKeys = new KeyRegistry();
  /** The channel of each event, by name: where the reply to a request goes. */
  const eventChannels = new Map<string, string>();
  const operationKeys = new KeyRegistry();
  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  const messages: Record<string, unknown> = {};

  const channelOf = (use: MessageUse): string => {
    const facts = use.message;
    const known = channelKeys.get(facts);
    if (known !== undefined) return known;
    const key = channelKeys.key(facts, facts.name);
    if (facts.kind === 'event') eventChannels.set(facts.name, key);
    const owner = facts.declaration?.contextName ?? facts.producers[0] ?? context.name;
    messages[key] = messageOf(use, schemas);
    channels[key] = {
      // an address is a plain topic name: no `{parameter}` expressions, no spaces
      address: `${safeKey(owner)}.${facts.kind === 'event' ? 'events' : 'commands'}.${safeKey(facts.name)}`,
      title: facts.name,
      description: `${facts.kind === 'event' ? 'Domain event' : 'Command'} ${facts.name}${facts.producers.length ? `, from ${facts.producers.join(', ')}` : ''}${facts.consumers.length ? `, to ${facts.consumers.join(', ')}` : ''}.`,
      messages: { [key]: { $ref: `#/components/messages/${key}` } },
    };
    return key;
  };

  const replies: { operation: Record<string, unknown>; names: string[] }[] = [];
  for (const direction of ['publishes', 'consumes', 'sends', 'receives'] as const) {
    for (const use of traffic[direction].values()) {
      const channel = channelOf(use);
      const operation = operationKeys.key(`${direction}:${channel}`, `${verbs[direction]}${channel}`);
      const why = use.parties.map((party) => partyWords(party, (text) => text));
      operations[operation] = {
        action: actions[direction],
        channel: { $ref: `#/channels/${channel}` },
        summary: operationSummary(context.name, direction, use),
        ...(why.length ? { description: `Because of: ${why.join('; ')}.` } : {}),
        messages: [{ $ref: `#/channels/${channel}/messages/${channel}` }],
      };
      if (use.replies.length) replies.push({ operation: operations[operation] as Record<string, unknown>, names: use.replies });
    }
  }
  // request and reply: a saga step's command is answered by its reply event, on the reply's channel
  for (const { operation, names } of replies) {
    const channel = names.map((name) => eventChannels.get(name)).find((key) => key !== undefined);
    if (channel !== undefined) operation['reply'] = { channel: { $ref: `#/channels/${channel}` }, messages: [{ $ref: `#/channels/${channel}/messages/${channel}` }] };
  }

  const description = [
    context.description ?? `The ${context.name} bounded context${context.external ? ' (an external system)' : ''}.`,
    context.owner ? `Owner: ${context.owner.text}.` : '',
    context.subdomains.length ? `Implements ${context.subdomains.map((subdomain) => `${subdomain.type ?? ''} subdomain ${subdomain.domain.name}.${subdomain.name}`.trim()).join(', ')}.` : '',
    relations.length ? `Context map: ${relations.join('; ')}.` : '',
  ].filter(Boolean);
  const tags = [
    { name: context.external ? 'external system' : 'bounded context' },
    ...context.subdomains.map((subdomain) => ({ name: `subdomain ${subdomain.domain.name}.${subdomain.name}`, ...(subdomain.type ? { description: `${subdomain.type} subdomain` } : {}) })),
    ...relations.map((relation) => ({ name: relation })),
  ];
  const uniqueTags = tags.filter((tag, index) => tags.findIndex((other) => other.name === tag.name) === index);
  const components: Record<string, unknown> = {};
  if (Object.keys(messages).length) components['messages'] = messages;
  const named = schemas.toObject();
  if (Object.keys(named).length) components['schemas'] = named;
  return {
    asyncapi: '3.0.0',
    info: {
      title: context.name,
      version: '1.0.0',
      description: description.join('\n\n'),
      ...(context.owner ? { contact: { name: context.owner.text } } : {}),
      tags: uniqueTags,
    },
    defaultContentType: 'application/json',
    channels,
    operations,
    ...(Object.keys(components).length ? { components } : {}),
  };
}

function operationSummary(contextName: string, direction: Direction, use: MessageUse): string {
  const name = use.message.name;
  switch (direction) {
    case 'publishes':
      return `${contextName} publishes ${name}`;
    case 'consumes':
      return `${contextName} hears ${name}`;
    case 'sends':
      return `${contextName} sends ${name}${use.to.length ? ` to ${use.to.join(', ')}` : ''}`;
    case 'receives':
      return `${contextName} receives ${name}`;
  }
}

function messageOf(use: MessageUse, schemas: SchemaCollector): Record<string, unknown> {
  const facts = use.message;
  const declaration = facts.declaration;
  const payload: JsonSchema = declaration
    ? schemas.objectOf(inheritedFields(declaration))
    : { type: 'object', description: `${facts.name} is not declared in the model: its fields are unknown` };
  return {
    name: facts.name,
    title: facts.name,
    summary: declaration?.description ?? `${facts.kind === 'event' ? 'Domain event' : 'Command'} ${facts.name}`,
    contentType: 'application/json',
    tags: [{ name: facts.kind === 'event' ? 'domain event' : 'command' }],
    payload,
  };
}
