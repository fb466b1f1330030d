/**
 * Naming in the ubiquitous language: events say what happened, commands what is
 * asked, and declarations read as PascalCase names.
 */
import type { Command, ContextDeclaration, Declaration, DomainEvent, TopLevelDeclaration } from '../../model/elements';
import { forEachElement } from '../../model/element-tree';
import { kindWords } from '../../model/model';
import { capitalize, commandNameIssue, isEventSuffixedName, isPascalCase, isPastTenseName, suggestCommandName, suggestPastTenseEventName, toPascalCase } from '../../naming/name-style';
import { constructs, constructsIn, places, type Construct, type Place } from '../../syntax/constructs';
import { documentRuleSet, type Accept, type Rule, type RuleSet } from '../rule';

export const eventPastTense: Rule = {
  code: 'event-past-tense',
  severity: 'warning',
  title: 'A domain event is named in the past tense',
  explanation:
    'A domain event records something that has happened in the domain, a fact nobody can undo: `OrderPlaced`, `PaymentFailed`, `Withdrawn`. ' +
    'Naming it in the past tense keeps it apart from the command that asked for it (`PlaceOrder`) and makes event storming boards read as a story. ' +
    'Rename the event so that it ends in a past participle; a trailing particle (`TimedOut`, `SignedUp`) or phrase (`ReceivedFromBank`) is fine. ' +
    'A name that ends in `Event` after a past tense (`CustomerVerifiedEvent`) or after a noun that names an event (`HandlingEvent`) is fine too.',
  example: 'context Warehouse {\n  aggregate Parcel {\n    root entity Parcel { id: ParcelId }\n    event ShipParcel   // ParcelShipped\n  }\n}',
};

export const commandImperative: Rule = {
  code: 'command-imperative',
  severity: 'warning',
  title: 'A command is named in the imperative',
  explanation:
    'A command asks an aggregate to do something; it may still be refused. Its name is an order in the imperative, verb first: ' +
    '`PlaceOrder`, `ReserveInventory`, `Withdraw`. A command named like an event (`ParcelShipped`), in the past tense (`PlacedOrder`) or as a ' +
    'gerund (`ShippingParcel`) blurs intention and fact. Rename it to start with the verb in its base form.',
  example: 'context Warehouse {\n  aggregate Parcel {\n    root entity Parcel { id: ParcelId }\n    command ParcelShipped   // ShipParcel\n  }\n}',
};

export const namePascalCase: Rule = {
  code: 'name-pascal-case',
  severity: 'hint',
  title: 'A declaration is named in PascalCase',
  explanation:
    'Contexts, aggregates, entities, value objects, commands, events and the other building blocks are the nouns and verbs of the ubiquitous ' +
    'language; writing them all in PascalCase (`OrderItem`, `PlaceOrder`) makes them easy to tell from fields (`placedAt`) and enum values (`PENDING`).',
  example: 'context Sales {\n  value order_line { quantity: Int }   // OrderLine\n}',
};

function checkEvent(event: DomainEvent, accept: Accept): void {
  if (!event.name || isPastTenseName(event.name) || isEventSuffixedName(event.name)) return;
  const suggestion = suggestPastTenseEventName(event.name);
  accept(eventPastTense, {
    uri: event.uri,
    range: event.nameRange,
    message: suggestion
      ? `Event ${event.name} should be named in the past tense, for what happened: ${suggestion}.`
      : `Event ${event.name} should be named in the past tense, for what happened (like OrderPlaced, not PlaceOrder).`,
    ...(suggestion ? { data: { suggestion } } : {}),
  });
}

const commandProblems = {
  'past-tense': 'starts with a past tense',
  gerund: 'starts with a gerund',
  'event-like': 'reads like an event',
};

function checkCommand(command: Command, accept: Accept): void {
  const issue = command.name ? commandNameIssue(command.name) : undefined;
  if (!issue) return;
  const suggestion = suggestCommandName(command.name);
  const what = `Command ${command.name} ${commandProblems[issue]}; name it in the imperative, for what is asked`;
  accept(commandImperative, {
    uri: command.uri,
    range: command.nameRange,
    message: suggestion ? `${what}: ${suggestion}.` : `${what} (like PlaceOrder, not OrderPlaced).`,
    data: suggestion ? { suggestion, issue } : { issue },
  });
}

/** The kinds the constructs table declares, glossary terms aside: their names are terms of the ubiquitous language. */
const ubiquitousKinds: ReadonlySet<string> = new Set(constructs.flatMap((row: Construct) => (row.kind && row.kind !== 'term' ? [row.kind] : [])));

/**
 * The kinds whose block holds such declarations (a context, an aggregate, a module, a value register, …):
 * a row's `body` that is a place where a row of a ubiquitous kind may stand. The walk goes below these only,
 * never into what an entity, a command or an operation holds (fields, parameters, enum values).
 */
const placeNames: ReadonlySet<string> = new Set(places);
const holdsTerms: ReadonlySet<string> = new Set(
  constructs.flatMap((row: Construct) =>
    row.kind && row.body && placeNames.has(row.body) && constructsIn(row.body as Place).some((inner) => inner.kind !== undefined && ubiquitousKinds.has(inner.kind)) ? [row.kind] : [],
  ),
);

/** Visits a top-level declaration and what it declares whose name is a term of the ubiquitous language (not fields, operations, enum values or glossary terms). */
function forEachNamedDeclaration(declaration: TopLevelDeclaration, visit: (declaration: NamedDeclaration) => void): void {
  // a context block is checked where it is written: each block that spells the name says so
  const kind = declaration.kind === 'contextDeclaration' ? 'context' : declaration.kind;
  if (!ubiquitousKinds.has(kind)) return;
  visit(declaration);
  if (!holdsTerms.has(kind)) return;
  forEachElement(declaration, (element) => {
    // what such a kind holds (fields, parameters) is never a term either
    if (!ubiquitousKinds.has(element.kind)) return false;
    visit(element as Declaration);
    return holdsTerms.has(element.kind);
  });
}

type NamedDeclaration = Declaration | ContextDeclaration;

function checkName(declaration: NamedDeclaration, accept: Accept): void {
  if (declaration.kind === 'event') checkEvent(declaration, accept);
  else if (declaration.kind === 'command') checkCommand(declaration, accept);
  if (accept.wants?.(namePascalCase) === false) return;
  // a name the parser could not read is empty (the syntax error says enough); one with a space was
  // not written as a name (`stakeholders for Claims` names a block that has none)
  if (!declaration.name || isPascalCase(declaration.name) || /\s/.test(declaration.name)) return;
  const suggestion = toPascalCase(declaration.name);
  if (!suggestion) return;
  accept(namePascalCase, {
    uri: declaration.uri,
    range: declaration.nameRange,
    message: `${capitalize(kindWords[declaration.kind])} ${declaration.name} should be written in PascalCase: ${suggestion}.`,
    data: { suggestion },
  });
}

/**
 * How a name is written depends on the name alone: each document is checked on its own, and a
 * document that did not change keeps its findings (validation/validate.ts).
 */
export const namingRules: RuleSet = documentRuleSet({
  concern: 'naming',
  summary: 'Names speak the ubiquitous language: domain events in the past tense, commands in the imperative, building blocks in PascalCase.',
  rules: [eventPastTense, commandImperative, namePascalCase],
  checkDeclaration(declaration, accept) {
    forEachNamedDeclaration(declaration, (named) => checkName(named, accept));
  },
});
