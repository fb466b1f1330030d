/**
 * Fixes for context maps: every context-map rule whose message says what to
 * write has a fix that writes it. A role moves to the side it belongs on, a
 * repeated role goes, a symmetric role is added to the other side, an arrow is
 * reversed or replaced, a customer gets its supplier. Where the message offers
 * a choice (reverse the arrow or swap the roles, keep one of two roles), each
 * choice is a fix of its own and none is applied unattended.
 */
import type { Name, Relationship, RelationshipSide, TextRange } from '../model/elements';
import { dataOf, documentOf, stringOf } from './edits';
import type { Fix, FixContext, FixEdit, FixFinding, FixProvider } from './types';

/** The relationship a finding is on (its range within the relationship's). */
function relationshipAt(context: FixContext, finding: FixFinding): Relationship | undefined {
  for (const map of context.model.contextMaps) {
    if (map.uri !== finding.uri || map.range.start > finding.range.start || map.range.end < finding.range.end) continue;
    for (const relationship of map.relationships) {
      if (relationship.range.start <= finding.range.start && finding.range.end <= relationship.range.end) return relationship;
    }
  }
  return undefined;
}

function sideOf(relationship: Relationship, written: unknown): RelationshipSide | undefined {
  return written === 'left' ? relationship.left : written === 'right' ? relationship.right : undefined;
}

/** The side a role (by its range) is written on, and the role. */
function roleAt(relationship: Relationship, range: TextRange): { side: RelationshipSide; role: Name } | undefined {
  for (const side of [relationship.left, relationship.right]) {
    const role = side.roles.find((candidate) => candidate.range.start === range.start);
    if (role) return { side, role };
  }
  return undefined;
}

function otherSideOf(relationship: Relationship, side: RelationshipSide): RelationshipSide {
  return side === relationship.left ? relationship.right : relationship.left;
}

const sideLabel = (side: RelationshipSide) => side.context?.text || 'the other context';

/** The text of a map, to find the brackets around a side's roles. */
class MapText {
  constructor(
    readonly uri: string,
    private readonly text: string,
  ) {}

  /** The offset of `char` before `from` (only whitespace between), or -1. */
  private before(from: number, char: string): number {
    let at = from - 1;
    while (at >= 0 && /\s/.test(this.text.charAt(at))) at--;
    return this.text.charAt(at) === char ? at : -1;
  }

  /** The offset of `char` at or after `from` (only whitespace between), or -1. */
  private after(from: number, char: string): number {
    let at = from;
    while (at < this.text.length && /\s/.test(this.text.charAt(at))) at++;
    return this.text.charAt(at) === char ? at : -1;
  }

  /** Removes a side's whole `[…]`, with the blanks before it. */
  removeRoles(side: RelationshipSide): FixEdit | undefined {
    const first = side.roles[0];
    const last = side.roles[side.roles.length - 1];
    if (!first || !last) return undefined;
    const open = this.before(first.range.start, '[');
    const close = this.after(last.range.end, ']');
    if (open < 0 || close < 0) return undefined;
    let start = open;
    while (start > 0 && (this.text.charAt(start - 1) === ' ' || this.text.charAt(start - 1) === '\t')) start--;
    return this.edit({ start, end: close + 1 }, '');
  }

  /** Removes one role: with its comma, or the whole `[…]` when it is the only one. */
  removeRole(side: RelationshipSide, role: Name): FixEdit | undefined {
    const index = side.roles.indexOf(role);
    if (index < 0) return undefined;
    if (side.roles.length === 1) return this.removeRoles(side);
    if (index === 0) return this.edit({ start: role.range.start, end: side.roles[1]!.range.start }, '');
    return this.edit({ start: side.roles[index - 1]!.range.end, end: role.range.end }, '');
  }

