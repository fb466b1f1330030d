/**
 * The direct reader's strategic design: a bounded context (its header, owner,
 * glossary and members), a domain with its subdomains, and a context map with its
 * relationships, as the rules of the same name in strategic-grammar.ts and
 * attribute-grammar.ts build them.
 */
import type { ContextDeclaration, ContextMap, DomainDeclaration, Name, Relationship, RelationshipSide } from '../../model/elements';
import { newContextDeclaration } from '../element-shapes';
import { kinds } from '../grammar/grammar-support';
import { imageAt } from '../lexer';
import * as T from '../tokens';
import { abandon, Colon, Comma, idx, isAnyName, isNameReference, LCurly, RCurly, StringLiteral } from './direct-base';
import { EventSourcingReader } from './event-sourcing-reader';

export const ContextKeyword = idx(T.Context);
export const DomainKeyword = idx(T.Domain);
export const ContextMapKeyword = idx(T.ContextMapKw);
const Contains = idx(T.Contains);
const As = idx(T.As);
const Exposes = idx(T.Exposes);
const Technology = idx(T.Technology);
const LBracket = idx(T.LBracket);
const RBracket = idx(T.RBracket);
/** A relationship's arrows. */
const arrows = new Set([idx(T.RightArrow), idx(T.LeftArrow), idx(T.BothArrow)]);
const AggregateKeyword = idx(T.Aggregate);
const Implements = idx(T.Implements);
const External = idx(T.External);
const Owner = idx(T.Owner);
const Glossary = idx(T.Glossary);
const Repository = idx(T.Repository);
const Service = idx(T.Service);
const Readmodel = idx(T.Readmodel);
const Stream = idx(T.Stream);
const Subdomain = idx(T.Subdomain);
/** The words that give a subdomain its type. */
const subdomainTypes = new Map<number, 'core' | 'supporting' | 'generic'>([
  [idx(T.Core), 'core'],
  [idx(T.Supporting), 'supporting'],
  [idx(T.Generic), 'generic'],
]);

export class StrategicReader extends EventSourcingReader {
  context(): ContextDeclaration {
    const keyword = this.take(ContextKeyword);
    const name = this.identifier();
    const context = newContextDeclaration(name, this.uri, this.range(keyword));
    this.scopeContext = name.text;
    for (;;) {
      const next = this.type();
      if (next === Implements) {
        this.at++;
        this.nameList(kinds.implementsTarget, context.implements);
      } else if (next === External) {
        this.at++;
        context.external = true;
      } else if (next === StringLiteral) context.description = this.string();
      else if (next === LCurly || next === -1) break;
      else throw abandon;
    }
    if (this.type() === LCurly) {
      this.at++;
      while (this.type() !== RCurly) {
        this.scopeAggregate = undefined;
        switch (this.type()) {
          case Owner:
            this.ownerLine(context);
            break;
          case Glossary:
            this.glossary(context);
            break;
          case AggregateKeyword:
            this.aggregate(context);
            break;
          case Repository:
            this.repository(context);
            break;
          case Service:
            this.service(context);
            break;
          case Readmodel:
            this.readModel(context);
            break;
          case Stream:
            this.stream(context);
            break;
          default:
            this.buildingBlock(context, context.name, undefined);
        }
      }
      this.at++;
    }
    this.close(context.range);
    return context;
  }

  /** `domain Shop "…" { core subdomain Ordering "…" … }` (subdomains that support requirements or have a body are the grammar's). */
  domain(): DomainDeclaration {
    const keyword = this.take(DomainKeyword);
    const name = this.identifier();
    const domain: DomainDeclaration = { kind: 'domain', name: name.text, uri: this.uri, range: this.range(keyword), nameRange: name.range, subdomains: [] };
    if (this.type() === StringLiteral) domain.description = this.string();
    if (this.type() === LCurly) {
      this.at++;
      while (this.type() !== RCurly) {
        const start = this.lexed.starts[this.at]!;
        const type = subdomainTypes.get(this.type());
        if (type) this.at++;
        this.take(Subdomain);
        const subdomainName = this.identifier();
        const subdomain = {
          kind: 'subdomain' as const,
          name: subdomainName.text,
          uri: this.uri,
          range: { start, end: subdomainName.range.end },
          nameRange: subdomainName.range,
          domain,
          implementedBy: [],
          ...(type ? { type } : {}),
        };
        domain.subdomains.push(subdomain);
        if (this.type() === StringLiteral) {
          (subdomain as { description?: string }).description = this.string();
          this.close(subdomain.range);
        }
      }
      this.at++;
    }
    this.close(domain.range);
    return domain;
  }

