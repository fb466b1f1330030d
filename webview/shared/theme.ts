/**
 * VS Code tells a webview its theme by a class on <body> (vscode-light,
 * vscode-dark, vscode-high-contrast, vscode-high-contrast-light) and its colours
 * by CSS variables; mermaid is configured from both.
 */
import type { ThemeKind } from '../../src/protocol/diagrams';

export function currentTheme(): ThemeKind {
  const classes = document.body.classList;
  if (classes.contains('vscode-high-contrast-light')) return 'high-contrast-light';
  if (classes.contains('vscode-high-contrast')) return 'high-contrast';
  if (classes.contains('vscode-dark')) return 'dark';
  return 'light';
}

export function isDark(theme: ThemeKind): boolean {
  return theme === 'dark' || theme === 'high-contrast';
}

/** Calls back when VS Code switches theme. */
export function watchTheme(changed: (theme: ThemeKind) => void): void {
  let last = currentTheme();
  new MutationObserver(() => {
    const theme = currentTheme();
    if (theme !== last) {
      last = theme;
      changed(theme);
    }
  }).observe(document.body, { attributes: true, attributeFilter: ['class'] });
}

/** A VS Code colour variable's value, or the fallback. */
export function cssVariable(name: string, fallback: string): string {
  const value = getComputedStyle(document.body).getPropertyValue(name).trim();
  return value || fallback;
}

export interface MermaidTheme {
  theme: 'default' | 'dark' | 'base';
  themeVariables: Record<string, string | boolean>;
}

/** light → `default`, dark → `dark`, high contrast → `base` with the contrast colours. */
export function mermaidTheme(theme: ThemeKind): MermaidTheme {
  const fontFamily = cssVariable('--vscode-font-family', 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif');
  switch (theme) {
    case 'light':
      return { theme: 'default', themeVariables: { fontFamily } };
    case 'dark':
      return { theme: 'dark', themeVariables: { fontFamily, darkMode: true } };
    case 'high-contrast': {
      const border = cssVariable('--vscode-contrastBorder', '#6fc3df');
      return {
        theme: 'base',
        themeVariables: {
          fontFamily,
          darkMode: true,
          background: '#000000',
          primaryColor: '#000000',
          primaryTextColor: '#ffffff',
          primaryBorderColor: border,
          secondaryColor: '#000000',
          tertiaryColor: '#000000',
          lineColor: '#ffffff',
          textColor: '#ffffff',
          mainBkg: '#000000',
          nodeBorder: border,
          clusterBkg: '#000000',
          clusterBorder: border,
          edgeLabelBackground: '#000000',
          noteBkgColor: '#000000',
          noteTextColor: '#ffffff',
          noteBorderColor: border,
          actorBkg: '#000000',
          actorBorder: border,
          actorTextColor: '#ffffff',
          signalColor: '#ffffff',
          signalTextColor: '#ffffff',
          labelBoxBkgColor: '#000000',
          labelTextColor: '#ffffff',
        },
      };
    }
    case 'high-contrast-light': {
      const border = cssVariable('--vscode-contrastBorder', '#0f4a85');
      return {
        theme: 'base',
        themeVariables: {
          fontFamily,
          background: '#ffffff',
          primaryColor: '#ffffff',
          primaryTextColor: '#000000',
          primaryBorderColor: border,
          secondaryColor: '#ffffff',
          tertiaryColor: '#ffffff',
          lineColor: '#000000',
          textColor: '#000000',
          mainBkg: '#ffffff',
          nodeBorder: border,
          clusterBkg: '#ffffff',
          clusterBorder: border,
          edgeLabelBackground: '#ffffff',
          noteBkgColor: '#ffffff',
          noteTextColor: '#000000',
          noteBorderColor: border,
          actorBkg: '#ffffff',
          actorBorder: border,
          actorTextColor: '#000000',
          signalColor: '#000000',
          signalTextColor: '#000000',
        },
      };
    }
  }
}
