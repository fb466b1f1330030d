/**
 * The diff panel's contract: the page's Content-Security-Policy, and the check of
 * the messages the page posts (untrusted: only exact shapes with bounded indexes pass).
 */
import { describe, expect, it } from 'vitest';
import { checkDiffWebviewMessage, diffPanelHtml } from '../../src/protocol/diff';
import { createNonce } from '../../src/protocol/html';

const options = { cspSource: 'https://file+.vscode-resource.vscode-cdn.net', nonce: createNonce(), scriptUri: 'https://x/dist/webview-diff.js', styleUri: 'https://x/dist/webview-diff.css' };

describe('the diff panel page', () => {
  it('runs only its own script, by nonce, and loads nothing from the network', () => {
    const html = diffPanelHtml(options);
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)![1]!;
    expect(csp.split('; ')).toEqual([
      "default-src 'none'",
      `img-src ${options.cspSource} data:`,
      `style-src ${options.cspSource} 'unsafe-inline'`,
      `font-src ${options.cspSource}`,
      `script-src 'nonce-${options.nonce}'`,
      "base-uri 'none'",
      "form-action 'none'",
    ]);
    expect(html).toContain(`<script nonce="${options.nonce}" src="https://x/dist/webview-diff.js"></script>`);
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).toContain('<body data-mode="diff">');
  });

  it('refuses a nonce or a cspSource that would break out of the policy', () => {
    expect(() => diffPanelHtml({ ...options, nonce: "x' 'unsafe-eval" })).toThrow(/nonce/);
    expect(() => diffPanelHtml({ ...options, cspSource: "https://a; script-src 'unsafe-inline'" })).toThrow(/cspSource/);
  });

  it('escapes the asset addresses', () => {
    expect(diffPanelHtml({ ...options, scriptUri: 'https://x/"><script>alert(1)</script>' })).toContain('src="https://x/&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
  });
});

describe("the panel's messages", () => {
  it('accepts the four messages, with indexes only', () => {
    for (const message of [{ type: 'ready' }, { type: 'refresh' }, { type: 'open', change: 3, side: 'old' }, { type: 'openParty', change: 0, party: 2 }]) {
      expect(checkDiffWebviewMessage(message)).toEqual({ ok: true, message });
    }
  });

  it('refuses anything else, saying why', () => {
    const refused: [unknown, RegExp][] = [
      [{ type: 'open', change: 3, side: 'old', uri: 'file:///etc/passwd' }, /unexpected property "uri"/],
      [{ type: 'open', change: -1, side: 'new' }, /change/],
      [{ type: 'open', change: 1.5, side: 'new' }, /change/],
      [{ type: 'open', change: 1e9, side: 'new' }, /change/],
      [{ type: 'open', change: 1, side: 'both' }, /side/],
      [{ type: 'openParty', change: 1 }, /party/],
      [{ type: 'runCommand', command: 'x' }, /type: unknown/],
      ['ready', /not an object/],
      [null, /not an object/],
    ];
    for (const [message, reason] of refused) {
      const checked = checkDiffWebviewMessage(message);
      expect(checked.ok).toBe(false);
      if (!checked.ok) expect(checked.reason).toMatch(reason);
    }
  });
});
