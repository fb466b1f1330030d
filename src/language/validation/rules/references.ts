/**
 * Every name that should denote a declaration does, and only one.
 */
import { simpleName } from '../../model/qualified-names';
import type { Declaration, ElementKind, Reference } from '../../model/elements';
import { isTypeReference, kindWords, qualifiedName, type DddModel } from '../../model/model';
import { boundedItems, boundedList } from '../../util/bounded-list';
import { declaredNames } from '../../util/declared-names';
import type { Rule, RuleSet } from '../rule';
import { withArticle } from '../../util/article';
import { thousands } from '../../util/thousands';

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
    'From outside those contexts a bare `Money` cannot be resolved; qualify it with its context (`Sales.Money`). ' +
    'Likewise two domains may each have a subdomain `Payments`: qualify it with its domain (`Shop.Payments`). ' +
    'A reference is looked up among the kinds it can mean first: `implements Loans` means the subdomain Loans, even when a context is named Loans too.',
  example: 'context A { value Money }\ncontext B { value Money }\ncontext C { entity Invoice { id: InvoiceId  total: Money } }',
};

/** The kinds a reference expects: a short list the grammar fixes (at most six), so all are named. */
function expectedWords(expected: readonly ElementKind[]): string {
  return boundedList(expected.map((kind) => kindWords[kind]), { last: ' or ', limit: expected.length }) || 'declaration';
}

/** The closest declared name of an expected kind, from the model's index of names (built once per model). */
function suggestionFor(model: DddModel, reference: Reference): string | undefined {
  return declaredNames(model, reference.expected).closest(simpleName(reference.text));
}

function unknownMessage(model: DddModel, reference: Reference, suggestion: string | undefined): string {
  const simple = simpleName(reference.text);
  const typeReference = isTypeReference(reference);
  // error recovery stands in an empty name for one that is not written (`A -> }`)
  if (simple.trim() === '') {
    return typeReference
      ? 'A type is missing here: name a value, entity or enum, a built-in type, or an identity type ending in Id.'
      : `The name of ${withArticle(expectedWords(reference.expected))} is missing here.`;
  }
  const didYouMean = suggestion ? ` Did you mean ${suggestion}?` : '';
  const others = model.index.get(simple)?.filter((d) => !reference.expected.includes(d.kind)) ?? [];
  if (typeReference) {
    const hint = others.length ? ` (${simple} is ${withArticle(kindWords[others[0]!.kind])}, not a type)` : '';
    return `Unknown type ${reference.text}${hint}: declare it as a value, entity or enum, use a built-in type, or name an identity type ending in Id.${didYouMean}`;
  }
  const what = expectedWords(reference.expected);
  if (others.length) return `${reference.text} is ${withArticle(kindWords[others[0]!.kind])}, but ${withArticle(what)} is expected here.`;
  return `Unknown ${what} ${reference.text}.${didYouMean}`;
}

/**
 * Why a name is ambiguous, in words bounded whatever the number of candidates:
 * the first few distinct ones ("Sales.Money, Billing.Money and 397 more"), or,
 * when every candidate has the same qualified name, how often it is declared.
 */
function ambiguousMessage(reference: Reference, candidates: readonly Declaration[]): string {
  const words = candidateWords(candidates);
  if (words.distinct.length === 1) {
    return `${reference.text} is ambiguous: ${words.distinct[0]} is declared ${thousands(candidates.length)} times. Keep one declaration, or rename the others.`;
  }
  return `${reference.text} is ambiguous: it could be ${words.listed}. Qualify it with its ${words.qualifier}.`;
}

interface CandidateWords {
  /** The candidates' qualified names, each once. */
  distinct: string[];
  /** Those names as a message lists them. */
  listed: string;
  /** What qualifies them: subdomains by their domain, a context's members by their context. */
  qualifier: 'domain' | 'context';
}

/**
 * What the findings say of a list of candidates, worked out once per list: the linker gives every
 * reference that finds the same declarations the same list (a name declared in a hundred contexts and
 * used a thousand times costs a hundred qualified names, not a hundred thousand).
 */
const wordsOfCandidates = new WeakMap<readonly Declaration[], CandidateWords>();

function candidateWords(candidates: readonly Declaration[]): CandidateWords {
  let known = wordsOfCandidates.get(candidates);
  if (!known) {
    const distinct = [...new Set(candidates.map((candidate) => qualifiedName(candidate)))];
    const qualifier = candidates.every((candidate) => candidate.kind === 'subdomain') ? 'domain' : 'context';
    known = { distinct, listed: boundedList(distinct), qualifier };
    wordsOfCandidates.set(candidates, known);
  }
  return known;
}

export const referenceRules: RuleSet = {
  concern: 'references',
  summary: 'Names resolve: across files, inside their context first, and `Context.Name` when a bare name is ambiguous.',
  rules: [unknownReference, ambiguousReference],
  check(model, accept) {
    for (const reference of model.unsettled) {
      if (reference.soft) continue;
      if (reference.candidates) {
        const shown = boundedItems(reference.candidates);
        accept(ambiguousReference, {
          uri: reference.uri,
          range: reference.range,
          message: ambiguousMessage(reference, reference.candidates),
          related: shown.map((candidate) => ({ uri: candidate.uri, range: candidate.nameRange, message: qualifiedName(candidate) })),
          data: { candidates: boundedItems(candidateWords(reference.candidates).distinct) },
        });
        continue;
      }
      const suggestion = simpleName(reference.text).trim() === '' ? undefined : suggestionFor(model, reference);
      accept(unknownReference, {
        uri: reference.uri,
        range: reference.range,
        message: unknownMessage(model, reference, suggestion),
        data: { name: reference.text, expected: reference.expected, ...(suggestion ? { suggestion } : {}) },
      });
    }
  },
};
