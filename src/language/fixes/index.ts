/**
 * Quick fixes in the core: for a finding, the fixes that repair it, as plain
 * data (a title, whether it is safe unattended, text edits by offsets). The
 * language server offers them as code actions; `ddd check --fix` applies the
 * safe ones.
 */
export type { Fix, FixContext, FixEdit, FixFinding, FixProvider } from './types';
export { fixContext } from './types';
export { fixableCodes, fixesFor } from './registry';
export { creationFixes, creationFixesAt } from './create';
export { fixWorkspace, selectFixes, MAX_FIX_ROUNDS, type Selection, type FixReport, type FixRun, type SkippedFix } from './apply';
