/**
 * A CML model as our CML parser reads it: close to Context Mapper's grammar,
 * with every node's place (offset and one-based line) so the importer can carry
 * comments over and say where something was dropped.
 */
import type { CmlComment } from './lexer';

export interface Located {
  at: number;
  line: number;
}

/** A name used to refer to something (`Customers`, `^type`: written without the caret). */
export interface CmlRef extends Located {
  name: string;
}

/** An attribute line with a single value: `type = FEATURE`, `implementationTechnology "Java"`, `owner = Team`. */
export interface CmlSetting extends Located {
  key: string;
  /** Enum literals and names as written; strings unquoted. */
  values: string[];
  quoted: boolean;
}

/** A Sculptor option or modifier: `key`, `nullable`, `!changeable`, `hint = "…"`, `databaseTable = "T"`. */
export interface CmlOption extends Located {
  name: string;
  negated: boolean;
  value?: string;
}

export interface CmlModel {
  imports: (Located & { uri: string })[];
  map?: CmlContextMap;
  contexts: CmlBoundedContext[];
  domains: CmlDomain[];
  requirements: CmlRequirement[];
  stakeholders: CmlStakeholders[];
  valueRegisters: CmlValueRegister[];
  comments: CmlComment[];
}

// ---------------------------------------------------------------- strategic

export interface CmlContextMap extends Located {
  name?: string;
  settings: CmlSetting[];
  contains: CmlRef[];
  relationships: CmlRelationship[];
  end: number;
}

export type CmlRelationshipKind = 'partnership' | 'sharedKernel' | 'upstreamDownstream' | 'customerSupplier';

export interface CmlRelationship extends Located {
  kind: CmlRelationshipKind;
  /** Symmetric: the two participants; otherwise upstream first. */
  first: CmlRef;
  second: CmlRef;
  upstreamRoles: string[];
  downstreamRoles: string[];
  name?: string;
  /** `A <-> B`: a shared kernel written without roles. */
  bare: boolean;
  settings: CmlSetting[];
  exposedAggregates: CmlRef[];
  end: number;
}

export type CmlContextType = 'FEATURE' | 'APPLICATION' | 'SYSTEM' | 'TEAM' | 'UNDEFINED';

export interface CmlBoundedContext extends Located {
  name: string;
  implements: CmlRef[];
  realizes: CmlRef[];
  refines?: CmlRef;
  settings: CmlSetting[];
  application?: CmlApplication;
  modules: CmlModule[];
  aggregates: CmlAggregate[];
  services: CmlService[];
  end: number;
}

export interface CmlDomain extends Located {
  name: string;
  settings: CmlSetting[];
  subdomains: CmlSubdomain[];
  end: number;
}

export interface CmlSubdomain extends Located {
  name: string;
  supports: CmlRef[];
  settings: CmlSetting[];
  entities: CmlDomainObject[];
  services: CmlService[];
  hasBody: boolean;
  end: number;
}

export interface CmlAggregate extends Located {
  doc?: string;
  name: string;
  settings: CmlSetting[];
  services: CmlService[];
  objects: CmlDomainObject[];
  /** Resources and consumers (Sculptor's REST and messaging parts). */
  unsupported: (Located & { what: string; name: string })[];
  hasBody: boolean;
  end: number;
}

export interface CmlModule extends Located {
  doc?: string;
  name: string;
  options: CmlOption[];
  aggregates: CmlAggregate[];
  services: CmlService[];
  objects: CmlDomainObject[];
  unsupported: (Located & { what: string; name: string })[];
  end: number;
}

// ---------------------------------------------------------------- application layer

export interface CmlApplication extends Located {
  name?: string;
  commands: CmlDomainObject[];
  events: CmlDomainObject[];
  services: CmlService[];
  flows: CmlFlow[];
  coordinations: CmlCoordination[];
  end: number;
}

export interface CmlFlow extends Located {
  name: string;
  steps: CmlFlowStep[];
  end: number;
}

/** `+` all of them, `X` exactly one, `O` one or more. */
export type CmlGateway = '+' | 'X' | 'O';

export type CmlFlowStep =
  | (Located & {
      kind: 'emits';
      action: 'command' | 'operation';
      name: CmlRef;
      actor?: string;
      aggregate?: CmlRef;
      transition?: CmlStateTransition;
      events: CmlRef[];
      gateway?: CmlGateway;
    })
  | (Located & { kind: 'triggers'; events: CmlRef[]; action: 'command' | 'operation'; targets: CmlRef[]; gateway?: CmlGateway });

