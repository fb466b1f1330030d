// Small helpers to drive the VS Code workbench (code-server in headless Chromium)
// the way a person does: keyboard shortcuts, Quick Open, the command palette,
// and reading what is on screen. Used by the end-to-end tests in this folder.
//
// Selectors (VS Code 1.100):
//   active editor text        .editor-group-container.active .monaco-editor .view-lines
//   squiggles                 .monaco-editor .squiggly-error / -warning / -info / -hint  (in .view-overlays)
//   Problems panel rows       .markers-panel .monaco-list-row   (View: Problems, Ctrl+Shift+M)
//   hover                     .monaco-hover:not(.hidden) .monaco-hover-content  (editor.action.showHover, Ctrl+K Ctrl+I)
//   outline rows              .pane:has(.pane-header "Outline") .monaco-list-row  (Explorer: Focus on Outline View)
//   suggest widget rows       .editor-widget.suggest-widget.visible .monaco-list-row  (Ctrl+Space)
//   rename input              .rename-box input                 (F2)
//   status bar language mode  [id="status.editor.mode"]
//   notifications             .notifications-toasts .notification-toast  /  .notification-list-item-message

/** Monaco draws spaces as U+00A0; give back plain text. */
export const plain = (s) => (s ?? "").replace(/\u00a0/g, " ");

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Polls fn until it returns a truthy value; returns it, or throws with `what` after timeoutMs. */
export async function waitFor(what, fn, { timeoutMs = 15_000, intervalMs = 250 } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    try {
      last = await fn();
      if (last) return last;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) {
      const detail = last instanceof Error ? `: ${last.message}` : last !== undefined && last !== false ? `: ${JSON.stringify(last)}` : "";
      throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}${detail}`);
    }
    await sleep(intervalMs);
  }
}

export class Workbench {
  /** @param {import("playwright-core").Page} page */
  constructor(page) {
    this.page = page;
  }

  get editor() {
    return this.page.locator(".editor-group-container.active .monaco-editor").first();
  }

  async editorText() {
    return plain(await this.editor.locator(".view-lines").textContent({ timeout: 5000 }));
  }

  /** Closes whatever widget is open (suggest, hover, rename, quick input). */
  async escape(times = 2) {
    for (let i = 0; i < times; i++) {
      await this.page.keyboard.press("Escape");
      await sleep(100);
    }
  }

  async quickInput(shortcut, text) {
    await this.page.keyboard.press(shortcut);
    const input = this.page.locator(".quick-input-widget input");
    await input.waitFor({ state: "visible", timeout: 5000 });
    await input.fill(text);
    return input;
  }

  /** Ctrl+P, the file's path, Enter; waits until its tab is active and its text is shown. */
  async openFile(relativePath) {
    const name = relativePath.split("/").pop();
    await this.quickInput("Control+P", relativePath);
    // Click the entry rather than pressing Enter: Enter takes the row selected at that
    // moment, which can still be a recently opened file while the search catches up.
    const row = this.page.locator(".quick-input-list .monaco-list-row", { hasText: name }).first();
    await row.waitFor({ timeout: 15_000 });
    await row.click();
    await this.page.locator(`.tabs-container .tab.active[aria-label^="${name}"]`).waitFor({ timeout: 15_000 });
    await waitFor(`the editor to show ${relativePath}`, async () => (await this.editorText()).trim().length > 0);
    // focus the text (Quick Open has usually done so); an editor scrolled past its end has no
    // line under that point, so the click may not land: give up quickly, not after 30 s
    await this.editor.locator(".view-lines").click({ position: { x: 5, y: 5 }, timeout: 2000 }).catch(() => {});
  }

  /** Runs a command by its title through the command palette (Ctrl+Shift+P). */
  async runCommand(title) {
    await this.quickInput("Control+Shift+P", `>${title}`);
    const row = this.page.locator(".quick-input-list .monaco-list-row", { hasText: title }).first();
    await row.waitFor({ timeout: 10_000 });
    await this.page.keyboard.press("Enter");
  }

  /** The command palette's entries for a query (the palette is closed again). */
  async paletteEntries(query) {
    await this.quickInput("Control+Shift+P", `>${query}`);
    await sleep(800);
    const rows = await this.page.locator(".quick-input-list .monaco-list-row").allTextContents();
    await this.escape(1);
    return rows.map(plain);
  }

  /** Ctrl+G to 1-based line and column. */
  async gotoLine(line, column = 1) {
    // Ctrl+G opens Quick Open with the ":" prefix of its go-to-line mode; fill() replaces it, so give it back.
    await this.quickInput("Control+G", `:${line}:${column}`);
    await this.page.keyboard.press("Enter");
    await sleep(200);
  }

  /** Puts the cursor on the n-th occurrence of `word` in the active editor's text (given as `text`). */
  async gotoWord(text, word, { occurrence = 0, offset = 1 } = {}) {
    const pos = findWord(text, word, occurrence);
    if (!pos) throw new Error(`${JSON.stringify(word)} not found in the file`);
    await this.gotoLine(pos.line, pos.column + offset);
    return pos;
  }

  /** The rendered line element whose text contains `snippet`. */
  viewLine(snippet) {
    return this.editor.locator(".view-line", { hasText: snippet }).first();
  }

  /** Squiggles of a kind ("error", "warning", …) that sit on the rendered line containing `snippet`. */
  async squigglesOnLine(kind, snippet) {
    const line = await this.viewLine(snippet).boundingBox();
    if (!line) return 0;
    const boxes = await this.editor.locator(`.squiggly-${kind}`).evaluateAll((els) =>
      els.map((e) => {
        const r = e.getBoundingClientRect();
        return { y: r.y, h: r.height };
      }),
    );
    return boxes.filter((b) => b.y < line.y + line.height && b.y + b.h > line.y).length;
  }

  /** Rows of the Outline view (in the Explorer). */
  outlineRows() {
    const pane = this.page.locator(".split-view-view .pane", { has: this.page.locator(".pane-header", { hasText: /^\s*outline/i }) });
    return pane.locator(".pane-body .monaco-list-row");
  }

  async showProblems() {
    if (!(await this.page.locator(".markers-panel").isVisible().catch(() => false))) {
      await this.page.keyboard.press("Control+Shift+M");
    }
    await this.page.locator(".markers-panel").waitFor({ state: "visible", timeout: 10_000 });
  }

  async problemRows() {
    return (await this.page.locator(".markers-panel .monaco-list-row").allTextContents()).map(plain);
  }

  /** Shows the hover at the cursor (Ctrl+K Ctrl+I) and returns its text; `screenshot`: a path to capture it to. */
  async hoverText({ screenshot } = {}) {
    await this.page.keyboard.press("Control+K");
    await this.page.keyboard.press("Control+I");
    const hover = this.page.locator(".monaco-hover:not(.hidden) .monaco-hover-content").first();
    await hover.waitFor({ state: "visible", timeout: 5000 });
    await sleep(300);
    if (screenshot) await this.page.screenshot({ path: screenshot });
    return plain(await hover.textContent());
  }

  async notifications() {
    return (await this.page.locator(".notifications-toasts .notification-toast .notification-list-item-message").allTextContents()).map(plain);
  }
}

/** 1-based line and column of the n-th whole-word occurrence of `word` in `text`. */
export function findWord(text, word, occurrence = 0) {
  const re = new RegExp(`(?<![A-Za-z0-9_])${word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![A-Za-z0-9_])`, "g");
  let m;
  let n = 0;
  while ((m = re.exec(text))) {
    if (n++ === occurrence) {
      const before = text.slice(0, m.index);
      const line = before.split("\n").length;
      const column = m.index - before.lastIndexOf("\n");
      return { line, column };
    }
  }
  return undefined;
}
