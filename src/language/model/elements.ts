/**
 * The elements of a DDD model, as the parser builds them and the linker connects them.
 *
 * Every element keeps the document it came from (`uri`) and its source ranges as
 * character offsets (`range` for the whole declaration, `nameRange` for its name);
 * offsets become line and column only at the edges (LSP, CLI) through a LineIndex.
 * References keep the text as written and, after linking, their `target`.
 */
import type { StickyType } from '../syntax/constructs';

/** Offsets into a document's text; `end` is exclusive. */
export interface TextRange {
  start: number;
  end: number;
}

export type SubdomainType = 'core' | 'supporting' | 'generic';

export type ElementKind =
  | 'domain'
  | 'subdomain'
  | 'context'
  | 'contextmap'
  | 'relationship'
  | 'aggregate'
  | 'entity'
  | 'value'
  | 'enum'
  | 'command'
  | 'event'
  | 'repository'
  | 'service'
  | 'stream'
  | 'readmodel'
  | 'saga'
  | 'storming'
  | 'term'
  | 'field'
  | 'operation'
  | 'enumValue'
  | 'sagaStep'
  | 'reaction'
  | 'sticky'
  // ---- Context Mapper parity: strategic design and requirements (issue 13)
  | 'team'
  | 'usecase'
  | 'story'
  | 'stakeholders'
  | 'stakeholderGroup'
  | 'stakeholder'
  | 'valueRegister'
  | 'valueCluster'
  | 'valueItem'
  // tactical details and the application layer (Context Mapper parity)
  | 'module'
  | 'application'
  | 'flow'
  | 'flowStep'
  | 'coordination';

/** A name as written in the source, with where it is written. */
export interface Name {
  text: string;
  range: TextRange;
}

/**
 * A use of a name that should denote a declaration. `soft` references (names on
 * storming boards and in sagas) may stay unresolved without being an error.
 */
export interface Reference {
  text: string;
  range: TextRange;
  uri: string;
  expected: readonly ElementKind[];
  soft: boolean;
  /** The context the reference is written in, for scoped lookup. */
  scopeContext?: string;
  /** The aggregate the reference is written in, for scoped lookup. */
  scopeAggregate?: Aggregate;
  /** Set by the linker. */
  target?: Declaration;
  /** Set by the linker when several declarations match a bare name. */
  candidates?: Declaration[];
}

interface DeclarationBase {
  name: string;
  uri: string;
  range: TextRange;
  nameRange: TextRange;
  description?: string;
}

export interface DomainDeclaration extends DeclarationBase {
  kind: 'domain';
  subdomains: Subdomain[];
}

export interface Subdomain extends DeclarationBase {
  kind: 'subdomain';
  type?: SubdomainType;
  domain: DomainDeclaration;
  /** Linked: contexts whose `implements` names this subdomain. */
  implementedBy: BoundedContext[];
  // ---- Context Mapper parity (issue 13): an optional body and `supports`
  /** The use cases and user stories it serves (`supports GetOffer, UpdateAddress`). */
  supports?: Reference[];
  vision?: string;
  /** The problem space's own sketch of its concepts: named here, not in any context. */
  entities?: Entity[];
  values?: ValueObject[];
  services?: DomainService[];
  /** The references written in its body: they name its own entities and values first. */
  localReferences?: Reference[];
}

/** What a bounded context holds: the same lists for one `context` block (as parsed) and for the merged context (as linked). */
export interface ContextMembers {
  glossary: GlossaryTerm[];
  aggregates: Aggregate[];
  repositories: Repository[];
  services: DomainService[];
  streams: EventStream[];
  readModels: ReadModel[];
  /** Building blocks declared in the context outside any aggregate (shared types, events). */
  entities: Entity[];
  values: ValueObject[];
  enums: EnumType[];
  commands: Command[];
  events: DomainEvent[];
  /** `module Name { … }`: groups of aggregates and building blocks (their members are in the lists above). */
  modules: Module[];
  /** `application { … }`: the application layer (its services, commands and events are in the lists above). */
  applications: Application[];
}

/** One `context X ... { }` block; blocks with the same name merge into a BoundedContext. */
export interface ContextDeclaration extends DeclarationBase, ContextMembers, StrategicAttributes {
  kind: 'contextDeclaration';
  implements: Reference[];
  external: boolean;
  owner?: Name;
  /** `owner CustomerTeam`: the owner named as a team (issue 13). */
  ownerTeam?: Reference;
  /** `refines CustomerCore` (issue 13). */
  refines?: Reference[];
  /** Linked. */
  context?: BoundedContext;
}

