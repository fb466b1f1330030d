/** Domains, subdomains, bounded contexts with their glossary and members, and context maps. */
import type {
  ContextDeclaration,
  ContextMap,
  DomainDeclaration,
  Relationship,
  RelationshipSide,
} from '../../model/elements';
import { placeholderContext, placeholderDomain, placeholderMap, starts, kinds, expectedMember } from './grammar-support';
import { emptyContextMembers } from '../../model/context-members';
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
  });

  protected context = this.RULE('context', () => {
    const keyword = this.CONSUME(T.Context);
    const name = this.consumeNamed(T.Identifier);
    const context: ContextDeclaration = {
      kind: 'contextDeclaration',
      name: name.text,
      uri: this.uri,
      range: this.tokenRange(keyword),
      nameRange: name.range,
      implements: [],
      external: false,
      ...emptyContextMembers(),
    };
    if (!this.RECORDING_PHASE) {
      this.declarations.push(context);
      this.scopeContext = name.text;
    }
    this.MANY({
      GATE: () => this.skipToMember("a context's header: expected implements, external, a description or {", starts.contextHeader) && this.LA(1).tokenType !== T.LCurly,
      DEF: () =>
        this.OR([
          {
            ALT: () => {
              this.CONSUME(T.Implements);
              this.SUBRULE(this.nameList, { ARGS: [kinds.implementsTarget, false, context.implements] });
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
  }

  /** Built once: an OR's alternatives are otherwise allocated for every member parsed. */
  private readonly contextMemberKinds = [
    {
      ALT: () => {
        this.CONSUME(T.Owner);
        const token = this.CONSUME(T.StringLiteral);
        if (!this.RECORDING_PHASE) this.memberContext.owner = { text: this.unquote(token.image), range: this.tokenRange(token) };
      },
    },
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
    if (!this.RECORDING_PHASE) this.declarations.push(map);
    this.OPTION(() => (map.description = this.SUBRULE(this.stringValue)));
    this.CONSUME(T.LCurly);
    this.members('a context map: expected Upstream [roles] -> Downstream [roles]', starts.identifiers, () => this.SUBRULE(this.relationship, { ARGS: [map] }));
    this.CONSUME(T.RCurly);
    this.close(map.range);
  });

  // fills the side it is given, so that a side error recovery abandons (`A [[ -> B`) keeps what was read
  protected relationshipSide = this.RULE('relationshipSide', (side: RelationshipSide = { roles: [] }): RelationshipSide => {
    const name = this.nameOf(this.CONSUME(T.NameReference));
    side.context = this.reference(name, kinds.context);
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
    this.OPTION(() => {
      this.CONSUME(T.LCurly);
      this.MANY(() => {
        relationship.shared.push(this.reference(this.nameOf(this.CONSUME(T.NameReference)), kinds.shared));
        this.OPTION2(() => this.CONSUME(T.Comma));
      });
      this.CONSUME(T.RCurly);
    });
    this.OPTION3(() => (relationship.description = this.SUBRULE(this.stringValue)));
    this.close(relationship.range);
  });
}
