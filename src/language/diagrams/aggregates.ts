/**
 * The aggregates of one bounded context as a mermaid class diagram: one
 * namespace per aggregate (its consistency boundary) holding the root
 * (<<Aggregate Root>>), entities, value objects, enums, commands and events with
 * their fields; composition for what the aggregate contains, a dashed dependency
 * for references by id to other aggregates, `command ..> event` for what a
 * command emits, and the invariants as notes.
 */
import type {
  Aggregate,
  BoundedContext,
  Declaration,
  Entity,
  Field,
  Operation,
  TypeReference,
} from '../model/elements';
import { kindWords, qualifiedName, type DddModel } from '../model/model';
import { isInheriting } from '../model/inheritance';
import { capitalize } from '../naming/name-style';
import { aggregateMemberKeys, type AggregateMemberKey } from '../syntax/constructs';
import { DiagramWriter, sourceOf, type MermaidDiagram } from './diagram';
import { IdRegistry, mermaidText, quoted, quotedLines } from './escape';
import { stickyStyles } from './theme';

export interface AggregateDiagramOptions {
  /** Only this aggregate (and what it points to). */
  aggregate?: string;
  /** Show commands and events (default true). */
  messages?: boolean;
  /** Show invariants as notes (default true). */
  invariants?: boolean;
}

/** What an aggregate holds (and a context outside its aggregates): the building blocks of the constructs table. */
type Member = Aggregate[AggregateMemberKey][number];

/** Stereotypes by kind; a kind without one is named by its words (`«Domain service»`). */
const stereotypes: Partial<Record<Member['kind'], string>> = {
  entity: 'Entity',
  value: 'Value Object',
  enum: 'Enumeration',
  event: 'Domain Event',
  command: 'Command',
};

const classStyles: Record<string, string> = {
  root: 'fill:#ffd43b,stroke:#e67700,stroke-width:2px,color:#212529',
  entity: 'fill:#fff3bf,stroke:#f08c00,color:#212529',
  value: 'fill:#d3f9d8,stroke:#2f9e44,color:#212529',
  enum: 'fill:#e7f5ff,stroke:#1971c2,color:#212529',
  event: `fill:${stickyStyles.event.colour},stroke:#d9480f,color:#212529`,
  command: `fill:${stickyStyles.command.colour},stroke:#1864ab,color:#0b1f33`,
  foreign: 'fill:#f8f9fa,stroke:#868e96,stroke-dasharray:4 3,color:#495057',
  /** A building block of a kind without a style of its own. */
  member: 'fill:#f1f3f5,stroke:#495057,color:#212529',
};

function stereotypeOf(kind: Member['kind']): string {
  return stereotypes[kind] ?? capitalize(kindWords[kind]);
}

/** Commands and events: drawn unless `messages` is false. */
function isMessage(member: Member): boolean {
  return member.kind === 'command' || member.kind === 'event';
}

function isRoot(member: Member): boolean {
  return member.kind === 'entity' && member.root;
}

/** The building blocks of an aggregate or of a context (outside its aggregates) a class diagram draws: roots first, then in table order. */
function drawnMembers(holder: Aggregate | BoundedContext, messages: boolean): Member[] {
  const members = aggregateMemberKeys.flatMap<Member>((key) => holder[key]).filter((member) => messages || !isMessage(member));
  return [...members.filter(isRoot), ...members.filter((member) => !isRoot(member))];
}

function fieldText(field: Field): string {
  return field.type ? `${field.name}: ${field.type.text}` : field.name;
}

function operationText(operation: Operation): string {
  const parameters = operation.parameters.map(fieldText).join(', ');
  return `${operation.name}(${parameters})${operation.returns ? `: ${operation.returns.text}` : ''}`;
}

function simpleTypeName(type: TypeReference): string {
  const text = type.name.text;
  return text.slice(text.lastIndexOf('.') + 1);
}

interface TypeUse {
  target: Declaration | undefined;
  name: string;
  many: boolean;
  optional: boolean;
}

/** Every named type a field's type mentions: `List<OrderItem>` → OrderItem (many). */
function typeUses(type: TypeReference, many = false): TypeUse[] {
  const uses: TypeUse[] = [{ target: type.name.target, name: simpleTypeName(type), many, optional: type.optional }];
  const collection = type.args.length > 0;
  for (const arg of type.args) uses.push(...typeUses(arg, many || collection));
  return uses;
}

