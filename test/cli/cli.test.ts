/**
 * The `ddd` command on real folders: its command lines run in this process
 * (dddHere: the code the built command runs, the same output and exit code),
 * and the built command (dist/cli.js) as a child process for what only a
 * process shows: its exit status, its streams, its version and help.
 * The fixtures rely only on long-standing checks (syntax errors, unknown
 * references, duplicate names), so new modeling rules do not break them.
 */
import { chmodSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ddd, dddHere, root, useBuiltCli, workspace } from './harness';

useBuiltCli();

const contexts = `context Sales {
  aggregate Order {
    root entity Order {
      id: OrderId
      total: Decimal
    }
  }
}

context Billing
`;

const goodMap = `contextmap ShopMap {
  Sales [OHS] -> Billing [CF]
}
`;

const brokenMap = `contextmap ShopMap {
  Sales -> Nowhere
}
`;

const countLine = /^(\d+) files?, (\d+) errors?, (\d+) warnings?, (\d+) infos?$/;

describe('ddd check', () => {
  it('resolves names across files: a map naming contexts of another file is fine (exit 0)', async () => {
    const folder = workspace({ 'model/contexts.ddd': contexts, 'maps/shop.ddd': goodMap });
    const run = await dddHere(['check'], folder);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).not.toMatch(/ error /);
    const last = run.lines[run.lines.length - 1]!;
    expect(last).toMatch(countLine);
    expect(countLine.exec(last)!.slice(1, 3)).toEqual(['2', '0']);
  });

  it('prints path:line:col severity code message and a count line, and exits 1 on errors', async () => {
    const folder = workspace({ 'model/contexts.ddd': contexts, 'maps/shop.ddd': brokenMap });
    const run = await dddHere(['check', 'model', 'maps'], folder);
    expect(run.status).toBe(1);
    const path = join('maps', 'shop.ddd');
    expect(run.lines).toContainEqual(expect.stringMatching(new RegExp(`^${path.replace(/\\/g, '\\\\')}:2:12 error unknown-reference .*Nowhere`)));
    const last = run.lines[run.lines.length - 1]!;
    expect(last).toMatch(countLine);
    const [files, errors] = countLine.exec(last)!.slice(1).map(Number);
    expect(files).toBe(2);
    expect(errors).toBeGreaterThanOrEqual(1);
    expect(last).toMatch(/^2 files, \d+ errors?, \d+ warnings?, \d+ infos?$/);
  });

  it('counts with singular and plural words', async () => {
    const folder = workspace({ 'one.ddd': 'context Sales { aggregate }\n' });
    const run = await dddHere(['check', 'one.ddd'], folder);
    expect(run.status).toBe(1);
    expect(run.lines[run.lines.length - 1]).toMatch(/^1 file, 1 error, \d+ warnings?, \d+ infos?$/);
  });

  it('reports syntax errors with their position', async () => {
    const folder = workspace({ 'sales.ddd': '// a broken aggregate\ncontext Sales { aggregate }\n' });
    const run = await dddHere(['check'], folder);
    expect(run.status).toBe(1);
    expect(run.lines).toContainEqual(expect.stringMatching(/^sales\.ddd:2:\d+ error syntax-error \S/));
  });

  it('reports a name declared twice in two files', async () => {
    const folder = workspace({ 'a.ddd': contexts + goodMap, 'b.ddd': goodMap });
    const run = await dddHere(['check'], folder);
    expect(run.status).toBe(1);
    expect(run.lines).toContainEqual(expect.stringMatching(/^b\.ddd:1:12 error duplicate-name .*ShopMap/));
  });

  it('prints paths relative to the working folder', async () => {
    const folder = workspace({ 'ws/model/contexts.ddd': contexts, 'ws/maps/shop.ddd': brokenMap });
    const run = await dddHere(['check', 'ws'], folder);
    expect(run.lines).toContainEqual(expect.stringMatching(new RegExp(`^${join('ws', 'maps', 'shop.ddd').replace(/\\/g, '\\\\')}:2:12 `)));
    const inside = await dddHere(['check', '.'], join(folder, 'ws', 'maps'));
    expect(inside.lines).toContainEqual(expect.stringMatching(/^shop\.ddd:2:12 error unknown-reference/));
  });

  it('searches folders recursively but skips node_modules and dot-folders', async () => {
    const folder = workspace({
      'model/deep/er/contexts.ddd': contexts,
      'maps.ddd': goodMap,
      'node_modules/some-package/broken.ddd': 'context Sales { aggregate }\n',
      '.history/broken.ddd': 'context Sales { aggregate }\n',
      'notes.txt': 'not a model',
    });
    const run = await dddHere(['check'], folder);
    expect(run.status).toBe(0);
    expect(run.lines[run.lines.length - 1]).toMatch(/^2 files, 0 errors/);
  });

  it('--format json prints only an array of findings with 1-based positions', async () => {
    const folder = workspace({ 'model/contexts.ddd': contexts, 'maps/shop.ddd': brokenMap });
    const run = await dddHere(['check', '--format', 'json'], folder);
    expect(run.status).toBe(1);
    const findings = JSON.parse(run.stdout) as Record<string, unknown>[];
    expect(Array.isArray(findings)).toBe(true);
    for (const finding of findings) {
      expect(Object.keys(finding).sort()).toEqual(['code', 'column', 'endColumn', 'endLine', 'file', 'line', 'message', 'severity']);
      expect(['error', 'warning', 'info', 'hint']).toContain(finding['severity']);
      for (const key of ['line', 'column', 'endLine', 'endColumn']) expect(finding[key]).toBeGreaterThanOrEqual(1);
    }
    expect(findings).toContainEqual({
      file: join('maps', 'shop.ddd'),
      line: 2,
      column: 12,
      endLine: 2,
      endColumn: 19,
      severity: 'error',
      code: 'unknown-reference',
      message: expect.stringContaining('Nowhere'),
    });
  });

  it('--format github prints GitHub Actions annotations, escaped, then the count line', async () => {
    const folder = workspace({ 'model/contexts.ddd': contexts, 'maps/shop.ddd': brokenMap, 'odd, name: 100%.ddd': 'context lower_case {\n}\n' });
    const run = await dddHere(['check', '--format', 'github', '--hints'], folder);
    expect(run.status).toBe(1);
    const annotations = run.lines.filter((line) => line.startsWith('::'));
    expect(annotations.length).toBe(run.lines.length - 1);
    expect(run.lines[run.lines.length - 1]).toMatch(/^3 files, \d+ errors?/);
    expect(annotations).toContainEqual(
      expect.stringMatching(new RegExp(`^::error file=${join('maps', 'shop.ddd').replace(/\\/g, '\\\\')},line=2,endLine=2,col=12,endColumn=19,title=ddd unknown-reference::.*Nowhere`)),
    );
    // a hint is a notice; `,` `:` and `%` in a property are escaped
    const odd = annotations.find((line) => line.includes('name-pascal-case'));
    expect(odd).toMatch(/^::notice file=odd%2C name%3A 100%25\.ddd,line=1,/);
    for (const line of annotations) expect(line).toMatch(/^::(error|warning|notice) file=[^:]+,line=\d+,endLine=\d+,col=\d+,endColumn=\d+,title=ddd [a-z-]+::[^\n]+$/);
  });

  it('--format json prints [] for a clean model', async () => {
    const folder = workspace({ 'contexts.ddd': contexts, 'shop.ddd': goodMap });
    const run = await dddHere(['check', '--format=json'], folder);
    expect(run.status).toBe(0);
    expect((JSON.parse(run.stdout) as { severity: string }[]).filter((finding) => finding.severity === 'error')).toEqual([]);
  });

  it('hides hints unless --hints, and counts them only then', async () => {
    const folder = workspace({ 'contexts.ddd': contexts + 'context lower_case_name\n', 'shop.ddd': goodMap });
    const plain = await dddHere(['check'], folder);
    expect(plain.lines.filter((line) => / hint /.test(line))).toEqual([]);
    expect(plain.lines[plain.lines.length - 1]).toMatch(countLine);
    const withHints = await dddHere(['check', '--hints'], folder);
    expect(withHints.lines[withHints.lines.length - 1]).toMatch(/, \d+ hints?$/);
    const hintCount = Number(/(\d+) hints?$/.exec(withHints.lines[withHints.lines.length - 1]!)![1]);
    expect(withHints.lines.filter((line) => / hint /.test(line))).toHaveLength(hintCount);
  });

  it('leaves hints out before a file\'s cap of findings: a file of 600 lower-case names has nothing to say without --hints', async () => {
    const names = Array.from({ length: 600 }, (_, i) => `  value amount_${i} { cents: Int }`).join('\n');
    const folder = workspace({ 'values.ddd': `context Values {\n${names}\n}\n` });
    const plain = await dddHere(['check'], folder);
    expect(plain.status).toBe(0);
    // no "more findings in this file are not shown" warning made of hints nobody asked to see
    expect(plain.lines).toEqual(['1 file, 0 errors, 0 warnings, 0 infos']);
    const withHints = await dddHere(['check', '--hints'], folder);
    expect(withHints.lines.filter((line) => / hint name-pascal-case /.test(line))).toHaveLength(500);
    expect(withHints.lines).toContainEqual(expect.stringMatching(/warning too-many-findings 100 more findings in this file are not shown/));
  });

  it('--max-warnings fails the check when there are more warnings', async () => {
    const folder = workspace({
      'sales.ddd': `context Sales {
  aggregate Order { root entity Order { id: OrderId }  value Money { amount: Decimal } }
  aggregate Cart { root entity Cart { id: CartId }  value Money { cents: Int } }
}
`,
    });
    const relaxed = await dddHere(['check'], folder);
    expect(relaxed.lines).toContainEqual(expect.stringMatching(/^sales\.ddd:3:\d+ warning duplicate-in-context /));
    expect(relaxed.status).toBe(0);
    const strict = await dddHere(['check', '--max-warnings', '0'], folder);
    expect(strict.status).toBe(1);
    expect(strict.stderr).toMatch(/warnings?, more than --max-warnings 0/);
    expect((await dddHere(['check', '--max-warnings', '100'], folder)).status).toBe(0);
    expect((await dddHere(['check', '--max-warnings', 'many'], folder)).status).toBe(2);
  });
});

