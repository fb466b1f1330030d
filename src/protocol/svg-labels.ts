/**
 * Mermaid's HTML labels (a `foreignObject` holding HTML) as SVG text, for a
 * drawing that becomes a file: a file may not hold `foreignObject` (it can
 * carry any HTML, and an SVG file is opened by browsers).
 *
 * Shared by the preview (webview/shared/svg-file.ts) and by `ddd export
 * --format svg` (a headless page): the function is self-contained, with its
 * helpers inside, because the command line hands its source text to the page.
 */

/**
 * Mermaid draws many labels as HTML in a `foreignObject`, which a file may not
 * hold (it can carry any HTML). Each one of `copy` becomes SVG text in the same
 * box, in the font and colours the label is drawn with in `live` (the same
 * drawing, in the page: the labels are measured there), line for line.
 */
export function htmlLabelsAsSvgText(live: SVGSVGElement, copy: SVGSVGElement): number {
  const SVG = 'http://www.w3.org/2000/svg';
  /**
   * The lines of an HTML label as the page draws them: its words grouped by the
   * line they are drawn on (so a label that wraps, or holds `<br>`, keeps its lines).
   */
  function drawnLines(content: HTMLElement): string[] {
    const lines: string[][] = [];
    let lastTop: number | undefined;
    let lastBlock: Element | null = null;
    const walker = document.createTreeWalker(content, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      const block = node.parentElement?.closest('p, div, br, li') ?? null;
      for (const match of text.matchAll(/\S+/g)) {
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const rect = range.getClientRects()[0];
        const top = rect ? rect.top : lastTop ?? 0;
        const height = rect ? rect.height : 0;
        const newLine = lastTop === undefined || top > lastTop + Math.max(1, height / 2) || top < lastTop - Math.max(1, height / 2) || (!rect && block !== lastBlock);
        if (newLine) lines.push([]);
        lines[lines.length - 1]!.push(match[0]);
        lastTop = top;
        lastBlock = block;
      }
    }
    return lines.map((words) => words.join(' '));
  }

  /** A CSS colour that paints something (not transparent). */
  function painted(color: string): boolean {
    return color !== '' && color !== 'transparent' && !/^rgba\(.*,\s*0\)$/.test(color);
  }

  const drawn = Array.from(live.querySelectorAll('foreignObject'));
  const copies = Array.from(copy.querySelectorAll('foreignObject'));
  copies.forEach((target, index) => {
    const source = drawn[index];
    const parent = target.parentNode;
    if (!parent) return;
    const box = { x: Number(target.getAttribute('x') ?? 0) || 0, y: Number(target.getAttribute('y') ?? 0) || 0, width: Number(target.getAttribute('width') ?? 0) || 0, height: Number(target.getAttribute('height') ?? 0) || 0 };
    const content = source?.firstElementChild as HTMLElement | null | undefined;
    const lines = content ? drawnLines(content) : (target.textContent ?? '').split('\n').map((line) => line.trim()).filter(Boolean);
    const replacement = document.createElementNS(SVG, 'g');
    replacement.setAttribute('class', 'ddd-label');
    if (lines.length) {
      const inner = (content?.querySelector('span, p') as HTMLElement | null) ?? content;
      const style = inner ? getComputedStyle(inner) : undefined;
      const fontSize = Number.parseFloat(style?.fontSize ?? '') || 14;
      const lineHeight = Number.parseFloat(style?.lineHeight ?? '') || fontSize * 1.5;
      const background = [inner, content].map((element) => (element ? getComputedStyle(element).backgroundColor : '')).find(painted);
      if (background && box.width > 0 && box.height > 0) {
        const rect = document.createElementNS(SVG, 'rect');
        for (const [name, value] of Object.entries({ x: box.x, y: box.y, width: box.width, height: box.height })) rect.setAttribute(name, String(value));
        rect.setAttribute('fill', background);
        replacement.appendChild(rect);
      }
      const text = document.createElementNS(SVG, 'text');
      text.setAttribute('x', String(box.x + box.width / 2));
      text.setAttribute('y', String(box.y + box.height / 2 - ((lines.length - 1) * lineHeight) / 2));
      text.setAttribute('text-anchor', 'middle');
      text.setAttribute('dominant-baseline', 'central');
      text.setAttribute('font-size', `${fontSize}px`);
      if (style?.fontFamily) text.setAttribute('font-family', style.fontFamily);
      if (style?.fontWeight && style.fontWeight !== '400' && style.fontWeight !== 'normal') text.setAttribute('font-weight', style.fontWeight);
      if (style?.fontStyle === 'italic') text.setAttribute('font-style', 'italic');
      if (style?.color) text.setAttribute('fill', style.color);
      // a node's style (mermaid's classDef: `.core > * { stroke: … }`) reaches the label's group; HTML text had no stroke
      text.setAttribute('stroke', 'none');
      lines.forEach((line, n) => {
        const span = document.createElementNS(SVG, 'tspan');
        span.setAttribute('x', String(box.x + box.width / 2));
        if (n > 0) span.setAttribute('dy', String(lineHeight));
        span.textContent = line;
        text.appendChild(span);
      });
      replacement.appendChild(text);
    }
    parent.replaceChild(replacement, target);
  });
  return copies.length;
}
