/**
 * Every name that should denote a declaration does, and only one.
 */
import { simpleName } from '../../model/names';
import { isBuiltinType, isIdentityTypeName } from '../../model/builtin-types';
import type { Declaration, ElementKind, Reference } from '../../model/elements';
import { isTypeReference, kindWords, qualifiedName, type DddModel } from '../../model/model';
import { didYouMean } from '../../util/similar-names';
import type { Rule, RuleSet } from '../rule';

export const unknownReference: Rule = {
  code: 'unknown-reference',
  severity: 'error',
  title: 'A name that no declaration defines',
  explanation:
    'Contexts, subdomains, types, events and aggregates named in a model must be declared somewhere in the workspace. ' +
    'Usually this is a typo (the message suggests the closest name) or a declaration that is still to be written. ' +
    'Names on storming boards and in sagas are exempt: modeling often starts from the events. ' +
    'Built-in types (Int, Decimal, String, Boolean, DateTime, UUID, List, Set, Map, …) and identity types ending in `Id` need no declaration.',
  example: 'contextmap Broken {\n  Warehouse -> Nowhere   // unknown context Nowhere\n}',
};

export const ambiguousReference: Rule = {
  code: 'ambiguous-reference',
  severity: 'error',
  title: 'A bare name that several declarations share',
  explanation:
    'Names are global per workspace, but each bounded context has its own model: `Money` may be declared in Sales and in Billing. ' +
    'From outside those contexts a bare `Money` cannot be resolved; qualify it with its context (`Sales.Money`).',
  example: 'context A { value Money }\ncontext B { value Money }\ncontext C { entity Invoice { id: InvoiceId  total: Money } }',
};

function expectedWords(expected: readonly ElementKind[]): string {
  const words = [...new Set(expected.map((kind) => kindWords[kind]))];
  return words.length <= 1 ? words[0] ?? 'declaration' : words.slice(0, -1).join(', ') + ' or ' + words[words.length - 1];
}

function namesOfKinds(model: DddModel, expected: readonly ElementKind[]): string[] {
  const names: string[] = [];
  for (const [name, declarations] of model.index) if (declarations.some((d) => expected.includes(d.kind))) names.push(name);
  return names;
}

function unknownMessage(model: DddModel, reference: Reference): string {
  const simple = simpleName(reference.text);
  const others = model.index.get(simple)?.filter((d) => !reference.expected.includes(d.kind)) ?? [];
  if (isTypeReference(reference)) {
    const hint = others.length ? ` (${simple} is a ${kindWords[others[0]!.kind]}, not a type)` : '';
    return `Unknown type ${reference.text}${hint}: declare it as a value, entity or enum, use a built-in type, or name an identity type ending in Id.${didYouMean(simple, namesOfKinds(model, reference.expected))}`;
  }
  const what = expectedWords(reference.expected);
  if (others.length) return `${reference.text} is a ${kindWords[others[0]!.kind]}, but a ${what} is expected here.`;
  return `Unknown ${what} ${reference.text}.${didYouMean(simple, namesOfKinds(model, reference.expected))}`;
}

function describeCandidates(candidates: Declaration[]): string {
  return candidates.map((candidate) => qualifiedName(candidate)).join(', ');
}

export const referenceRules: RuleSet = {
  concern: 'references',
  summary: 'Names resolve: across files, inside their context first, and `Context.Name` when a bare name is ambiguous.',
  rules: [unknownReference, ambiguousReference],
  check(model, accept) {
    for (const reference of model.unsettled) {
      if (reference.soft) continue;
      if (reference.candidates) {
        accept(ambiguousReference, {
          uri: reference.uri,
          range: reference.range,
          message: `${reference.text} is ambiguous: it could be ${describeCandidates(reference.candidates)}. Qualify it with its context.`,
          related: reference.candidates.map((candidate) => ({ uri: candidate.uri, range: candidate.nameRange, message: qualifiedName(candidate) })),
          data: { candidates: reference.candidates.map((candidate) => qualifiedName(candidate)) },
        });
        continue;
      }
      if (isTypeReference(reference) && (isIdentityTypeName(simpleName(reference.text)) || isBuiltinType(reference.text))) continue;
      accept(unknownReference, {
        uri: reference.uri,
        range: reference.range,
        message: unknownMessage(model, reference),
        data: { name: reference.text, expected: reference.expected },
      });
    }
  },
};
