/** Domains, subdomains, bounded contexts with their glossary and members, and context maps. */
import type {
  ContextDeclaration,
  ContextMap,
  DomainDeclaration,
  DomainService,
  Relationship,
  RelationshipSide,
  Subdomain,
  Team,
} from '../../model/elements';
import { placeholderContext, placeholderDomain, placeholderMap, starts, kinds, expectedMember } from './grammar-support';
import { newContextDeclaration } from '../element-shapes';
import { EventSourcingGrammar } from './event-sourcing-grammar';
import * as T from '../tokens';
import { tokenEnd, tokenStart } from '../tokens';

export abstract class StrategicGrammar extends EventSourcingGrammar {
  protected domain = this.RULE('domain', () => {
    const keyword = this.CONSUME(T.Domain);
    const name = this.consumeNamed(T.Identifier);
    const domain: DomainDeclaration = {
      kind: 'domain',
      name: name.text,
      uri: this.uri,
      range: this.tokenRange(keyword),
      nameRange: name.range,
      subdomains: [],
    };
    if (!this.RECORDING_PHASE) this.declarations.push(domain);
    this.OPTION(() => (domain.description = this.SUBRULE(this.stringValue)));
    this.OPTION2(() => {
      this.CONSUME(T.LCurly);
      this.members(expectedMember.domain, starts.domain, () => this.SUBRULE(this.subdomain, { ARGS: [domain] }));
      this.CONSUME(T.RCurly);
    });
    this.close(domain.range);
  });

  protected subdomain = this.RULE('subdomain', (domain: DomainDeclaration = placeholderDomain) => {
    const start = this.LA(1);
    let type: 'core' | 'supporting' | 'generic' | undefined;
    this.OPTION(() => {
      type = this.OR([
        { ALT: () => (this.CONSUME(T.Core), 'core' as const) },
        { ALT: () => (this.CONSUME(T.Supporting), 'supporting' as const) },
        { ALT: () => (this.CONSUME(T.Generic), 'generic' as const) },
      ]);
    });
    this.CONSUME(T.Subdomain);
    const name = this.consumeNamed(T.Identifier);
    if (!this.RECORDING_PHASE) domain.subdomains.push({
        kind: 'subdomain',
        name: name.text,
        uri: this.uri,
        range: { start: tokenStart(start), end: name.range.end },
        nameRange: name.range,
        domain,
        implementedBy: [],
        ...(type ? { type } : {}),
      });
    this.OPTION2(() => {
      const description = this.SUBRULE(this.stringValue);
      if (!this.RECORDING_PHASE) {
        const subdomain = domain.subdomains[domain.subdomains.length - 1]!;
        subdomain.description = description;
        this.close(subdomain.range);
      }
    });
    // ---- Context Mapper parity (issue 13): `supports UseCase, Story` and an optional body
    this.OPTION3(() => {
      this.CONSUME(T.Supports);
      const subdomain = this.RECORDING_PHASE ? undefined : domain.subdomains[domain.subdomains.length - 1];
      this.SUBRULE(this.nameList, { ARGS: [kinds.requirement, false, subdomain ? (subdomain.supports ??= []) : []] });
      if (subdomain) this.close(subdomain.range);
    });
    this.OPTION4(() => {
      const subdomain = this.RECORDING_PHASE ? undefined : domain.subdomains[domain.subdomains.length - 1];
      this.SUBRULE(this.subdomainBody, { ARGS: [subdomain] });
      if (subdomain) this.close(subdomain.range);
    });
  });

  /** What a subdomain's body holds: its vision, and its own entities, values and services. */
  private bodySubdomain: Subdomain | undefined;