  /** Adds a role to a side: after its last role, or a new `[…]` after its context. */
  addRole(side: RelationshipSide, code: string): FixEdit | undefined {
    const last = side.roles[side.roles.length - 1];
    if (last) return this.edit({ start: last.range.end, end: last.range.end }, `, ${code}`);
    if (!side.context || side.context.text.trim() === '') return undefined;
    return this.edit({ start: side.context.range.end, end: side.context.range.end }, ` [${code}]`);
  }

  /** Removes a whole relationship, with its line when it is alone on it. */
  removeLine(range: TextRange): FixEdit {
    let start = range.start;
    while (start > 0 && (this.text.charAt(start - 1) === ' ' || this.text.charAt(start - 1) === '\t')) start--;
    let end = range.end;
    while (end < this.text.length && (this.text.charAt(end) === ' ' || this.text.charAt(end) === '\t')) end++;
    if (this.text.charAt(end) === '\n' && (start === 0 || this.text.charAt(start - 1) === '\n')) end++;
    else start = range.start;
    return this.edit({ start, end }, '');
  }

  /** Removes a shared kernel's `{ … }` list around `range`. */
  removeList(range: TextRange): FixEdit | undefined {
    const open = this.before(range.start, '{');
    const close = this.after(range.end, '}');
    if (open < 0 || close < 0) return undefined;
    let start = open;
    while (start > 0 && this.text.charAt(start - 1) === ' ') start--;
    return this.edit({ start, end: close + 1 }, '');
  }

  edit(range: TextRange, newText: string): FixEdit {
    return { uri: this.uri, range, newText };
  }
}

function fix(title: string, safe: boolean, preferred: boolean, edits: (FixEdit | undefined)[]): Fix[] {
  if (edits.some((edit) => edit === undefined)) return [];
  return [{ title, safe, ...(preferred ? { preferred } : {}), edits: edits as FixEdit[] }];
}

/** Moves a role to the other side (drops it when the other side already has it). */
function moveRole(text: MapText, relationship: Relationship, side: RelationshipSide, role: Name, safe: boolean): Fix[] {
  const to = otherSideOf(relationship, side);
  const code = role.text;
  const already = to.roles.some((other) => other.text.toUpperCase() === code.toUpperCase());
  return fix(`Move ${code} to ${sideLabel(to)}`, safe, true, [text.removeRole(side, role), ...(already ? [] : [text.addRole(to, code)])]);
}

function removeRole(text: MapText, side: RelationshipSide, role: Name, preferred = false, safe = false): Fix[] {
  return fix(`Remove ${role.text} from ${sideLabel(side)}`, safe, preferred, [text.removeRole(side, role)]);
}

function replaceArrow(text: MapText, relationship: Relationship, arrow: string, title: string, preferred: boolean): Fix[] {
  if (!relationship.arrowRange) return [];
  return fix(title, false, preferred, [text.edit(relationship.arrowRange, arrow)]);
}

/** The roles of a side with a code, by what is written (any case). */
function rolesWith(side: RelationshipSide, code: string): Name[] {
  return side.roles.filter((role) => role.text.toUpperCase() === code);
}