function multiplicity(use: TypeUse): string {
  return use.many ? '*' : use.optional ? '0..1' : '1';
}

/** Identity types (`OrderId`) and the aggregates they identify: by the root's `id` field, else by name. */
function identityOwners(model: DddModel): Map<string, Aggregate[]> {
  const owners = new Map<string, Aggregate[]>();
  const add = (name: string, aggregate: Aggregate) => {
    const list = owners.get(name);
    if (!list) owners.set(name, [aggregate]);
    else if (!list.includes(aggregate)) list.push(aggregate);
  };
  const all = [...model.contexts.values()].flatMap((context) => context.aggregates);
  for (const aggregate of all) {
    const root = aggregate.entities.find((entity) => entity.root);
    const id = root?.fields.find((field) => field.name === 'id');
    if (id?.type) add(simpleTypeName(id.type), aggregate);
  }
  for (const aggregate of all) if (!owners.has(`${aggregate.name}Id`)) add(`${aggregate.name}Id`, aggregate);
  return owners;
}

function ownerOf(owners: Map<string, Aggregate[]>, typeName: string, context: string): Aggregate | undefined {
  const candidates = owners.get(typeName);
  if (!candidates?.length) return undefined;
  return candidates.find((aggregate) => aggregate.contextName === context) ?? candidates[0];
}

function rootOf(aggregate: Aggregate): Entity | undefined {
  return aggregate.entities.find((entity) => entity.root);
}