  protected subdomainBody = this.RULE('subdomainBody', (subdomain: Subdomain | undefined = undefined) => {
    this.CONSUME(T.LCurly);
    const first = this.references.length;
    const home = subdomain ? `${subdomain.domain.name}.${subdomain.name}` : '';
    const entities = subdomain ? (subdomain.entities ??= []) : [];
    const values = subdomain ? (subdomain.values ??= []) : [];
    const services: DomainService[] = subdomain ? (subdomain.services ??= []) : [];
    // the building blocks' rules take a context-like holder: the subdomain's lists, named by the subdomain
    const holder = { ...placeholderContext, name: home, entities, values, services, enums: [], commands: [], events: [] };
    if (!this.RECORDING_PHASE) {
      this.bodySubdomain = subdomain;
      this.scopeContext = undefined;
      this.scopeAggregate = undefined;
    }
    this.members(expectedMember.subdomain, starts.subdomain, () =>
      this.OR([
        {
          ALT: () => {
            this.CONSUME(T.Vision);
            const vision = this.SUBRULE(this.stringValue);
            if (this.bodySubdomain) this.bodySubdomain.vision = vision;
          },
        },
        { ALT: () => this.SUBRULE(this.entity, { ARGS: [holder, { contextName: home }] }) },
        { ALT: () => this.SUBRULE(this.valueObject, { ARGS: [holder, { contextName: home }] }) },
        { ALT: () => this.SUBRULE(this.service, { ARGS: [holder] }) },
      ]),
    );
    this.CONSUME(T.RCurly);
    if (subdomain && !this.RECORDING_PHASE) subdomain.localReferences = this.references.slice(first);
  });

  protected context = this.RULE('context', () => {
    const keyword = this.CONSUME(T.Context);
    const name = this.consumeNamed(T.Identifier);
    const context = newContextDeclaration(name, this.uri, this.tokenRange(keyword));
    if (!this.RECORDING_PHASE) {
      this.declarations.push(context);
      this.scopeContext = name.text;
    }
    this.MANY({
      GATE: () => this.skipToMember("a context's header: expected implements, refines, external, a description or {", starts.contextHeader) && this.LA(1).tokenType !== T.LCurly,
      DEF: () =>
        this.OR([
          {
            ALT: () => {
              this.CONSUME(T.Implements);
              this.SUBRULE(this.nameList, { ARGS: [kinds.implementsTarget, false, context.implements] });
            },
          },
          // ---- Context Mapper parity (issue 13): `refines Other`
          {
            ALT: () => {
              this.CONSUME(T.Refines);
              this.SUBRULE2(this.nameList, { ARGS: [kinds.context, false, (context.refines ??= [])] });
            },
          },
          { ALT: () => (this.CONSUME(T.External), (context.external = true)) },
          { ALT: () => (context.description = this.SUBRULE(this.stringValue)) },
        ]),
    });
    this.OPTION(() => {
      this.CONSUME(T.LCurly);
      this.members(expectedMember.context, starts.context, () =>
        this.SUBRULE(this.contextMember, { ARGS: [context] }),
      );
      this.CONSUME(T.RCurly);
    });
    this.close(context.range);
  });

  /** The context whose member is being parsed (contexts do not nest). */
  private memberContext: ContextDeclaration = placeholderContext;

  override release(): void {
    super.release();
    this.memberContext = placeholderContext;
    this.memberMap = placeholderMap;
    this.bodySubdomain = undefined;
  }

  /** Built once: an OR's alternatives are otherwise allocated for every member parsed. */
  private readonly contextMemberKinds = [
    // ---- Context Mapper parity (issue 13): `owner` names a team or says it in a string; the attribute lines
    { ALT: () => this.SUBRULE(this.ownerLine, { ARGS: [this.memberContext] }) },
    { ALT: () => this.setting(this.memberContext, 'context', this.CONSUME(T.Kind), this.CONSUME(T.AnyName)) },
    { ALT: () => this.SUBRULE(this.sharedAttributeLine, { ARGS: [this.memberContext] }) },
    // ---- end of the attribute lines
    { ALT: () => this.SUBRULE(this.glossary, { ARGS: [this.memberContext] }) },
    { ALT: () => this.SUBRULE(this.aggregate, { ARGS: [this.memberContext] }) },
    { ALT: () => this.SUBRULE(this.repository, { ARGS: [this.memberContext] }) },
    { ALT: () => this.SUBRULE(this.service, { ARGS: [this.memberContext, { contextName: this.memberContext.name }] }) },
    { ALT: () => this.SUBRULE(this.stream, { ARGS: [this.memberContext] }) },
    { ALT: () => this.SUBRULE(this.readModel, { ARGS: [this.memberContext] }) },
    { ALT: () => this.SUBRULE(this.buildingBlock, { ARGS: [this.memberContext, this.memberContext.name] }) },
    // ---- tactical details and the application layer (Context Mapper parity)
    { ALT: () => this.SUBRULE(this.module, { ARGS: [this.memberContext] }) },
    { ALT: () => this.SUBRULE(this.application, { ARGS: [this.memberContext] }) },
  ];