export const contextMapFixes: FixProvider = (context, finding) => {
  const document = documentOf(context.model, finding.uri);
  const relationship = relationshipAt(context, finding);
  if (!document || !relationship) return [];
  const text = new MapText(finding.uri, document.text);
  const data = dataOf(finding);
  const at = roleAt(relationship, finding.range);
  const arrow = stringOf(data['arrow']);
  switch (finding.code) {
    case 'map-role-side': {
      if (data['fix'] === 'reverse-arrow' && arrow) return replaceArrow(text, relationship, arrow, `Reverse the arrow: ${arrow}`, true);
      if (!at) return [];
      if (data['fix'] === 'remove-role') return removeRole(text, at.side, at.role, true);
      // the rule knows the one side the role belongs on
      if (sideOf(relationship, data['moveTo']) === otherSideOf(relationship, at.side)) return moveRole(text, relationship, at.side, at.role, true);
      return [];
    }
    case 'map-symmetric': {
      if (data['fix'] === 'use-arrow' && arrow) return replaceArrow(text, relationship, arrow, `Use ${arrow} for an upstream/downstream relationship`, true);
      const role = stringOf(data['role']);
      const addTo = sideOf(relationship, data['addTo']);
      // a shared kernel or partnership names both sides: the one missing it gets it
      if (addTo && role) return fix(`Add ${role} to ${sideLabel(addTo)}`, true, true, [text.addRole(addTo, role)]);
      if (arrow === '<->' && role && at && relationship.arrowRange) {
        const other = otherSideOf(relationship, at.side);
        const symmetric = fix(`Make it symmetric: ${sideLabel(relationship.left)} [${role}] <-> ${sideLabel(relationship.right)} [${role}]`, false, true, [
          text.edit(relationship.arrowRange, '<->'),
          ...(rolesWith(other, role).length ? [] : [text.addRole(other, role)]),
        ]);
        return [...symmetric, ...removeRole(text, at.side, at.role)];
      }
      if (Array.isArray(data['roles'])) {
        // SK and P together: keep one, each a choice
        return (['SK', 'P'] as const).flatMap((keep) => {
          const drop = keep === 'SK' ? 'P' : 'SK';
          const edits = [relationship.left, relationship.right].flatMap((side) => dropAll(text, side, drop));
          return fix(`Keep ${keep}, remove ${drop}`, false, false, edits);
        });
      }
      return [];
    }
    case 'map-customer-supplier': {
      if (!at) return [];
      const missing = stringOf(data['missing']);
      const addTo = sideOf(relationship, data['addTo']);
      const add = missing && addTo ? fix(`Add ${missing} to ${sideLabel(addTo)}`, false, true, [text.addRole(addTo, missing)]) : [];
      return [...add, ...removeRole(text, at.side, at.role, add.length === 0)];
    }
    case 'map-repeated-role':
      return at ? fix(`Remove the repeated ${at.role.text}`, true, true, [text.removeRole(at.side, at.role)]) : [];
    case 'map-conflicting-roles': {
      if (!at || !Array.isArray(data['roles'])) return [];
      const codes = (data['roles'] as unknown[]).filter((code): code is string => typeof code === 'string');
      return codes.flatMap((keep) => {
        const drop = codes.filter((code) => code !== keep);
        return fix(`Keep ${keep}, remove ${drop.join(', ')}`, false, false, drop.flatMap((code) => dropAll(text, at.side, code)));
      });
    }
    case 'map-external-role': {
      if (!at) return [];
      // an ACL belongs on our side of the relationship: moved there; the other roles go
      const move = stringOf(data['role']) === 'ACL' ? moveRole(text, relationship, at.side, at.role, false) : [];
      return [...move, ...removeRole(text, at.side, at.role, move.length === 0)];
    }
    case 'map-shared-kernel-content': {
      const shared = relationship.shared;
      if (!shared.length) return [];
      return fix('Remove the shared list', false, true, [text.removeList({ start: shared[0]!.range.start, end: shared[shared.length - 1]!.range.end })]);
    }
    case 'map-self-relationship':
      return fix('Remove the relationship', false, true, [text.removeLine(relationship.range)]);
    default:
      return [];
  }
};

/** Removes every role with `code` from a side: the whole `[…]` when nothing else is left. */
function dropAll(text: MapText, side: RelationshipSide, code: string): (FixEdit | undefined)[] {
  const dropped = rolesWith(side, code);
  if (!dropped.length) return [];
  if (dropped.length === side.roles.length) return [text.removeRoles(side)];
  // two removals side by side would overlap: a role written twice is map-repeated-role's first
  return dropped.length === 1 ? [text.removeRole(side, dropped[0]!)] : [undefined];
}

/** The context-map rules whose findings these fixes repair. */
export const contextMapFixCodes: readonly string[] = [
  'map-role-side',
  'map-symmetric',
  'map-customer-supplier',
  'map-repeated-role',
  'map-conflicting-roles',
  'map-external-role',
  'map-shared-kernel-content',
  'map-self-relationship',
];