describe('ddd check: paths and usage problems (exit 2)', () => {
  it('reports a missing path without a stack trace, and still checks the others', async () => {
    const folder = workspace({ 'maps/shop.ddd': brokenMap });
    const run = await dddHere(['check', 'nope.ddd', 'maps'], folder);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('ddd: nope.ddd does not exist');
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.lines).toContainEqual(expect.stringMatching(/unknown-reference/));
  });

  it('refuses a file that is not .ddd', async () => {
    const folder = workspace({ 'notes.txt': 'hello', 'shop.ddd': contexts });
    const run = await dddHere(['check', 'notes.txt', 'shop.ddd'], folder);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('ddd: notes.txt is not a .ddd file');
    expect(run.lines[run.lines.length - 1]).toMatch(/^1 file, 0 errors/);
  });

  it('says so when a folder has no .ddd files', async () => {
    const folder = workspace({ 'empty/readme.md': '# nothing here' });
    const run = await dddHere(['check', 'empty'], folder);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('ddd: no .ddd files found in empty');
    expect(run.stdout).toBe('');
  });

  it.skipIf(process.getuid?.() === 0)('reports an unreadable file', async () => {
    const folder = workspace({ 'secret.ddd': contexts });
    chmodSync(join(folder, 'secret.ddd'), 0o000);
    const run = await dddHere(['check', 'secret.ddd'], folder);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/ddd: cannot read secret\.ddd/);
  });

  it('rejects unknown options and bad values', async () => {
    const folder = workspace({ 'shop.ddd': contexts });
    const unknown = await dddHere(['check', '--frobnicate'], folder);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('unknown option --frobnicate');
    const format = await dddHere(['check', '--format', 'xml'], folder);
    expect(format.status).toBe(2);
    expect(format.stderr).toContain('--format must be text, json or github');
  });

  it('suggests a command for a typo', async () => {
    const run = await dddHere(['chek'], tmpdir());
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("unknown command 'chek'");
    expect(run.stderr).toContain('Did you mean check?');
  });
});