export function aggregateDiagram(model: DddModel, contextName: string, options: AggregateDiagramOptions = {}): MermaidDiagram {
  const writer = new DiagramWriter('classDiagram');
  const context: BoundedContext | undefined = model.contexts.get(contextName);
  const title = options.aggregate ? `Aggregate ${contextName}.${options.aggregate}` : `Aggregates of ${contextName}`;
  if (!context) {
    writer.warnings.push(`There is no bounded context named ${contextName}.`);
    // an empty class diagram does not parse: say it in the diagram
    writer.line(`class unknown[${quoted(`${contextName} (no such bounded context)`)}]`);
    writer.extraNodes++;
    return writer.finish('aggregates', title, options.aggregate ? `${contextName}.${options.aggregate}` : contextName);
  }
  const messages = options.messages ?? true;
  const aggregates = options.aggregate === undefined ? context.aggregates : context.aggregates.filter((aggregate) => aggregate.name === options.aggregate);
  if (options.aggregate !== undefined && aggregates.length === 0) writer.warnings.push(`${contextName} has no aggregate named ${options.aggregate}.`);
  if (context.external) writer.warnings.push(`${contextName} is an external system: its model is not ours to draw.`);

  const membersOf = (holder: Aggregate | BoundedContext): Member[] => drawnMembers(holder, messages);
  const groups: { aggregate?: Aggregate; members: Member[] }[] = aggregates.map((aggregate) => ({ aggregate, members: membersOf(aggregate) }));
  if (options.aggregate === undefined) {
    const loose = membersOf(context);
    if (loose.length) groups.push({ members: loose });
  }

  // ids: classes first, then namespaces (which must not clash with them)
  const classIds = new IdRegistry('k');
  const shown = new Set<Declaration>();
  /** An aggregate with nothing declared in it yet (`aggregate Payouts`, `aggregate Payouts {}`) is a box of its own: mermaid refuses an empty namespace. */
  const boxed = (group: { aggregate?: Aggregate; members: Member[] }): Aggregate | undefined => (group.members.length === 0 ? group.aggregate : undefined);
  for (const group of groups) {
    const drawn: Declaration[] = boxed(group) ? [boxed(group)!] : group.members;
    for (const declaration of drawn) {
      classIds.id(declaration, declaration.name);
      shown.add(declaration);
    }
  }
  const namespaceIds = new IdRegistry('');
  for (const declaration of shown) namespaceIds.reserve(classIds.get(declaration)!);

  const lines: string[] = [];
  const relations: string[] = [];
  const notes: string[] = [];
  // the style is attached where the class is defined: mermaid 11 ignores `cssClass` and later `class x:::y` lines in class diagrams
  const styled = new Set<string>();
  const classBlock = (id: string, label: string, stereotype: string, members: string[], indent: string, style: string) => {
    styled.add(style);
    lines.push(`${indent}class ${id}[${quoted(label)}]:::${style} {`);
    lines.push(`${indent}  <<${stereotype}>>`);
    for (const member of members) lines.push(`${indent}  ${mermaidText(member, 'keep')}`);
    lines.push(`${indent}}`);
  };

  // other aggregates and types, drawn as dashed boxes with their qualified name
  const foreign = new Map<Declaration, string>();
  const foreignId = (declaration: Declaration): string => {
    const known = shown.has(declaration) ? classIds.get(declaration) : foreign.get(declaration);
    if (known) return known;
    const id = classIds.id(declaration, qualifiedName(declaration).replace(/\./g, '_'));
    foreign.set(declaration, id);
    return id;
  };

  for (const group of groups) {
    const sketch = boxed(group);
    if (sketch) {
      const id = classIds.get(sketch)!;
      classBlock(id, sketch.name, sketch.module ? `Aggregate, nothing declared yet, module ${sketch.module.name}` : 'Aggregate, nothing declared yet', [], '  ', 'member');
      writer.node({ id, name: sketch.name, kind: 'aggregate', ...sourceOf({ uri: sketch.uri, range: sketch.nameRange }) });
      continue;
    }
    const indent = group.aggregate ? '    ' : '  ';
    if (group.aggregate) {
      lines.push(`  namespace ${namespaceIds.id(group.aggregate, group.aggregate.name)} {`);
    }
    for (const member of group.members) {
      const id = classIds.get(member)!;
      let stereotype = stereotypeOf(member.kind);
      let body: string[] = [];
      switch (member.kind) {
        case 'entity':
          if (member.root) stereotype = group.aggregate?.eventSourced ? 'Aggregate Root, event-sourced' : 'Aggregate Root';
          body = [...member.fields.map(fieldText), ...member.operations.map(operationText)];
          break;
        case 'value':
          body = [...member.fields.map(fieldText), ...member.operations.map(operationText)];
          break;
        case 'enum':
          body = member.values.map((value) => value.name);
          break;
        case 'command':
        case 'event':
          body = member.fields.map(fieldText);
          break;
        default: {
          // a kind of building block drawn by what it holds
          const holds = member as { fields?: Field[]; operations?: Operation[] };
          body = [...(holds.fields ?? []).map(fieldText), ...(holds.operations ?? []).map(operationText)];
        }
      }
      // the module a member is declared in (through its aggregate), and what it is beyond its kind
      const module = group.aggregate?.module ?? member.module;
      if (module) stereotype += `, module ${module.name}`;
      if (isInheriting(member) && member.abstract) stereotype += ', abstract';
      if (member.kind === 'enum' && member.lifecycle) stereotype += ', lifecycle';
      classBlock(id, member.name, stereotype, body, indent, isRoot(member) ? 'root' : member.kind in classStyles ? member.kind : 'member');
      writer.node({ id, name: member.name, kind: member.kind === 'entity' && member.root ? 'aggregate-root' : member.kind, ...sourceOf({ uri: member.uri, range: member.nameRange }) });
    }
    if (group.aggregate) lines.push('  }');
  }

  const owners = identityOwners(model);
  for (const group of groups) {
    const aggregate = group.aggregate;
    const root = aggregate ? rootOf(aggregate) : undefined;
    const contained = new Set<Declaration>();
    for (const member of group.members) {
      // `extends`: inheritance between members of the same kind
      if (isInheriting(member) && member.extends?.target?.kind === member.kind) {
        const base = member.extends.target;
        relations.push(`  ${shown.has(base) ? classIds.get(base)! : foreignId(base)} <|-- ${classIds.get(member)!}`);
      }
    }
    for (const member of group.members) {
      if (member.kind !== 'entity' && member.kind !== 'value') continue;
      const from = classIds.get(member)!;
      for (const field of member.fields) {
        if (!field.type) continue;
        const uses = typeUses(field.type);
        const fieldLabel = mermaidText(field.name);
        for (const use of uses) {
          const target = use.target;
          if (target && (target.kind === 'entity' || target.kind === 'value' || target.kind === 'enum')) {
            if (target === member) continue;
            const sameHome = target.contextName === member.contextName && target.aggregate === member.aggregate;
            const inside = sameHome || (target.contextName === member.contextName && !target.aggregate);
            if (inside && shown.has(target)) {
              if (target.kind === 'enum') relations.push(`  ${from} --> ${classIds.get(target)} : ${fieldLabel}`);
              else {
                relations.push(`  ${from} "1" *-- "${multiplicity(use)}" ${classIds.get(target)} : ${fieldLabel}`);
                if (sameHome) contained.add(target);
              }
            } else {
              // a direct reference into another aggregate (the rules warn about it) or a type of another context
              relations.push(`  ${from} --> ${foreignId(target)} : ${fieldLabel}`);
            }
            continue;
          }
          if (target || !use.name.endsWith('Id')) continue;
          const owner = ownerOf(owners, use.name, member.contextName);
          if (!owner || owner === member.aggregate) continue;
          const ownerRoot = rootOf(owner);
          const to = ownerRoot && shown.has(ownerRoot) ? classIds.get(ownerRoot)! : foreignId(ownerRoot ?? owner);
          relations.push(`  ${from} ..> ${to} : ${mermaidText(`${field.name} (by id)`)}`);
        }
      }
    }
    if (root && shown.has(root)) {
      for (const member of group.members) {
        if ((member.kind === 'entity' || member.kind === 'value') && member !== root && !contained.has(member)) {
          relations.push(`  ${classIds.get(root)} *-- ${classIds.get(member)}`);
        }
      }
    }
    if (messages) {
      for (const member of group.members) {
        if (member.kind !== 'command') continue;
        for (const emitted of member.emits) {
          const event = emitted.target;
          if (event?.kind !== 'event') continue;
          relations.push(`  ${classIds.get(member)} ..> ${shown.has(event) ? classIds.get(event) : foreignId(event)} : emits`);
        }
      }
    }
    if (options.invariants ?? true) {
      const invariants = (holder: { invariants: { text: string }[] }) => holder.invariants.map((invariant) => invariant.text);
      for (const member of group.members) {
        const texts = member.kind === 'entity' || member.kind === 'value' ? invariants(member) : [];
        if (member === root && aggregate) texts.unshift(...invariants(aggregate));
        if (texts.length) notes.push(`  note for ${classIds.get(member)} ${quotedLines(texts.map((text) => `invariant: ${text}`))}`);
      }
    }
  }

  for (const [declaration, id] of foreign) {
    const label = declaration.kind === 'entity' && declaration.root && declaration.aggregate ? `${declaration.contextName}.${declaration.aggregate.name}` : qualifiedName(declaration);
    const stereotype =
      declaration.kind === 'entity' && declaration.root ? 'Aggregate Root' : declaration.kind === 'aggregate' ? 'Aggregate' : stereotypes[declaration.kind as Member['kind']] ?? declaration.kind;
    classBlock(id, label, stereotype, [], '  ', 'foreign');
    writer.node({ id, name: label, kind: declaration.kind === 'entity' && declaration.root ? 'aggregate-root' : declaration.kind, ...sourceOf({ uri: declaration.uri, range: declaration.nameRange }) });
  }

  for (const line of lines) writer.lines.push(line);
  for (const relation of relations) writer.edge(relation.trimStart());
  for (const note of notes) {
    writer.line(note.trimStart());
    writer.extraNodes++;
  }
  for (const name of styled) writer.line(`classDef ${name} ${classStyles[name]}`);
  if (groups.every((group) => group.members.length === 0) && writer.nodes.length === 0) {
    writer.warnings.push(`${contextName} declares no aggregates or building blocks yet.`);
    // an empty class diagram does not parse: show the context itself
    const id = classIds.id(context, context.name);
    writer.line(`class ${id}[${quoted(context.name)}] {`);
    writer.line('  <<Bounded Context>>');
    writer.line('}');
    writer.node({ id, name: context.name, kind: 'context', ...sourceOf({ uri: context.uri, range: context.nameRange }) });
  }
  return writer.finish('aggregates', title, options.aggregate ? `${contextName}.${options.aggregate}` : contextName);
}

/** The contexts that have something to draw in a class diagram, in model order. */
export function contextsWithAggregates(model: DddModel): string[] {
  return [...model.contexts.entries()]
    .filter(([, context]) => !context.external && (context.aggregates.length > 0 || drawnMembers(context, false).length > 0))
    .map(([name]) => name);
}
