/**
 * The most frequent declarations, read straight from the lexed tokens: a bounded
 * context whose members are its owner, glossary, aggregates and their building
 * blocks (entities, value objects, enums, commands and events with plain fields
 * and invariants, events that apply changes), repositories, services, event
 * streams and read models; a domain with its subdomains; a context map with its
 * relationships; a saga; an event storming board.
 *
 * It builds the very elements and references the grammar's rules build for the
 * same tokens (test/syntax/direct-reader.test.ts holds the two equal, to the order
 * of each element's properties, on every .ddd file of the repository, on generated
 * and half-written models and on the forms next to these),
 * without chevrotain: no parser to build, no rule calls, no look-ahead
 * functions, no token objects. Most of a large model is such declarations, and
 * a process that checks one (`ddd check`, the language server's first parse)
 * spends most of its parse warming up chevrotain's engine.
 *
 * Anything else (another member, a mistake, a missing token) abandons the
 * declaration, having added nothing, and the grammar reads it as before: this
 * file only ever shortens the way to a result the grammar gives.
 *
 * The reader's parts (direct/*.ts) follow the grammar's: base → tactical →
 * event sourcing → strategic → sagas → storming.
 */
import type { Reference, TopLevelDeclaration } from '../model/elements';
import type { LexedText } from './lexer';
import { abandon } from './direct/direct-base';
import { ContextKeyword, ContextMapKeyword, DomainKeyword } from './direct/strategic-reader';
import { SagaKeyword } from './direct/saga-reader';
import { StormingKeyword, StormingReader } from './direct/storming-reader';

/** The declarations read here, by their keyword. */
const readers = new Map<number, (reader: StormingReader) => TopLevelDeclaration>([
  [ContextKeyword, (reader) => reader.context()],
  [DomainKeyword, (reader) => reader.domain()],
  [ContextMapKeyword, (reader) => reader.contextMap()],
  [SagaKeyword, (reader) => reader.saga()],
  [StormingKeyword, (reader) => reader.storming()],
]);

/** Declarations read here and declarations left to the grammar (for tests that count work, never time). */
export const directReading = { read: 0, left: 0 };

/**
 * Reads the declaration of tokens `from` to `to` into `declarations` and `references`;
 * false, having added nothing to either, when it is not one of the forms read here.
 */
export function readDeclaration(lexed: LexedText, from: number, to: number, uri: string, declarations: TopLevelDeclaration[], references: Reference[]): boolean {
  const read = readers.get(lexed.types[from]!);
  if (read === undefined) {
    directReading.left++;
    return false;
  }
  const reader = new StormingReader(lexed, from, to, uri, references);
  const referenceCount = references.length;
  try {
    const declaration = read(reader);
    if (!reader.atEnd()) throw abandon;
    declarations.push(declaration);
    directReading.read++;
    return true;
  } catch (error) {
    if (error !== abandon) throw error;
    references.length = referenceCount;
    directReading.left++;
    return false;
  }
}