describe('ddd --help, --version, rules', () => {
  it('lists the commands', async () => {
    const run = await dddHere(['--help'], tmpdir());
    expect(run.status).toBe(0);
    for (const command of ['check', 'summary', 'rules']) expect(run.stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
  });

  it('shows a command’s options', async () => {
    const run = await dddHere(['check', '--help'], tmpdir());
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Usage: ddd check');
    expect(run.stdout).toContain('--format');
    expect((await dddHere(['help', 'summary'], tmpdir())).stdout).toContain('Usage: ddd summary');
  });

  it('prints the version of package.json', async () => {
    const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
    const run = await dddHere(['--version'], tmpdir());
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe(version);
  });

  it('lists the rules, and prints them as markdown', async () => {
    const list = await dddHere(['rules'], tmpdir());
    expect(list.status).toBe(0);
    expect(list.stdout).toMatch(/unknown-reference\s+error/);
    const markdown = await dddHere(['rules', '--markdown'], tmpdir());
    expect(markdown.status).toBe(0);
    expect(markdown.stdout).toMatch(/^# /);
    expect(markdown.stdout).toContain('### unknown-reference');
  });
});

describe('ddd summary', () => {
  const model = {
    'strategic.ddd': `domain Shop {
  core subdomain Ordering "How orders are taken"
  supporting subdomain Stock
  generic subdomain Payments
}
context Sales implements Ordering {
  aggregate Order { root entity Order { id: OrderId } }
  aggregate Cart { root entity Cart { id: CartId } }
}
context Inventory implements Stock
context PaymentProvider external
`,
    'maps.ddd': `contextmap ShopMap {
  Sales [S] -> Inventory [C]
  PaymentProvider [OHS] -> Sales [CF]
}
`,
    'flows.ddd': `saga OrderSaga orchestrated by Sales {
  step PlaceOrder on Sales reply OrderPlaced
    compensate CancelOrder
  step ReserveStock on Inventory reply StockReserved
}
saga Fulfilment choreographed {
  Sales on PlaceOrder emits OrderPlaced
  Inventory on OrderPlaced emits StockReserved
}
storming Checkout {
  actor Customer
  command PlaceOrder by Customer
  event OrderPlaced
  hotspot "What if the payment times out?"
}
`,
  };

  it('summarises domains, contexts, maps, sagas and boards', async () => {
    const folder = workspace(model);
    const run = await dddHere(['summary'], folder);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const text = run.stdout;
    expect(text).toMatch(/^Model: 3 files, 1 domain, 3 bounded contexts \(1 external\), 1 context map, 2 sagas, 1 storming board$/m);
    expect(text).toMatch(/core\s+Ordering\s+→ Sales/);
    expect(text).toMatch(/supporting\s+Stock\s+→ Inventory/);
    expect(text).toMatch(/generic\s+Payments\s+\(no context implements it\)/);
    expect(text).toMatch(/^  Sales\s+2 aggregates\s+implements Ordering$/m);
    expect(text).toMatch(/^  PaymentProvider\s+.*external/m);
    expect(text).toMatch(/^  ShopMap\s+2 relationships$/m);
    expect(text).toMatch(/^  OrderSaga\s+orchestrated by Sales\s+2 steps$/m);
    expect(text).toMatch(/^  Fulfilment\s+choreographed\s+2 steps, 2 participants$/m);
    expect(text).toMatch(/^  Checkout\s+4 stickies: 1 domain event, 1 command, 1 actor, 1 hotspot$/m);
    expect(text).toMatch(/^Findings: \d+ errors?, \d+ warnings?, \d+ infos?/m);
  });

  it('reports path problems like check', async () => {
    const folder = workspace(model);
    const run = await dddHere(['summary', 'missing'], folder);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('ddd: missing does not exist');
  });
});

describe('the built command, as a process', () => {
  it('exits 0 on a clean model, 1 on errors, printing path:line:col and the count line on stdout', () => {
    const clean = ddd(['check'], workspace({ 'model/contexts.ddd': contexts, 'maps/shop.ddd': goodMap }));
    expect(clean.stderr).toBe('');
    expect(clean.status).toBe(0);
    expect(clean.lines[clean.lines.length - 1]).toMatch(/^2 files, 0 errors/);
    const broken = ddd(['check'], workspace({ 'model/contexts.ddd': contexts, 'maps/shop.ddd': brokenMap }));
    expect(broken.status).toBe(1);
    expect(broken.lines).toContainEqual(expect.stringMatching(new RegExp(`^${join('maps', 'shop.ddd').replace(/\\/g, '\\\\')}:2:12 error unknown-reference .*Nowhere`)));
    expect(broken.lines[broken.lines.length - 1]).toMatch(countLine);
  });

  it('exits 2 on a usage problem, saying so on stderr without a stack trace', () => {
    const run = ddd(['check', 'nope.ddd', '--frobnicate'], tmpdir());
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('unknown option --frobnicate');
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.stdout).toBe('');
  });

  it('prints its version and its help', () => {
    const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
    const run = ddd(['--version'], tmpdir());
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe(version);
    const help = ddd(['--help'], tmpdir());
    expect(help.status).toBe(0);
    for (const command of ['check', 'summary', 'export', 'simulate', 'replay', 'rules']) expect(help.stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
  });
});
