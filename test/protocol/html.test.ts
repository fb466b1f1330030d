/** The webview's page: a CSP that allows the bundle by nonce and nothing else to run. */
import { describe, expect, test } from 'vitest';
import { createNonce, webviewHtml } from '../../src/protocol/index';

const options = {
  cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
  nonce: 'abcdefghijklmnopqrstuv==',
  scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview.js',
  styleUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview.css',
  mode: 'preview' as const,
};

function csp(html: string): Record<string, string> {
  const content = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)![1]!.replace(/&#39;|&quot;/g, "'");
  return Object.fromEntries(content.split(';').map((directive) => directive.trim().split(/\s+(.*)/s).slice(0, 2) as [string, string]));
}

describe('webviewHtml', () => {
  test('the page: mode on the body, the stylesheet, the bundle by nonce', () => {
    const html = webviewHtml(options);
    expect(html).toContain('<body data-mode="preview">');
    expect(html).toContain(`<link rel="stylesheet" href="${options.styleUri}">`);
    expect(html).toContain(`<script nonce="${options.nonce}" src="${options.scriptUri}"></script>`);
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(webviewHtml({ ...options, mode: 'simulator' })).toContain('<body data-mode="simulator">');
    expect(webviewHtml({ ...options, mode: 'simulator' })).toContain('<title>DDD Saga Simulator</title>');
  });

  test('the CSP: nothing by default, scripts by nonce only, styles inline for mermaid (no nonce there)', () => {
    const policy = csp(webviewHtml(options));
    expect(policy['default-src']).toBe("'none'");
    expect(policy['script-src']).toBe(`'nonce-${options.nonce}'`);
    expect(policy['style-src']).toBe(`${options.cspSource} 'unsafe-inline'`);
    expect(policy['style-src']).not.toContain('nonce');
    expect(policy['img-src']).toBe(`${options.cspSource} data: blob:`);
    expect(policy['font-src']).toBe(options.cspSource);
    expect(policy['base-uri']).toBe("'none'");
    expect(Object.keys(policy)).not.toContain('connect-src');
    expect(JSON.stringify(policy)).not.toMatch(/unsafe-eval|\*/);
  });

  test('attribute values are escaped', () => {
    const html = webviewHtml({ ...options, scriptUri: 'https://x/a.js"><script>alert(1)</script>', title: '<b>"x"</b>' });
    expect(html).toContain('src="https://x/a.js&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(html).toContain('<title>&lt;b&gt;&quot;x&quot;&lt;/b&gt;</title>');
    expect(html.match(/<script/g)).toHaveLength(1);
  });

  test('refuses a nonce, a mode or a CSP source that would weaken the policy', () => {
    expect(() => webviewHtml({ ...options, nonce: 'short' })).toThrow(/nonce/);
    expect(() => webviewHtml({ ...options, nonce: "abcdefghijklmnopqrst' 'unsafe-inline" })).toThrow(/nonce/);
    expect(() => webviewHtml({ ...options, mode: 'editor' as never })).toThrow(/mode/);
    expect(() => webviewHtml({ ...options, cspSource: "https://x; script-src 'unsafe-inline'" })).toThrow(/cspSource/);
  });
});

test('createNonce: 128 random bits, base64, fresh each time', () => {
  const nonces = new Set(Array.from({ length: 50 }, createNonce));
  expect(nonces.size).toBe(50);
  for (const nonce of nonces) {
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(() => webviewHtml({ ...options, nonce })).not.toThrow();
  }
});

test("the page accepts VS Code's own cspSource (desktop and web: `'self' https://*.vscode-cdn.net`)", () => {
  const page = webviewHtml({ cspSource: "'self' https://*.vscode-cdn.net", nonce: createNonce(), scriptUri: 'https://x.vscode-cdn.net/dist/webview.js', styleUri: 'https://x.vscode-cdn.net/dist/webview.css', mode: 'preview' });
  expect(page).toContain("style-src 'self' https://*.vscode-cdn.net 'unsafe-inline'");
  expect(() => webviewHtml({ cspSource: "'unsafe-eval'", nonce: createNonce(), scriptUri: 'a', styleUri: 'b', mode: 'preview' })).toThrow(/cspSource/);
});
