/**
 * A drawing that suits the panel: a diagram laid out left to right in a
 * narrow panel (or top to bottom in a wide one) shows as a thin strip, its
 * text too small to read; laid out the other way it fills the panel. Mermaid
 * takes the direction from the text's first lines, so the page can ask for the
 * other one without asking the server.
 */

/** The scale at which a drawing of `size` shows whole in `box` (with the viewport's margin). */
export function fitScale(size: { width: number; height: number }, box: { width: number; height: number }, margin = 16): number {
  if (!size.width || !size.height || !box.width || !box.height) return 1;
  return Math.min((box.width - 2 * margin) / size.width, (box.height - 2 * margin) / size.height);
}

/** Below this scale a drawing fitted whole is hard to read: the other direction is tried. */
export const readableScale = 0.6;

/**
 * The same mermaid text laid out the other way: a flowchart's `LR` ⇄ `TB`, a
 * class or state diagram (top to bottom unless told) left to right. Undefined
 * for a diagram without a direction (a sequence diagram) or with one set
 * some other way.
 */
export function turned(text: string): string | undefined {
  const newline = text.indexOf('\n');
  const header = newline < 0 ? text : text.slice(0, newline);
  const rest = newline < 0 ? '' : text.slice(newline);
  const flowchart = /^(flowchart|graph) (LR|TB|TD)\s*$/.exec(header);
  if (flowchart) return `${flowchart[1]} ${flowchart[2] === 'LR' ? 'TB' : 'LR'}${rest}`;
  if (/^(classDiagram|stateDiagram-v2)\s*$/.test(header)) {
    // a direction of their own (as the first statement) is left alone
    if (/^\s*direction\s/.test(rest.slice(1))) return undefined;
    return `${header}\n  direction LR${rest}`;
  }
  return undefined;
}
