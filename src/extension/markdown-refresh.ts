/**
 * When the Markdown previews that draw from the workspace are refreshed, and
 * in what order the changed model files reach the plugin's model.
 *
 * `markdown.preview.refresh` renders the previews at once, with whatever text
 * the plugin holds then: so the refresh is sent a moment after the last change
 * *and* once no read of a changed file is under way (a refresh sent while one
 * is leaves that file's old text on the page, and nothing would draw it again).
 * A file's reads are applied one after the other, in the order its changes
 * came: a slow read of an older text never overwrites a newer one.
 */

/** The pause after the last change before the previews are refreshed. */
export const REFRESH_DELAY_MS = 300;
/** The longest a refresh waits for reads under way (a file system that never answers holds the previews up no longer). */
export const LONGEST_READ_WAIT_MS = 5000;
/** The changed files a refresh names (in the log), at most. */
const NAMED_FILES = 3;

export class PreviewRefresh {
  private readonly queues = new Map<string, Promise<boolean>>();
  private readsUnderWay = 0;
  private wanted = false;
  private readonly changedFiles = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | undefined;

  /** `send` refreshes the previews; it gets the first few files changed since the last refresh, and whether others did too. */
  constructor(private readonly send: (changed: readonly string[], others: boolean) => void) {}

  /** Runs `update` (a read of `file` into the model; true when the model changed) after that file's earlier updates. */
  inTurn(file: string, update: () => boolean | Promise<boolean>): Promise<boolean> {
    this.readsUnderWay++;
    const turn = (this.queues.get(file) ?? Promise.resolve(false))
      .then(update)
      // an update reports its own problems; one that throws changes nothing
      .catch(() => false)
      .finally(() => {
        this.readsUnderWay--;
        if (this.queues.get(file) === turn) this.queues.delete(file);
        if (this.readsUnderWay === 0 && this.wanted) this.schedule();
      });
    this.queues.set(file, turn);
    return turn;
  }

  /** The model changed (`file`, when one file did): the previews are refreshed a moment after the last change, once no read is under way. */
  changed(file?: string): void {
    this.wanted = true;
    // one more than is named: enough to tell that others changed too
    if (file !== undefined && this.changedFiles.size <= NAMED_FILES) this.changedFiles.add(file);
    this.schedule();
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.wanted = false;
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.refresh(false), REFRESH_DELAY_MS);
  }

  private refresh(evenIfReading: boolean): void {
    this.timer = undefined;
    if (!this.wanted) return;
    if (this.readsUnderWay > 0 && !evenIfReading) {
      // the last read to end schedules the refresh again
      this.timer = setTimeout(() => this.refresh(true), LONGEST_READ_WAIT_MS);
      return;
    }
    this.wanted = false;
    const files = [...this.changedFiles];
    this.changedFiles.clear();
    this.send(files.slice(0, NAMED_FILES), files.length > NAMED_FILES);
  }
}
