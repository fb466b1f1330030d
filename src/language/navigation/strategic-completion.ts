/**
 * Completion for what issue 13 (Context Mapper parity) added: the values of an
 * enumerated attribute after its keyword (`evolution |` offers genesis, custom,
 * product, commodity, from model/attribute-values.ts), teams after `owner`,
 * contexts after `realizes`, `refines` and `contains`, use cases and stories after
 * `features` and `supports`, the upstream's aggregates after `exposes`, and the
 * keywords of the new blocks.
 */
import { attributeDefinition, attributeKey, attributesIn, qualityStrings, valuesOf, type AttributePlace } from '../model/attribute-values';
import { exposingContexts } from '../model/strategic-links';
import { keywordsIn, type Place } from '../syntax/constructs';
import { keywords } from '../syntax/tokens';
import type { BlockKind } from './blocks';
import { isStringToken, keywordUnit, type CompletionContext } from './completion-context';
import { present } from './present';

/** Where the attribute keywords of a block look their values up. */
const attributePlaces: Partial<Record<BlockKind, AttributePlace>> = {
  context: 'context',
  team: 'context',
  contextmap: 'contextmap',
  shared: 'relationship',
  aggregate: 'aggregate',
  qualities: 'qualities',
  stakeholder: 'stakeholder',
  valueStakeholder: 'valueStakeholder',
};

/** The blocks whose members all start with a keyword of the constructs table (the place of the same name). */
const keywordBlocks: Partial<Record<BlockKind, Place>> = {
  team: 'team',
  subdomain: 'subdomain',
  usecase: 'usecase',
  story: 'story',
  stakeholders: 'stakeholders',
  stakeholder: 'stakeholder',
  values: 'values',
  cluster: 'cluster',
  valueItem: 'valueItem',
  valueStakeholder: 'valueStakeholder',
};

/** Name lists and what they name. */
const listKeywords = ['owner', 'realizes', 'refines', 'contains', 'features', 'supports', 'exposes'];

function offerValues(c: CompletionContext, key: string): boolean {
  const definition = attributeDefinition(key);
  if (!definition) return false;
  for (const value of valuesOf(definition)) c.out.add({ label: value, kind: 'attributeValue', detail: `${definition.keyword}: ${definition.values[value]!.meaning}`, documentation: definition.meaning });
  return true;
}

/** The keyword whose list the cursor is in (`features A, |`), if the units since it are names and commas. */
function listKeyword(c: CompletionContext): string | undefined {
  for (let i = c.units.length - 1; i >= 0; i--) {
    const unit = c.units[i]!;
    if (unit.group || isStringToken(unit.token)) return undefined;
    if (keywordUnit(unit, listKeywords)) return unit.token.image;
    const image = unit.token.image;
    if (image !== ',' && image !== '.' && keywords[image] === unit.token.tokenType) return undefined;
  }
  return undefined;
}

function names(c: CompletionContext, keyword: string): void {
  switch (keyword) {
    case 'owner':
      return c.named(['team']);
    case 'realizes':
    case 'refines':
      return c.contexts();
    case 'contains':
      // a map holds contexts and teams
      c.contexts();
      return c.named(['team']);
    case 'features':
    case 'supports':
      return c.named(['usecase', 'story']);
    case 'exposes': {
      const relationship = c.model.contextMaps
        .flatMap((map) => present(map.relationships))
        .find((candidate) => candidate.uri === c.uri && candidate.range.start <= c.offset && c.offset <= candidate.range.end);
      if (!relationship) return c.named(['aggregate']);
      for (const context of exposingContexts(c.model, relationship)) for (const aggregate of context.aggregates) c.declaration(aggregate);
      return;
    }
  }
}

/** Completes the places issue 13 added; false to let the general completion run. */
export function strategicCompletion(c: CompletionContext, kind: BlockKind): boolean {
  const prev = c.prev();
  const place = attributePlaces[kind];
  // `evolution |`: the values of the attribute
  if (prev && !prev.group && place) {
    const word = prev.token.image;
    const key = attributeKey(place, word);
    const isKeyword = keywords[word] === prev.token.tokenType || kind === 'qualities';
    if (isKeyword && offerValues(c, key)) return true;
  }
  const list = c.prevIs(',') || (prev && keywordUnit(prev, listKeywords)) ? listKeyword(c) : undefined;
  if (list && (kind !== 'top' || list !== 'contains')) {
    names(c, list);
    return true;
  }
  if (kind === 'qualities') {
    if (prev && !prev.group && !isStringToken(prev.token) && prev.token.image in qualityStrings) return true; // a string follows
    for (const row of attributesIn('qualities')) c.out.add({ label: row.keyword, kind: 'keyword', documentation: `${row.meaning} ${valuesOf(row).join(', ')}.` });
    for (const [word, meaning] of Object.entries(qualityStrings)) c.out.add({ label: word, kind: 'keyword', documentation: `${meaning.meaning} A string.` });
    return true;
  }
  const block = keywordBlocks[kind];
  if (block) {
    if (prev && !prev.group && keywords[prev.token.image] === prev.token.tokenType && !isStringToken(prev.token)) return true; // a name or a string follows
    c.out.keywords(keywordsIn(block));
    return true;
  }
  return false;
}

/** The keywords a context map's body holds besides relationships, and a relationship's block besides shared names. */
export const mapKeywords = keywordsIn('contextmap');
export const relationshipKeywords = keywordsIn('relationship');