  protected contextMember = this.RULE('contextMember', (context: ContextDeclaration = placeholderContext) => {
    if (!this.RECORDING_PHASE) {
      this.scopeAggregate = undefined;
      this.memberContext = context;
    }
    this.OR(this.contextMemberKinds);
  });

  protected glossary = this.RULE('glossary', (context: ContextDeclaration = placeholderContext) => {
    this.CONSUME(T.Glossary);
    this.CONSUME(T.LCurly);
    this.members('a glossary: expected Term: "definition"', starts.glossary, () => {
      const term = this.OR([
        { ALT: () => this.nameOf(this.CONSUME(T.AnyName)) },
        {
          ALT: () => {
            const token = this.CONSUME(T.StringLiteral);
            return { text: this.unquote(token.image), range: this.tokenRange(token) };
          },
        },
      ]);
      this.CONSUME(T.Colon);
      const definition = this.SUBRULE(this.stringValue);
      this.OPTION(() => this.CONSUME(T.Comma));
      if (!this.RECORDING_PHASE) context.glossary.push({
          kind: 'term',
          name: term.text,
          uri: this.uri,
          range: { start: term.range.start, end: tokenEnd(this.LA(0)) },
          nameRange: term.range,
          definition,
          contextName: context.name,
        });
    });
    this.CONSUME(T.RCurly);
  });

  // ------------------------------------------------------------------ context maps

  protected contextMap = this.RULE('contextMap', () => {
    const keyword = this.CONSUME(T.ContextMapKw);
    const name = this.consumeNamed(T.Identifier);
    const map: ContextMap = { kind: 'contextmap', name: name.text, uri: this.uri, range: this.tokenRange(keyword), nameRange: name.range, relationships: [] };
    if (!this.RECORDING_PHASE) {
      this.declarations.push(map);
      this.memberMap = map;
    }
    this.OPTION(() => (map.description = this.SUBRULE(this.stringValue)));
    this.CONSUME(T.LCurly);
    this.members(expectedMember.contextMap, starts.contextMap, this.contextMapMemberOr);
    this.CONSUME(T.RCurly);
    this.close(map.range);
  });

  /** The context map whose member is being parsed (maps do not nest). */
  private memberMap: ContextMap = placeholderMap;

  /** Built once: a map's attribute lines (issue 13: kind, state, contains) and its relationships. */
  private readonly contextMapMembers = [
    { ALT: () => this.setting(this.memberMap, 'contextmap', this.CONSUME(T.Kind), this.CONSUME(T.AnyName)) },
    { ALT: () => this.setting(this.memberMap, 'contextmap', this.CONSUME(T.State), this.CONSUME2(T.AnyName)) },
    {
      ALT: () => {
        this.CONSUME(T.Contains);
        this.SUBRULE(this.nameList, { ARGS: [kinds.mapParticipant, false, (this.memberMap.contains ??= [])] });
      },
    },
    { ALT: () => this.SUBRULE(this.relationship, { ARGS: [this.memberMap] }) },
  ];

  private readonly contextMapMemberOr = () => this.OR(this.contextMapMembers);

  // fills the side it is given, so that a side error recovery abandons (`A [[ -> B`) keeps what was read
  protected relationshipSide = this.RULE('relationshipSide', (side: RelationshipSide = { roles: [] }): RelationshipSide => {
    const name = this.nameOf(this.CONSUME(T.NameReference));
    side.context = this.reference(name, kinds.mapParticipant);
    this.OPTION(() => {
      this.CONSUME(T.LBracket);
      this.MANY_SEP({ SEP: T.Comma, DEF: () => side.roles.push(this.consumeNamed(T.AnyName)) });
      this.CONSUME(T.RBracket);
    });
    return side;
  });

