/**
 * Quick fixes for `event-without-cause`: the command that makes the event happen
 * emits it. That command is the one named for the event (`ParcelShipped` →
 * `ShipParcel`): when it exists it gets `emits`, otherwise it is created beside
 * the event, emitting it.
 */
import type { Diagnostic as LspDiagnostic } from 'vscode-languageserver/node';
import type { Command, DomainEvent } from '../language/model/elements';
import { membersOfContext, type DddModel } from '../language/model/model';
import { suggestCommandName } from '../language/naming/names';
import { elementAt } from '../language/navigation/index';
import type { DocumentView, ServerContext } from './context';
import { aggregateHolder, appendMember, contextHolder, single, type Fix } from './member-edits';

/** The command named for the event: in the event's aggregate first, then anywhere in its context. */
function namedCause(model: DddModel, event: DomainEvent, name: string): Command | undefined {
  const own = event.aggregate?.commands.find((command) => command.name === name);
  if (own) return own;
  const found = membersOfContext(model, event.contextName)?.get(name)?.find((declaration) => declaration.kind === 'command');
  return found?.kind === 'command' ? found : undefined;
}

export function causeFixes(ctx: ServerContext, model: DddModel, document: DocumentView, diagnostic: LspDiagnostic): Fix[] {
  const symbol = elementAt(model, document.uri, document.lines.offsetAt(diagnostic.range.start))?.symbol;
  if (symbol?.kind !== 'event') return [];
  const event = symbol;
  const name = suggestCommandName(event.name);
  if (!name) return [];
  const command = namedCause(model, event, name);
  if (command) {
    const last = command.emits[command.emits.length - 1];
    const at = last ? last.range.end : command.range.end;
    return [
      {
        title: `Add emits ${event.name} to command ${command.name}`,
        edits: single(command.uri, { range: { start: at, end: at }, newText: last ? `, ${event.name}` : ` emits ${event.name}` }),
        diagnostic,
        preferred: true,
      },
    ];
  }
  const context = model.contexts.get(event.contextName);
  const holder = event.aggregate ? aggregateHolder(event.aggregate) : context ? contextHolder(context) : undefined;
  const edit = holder ? appendMember(ctx, holder.uri, holder.range, `command ${name} emits ${event.name}`, holder.mayLackBody) : undefined;
  if (!holder || !edit) return [];
  return [{ title: `Create command ${name} emits ${event.name} in ${holder.label}`, edits: single(holder.uri, edit), diagnostic, preferred: true }];
}
