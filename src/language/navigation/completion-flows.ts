/**
 * Completion in the application layer's flows and coordinations: the commands,
 * events, aggregates and service operations a step names, and the words that
 * continue a step (`delegates to`, `emits`, `triggers command|operation`).
 */
import { keywordsIn } from '../syntax/constructs';
import { servicesOfContext } from '../model/tactical-links';
import { CompletionContext, keywordUnit, statement } from './completion-context';
import { present } from './present';

export const flowMembers = keywordsIn('flow');

/** The operations of the services of the context the cursor is in. */
function operations(c: CompletionContext): void {
  const context = c.here ? c.model.contexts.get(c.here) : undefined;
  if (!context) return;
  for (const service of servicesOfContext(context)) {
    for (const operation of present(service.operations)) c.out.add({ label: operation.name, kind: 'operation', detail: `operation of ${service.name}` });
  }
}

export function flowBody(c: CompletionContext): void {
  const head = statement(c.units, (unit, i) => keywordUnit(unit, flowMembers) && !keywordUnit(c.units[i - 1], ['triggers']));
  const word = keywordUnit(head[0], flowMembers) ? head[0]!.token.image : undefined;
  const has = (keyword: string) => head.some((unit) => keywordUnit(unit, [keyword]));
  if (c.prevIs('triggers')) return c.out.keywords(['command', 'operation']);
  if (c.prevIs('command')) return c.named(['command']);
  if (c.prevIs('operation')) return operations(c);
  if (c.prevIs('event') || c.prevIs('+') || c.prevIs('emits')) return c.named(['event']);
  if (c.prevIs('delegates')) return c.out.keywords(['to']);
  if (c.prevIs('to')) return c.named(['aggregate']);
  if (c.prevIs('by')) return;
  if (word === 'event' && !has('triggers')) return c.out.keywords(['triggers']);
  if ((word === 'command' || word === 'operation') && head.length >= 2 && !has('triggers')) {
    c.out.keywords([...(has('by') || has('delegates') || has('emits') ? [] : ['by']), ...(has('delegates') || has('emits') ? [] : ['delegates']), ...(has('emits') ? [] : ['emits'])]);
  }
  c.out.keywords(flowMembers);
}

/** `Context.Service.operation`: the contexts first (what follows a dot is the qualified completion's). */
export function coordinationBody(c: CompletionContext): void {
  c.contexts();
}