export interface CmlCoordination extends Located {
  name: string;
  steps: (Located & { context: string; service: string; operation: string })[];
  end: number;
}

export interface CmlStateTransition extends Located {
  from: CmlRef[];
  /** Several targets: exactly one of them (`X`). */
  to: (CmlRef & { end: boolean })[];
}

// ---------------------------------------------------------------- tactic DDD

export type CmlObjectKind = 'Entity' | 'ValueObject' | 'DomainEvent' | 'CommandEvent' | 'DataTransferObject' | 'BasicType' | 'Trait' | 'Enum';

/** A type as written: `String`, `List<Customer>`, `Map<String, @Address>`, `PagedResult<@Order>`. */
export interface CmlType {
  name: string;
  args: CmlType[];
}

export interface CmlAttribute extends Located {
  doc?: string;
  visibility?: string;
  /** A reference (`- @Address address`) rather than a plain attribute. */
  reference: boolean;
  type: CmlType;
  name: string;
  key: boolean;
  nullable: boolean;
  /** Every other modifier (validation, persistence), which has no .ddd meaning. */
  options: CmlOption[];
}

export interface CmlParameter extends Located {
  type: CmlType;
  name: string;
}

export interface CmlOperation extends Located {
  doc?: string;
  visibility?: string;
  abstract: boolean;
  /** Undefined: none written; `void` is a CmlType named void. */
  returns?: CmlType;
  name: string;
  parameters: CmlParameter[];
  throws: string[];
  options: CmlOption[];
  access?: 'read-only' | 'write';
  transition?: CmlStateTransition;
}

export interface CmlEnumValue extends Located {
  name: string;
  parameters: string[];
}

export interface CmlDomainObject extends Located {
  kind: CmlObjectKind;
  /** The keyword as written (`Event` or `DomainEvent`, `Command` or `CommandEvent`). */
  keyword: string;
  doc?: string;
  abstract: boolean;
  name: string;
  extends?: string;
  traits: CmlRef[];
  options: CmlOption[];
  attributes: CmlAttribute[];
  operations: CmlOperation[];
  associations: CmlRef[];
  repository?: CmlRepository;
  /** Enums only. */
  enumAttributes: CmlAttribute[];
  values: CmlEnumValue[];
  hasBody: boolean;
  end: number;
}

export interface CmlService extends Located {
  doc?: string;
  name: string;
  options: CmlOption[];
  dependencies: CmlRef[];
  operations: CmlOperation[];
  end: number;
}

export interface CmlRepository extends CmlService {}

// ---------------------------------------------------------------- requirements

/** `create an "Offer" with its "address", "age" for a "Customer"` */
export interface CmlFeature extends Located {
  verb: string;
  entity: string;
  attributes: string[];
  container?: string;
}

export interface CmlUseCase extends Located {
  kind: 'UseCase';
  name: string;
  settings: CmlSetting[];
  interactions: CmlFeature[];
  end: number;
}

export interface CmlUserStory extends Located {
  kind: 'UserStory';
  name: string;
  splitBy?: CmlRef;
  role?: string;
  features: CmlFeature[];
  benefit?: string;
  valuation?: Located & { promoted: string[]; harmed: string[] };
  end: number;
}

export type CmlRequirement = CmlUseCase | CmlUserStory;

export interface CmlStakeholder extends Located {
  kind: 'Stakeholder';
  name: string;
  settings: CmlSetting[];
  end: number;
}

export interface CmlStakeholderGroup extends Located {
  kind: 'StakeholderGroup';
  name: string;
  stakeholders: CmlStakeholder[];
  end: number;
}

export interface CmlStakeholders extends Located {
  contexts: CmlRef[];
  entries: (CmlStakeholder | CmlStakeholderGroup)[];
  end: number;
}

export interface CmlElicitation extends Located {
  stakeholder: CmlRef;
  settings: CmlSetting[];
  consequences: (Located & { type: string; text: string; action?: { text: string; type: string } })[];
  end: number;
}

export interface CmlValue extends Located {
  name: string;
  isCore: boolean;
  settings: CmlSetting[];
  elicitations: CmlElicitation[];
  end: number;
}

export interface CmlValueCluster extends CmlValue {
  values: CmlValue[];
}

export interface CmlValueRegister extends Located {
  name: string;
  context?: CmlRef;
  clusters: CmlValueCluster[];
  values: CmlValue[];
  /** Value epics, narratives and weightings: read, not carried over. */
  others: (Located & { what: string; name: string })[];
  end: number;
}