/** A bounded context: all declarations of one name across the workspace, merged. */
export interface BoundedContext extends ContextMembers, StrategicAttributes {
  kind: 'context';
  name: string;
  declarations: ContextDeclaration[];
  /** The first declaration, where "go to definition" lands. */
  primary: ContextDeclaration;
  uri: string;
  range: TextRange;
  nameRange: TextRange;
  description?: string;
  external: boolean;
  owner?: Name;
  subdomains: Subdomain[];
  /** Linked (issue 13): the teams that name this context in `realizes`. */
  teams?: Team[];
}

export interface GlossaryTerm extends DeclarationBase {
  kind: 'term';
  definition: string;
  contextName: string;
}

export interface Aggregate extends DeclarationBase {
  kind: 'aggregate';
  contextName: string;
  eventSourced: boolean;
  entities: Entity[];
  values: ValueObject[];
  enums: EnumType[];
  commands: Command[];
  events: DomainEvent[];
  services: DomainService[];
  invariants: Invariant[];
  // ---- Context Mapper parity (issue 13): the aggregate's attribute lines
  /** False for `aggregate Payouts` written without a body (a sketch). */
  hasBody?: boolean;
  owner?: Name;
  ownerTeam?: Reference;
  responsibilities?: string[];
  /** The use cases and user stories it implements. */
  features?: Reference[];
  /** `changes often` and the `qualities { … }` lines. */
  attributes?: AttributeSetting[];
  /** `zone "Internal"`, `access "Claims handlers"` in `qualities { … }`. */
  qualityNotes?: { keyword: Name; text: string }[];
  /** The module it is declared in. */
  module?: Module;
}

export interface Invariant {
  text: string;
  range: TextRange;
}

/** Where a building block lives: its context, and its aggregate when it has one. */
interface Owned {
  contextName: string;
  aggregate?: Aggregate;
  /** The module it is declared in (outside any aggregate). */
  module?: Module;
  /** The application layer it is declared in. */
  application?: Application;
}

/** `abstract` and `extends`: entities, value objects and events may inherit fields. */
interface Inheriting {
  abstract: boolean;
  /** `extends Base`: an entity, value object, command or event of the same kind. */
  extends?: Reference;
}

export interface Entity extends DeclarationBase, Owned, Inheriting {
  kind: 'entity';
  root: boolean;
  rootRange?: TextRange;
  fields: Field[];
  invariants: Invariant[];
  operations: Operation[];
}

export interface ValueObject extends DeclarationBase, Owned, Inheriting {
  kind: 'value';
  fields: Field[];
  invariants: Invariant[];
  operations: Operation[];
}

export interface EnumType extends DeclarationBase, Owned {
  kind: 'enum';
  values: EnumValue[];
  /** `label: String` before the values: what each value carries (`PETROL("Petrol")`). */
  fields: Field[];
  /** `lifecycle enum`: the states of its aggregate (at most one per aggregate). */
  lifecycle: boolean;
  lifecycleRange?: TextRange;
}

export interface EnumValue extends DeclarationBase {
  kind: 'enumValue';
  /** `PETROL("Petrol")`: the values of the enum's fields, in order. */
  arguments?: LiteralValue[];
}

export interface Command extends DeclarationBase, Owned, Inheriting {
  kind: 'command';
  fields: Field[];
  emits: Reference[];
  /** `writes [PARKED -> MOVING]`: the lifecycle transition it makes. */
  writes?: StateTransition;
}

export interface DomainEvent extends DeclarationBase, Owned, Inheriting {
  kind: 'event';
  fields: Field[];
  applies: Assignment[];
}

export interface Field extends DeclarationBase {
  kind: 'field';
  type?: TypeReference;
  /** `key`: the field is the identity (business key) of its entity. */
  key?: boolean;
}

/** A state of an aggregate's lifecycle, as written in a transition; linked to the lifecycle enum's value. */
export interface LifecycleState {
  text: string;
  range: TextRange;
  /** Set by the linker. */
  target?: EnumValue;
}

/** `X` exclusive, `O` inclusive: a business choice (a gateway); `+`: all of them. */
export type Gateway = 'X' | 'O' | '+';

/** `[PARKED, MOVING -> SCRAPPED X PARKED]`: from states (none: the creation), to states, and the choice among several. */
export interface StateTransition {
  from: LifecycleState[];
  to: LifecycleState[];
  gateway?: Gateway;
  range: TextRange;
}

