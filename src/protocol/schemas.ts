/**
 * The checks of the values the protocol carries, shared by the webview message
 * validator (validate.ts) and the server's request validator (validate-requests.ts).
 */
import { array, boolean, either, integer, literal, number, object, oneOf, optional, string, Invalid, type Check } from './check';
import { layoutChoices, sagaVariants, themeKinds, viewKinds, type DiagramOptions } from './diagrams';
import { limits } from './requests';
import { actionTargets, crashMoments, crashTargets, type ChoreographyInjections, type CrashPoint, type Fault } from './simulation';
import type { SourceRange } from './source';

/** A name of the model: a view, a saga, a context, an event. */
export const name: Check<string> = string({ max: limits.name, min: 1 });

/** URI schemes a webview may ask to reveal: documents of a workspace, never `command:`, `javascript:` or the web. */
export const revealSchemes = ['file', 'untitled', 'vscode-vfs', 'vscode-remote', 'vscode-userdata', 'vscode-test-web', 'memfs'] as const;

export const uri: Check<string> = (value, path) => {
  const text = string({ max: 2048, min: 1, pattern: /^[A-Za-z][A-Za-z0-9+.-]*:[^\s]*$/ })(value, path);
  const scheme = text.slice(0, text.indexOf(':')).toLowerCase();
  if (!(revealSchemes as readonly string[]).includes(scheme)) throw new Invalid(path, `the scheme ${JSON.stringify(scheme.slice(0, 20))} is not allowed`);
  return text;
};

/** A zero-based line and UTF-16 character (LSP's Position). */
export const position = object({ line: integer(0, 10_000_000), character: integer(0, 10_000_000) });

export const range: Check<SourceRange> = (value, path) => {
  const checked = object({ start: position, end: position })(value, path);
  const { start, end } = checked;
  if (end.line < start.line || (end.line === start.line && end.character < start.character)) throw new Invalid(path, 'ends before it starts');
  return checked;
};

export const viewKind = oneOf(viewKinds);
export const sagaVariant = oneOf(sagaVariants);
export const themeKind = oneOf(themeKinds);

export const diagramOptions: Check<DiagramOptions> = object({
  focus: optional(name),
  map: optional(name),
  aggregate: optional(name),
  layout: optional(oneOf(layoutChoices)),
  theme: optional(themeKind),
});

/** A 0-based step of a saga. */
export const stepIndex = integer(0, limits.list - 1);

export const fault: Check<Fault> = object({
  target: oneOf(actionTargets),
  step: stepIndex,
  attempts: optional(either(integer(1, limits.attempts), literal('always'))),
});

export const crashPoint: Check<CrashPoint> = (value, path) => {
  const point = object({
    target: oneOf(crashTargets),
    step: optional(stepIndex),
    attempt: optional(integer(0, limits.attempts)),
    when: oneOf(crashMoments),
  })(value, path);
  if ((point.target === 'step' || point.target === 'compensation') && point.step === undefined) throw new Invalid(`${path}.step`, 'required for a step or a compensation');
  return point;
};

export const faults = array(fault, limits.list);
export const crashes = array(crashPoint, limits.list);

export const seed = integer(0, 0xffff_ffff);

export const injections: Check<ChoreographyInjections> = object({
  failReactions: optional(array(integer(0, limits.list - 1), limits.list)),
  duplicate: optional(array(name, limits.list)),
  delay: optional(array(name, limits.list)),
  reorder: optional(boolean()),
  seed: optional(seed),
});

export const probability = number(0, 1);
