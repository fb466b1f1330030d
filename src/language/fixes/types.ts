/**
 * What a quick fix is, as plain data: the editor offers fixes as code actions,
 * `ddd check --fix` applies the safe ones to the files. Ranges are offsets into
 * the text of the document the edit belongs to, like everything in the core.
 */
import type { Diagnostic } from '../diagnostics';
import type { TextRange } from '../model/elements';
import type { DddModel } from '../model/model';

/** Replace `range` of the document `uri` with `newText`. */
export interface FixEdit {
  uri: string;
  range: TextRange;
  newText: string;
}

export interface Fix {
  /** What the fix does, in the user's words: `Rename OrderPlace to OrderPlaced`. */
  title: string;
  /**
   * True when the fix can be applied unattended (`ddd check --fix`): the rule
   * knows the one right repair. A fix that needs a human choice (which
   * subdomain type, which of several names, where a new declaration goes) is
   * not safe, and only offered in the editor.
   */
  safe: boolean;
  /** The fix the editor marks as preferred for its finding. */
  preferred?: boolean;
  /** The edits, in any order, in one or more documents; they never overlap one another. */
  edits: FixEdit[];
  /**
   * The name the fix gives a declaration (renames), qualified by its context
   * when it has one: two fixes giving the same new name are not applied
   * together, since each was checked against the model without the other.
   */
  newName?: string;
}

/** The finding a fix repairs: a diagnostic's place, code and data. */
export type FixFinding = Pick<Diagnostic, 'uri' | 'range' | 'code' | 'data'>;

/** What the fixes of a finding may look at. */
export interface FixContext {
  model: DddModel;
  /** The findings of the workspace in a document (a swap of two names checks the other name's finding). */
  findingsIn(uri: string): readonly FixFinding[];
}

/** The fixes of one family for one finding (none when the finding's data do not allow one). */
export type FixProvider = (context: FixContext, finding: FixFinding) => Fix[];

/** A context over a list of findings (the result of checkWorkspace). */
export function fixContext(model: DddModel, findings: readonly FixFinding[]): FixContext {
  const byUri = new Map<string, FixFinding[]>();
  for (const finding of findings) {
    const list = byUri.get(finding.uri);
    if (list) list.push(finding);
    else byUri.set(finding.uri, [finding]);
  }
  return { model, findingsIn: (uri) => byUri.get(uri) ?? [] };
}