export type Visibility = 'public' | 'protected' | 'private' | 'internal';

/** `List<OrderItem>`, `Money?`, `Sales.Money`: a type name with arguments. */
export interface TypeReference {
  /** The type as written, normalised: `Map<String, Int>?`. */
  text: string;
  range: TextRange;
  name: Reference;
  args: TypeReference[];
  optional: boolean;
}

export interface Operation extends DeclarationBase {
  kind: 'operation';
  parameters: Field[];
  returns?: TypeReference;
  visibility?: Visibility;
  /** `throws NotFound, Invalid`: the names of what it may raise (not declarations). */
  throws?: Name[];
  /** `reads` (read-only) or `writes` (changes state, with its transition if any). */
  access?: 'reads' | 'writes';
  writes?: StateTransition;
}

export interface Repository extends DeclarationBase {
  kind: 'repository';
  contextName: string;
  aggregate?: Reference;
  operations: Operation[];
  /** The module it is declared in. */
  module?: Module;
}

export interface DomainService extends DeclarationBase {
  kind: 'service';
  contextName: string;
  operations: Operation[];
  /** The aggregate it is declared in. */
  aggregate?: Aggregate;
  module?: Module;
  /** An application service: declared in the context's `application { … }`. */
  application?: Application;
}

// ---------------------------------------------------------------- modules and the application layer

/** `module Vehicles { … }`: a named group of a context's aggregates and building blocks (which stay members of the context). */
export interface Module extends DeclarationBase {
  kind: 'module';
  contextName: string;
}

/** `application [Name] { … }`: the application layer of a context; unnamed, its name is ''. */
export interface Application extends DeclarationBase {
  kind: 'application';
  contextName: string;
  flows: Flow[];
  coordinations: Coordination[];
}

/** A flow of the application layer: commands and operations delegated to aggregates, and the events that trigger the next. */
export interface Flow extends DeclarationBase {
  kind: 'flow';
  contextName: string;
  steps: FlowStep[];
}

/**
 * One step of a flow:
 * `command X [by "actor"] [delegates to Agg [A -> B X C]] [emits E1 X E2]` (or `operation x …`), or
 * `event E1 + E2 triggers command Y` (or `operation y`).
 */
export interface FlowStep {
  kind: 'flowStep';
  uri: string;
  range: TextRange;
  /** What the step starts with: `command`, `operation` or `event`. */
  starts: 'command' | 'operation' | 'event';
  /** The command invoked (`command X …`, or what `triggers command` names). */
  commands: Reference[];
  /** The operations invoked, linked to a service operation (expected kinds: none; see model/tactical-links.ts). */
  operations: Reference[];
  /** The choice among what `triggers` names, when it names several. */
  triggerGateway?: Gateway;
  /** `event E1 + E2`: the events that trigger the step (all of them). */
  events: Reference[];
  actor?: Name;
  /** `delegates to Agg`: the aggregate that does the work. */
  delegate?: Reference;
  transition?: StateTransition;
  emits: Reference[];
  emitGateway?: Gateway;
}

/** `coordination C { Context.Service.operation … }`: a chain of service operations across contexts. */
export interface Coordination extends DeclarationBase {
  kind: 'coordination';
  contextName: string;
  steps: CoordinationStep[];
}

/** `Fleet.FleetApplicationService.registerVehicle`: each part a reference of its own. */
export interface CoordinationStep {
  uri: string;
  range: TextRange;
  text: string;
  context?: Reference;
  service?: Reference;
  /** Linked to an operation of the service (expected kinds: none; see model/tactical-links.ts). */
  operation?: Reference;
}

// ---------------------------------------------------------------- event sourcing

export type AssignmentOperator = '=' | '+=' | '-=';

/** `balance += amount`: how an event changes its aggregate's state. */
export interface Assignment {
  field: Name;
  operator: AssignmentOperator;
  expression?: Expression;
  range: TextRange;
}

export type Expression =
  | { kind: 'number'; value: number; range: TextRange }
  | { kind: 'string'; value: string; range: TextRange }
  | { kind: 'boolean'; value: boolean; range: TextRange }
  | { kind: 'name'; name: string; range: TextRange }
  | { kind: 'binary'; operator: '+' | '-' | '*'; left: Expression; right: Expression; range: TextRange };

export type LiteralValue = number | string | boolean;

export interface Argument {
  name: Name;
  value?: LiteralValue;
  range: TextRange;
}

