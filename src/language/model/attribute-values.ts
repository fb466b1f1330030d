/**
 * The enumerated attributes of the language (`evolution custom`, `rights vetoright`,
 * `security high`, …): for each, where it is written, what it means, and the values
 * it takes with their meaning and their Context Mapper (CML) spelling.
 *
 * The grammar accepts any name as a value; this one table is read by the
 * `attribute-value` rule, completion (after `evolution ` the values), hover, the
 * docs and the CML import and export. A new attribute is one row here.
 */

/** Where an attribute line is written (the block that holds it). */
export type AttributePlace = 'context' | 'contextmap' | 'relationship' | 'aggregate' | 'qualities' | 'stakeholder' | 'valueStakeholder';

export interface AttributeValue {
  /** What the value means, for hover and completion. */
  meaning: string;
  /** Its spelling in Context Mapper's CML. */
  cml: string;
}

export interface AttributeDefinition {
  /** The keyword (or, in `qualities { … }`, the name) that starts the line. */
  readonly keyword: string;
  readonly place: AttributePlace;
  /** What the attribute says, in a DDD practitioner's words. */
  readonly meaning: string;
  /** Its name in CML (`evolution`, `downstreamRights`, `securityCriticality`). */
  readonly cml: string;
  /** The valid values, in the order they are offered. */
  readonly values: Readonly<Record<string, AttributeValue>>;
  /** Values that are not valid here but mean something elsewhere, with what to write instead. */
  readonly misplaced?: Readonly<Record<string, string>>;
}

const lowNormalHigh = (what: string): Record<string, AttributeValue> => ({
  low: { meaning: `little harm if its ${what} suffers`, cml: 'LOW' },
  normal: { meaning: `its ${what} matters as much as most`, cml: 'NORMAL' },
  high: { meaning: `its ${what} is critical`, cml: 'HIGH' },
});

const rarelyNormalOften = (what: string): Record<string, AttributeValue> => ({
  rarely: { meaning: `${what} rarely`, cml: 'RARELY' },
  normal: { meaning: `${what} now and then`, cml: 'NORMAL' },
  often: { meaning: `${what} often`, cml: 'OFTEN' },
});

const lowMediumHigh: Record<string, AttributeValue> = {
  low: { meaning: 'low', cml: 'LOW' },
  medium: { meaning: 'medium', cml: 'MEDIUM' },
  high: { meaning: 'high', cml: 'HIGH' },
};

