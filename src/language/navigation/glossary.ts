/**
 * The glossary: which terms of a context's ubiquitous language a name stands for,
 * and where the model speaks of a term.
 */
import type { GlossaryTerm } from '../model/elements';
import { membersOfContext, type DddModel } from '../model/model';
import { byPlace, isIdentityTypeUse, referencesTo, type ReferenceLocation, type ReferencesOptions } from './references';

/** Glossary terms match names whatever their case and spacing: `Order Item` ~ `OrderItem`. */
export function termKey(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** The glossary terms of a context that a name stands for (`CustomerId` stands for `Customer` too). */
export function glossaryTerms(model: DddModel, contextName: string, name: string): GlossaryTerm[] {
  const context = model.contexts.get(contextName);
  if (!context) return [];
  const key = termKey(name);
  const base = key.length > 2 && key.endsWith('id') ? key.slice(0, -2) : undefined;
  return context.glossary.filter((term) => {
    const termKeyed = termKey(term.name);
    return termKeyed === key || termKeyed === base;
  });
}

/**
 * Where a term of a context's ubiquitous language is used in the model: the term, the
 * declarations of its context that it names (`Order Item` names `OrderItem`, whatever the
 * case and spacing) with every reference to them, and the identity type written in the
 * context (`CustomerId` for `Customer`), as hover matches names to terms. Renaming a term
 * renames the term only; this is for finding the places that speak of it.
 */
export function glossaryTermUses(model: DddModel, term: GlossaryTerm, options: ReferencesOptions = {}): ReferenceLocation[] {
  const includeDeclaration = options.includeDeclaration ?? true;
  const key = termKey(term.name);
  const uses: ReferenceLocation[] = includeDeclaration ? [{ uri: term.uri, range: term.nameRange, isDeclaration: true }] : [];
  if (!key) return uses;
  for (const [name, declarations] of membersOfContext(model, term.contextName) ?? []) {
    if (termKey(name) !== key) continue;
    for (const declaration of declarations) uses.push(...referencesTo(model, declaration, options));
  }
  for (const reference of model.references) {
    if (reference.scopeContext === term.contextName && termKey(reference.text) === key + 'id' && isIdentityTypeUse(reference, reference.text)) {
      uses.push({ uri: reference.uri, range: reference.range, isDeclaration: false });
    }
  }
  return uses.sort(byPlace);
}
