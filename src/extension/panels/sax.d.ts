/**
 * The part of sax (isaacs/sax-js, a strict streaming XML parser; it ships no
 * types) that svg-export-check.ts uses.
 */
declare module 'sax' {
  export interface QualifiedAttribute {
    name: string;
    value: string;
    prefix: string;
    local: string;
    uri: string;
  }
  export interface QualifiedTag {
    name: string;
    prefix: string;
    local: string;
    uri: string;
    attributes: Record<string, QualifiedAttribute>;
    isSelfClosing: boolean;
  }
  export interface SAXOptions {
    xmlns?: boolean;
    position?: boolean;
    trim?: boolean;
    normalize?: boolean;
    lowercase?: boolean;
    strictEntities?: boolean;
  }
  export interface SAXParser {
    line: number;
    column: number;
    error: Error | null;
    onerror: (error: Error) => void;
    onopentag: (tag: QualifiedTag) => void;
    onclosetag: (name: string) => void;
    ontext: (text: string) => void;
    oncdata: (text: string) => void;
    onopencdata: () => void;
    oncomment: (text: string) => void;
    ondoctype: (doctype: string) => void;
    onprocessinginstruction: (instruction: { name: string; body: string }) => void;
    onsgmldeclaration: (declaration: string) => void;
    write(text: string): SAXParser;
    close(): SAXParser;
  }
  export function parser(strict: boolean, options?: SAXOptions): SAXParser;
  const sax: { parser: typeof parser };
  export default sax;
}