export const attributeDefinitions = [
  {
    keyword: 'kind',
    place: 'context',
    meaning: 'What the bounded context is: a feature, an application or a whole system.',
    cml: 'type',
    values: {
      feature: { meaning: 'a feature: one capability of a larger application', cml: 'FEATURE' },
      application: { meaning: 'an application: a deployable unit users work with', cml: 'APPLICATION' },
      system: { meaning: 'a system: several applications under one model', cml: 'SYSTEM' },
    },
    misplaced: { team: 'a team is declared on its own: `team Name realizes ThisContext`' },
  },
  {
    keyword: 'knowledge',
    place: 'context',
    meaning: 'The knowledge level of its model: rules about rules (meta) or the things themselves (concrete).',
    cml: 'knowledgeLevel',
    values: {
      meta: { meaning: 'a meta model: it describes the rules other models follow (knowledge level)', cml: 'META' },
      concrete: { meaning: 'a concrete model: it describes the things themselves (operational level)', cml: 'CONCRETE' },
    },
  },
  {
    keyword: 'evolution',
    place: 'context',
    meaning: 'How far the capability has evolved (Wardley): genesis, custom-built, product, commodity.',
    cml: 'evolution',
    values: {
      genesis: { meaning: 'genesis: new, uncertain, explored by experiment', cml: 'GENESIS' },
      custom: { meaning: 'custom-built: understood well enough to build, still built by hand', cml: 'CUSTOM_BUILT' },
      product: { meaning: 'product (or rental): bought or rented, configured rather than built', cml: 'PRODUCT' },
      commodity: { meaning: 'commodity: standard, a utility; buy it', cml: 'COMMODITY' },
    },
  },
  {
    keyword: 'kind',
    place: 'contextmap',
    meaning: 'What the map shows: how systems integrate (landscape) or how teams work together (organisational).',
    cml: 'type',
    values: {
      landscape: { meaning: 'a system landscape: the bounded contexts and how they integrate', cml: 'SYSTEM_LANDSCAPE' },
      organisational: { meaning: 'an organisational map: the teams and how they depend on each other', cml: 'ORGANIZATIONAL' },
    },
  },
  {
    keyword: 'state',
    place: 'contextmap',
    meaning: 'Whether the map shows how things are or how they should become.',
    cml: 'state',
    values: {
      asis: { meaning: 'as-is: the integration as it is today', cml: 'AS_IS' },
      tobe: { meaning: 'to-be: the integration as it should become', cml: 'TO_BE' },
    },
  },
  {
    keyword: 'rights',
    place: 'relationship',
    meaning: "How much say the downstream has in the upstream's model.",
    cml: 'downstreamRights',
    values: {
      influencer: { meaning: 'influencer: the downstream is heard', cml: 'INFLUENCER' },
      opinionleader: { meaning: 'opinion leader: the downstream shapes what others ask for', cml: 'OPINION_LEADER' },
      vetoright: { meaning: 'veto right: the downstream can stop a change', cml: 'VETO_RIGHT' },
      decisionmaker: { meaning: 'decision maker: the downstream decides', cml: 'DECISION_MAKER' },
      monopolist: { meaning: 'monopolist: the downstream alone decides', cml: 'MONOPOLIST' },
    },
  },
  {
    keyword: 'changes',
    place: 'aggregate',
    meaning: 'How likely the aggregate is to change (a reason to keep it apart from stabler ones).',
    cml: 'likelihoodForChange',
    values: rarelyNormalOften('changes'),
  },
  { keyword: 'security', place: 'qualities', meaning: 'How critical its security is.', cml: 'securityCriticality', values: lowNormalHigh('security') },
  { keyword: 'availability', place: 'qualities', meaning: 'How critical its availability is.', cml: 'availabilityCriticality', values: lowNormalHigh('availability') },
  { keyword: 'consistency', place: 'qualities', meaning: 'How critical its consistency is.', cml: 'consistencyCriticality', values: lowNormalHigh('consistency') },
  {
    keyword: 'storage',
    place: 'qualities',
    meaning: 'How much it stores, compared with the rest of the model.',
    cml: 'storageSimilarity',
    values: {
      tiny: { meaning: 'tiny: little data', cml: 'TINY' },
      normal: { meaning: 'normal: as much as most', cml: 'NORMAL' },
      huge: { meaning: 'huge: much more data than most', cml: 'HUGE' },
    },
  },
  { keyword: 'volatility', place: 'qualities', meaning: 'How often its content changes.', cml: 'contentVolatility', values: rarelyNormalOften('its content changes') },
  { keyword: 'influence', place: 'stakeholder', meaning: 'How much the stakeholder can influence the system.', cml: 'influence', values: lowMediumHigh },
  { keyword: 'interest', place: 'stakeholder', meaning: 'How much the stakeholder cares about the system.', cml: 'interest', values: lowMediumHigh },
  { keyword: 'priority', place: 'valueStakeholder', meaning: 'How much the value matters to the stakeholder.', cml: 'priority', values: lowMediumHigh },
  { keyword: 'impact', place: 'valueStakeholder', meaning: 'How much the system affects the value for the stakeholder.', cml: 'impact', values: lowMediumHigh },
] as const satisfies readonly AttributeDefinition[];

/** The free-text lines of `qualities { … }` (strings, not enumerated values). */
export const qualityStrings: Readonly<Record<string, { meaning: string; cml: string }>> = {
  zone: { meaning: 'The security zone it lives in.', cml: 'securityZone' },
  access: { meaning: 'Who may access it (the security access group).', cml: 'securityAccessGroup' },
};

/** The key of an attribute: where it is written and its keyword (`context.evolution`). */
/** What to do about a value's consequence when it is not said in words (`bad "…" action "Cap the shifts" act`). */
export const consequenceActions: readonly string[] = ['act', 'monitor'];

export function attributeKey(place: AttributePlace, keyword: string): string {
  return `${place}.${keyword}`;
}

const byKey = new Map<string, AttributeDefinition>((attributeDefinitions as readonly AttributeDefinition[]).map((row) => [attributeKey(row.place, row.keyword), row]));

/** The definition of an attribute by its key, if it exists. */
export function attributeDefinition(key: string): AttributeDefinition | undefined {
  return byKey.get(key);
}

/** The attributes that may be written in a place, in table order. */
export function attributesIn(place: AttributePlace): AttributeDefinition[] {
  return (attributeDefinitions as readonly AttributeDefinition[]).filter((row) => row.place === place);
}

/** The valid values of an attribute, in order. */
export function valuesOf(definition: AttributeDefinition): string[] {
  return Object.keys(definition.values);
}

/** The table as Markdown, for docs/language.md (a test keeps the two the same). */
export function attributeValuesMarkdown(): string {
  const where: Record<AttributePlace, string> = {
    context: 'context, team',
    contextmap: 'context map',
    relationship: 'relationship',
    aggregate: 'aggregate',
    qualities: 'aggregate `qualities`',
    stakeholder: 'stakeholder',
    valueStakeholder: 'stakeholder of a value',
  };
  const rows = (attributeDefinitions as readonly AttributeDefinition[]).map(
    (row) => `| \`${row.keyword}\` | ${row.place === 'context' && row.keyword === 'kind' ? 'context' : where[row.place]} | ${valuesOf(row).map((value) => `\`${value}\``).join(', ')} | ${row.meaning} | \`${row.cml}\` |`,
  );
  return ['| attribute | where | values | meaning | CML |', '|---|---|---|---|---|', ...rows].join('\n');
}