export interface StreamEvent {
  event: Reference;
  arguments: Argument[];
  range: TextRange;
}

export interface Expectation {
  field: Name;
  value?: LiteralValue;
  range: TextRange;
}

export interface EventStream extends DeclarationBase {
  kind: 'stream';
  contextName: string;
  aggregate?: Reference;
  events: StreamEvent[];
  expectations: Expectation[];
}

export interface ReadModel extends DeclarationBase {
  kind: 'readmodel';
  contextName: string;
  sources: Reference[];
  fields: Field[];
}

// ---------------------------------------------------------------- context maps

export type RelationshipArrow = '->' | '<-' | '<->';

export interface RelationshipSide {
  context?: Reference;
  roles: Name[];
}

export interface ContextMap extends DeclarationBase {
  kind: 'contextmap';
  relationships: Relationship[];
  /** `kind landscape`, `state tobe` (issue 13). */
  attributes?: AttributeSetting[];
  /** `contains A, B`: contexts on the map without a relationship (issue 13). */
  contains?: Reference[];
}

export interface Relationship {
  kind: 'relationship';
  uri: string;
  range: TextRange;
  map: ContextMap;
  left: RelationshipSide;
  right: RelationshipSide;
  arrow?: RelationshipArrow;
  arrowRange?: TextRange;
  /** What a shared kernel shares: `{ Money }`. */
  shared: Reference[];
  description?: string;
  // ---- Context Mapper parity (issue 13)
  /** `as CustomerFrontend`. */
  name?: Name;
  /** The upstream's exposed aggregates: linked in the upstream context (model/strategic-links.ts). */
  exposes?: Reference[];
  technology?: string;
  /** `rights influencer`. */
  attributes?: AttributeSetting[];
}

// ---------------------------------------------------------------- sagas

export interface StateName {
  text: string;
  range: TextRange;
}

export interface Compensation {
  none: boolean;
  command?: Reference;
  state?: StateName;
  range: TextRange;
}

export interface SagaStep {
  kind: 'sagaStep';
  uri: string;
  range: TextRange;
  command?: Reference;
  participant?: Reference;
  reply?: Reference;
  successState?: StateName;
  failure?: { state?: StateName; range: TextRange };
  compensation?: Compensation;
  idempotent: boolean;
}

export type JoinKind = 'single' | 'or' | 'and' | 'mixed';

export interface SagaReaction {
  kind: 'reaction';
  uri: string;
  range: TextRange;
  participant?: Reference;
  triggers: Reference[];
  join: JoinKind;
  compensates: boolean;
  idempotent: boolean;
  emits: Reference[];
  /** `else X`: the failure outcome of the reaction. */
  otherwise: Reference[];
}

export interface Saga extends DeclarationBase {
  kind: 'saga';
  style: 'orchestrated' | 'choreographed';
  orchestrator?: Reference;
  start?: StateName;
  steps: SagaStep[];
  reactions: SagaReaction[];
}

// ---------------------------------------------------------------- event storming

/** The sticky types are the storming rows of the constructs table. */
export type { StickyType } from '../syntax/constructs';

export interface Sticky {
  kind: 'sticky';
  type: StickyType;
  uri: string;
  range: TextRange;
  /** The sticky's name (for a hotspot, its question). */
  text: string;
  textRange: TextRange;
  /** What the sticky stands for in the model, when it names a declaration. */
  ref?: Reference;
  description?: string;
  by?: Reference;
  on?: Reference;
  when: Reference[];
  then: Reference[];
  from: Reference[];
}

export interface StormingBoard extends DeclarationBase {
  kind: 'storming';
  stickies: Sticky[];
}

// ---------------------------------------------------------------- unions

/** A top-level declaration of a file. */
export type TopLevelDeclaration = DomainDeclaration | ContextDeclaration | ContextMap | Saga | StormingBoard | RequirementsDeclaration;

/** Anything a reference may resolve to. */
export type Declaration =
  | DomainDeclaration
  | Subdomain
  | BoundedContext
  | ContextMap
  | Aggregate
  | Entity
  | ValueObject
  | EnumType
  | EnumValue
  | Command
  | DomainEvent
  | Repository
  | DomainService
  | EventStream
  | ReadModel
  | Saga
  | StormingBoard
  | GlossaryTerm
  | Field
  | Operation
  | Team
  | Requirement
  | StakeholderRegister
  | StakeholderGroup
  | Stakeholder
  | ValueRegister
  | ValueCluster
  | ValueItem
  | Module
  | Application
  | Flow
  | Coordination;

