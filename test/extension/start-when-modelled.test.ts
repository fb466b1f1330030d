/**
 * When the language server starts: at once where there is a model (or no way to know), and
 * in a local folder without one (a Markdown preview activated the extension) only when the
 * first .ddd document opens.
 */
import { describe, expect, it } from 'vitest';
import { startWhenModelled, type ModelledWorkspace } from '../../src/extension/start-when-modelled';

function workspace(options: { open?: string[]; schemes?: string[]; holds?: boolean | 'throws' }) {
  const listeners = new Set<(languageId: string) => void>();
  const fake: ModelledWorkspace & { open(languageId: string): void; listening(): number } = {
    openLanguages: () => options.open ?? [],
    folderSchemes: () => options.schemes ?? ['file'],
    holdsModel: async () => {
      if (options.holds === 'throws') throw new Error('no search provider');
      return options.holds ?? false;
    },
    onDidOpen: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    open: (languageId) => [...listeners].forEach((listener) => listener(languageId)),
    listening: () => listeners.size,
  };
  return fake;
}

async function decide(fake: ReturnType<typeof workspace>) {
  let starts = 0;
  const logged: string[] = [];
  const decision = await startWhenModelled(fake, () => starts++, (line) => logged.push(line));
  return { decision, starts: () => starts, logged };
}

describe('the language server starts', () => {
  it('at once when the workspace holds a .ddd file', async () => {
    const run = await decide(workspace({ holds: true }));
    expect(run.decision).toBe('now');
    expect(run.starts()).toBe(1);
  });

  it('at once when a .ddd document is open, without searching', async () => {
    const run = await decide(workspace({ open: ['markdown', 'ddd'], holds: false }));
    expect([run.decision, run.starts()]).toEqual(['now', 1]);
  });

  it('at once with no folder open, in a virtual workspace, or when the search fails', async () => {
    for (const fake of [workspace({ schemes: [] }), workspace({ schemes: ['vscode-vfs'] }), workspace({ schemes: ['file', 'vscode-remote'] }), workspace({ holds: 'throws' })]) {
      const run = await decide(fake);
      expect([run.decision, run.starts()]).toEqual(['now', 1]);
      expect(fake.listening()).toBe(0);
    }
  });

  it('in a local folder without a model, once the first .ddd document opens, and once only', async () => {
    const fake = workspace({ holds: false, open: ['markdown'] });
    const run = await decide(fake);
    expect(run.decision).toBe('deferred');
    expect(run.starts()).toBe(0);
    expect(run.logged).toEqual(['No .ddd file in this workspace: the language server starts when one is opened.']);
    fake.open('markdown');
    expect(run.starts()).toBe(0);
    fake.open('ddd');
    fake.open('ddd');
    expect(run.starts()).toBe(1);
    expect(fake.listening()).toBe(0);
  });
});
