/**
 * Building the page from data: elements get their text through textContent and
 * their attributes through setAttribute, never HTML from a string.
 */

export interface ElementOptions {
  className?: string;
  text?: string;
  title?: string;
  attrs?: Record<string, string | number | boolean | undefined>;
  on?: { [K in keyof HTMLElementEventMap]?: (event: HTMLElementEventMap[K]) => void };
}

export type Child = Node | string | undefined | null | false;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, options: ElementOptions = {}, children: Child[] = []): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (options.className) element.className = options.className;
  if (options.text !== undefined) element.textContent = options.text;
  if (options.title !== undefined) element.title = options.title;
  for (const [name, value] of Object.entries(options.attrs ?? {})) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const [name, handler] of Object.entries(options.on ?? {})) element.addEventListener(name, handler as EventListener);
  append(element, children);
  return element;
}

/** A custom element (the @vscode-elements components). */
export function custom<T extends HTMLElement = HTMLElement>(tag: string, options: ElementOptions = {}, children: Child[] = []): T {
  return h(tag as 'div', options, children) as unknown as T;
}

export function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

export function clear(element: Element): void {
  while (element.firstChild) element.removeChild(element.firstChild);
}

export function replaceChildren(element: Element, children: Child[]): void {
  clear(element);
  append(element, children);
}

/** A CSS colour from the model's view data: only `#rgb`, `#rrggbb`, `#rrggbbaa`. */
export function safeColour(value: string | undefined, fallback: string): string {
  return value !== undefined && /^#(?:[0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$/.test(value) ? value : fallback;
}

/** `1 234`, with the page's locale. */
export function count(value: number): string {
  return value.toLocaleString('en-US');
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${count(n)} ${n === 1 ? one : many}`;
}