  protected relationship = this.RULE('relationship', (map: ContextMap = placeholderMap) => {
    const start = this.LA(1);
    const relationship: Relationship = {
      kind: 'relationship',
      uri: this.uri,
      range: this.tokenRange(start),
      map,
      left: { roles: [] },
      right: { roles: [] },
      shared: [],
    };
    if (!this.RECORDING_PHASE) map.relationships.push(relationship);
    this.SUBRULE(this.relationshipSide, { ARGS: [relationship.left] });
    const arrow = this.OR([
      { ALT: () => this.CONSUME(T.RightArrow) },
      { ALT: () => this.CONSUME(T.LeftArrow) },
      { ALT: () => this.CONSUME(T.BothArrow) },
    ]);
    if (!this.RECORDING_PHASE) {
      relationship.arrow = arrow.image as Relationship['arrow'];
      relationship.arrowRange = this.tokenRange(arrow);
    }
    this.SUBRULE2(this.relationshipSide, { ARGS: [relationship.right] });
    // ---- Context Mapper parity (issue 13): `as Name`, and `exposes`, `technology`, `rights` in the block
    this.OPTION4(() => {
      this.CONSUME(T.As);
      const name = this.consumeNamed(T.Identifier);
      if (!this.RECORDING_PHASE) relationship.name = name;
    });
    this.OPTION(() => {
      this.CONSUME(T.LCurly);
      this.members(expectedMember.relationship, starts.relationship, () =>
        this.OR2([
          {
            ALT: () => {
              this.CONSUME(T.Exposes);
              // soft: linked in the upstream context, and judged by map-exposed-aggregate (model/strategic-links.ts)
              this.SUBRULE(this.nameList, { ARGS: [kinds.aggregate, true, (relationship.exposes ??= [])] });
            },
          },
          { ALT: () => (this.CONSUME(T.Technology), (relationship.technology = this.SUBRULE2(this.stringValue))) },
          { ALT: () => this.setting(relationship, 'relationship', this.CONSUME(T.Rights), this.CONSUME(T.AnyName)) },
          {
            ALT: () => {
              relationship.shared.push(this.reference(this.nameOf(this.CONSUME(T.NameReference)), kinds.shared));
              this.OPTION2(() => this.CONSUME(T.Comma));
            },
          },
        ]),
      );
      this.CONSUME(T.RCurly);
    });
    this.OPTION3(() => (relationship.description = this.SUBRULE(this.stringValue)));
    this.close(relationship.range);
  });

  // ------------------------------------------------------------------ teams (issue 13, Context Mapper parity)

  protected team = this.RULE('team', () => {
    const keyword = this.CONSUME(T.Team);
    const name = this.consumeNamed(T.Identifier);
    const team: Team = { kind: 'team', name: name.text, uri: this.uri, range: this.tokenRange(keyword), nameRange: name.range, realizes: [], implements: [] };
    if (!this.RECORDING_PHASE) this.declarations.push(team);
    // `implements Claims`: the subdomains it works on, before what it realizes (Context Mapper's order)
    this.OPTION4(() => {
      this.CONSUME(T.Implements);
      this.SUBRULE2(this.nameList, { ARGS: [kinds.subdomain, false, team.implements] });
    });
    this.OPTION(() => {
      this.CONSUME(T.Realizes);
      this.SUBRULE(this.nameList, { ARGS: [kinds.context, false, team.realizes] });
    });
    this.OPTION2(() => (team.description = this.SUBRULE(this.stringValue)));
    this.OPTION3(() => {
      this.CONSUME(T.LCurly);
      this.members(expectedMember.team, starts.team, () => this.SUBRULE(this.sharedAttributeLine, { ARGS: [team] }));
      this.CONSUME(T.RCurly);
    });
    this.close(team.range);
  });
}
