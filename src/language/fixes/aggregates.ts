/**
 * Fixes for aggregates and entities: mark the root entity (or declare one),
 * give an entity its identity, point a repository at the aggregate's root.
 */
import type { Aggregate, Repository } from '../model/elements';
import type { DddModel } from '../model/model';
import { elementAt } from '../navigation/index';
import { appendMember, dataOf, documentOf, indentAt, stringOf } from './edits';
import { replaceFix } from './replace';
import type { FixEdit, FixProvider } from './types';

/**
 * `aggregate-sketch` (no root marked yet) and `aggregate-root`: mark the entity the finding
 * names `root` (safe: the rule names it); with no entity to mark, declare one (a design step a human takes).
 */
export const rootFix: FixProvider = (context, finding) => {
  const aggregate = elementAt(context.model, finding.uri, finding.range.start)?.symbol;
  const suggestion = stringOf(dataOf(finding)['suggestion']);
  if (aggregate?.kind !== 'aggregate' || !suggestion) return [];
  const entity = aggregate.entities.find((candidate) => candidate.name === suggestion);
  if (entity) {
    if (entity.root) return [];
    const at = { start: entity.range.start, end: entity.range.start };
    return [{ title: `Make ${entity.name} the root entity of ${aggregate.name}`, safe: true, preferred: true, edits: [{ uri: entity.uri, range: at, newText: 'root ' }] }];
  }
  // `aggregate Payouts` written without a body (aggregate-sketch) gets one
  const edit = appendMember(context.model, aggregate.uri, aggregate.range, `root entity ${suggestion} { id: ${suggestion}Id }`, aggregate.hasBody === false);
  return edit ? [{ title: `Add root entity ${suggestion} to ${aggregate.name}`, safe: false, preferred: true, edits: [edit] }] : [];
};

/**
 * `entity-identity`: add the identity field the rule suggests (`id: OrderId`).
 * Not safe: the rule's other answer is that the thing is a value object.
 */
export const identityFix: FixProvider = (context, finding) => {
  const suggestion = stringOf(dataOf(finding)['suggestion']);
  const symbol = elementAt(context.model, finding.uri, finding.range.start)?.symbol;
  const document = documentOf(context.model, finding.uri);
  if (!suggestion || symbol?.kind !== 'entity' || !document) return [];
  const text = document.text;
  const open = text.indexOf('{', symbol.nameRange.end);
  const edit: FixEdit =
    open >= 0 && open < symbol.range.end
      ? {
          uri: finding.uri,
          range: { start: open + 1, end: open + 1 },
          newText: text.slice(open + 1, symbol.range.end).includes('\n') ? `\n${indentAt(document, symbol.range.start)}  ${suggestion}` : ` ${suggestion}`,
        }
      : { uri: finding.uri, range: { start: symbol.range.end, end: symbol.range.end }, newText: ` { ${suggestion} }` };
  return [{ title: `Add ${suggestion} to ${symbol.name}`, safe: false, preferred: true, edits: [edit] }];
};

/** The aggregate a repository stores when it names the aggregate or its root, else the aggregate of what it names. */
function storedAggregate(repository: Repository): Aggregate | undefined {
  const target = repository.aggregate?.target;
  if (target?.kind === 'aggregate') return target;
  return target && 'aggregate' in target ? (target.aggregate as Aggregate | undefined) : undefined;
}

function repositories(model: DddModel): Repository[] {
  return [...model.contexts.values()].flatMap((context) => context.repositories);
}

/**
 * `repository-for-root`: `for OrderItem` → `for Order`, the root of the
 * aggregate. Safe unless another repository already stores that aggregate
 * (then the two are to be merged, a human's call).
 */
export const repositoryFix: FixProvider = (context, finding) => {
  const all = repositories(context.model);
  const repository = all.find((candidate) => candidate.uri === finding.uri && candidate.aggregate?.range.start === finding.range.start);
  const aggregate = repository && storedAggregate(repository);
  const shared = aggregate !== undefined && all.some((other) => other !== repository && storedAggregate(other) === aggregate);
  return replaceFix(context, finding).map((fix) => ({ ...fix, safe: !shared && aggregate !== undefined }));
};
