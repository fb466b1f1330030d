/**
 * The @vscode-elements components the panels use (each import defines its
 * custom element). They draw with VS Code's theme variables.
 */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-tabs/index.js';
import '@vscode-elements/elements/dist/vscode-tab-header/index.js';
import '@vscode-elements/elements/dist/vscode-tab-panel/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import '@vscode-elements/elements/dist/vscode-label/index.js';
import '@vscode-elements/elements/dist/vscode-badge/index.js';
import '@vscode-elements/elements/dist/vscode-divider/index.js';
import '@vscode-elements/elements/dist/vscode-progress-ring/index.js';
import { custom, type ElementOptions } from './dom';

export interface ButtonOptions extends ElementOptions {
  secondary?: boolean;
  disabled?: boolean;
}

/** A <vscode-button>; its label is text. */
export function button(label: string, onClick: () => void, options: ButtonOptions = {}): HTMLElement {
  const element = custom('vscode-button', { ...options, text: label, attrs: { ...options.attrs, secondary: options.secondary, disabled: options.disabled } });
  element.addEventListener('click', () => {
    if (!element.hasAttribute('disabled')) onClick();
  });
  return element;
}

export interface SelectOption {
  value: string;
  label: string;
  description?: string;
}

export interface SingleSelect extends HTMLElement {
  value: string;
  disabled: boolean;
}

/** A <vscode-single-select> of options; `changed` gets the chosen value. */
export function singleSelect(options: SelectOption[], selected: string | undefined, changed: (value: string) => void, attrs: ElementOptions['attrs'] = {}): SingleSelect {
  const select = custom<SingleSelect>('vscode-single-select', { attrs });
  fillSelect(select, options, selected);
  select.addEventListener('change', () => changed(select.value));
  return select;
}

export function fillSelect(select: SingleSelect, options: SelectOption[], selected: string | undefined): void {
  while (select.firstChild) select.removeChild(select.firstChild);
  for (const option of options) {
    const element = custom('vscode-option', { text: option.label, attrs: { value: option.value, selected: option.value === selected, description: option.description } });
    select.appendChild(element);
  }
  if (selected !== undefined) select.value = selected;
}

/** A button that is on or off (pressed): filled when on. */
export function toggleButton(label: string, pressed: boolean, onClick: () => void, options: ButtonOptions = {}): HTMLElement {
  const element = button(label, onClick, { ...options, secondary: !pressed, attrs: { ...options.attrs, 'aria-pressed': pressed ? 'true' : 'false' } });
  element.classList.add('ddd-toggle');
  if (pressed) element.classList.add('ddd-on');
  return element;
}

let fieldCounter = 0;

export interface TextField extends HTMLElement {
  value: string;
}

/** A <vscode-textfield> with a label. */
export function textField(label: string, value: string, options: { type?: string; min?: number; max?: number; step?: string; size?: number; title?: string } = {}): { element: HTMLElement; field: TextField } {
  const id = `ddd-field-${++fieldCounter}`;
  const field = custom<TextField>('vscode-textfield', {
    title: options.title,
    attrs: { id, value, type: options.type ?? 'text', min: options.min, max: options.max, step: options.step, size: options.size },
  });
  field.value = value;
  const element = custom('span', { className: 'ddd-field' }, [custom('vscode-label', { text: label, attrs: { for: id } }), field]);
  return { element, field };
}
