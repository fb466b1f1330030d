/**
 * Fixes for `event-without-cause`: the command that makes the event happen
 * emits it. That command is the one named for the event (`ParcelShipped` →
 * `ShipParcel`): when it exists it gets `emits` (safe: the names agree),
 * otherwise it is created beside the event, emitting it (a new declaration, a
 * human's call).
 */
import type { Command, DomainEvent } from '../model/elements';
import { membersOfContext, type DddModel } from '../model/model';
import { suggestCommandName } from '../naming/name-style';
import { elementAt } from '../navigation/index';
import { aggregateHolder, appendMember, contextHolder } from './edits';
import type { FixProvider } from './types';

/** The command named for the event: in the event's aggregate first, then anywhere in its context. */
function namedCause(model: DddModel, event: DomainEvent, name: string): Command | undefined {
  const own = event.aggregate?.commands.find((command) => command.name === name);
  if (own) return own;
  const found = membersOfContext(model, event.contextName)?.get(name)?.find((declaration) => declaration.kind === 'command');
  return found?.kind === 'command' ? found : undefined;
}

export const causeFixes: FixProvider = (context, finding) => {
  const { model } = context;
  const event = elementAt(model, finding.uri, finding.range.start)?.symbol;
  if (event?.kind !== 'event') return [];
  const name = suggestCommandName(event.name);
  if (!name) return [];
  const command = namedCause(model, event, name);
  if (command) {
    const last = command.emits[command.emits.length - 1];
    const at = last ? last.range.end : command.range.end;
    return [
      {
        title: `Add emits ${event.name} to command ${command.name}`,
        safe: true,
        preferred: true,
        edits: [{ uri: command.uri, range: { start: at, end: at }, newText: last ? `, ${event.name}` : ` emits ${event.name}` }],
      },
    ];
  }
  const home = model.contexts.get(event.contextName);
  const holder = event.aggregate ? aggregateHolder(event.aggregate) : home ? contextHolder(home) : undefined;
  const edit = holder ? appendMember(model, holder.uri, holder.range, `command ${name} emits ${event.name}`, holder.mayLackBody) : undefined;
  if (!holder || !edit) return [];
  return [{ title: `Create command ${name} emits ${event.name} in ${holder.label}`, safe: false, preferred: true, edits: [edit] }];
};
