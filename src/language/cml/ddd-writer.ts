/**
 * Writes .ddd text for the importer: indented lines, blocks, strings quoted the
 * .ddd way, and CML's comments put back where they were (each comment is written
 * before the first line that comes after it in the CML file), plus the list of
 * what could not be carried over.
 */
import type { Located } from './ast';
import type { CmlComment } from './lexer';

export interface CmlDropped {
  /** One-based line in the CML file. */
  line: number;
  reason: string;
}

/** A .ddd string literal: one line, `\"`, `\\`, `\n`, `\t` escaped. */
export function dddString(text: string): string {
  return '"' + text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r\n|\r|\n/g, '\\n').replace(/\t/g, '\\t') + '"';
}

export class DddWriter {
  private readonly lines: string[] = [];
  private depth = 0;
  private nextComment = 0;
  /** The line of the block opened last, while nothing has been written after it. */
  private openLine = -1;
  /** The CML line of what was written last, when it came from one. */
  private lastSourceLine: number | undefined;
  readonly dropped: CmlDropped[] = [];

  constructor(private readonly comments: readonly CmlComment[]) {}

  /** Writes the comments that come before `offset` in the CML file. */
  commentsBefore(offset: number): void {
    while (this.nextComment < this.comments.length && this.comments[this.nextComment]!.at < offset) {
      const comment = this.comments[this.nextComment++]!;
      // a `//` comment at the end of the CML line just written stays at the end of its line
      if (!comment.block && comment.line === this.lastSourceLine && this.lines.length) {
        this.lines[this.lines.length - 1] += ' ' + comment.text.trimEnd();
        this.openLine = -1;
        continue;
      }
      const [first, ...rest] = comment.text.split(/\r\n|\r|\n/);
      this.lines.push('  '.repeat(this.depth) + first!.trimEnd());
      for (const line of rest) this.lines.push(line.trimEnd());
    }
  }

  /** A line for a CML element that starts at `from` (its comments first). */
  line(text: string, from?: Located): void {
    if (from) this.commentsBefore(from.at);
    this.lines.push('  '.repeat(this.depth) + text);
    this.lastSourceLine = from?.line;
  }

  open(text: string, from?: Located): void {
    this.line(text + ' {', from);
    this.openLine = this.lines.length - 1;
    this.depth++;
  }

  /** Closes a block whose CML element ends at `end` (comments inside it come first). */
  close(end?: number): void {
    if (end !== undefined) this.commentsBefore(end);
    this.depth--;
    const last = this.lines.length - 1;
    // a block that stayed empty is written `name {}`
    if (last >= 0 && this.openLine === last) this.lines[last] += '}';
    else this.lines.push('  '.repeat(this.depth) + '}');
    this.openLine = -1;
    this.lastSourceLine = undefined;
  }

  blank(): void {
    if (this.lines.length && this.lines.at(-1) !== '') this.lines.push('');
  }

  drop(from: Located, reason: string): void {
    this.dropped.push({ line: from.line, reason });
  }

  text(): string {
    this.commentsBefore(Number.POSITIVE_INFINITY);
    while (this.lines.at(-1) === '') this.lines.pop();
    return this.lines.join('\n') + '\n';
  }
}