  /** `owner "The checkout team"` or `owner CheckoutTeam` (a team). */
  protected ownerLine(context: ContextDeclaration): void {
    this.take(Owner);
    if (this.type() === StringLiteral) {
      const token = this.at;
      context.owner = { text: this.string(), range: this.range(token) };
      return;
    }
    if (!isNameReference(this.type())) throw abandon;
    const name = this.name(this.at++);
    context.owner = name;
    context.ownerTeam = this.referenceAt(name.text, name.range, kinds.team);
  }

  /** `glossary { Term: "definition" … }`. */
  protected glossary(context: ContextDeclaration): void {
    this.take(Glossary);
    this.take(LCurly);
    while (this.type() !== RCurly) {
      let term: Name;
      if (this.type() === StringLiteral) {
        const token = this.at;
        term = { text: this.string(), range: this.range(token) };
      } else if (isAnyName(this.type())) term = this.name(this.at++);
      else throw abandon;
      this.take(Colon);
      const definition = this.string();
      if (this.type() === Comma) this.at++;
      context.glossary.push({
        kind: 'term',
        name: term.text,
        uri: this.uri,
        range: { start: term.range.start, end: this.lexed.ends[this.at - 1]! },
        nameRange: term.range,
        definition,
        contextName: context.name,
      });
    }
    this.at++;
  }

  // ------------------------------------------------------------------ context maps

  /** `contextmap Landscape { A [OHS] -> B [ACL] … }` (a map's kind and state lines are the grammar's). */
  contextMap(): ContextMap {
    const keyword = this.take(ContextMapKeyword);
    const name = this.identifier();
    const map: ContextMap = { kind: 'contextmap', name: name.text, uri: this.uri, range: this.range(keyword), nameRange: name.range, relationships: [] };
    if (this.type() === StringLiteral) map.description = this.string();
    this.take(LCurly);
    while (this.type() !== RCurly) {
      if (this.type() === Contains) {
        this.at++;
        this.nameList(kinds.mapParticipant, (map.contains ??= []));
      } else this.relationship(map);
    }
    this.at++;
    this.close(map.range);
    return map;
  }

  private relationship(map: ContextMap): void {
    const relationship: Relationship = {
      kind: 'relationship',
      uri: this.uri,
      range: this.range(this.at),
      map,
      left: { roles: [] },
      right: { roles: [] },
      shared: [],
    };
    map.relationships.push(relationship);
    this.relationshipSide(relationship.left);
    if (!arrows.has(this.type())) throw abandon;
    const arrow = this.at++;
    relationship.arrow = imageAt(this.lexed, arrow) as Relationship['arrow'];
    relationship.arrowRange = this.range(arrow);
    this.relationshipSide(relationship.right);
    if (this.type() === As) {
      this.at++;
      relationship.name = this.identifier();
    }
    if (this.type() === LCurly) {
      this.at++;
      while (this.type() !== RCurly) {
        if (this.type() === Exposes) {
          this.at++;
          this.nameList(kinds.aggregate, (relationship.exposes ??= []), true);
        } else if (this.type() === Technology) {
          this.at++;
          relationship.technology = this.string();
        } else {
          // a shared part of the model (`rights …` is the grammar's)
          if (!isNameReference(this.type())) throw abandon;
          const shared = this.name(this.at++);
          relationship.shared.push(this.referenceAt(shared.text, shared.range, kinds.shared));
          if (this.type() === Comma) this.at++;
        }
      }
      this.at++;
    }
    if (this.type() === StringLiteral) relationship.description = this.string();
    this.close(relationship.range);
  }

  /** `Sales [OHS, PL]`: the side's context (or team) and its roles. */
  private relationshipSide(side: RelationshipSide): void {
    if (!isNameReference(this.type())) throw abandon;
    const name = this.name(this.at++);
    side.context = this.referenceAt(name.text, name.range, kinds.mapParticipant);
    if (this.type() !== LBracket) return;
    this.at++;
    while (this.type() !== RBracket) {
      if (!isAnyName(this.type())) throw abandon;
      side.roles.push(this.name(this.at++));
      if (this.type() !== Comma) break;
      this.at++;
      if (this.type() === RBracket) throw abandon;
    }
    this.take(RBracket);
  }
}