/** A type declared in the model (as opposed to a built-in or an identity type). */
export type DeclaredType = Entity | ValueObject | EnumType | Command | DomainEvent;


// ---------------------------------------------------------------- Context Mapper parity: strategic design and requirements (issue 13)

/**
 * An enumerated attribute as written (`evolution custom`, `security high`): any
 * name is accepted by the grammar; model/attribute-values.ts says which are valid.
 */
export interface AttributeSetting {
  /** The key of its row in model/attribute-values.ts: `context.evolution`, `qualities.security`. */
  attribute: string;
  /** The attribute's keyword (or, in `qualities { … }`, its name) as written. */
  keyword: Name;
  /** The value; empty text when recovery lost it. */
  value: Name;
}

/** The attribute lines a bounded context and a team share. */
export interface StrategicAttributes {
  /** `kind`, `knowledge`, `evolution`. */
  attributes?: AttributeSetting[];
  vision?: string;
  responsibilities?: string[];
  technology?: string;
  businessModel?: string;
}

/** `team CustomerTeam realizes CustomerManagement { … }`: the team that builds contexts. */
export interface Team extends DeclarationBase, StrategicAttributes {
  kind: 'team';
  realizes: Reference[];
  /** `implements Claims`: the subdomains the team works on (as Context Mapper's teams say). */
  implements: Reference[];
}

/** `create "Offer" with "address", "age"`: what an actor does to what. */
export interface Interaction {
  verb: Name;
  object?: string;
  attributes: string[];
  /** `for "Claimant"`: what the object belongs to (`close "Claim" for "Claimant"`). */
  container?: string;
  range: TextRange;
}

/** A use case (`usecase`) or a user story (`story`): what someone needs of the system. */
export interface Requirement extends DeclarationBase {
  kind: 'usecase' | 'story';
  /** A use case's `actor`, a story's `as`. */
  actor?: string;
  /** A use case's `interactions`, a story's `want`. */
  interactions: Interaction[];
  /** A use case's `benefit`, a story's `so`. */
  benefit?: string;
  scope?: string;
  level?: string;
}

/** `stakeholders for Claims { … }` (or for the whole model). */
export interface StakeholderRegister extends DeclarationBase {
  kind: 'stakeholders';
  context?: Reference;
  groups: StakeholderGroup[];
  stakeholders: Stakeholder[];
}

export interface StakeholderGroup extends DeclarationBase {
  kind: 'stakeholderGroup';
  stakeholders: Stakeholder[];
}

/** `stakeholder Regulator { influence medium  interest low "…" }`. */
export interface Stakeholder extends DeclarationBase {
  kind: 'stakeholder';
  /** `influence`, `interest`. */
  attributes: AttributeSetting[];
}

/** `values ClaimsValues for Claims { … }`: a value register. */
export interface ValueRegister extends DeclarationBase {
  kind: 'valueRegister';
  context?: Reference;
  clusters: ValueCluster[];
  values: ValueItem[];
}

export interface ValueCluster extends DeclarationBase {
  kind: 'valueCluster';
  /** `core autonomy`: the cluster's core value. */
  core?: Name;
  demonstrators: string[];
  values: ValueItem[];
  /** The stakeholders the whole cluster matters to (CML's value elicitations), with their `priority` and `impact`. */
  stakeholders: ValueStakeholder[];
}

/** A value of a register or a cluster: `value Privacy { core  demonstrator "…"  stakeholder P { priority high … } }`. */
export interface ValueItem extends DeclarationBase {
  kind: 'valueItem';
  core: boolean;
  demonstrators: string[];
  /** The stakeholders it matters to, with their `priority` and `impact`. */
  stakeholders: ValueStakeholder[];
}

export interface ValueStakeholder {
  stakeholder: Reference;
  attributes: AttributeSetting[];
  description?: string;
  /** `good "…"`, `bad "…" action "…" act`: what the system does to the value for this stakeholder. */
  consequences?: ValueConsequence[];
  range: TextRange;
}

/** A consequence of the system for a value and a stakeholder, and what to do about it (`act`, `monitor`, or in words). */
export interface ValueConsequence {
  kind: 'good' | 'bad' | 'neutral';
  text: string;
  action?: { text: string; type: string };
  range: TextRange;
}

/** The top-level declarations of this block. */
export type RequirementsDeclaration = Team | Requirement | StakeholderRegister | ValueRegister;
// ---- end of the strategic and requirements block
