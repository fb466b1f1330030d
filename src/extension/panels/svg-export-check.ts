/**
 * The check of an SVG document before it is written to disk. The webview
 * sanitises what it exports (DOMPurify), but the webview draws model text and
 * is not trusted: here the document is parsed by a real XML parser (sax, in
 * strict mode: entities decoded, namespaces resolved, no DTD expanded) and kept
 * only when every element and attribute is on the allow-list below, so a file
 * that runs script when opened is never written, whatever its spelling
 * (namespace prefixes, entity-encoded schemes, `>` inside attribute values).
 *
 * Refused: any element outside the SVG namespace or the list (so `script`,
 * `foreignObject`, `iframe`, `a`, `image`, `set`, `animate…`), any attribute
 * outside the list (so every `on…` handler), a link that is not to a fragment
 * of the document itself (`#id`), a `javascript:`, `vbscript:` or `data:` URL in
 * any attribute, CSS that imports, escapes or points outside the document, a
 * DOCTYPE (entities), CDATA, and processing instructions other than the XML
 * declaration. No `vscode` import: the unit tests and the CLI use it as it is.
 */
import sax, { type QualifiedAttribute, type QualifiedTag } from 'sax';
import {
  svgCssProblem,
  svgFileAttributePattern as allowedAttributePattern,
  svgFileAttributes as allowedAttributes,
  svgFileElements as allowedElements,
  svgFragmentLink,
  svgValueProblem,
} from '../../protocol/svg-allow-list';

const SVG = 'http://www.w3.org/2000/svg';
const XLINK = 'http://www.w3.org/1999/xlink';
const XML = 'http://www.w3.org/XML/1998/namespace';
const XMLNS = 'http://www.w3.org/2000/xmlns/';

/** Namespaces a document may declare. */
const allowedNamespaces = new Set([SVG, XLINK]);

export type SvgExportVerdict = { ok: true } | { ok: false; reason: string };

class Refused extends Error {}

/** CSS (a `<style>` element or a `style` attribute) that stays inside the document. */
function checkCss(css: string, where: string): void {
  const problem = svgCssProblem(css);
  if (problem) throw new Refused(`${where}: ${problem}`);
}

function checkAttribute(element: string, attribute: QualifiedAttribute): void {
  const { name, value, uri, local } = attribute;
  const where = `<${element} ${name}>`;
  if (uri === XMLNS) {
    if (!allowedNamespaces.has(value)) throw new Refused(`${where}: the namespace ${value} is not allowed`);
    return;
  }
  const isHref = (uri === '' && local === 'href') || (uri === XLINK && local === 'href');
  if (uri === XML) {
    if (local !== 'space' && local !== 'lang') throw new Refused(`${where}: not an allowed attribute`);
  } else if (!isHref && (uri !== '' || !(allowedAttributes.has(local) || allowedAttributePattern.test(local)))) {
    throw new Refused(/^on/i.test(local) ? `${where}: event handlers are not allowed` : `${where}: not an allowed attribute`);
  }
  if (isHref && !svgFragmentLink.test(value.trim())) throw new Refused(`${where}: links go only to a part of the document (#id)`);
  const problem = svgValueProblem(value);
  if (problem) throw new Refused(`${where}: ${problem}`);
  if (local === 'style') checkCss(value, where);
  else if (/url\(/i.test(value)) checkCss(value, where);
}

function checkElement(tag: QualifiedTag, depth: number): void {
  if (tag.uri !== SVG) throw new Refused(`<${tag.name}>: only SVG elements are allowed`);
  if (depth === 0 && tag.local !== 'svg') throw new Refused(`<${tag.name}>: the document is not an SVG`);
  if (!allowedElements.has(tag.local)) throw new Refused(`<${tag.name}>: not an allowed element`);
  for (const attribute of Object.values(tag.attributes)) checkAttribute(tag.name, attribute);
}

/** Whether `text` is an SVG document that is safe to write to disk; the reason when it is not. */
export function checkExportedSvg(text: string): SvgExportVerdict {
  const parser = sax.parser(true, { xmlns: true, position: true, strictEntities: true });
  const open: string[] = [];
  let roots = 0;
  let styleText: string | undefined;
  const at = () => ` (line ${parser.line + 1})`;
  parser.onerror = (error) => {
    throw new Refused(`not well-formed XML: ${error.message.split('\n')[0]}`);
  };
  parser.ondoctype = () => {
    throw new Refused('a DOCTYPE is not allowed (it can declare entities)');
  };
  parser.onprocessinginstruction = ({ name }) => {
    if (name.toLowerCase() !== 'xml' || roots > 0) throw new Refused(`the processing instruction <?${name}?> is not allowed`);
  };
  parser.onsgmldeclaration = () => {
    throw new Refused('an SGML declaration is not allowed');
  };
  parser.onopencdata = () => {
    throw new Refused('CDATA sections are not allowed');
  };
  parser.onopentag = (tag) => {
    if (open.length === 0 && roots++ > 0) throw new Refused('more than one root element');
    if (styleText !== undefined) throw new Refused(`<${tag.name}> inside <style>`);
    checkElement(tag, open.length);
    open.push(tag.local);
    if (tag.local === 'style') styleText = '';
  };
  parser.ontext = (chunk) => {
    if (styleText !== undefined) styleText += chunk;
  };
  parser.onclosetag = () => {
    if (open.pop() === 'style' && styleText !== undefined) {
      checkCss(styleText, '<style>');
      styleText = undefined;
    }
  };
  try {
    parser.write(text).close();
    if (roots === 0) return { ok: false, reason: 'not an SVG document' };
    return { ok: true };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, reason: `${error.message}${at()}` };
    return { ok: false, reason: `not well-formed XML: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}${at()}` };
  }
}
