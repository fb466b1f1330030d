/**
 * The webview is a web page that draws model text: the extension treats what it
 * posts as untrusted. `parseWebviewMessage` accepts exactly the messages of
 * messages.ts (shapes, types, string lengths, enum values, no extra properties)
 * and returns undefined for anything else; the extension acts only on its result.
 */
import { attempt, boolean, either, integer, literal, object, oneOf, optional, string, tagged, Invalid, type Check } from './check';
import { limits } from './requests';
import { exportFormatIdPattern } from './model-export';
import { crashes, crashPoint, diagramOptions, faults, injections, name, probability, range, sagaVariant, seed, stepIndex, themeKind, uri, viewKind } from './schemas';
import { actionTargets, crashMoments, crashTargets } from './simulation';
import {
  exportFormats,
  webviewModes,
  type ExportMessage,
  type SelectViewMessage,
  type SimulatorAction,
  type SimulatorTarget,
  type WebviewMessage,
} from './messages';

const selectView: Check<SelectViewMessage> = object({
  type: literal('selectView'),
  view: viewKind,
  name: optional(name),
  variant: optional(sagaVariant),
  options: optional(diagramOptions),
});

const target: Check<SimulatorTarget> = object({ kind: oneOf(['saga', 'stream'] as const), name });

/**
 * An exported SVG, coarsely: an SVG document without the plain spellings of a
 * script, an event handler or a javascript: link. A first filter only (the
 * protocol layer has no XML parser): what makes a file safe to write is the
 * webview's DOMPurify pass (webview/shared/svg-file.ts) and the extension's
 * check with an XML parser and the allow-list of svg-allow-list.ts
 * (src/extension/panels/svg-export-check.ts), which runs before every write.
 */
const svgDocument: Check<string> = (value, path) => {
  const text = string({ max: 20_000_000, min: 1, raw: true })(value, path);
  if (!/^\s*(<\?xml[^>]*\?>\s*)?(<!--[\s\S]*?-->\s*)*<svg[\s>]/.test(text)) throw new Invalid(path, 'not an SVG document');
  if (/<script[\s/>]/i.test(text)) throw new Invalid(path, 'contains a script');
  if (/<[a-z][^<>]*\son[a-z]+\s*=/i.test(text)) throw new Invalid(path, 'contains an event handler');
  if (/<[a-z][^<>]*(href|src)\s*=\s*["']?\s*(javascript|data:text\/html)/i.test(text)) throw new Invalid(path, 'contains a script link');
  return text;
};

const pngDataUrl = string({ max: 40_000_000, min: 30, raw: true, pattern: /^data:image\/png;base64,[A-Za-z0-9+/]+={0,2}$/ });

const fileName = string({ max: 100, min: 1, pattern: /^[\p{L}\p{N}_\- ][\p{L}\p{N}_\-. ]*$/u });

const exportMessage: Check<ExportMessage> = (value, path) => {
  const message = object({ type: literal('export'), format: oneOf(exportFormats), content: optional(string({ max: 40_000_000, raw: true })), fileName: optional(fileName) })(value, path);
  if (message.format === 'svg') svgDocument(message.content, `${path}.content`);
  else if (message.format === 'png') pngDataUrl(message.content, `${path}.content`);
  else if (message.content !== undefined) throw new Invalid(`${path}.content`, 'not expected for markdown (the extension asks the server)');
  return message;
};

const simulatorAction: Check<SimulatorAction> = tagged<SimulatorAction>('action', {
  select: object({ action: literal('select'), target }),
  step: object({ action: literal('step') }),
  back: object({ action: literal('back') }),
  run: object({ action: literal('run') }),
  stepTo: object({ action: literal('stepTo'), step: integer(0, limits.steps) }),
  reset: object({ action: literal('reset'), clear: optional(boolean()) }),
  failStep: object({
    action: literal('failStep'),
    target: oneOf(actionTargets),
    step: stepIndex,
    attempts: optional(either(integer(1, limits.attempts), literal('always'))),
  }),
  crashAfter: (value, path) => {
    const { action, ...point } = object({
      action: literal('crashAfter'),
      target: oneOf(crashTargets),
      step: optional(stepIndex),
      when: oneOf(crashMoments),
    })(value, path);
    crashPoint(point, path);
    return { action, ...point };
  },
  failNext: object({ action: literal('failNext') }),
  crashHere: object({ action: literal('crashHere') }),
  scenario: object({ action: literal('scenario'), faults, crashes, injections: optional(injections) }),
  failReaction: object({ action: literal('failReaction'), reaction: integer(0, limits.list - 1) }),
  duplicate: object({ action: literal('duplicate'), event: name }),
  delay: object({ action: literal('delay'), event: name }),
  reorder: object({ action: literal('reorder'), enabled: boolean(), seed: optional(seed) }),
  explore: object({ action: literal('explore') }),
  bulk: object({ action: literal('bulk'), runs: integer(1, limits.runs), seed, failureRate: probability }),
});

const webviewMessage: Check<WebviewMessage> = tagged<WebviewMessage>('type', {
  ready: object({
    type: literal('ready'),
    mode: oneOf(webviewModes),
    theme: themeKind,
    view: optional(selectView),
    target: optional(target),
    pinned: optional(boolean()),
  }),
  theme: object({ type: literal('theme'), theme: themeKind }),
  selectView,
  pin: object({ type: literal('pin'), pinned: boolean() }),
  revealSource: object({ type: literal('revealSource'), uri, range }),
  export: exportMessage,
  exportModel: (value, path) => {
    const message = object({ type: literal('exportModel'), format: string({ max: 40 }) })(value, path);
    if (!exportFormatIdPattern.test(message.format)) throw new Invalid(`${path}.format`, 'a format id: lower-case letters, digits and -');
    return message;
  },
  simulate: object({ type: literal('simulate'), request: simulatorAction }),
});

/** The message, checked, or undefined when it is not exactly one of the webview's messages. */
export function parseWebviewMessage(value: unknown): WebviewMessage | undefined {
  const result = attempt(webviewMessage, value);
  return result.ok ? result.value : undefined;
}

/** Like parseWebviewMessage, with the reason a message was refused (for the extension's log). */
export function checkWebviewMessage(value: unknown): { ok: true; message: WebviewMessage } | { ok: false; reason: string } {
  const result = attempt(webviewMessage, value);
  return result.ok ? { ok: true, message: result.value } : result;
}
