/**
 * The `ddd` command as a whole process: start-up on a small file (what a
 * pre-commit hook or CI step pays), and a check of a 10k-line workspace.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateModel } from './model-generator';
import { median, ms, table, target, type BenchSection } from './report';
import { thousands } from '../language/util/thousands';

const smallModel = `domain Shop {
  core subdomain Ordering "How orders are taken and fulfilled"
}

context Sales implements Ordering {
  aggregate Order {
    root entity Order {
      id: OrderId
      customer: CustomerId
      total: Decimal
      invariant "an order has at least one item"
    }
    command PlaceOrder { customer: CustomerId } emits OrderPlaced
    event OrderPlaced { order: OrderId }
  }
  repository Orders for Order {
    findById(id: OrderId): Order
  }
}

context Billing
contextmap ShopMap {
  Sales [OHS] -> Billing [CF]
}
`;

function timeProcess(args: string[], cwd: string, runs: number): { median: number; min: number; status: number | null; stderr: string } {
  const times: number[] = [];
  let status: number | null = 0;
  let stderr = '';
  spawnSync(process.execPath, args, { cwd }); // warm the file system cache
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const result = spawnSync(process.execPath, args, { cwd, encoding: 'utf8' });
    times.push(performance.now() - start);
    status = result.status;
    stderr = result.stderr;
  }
  return { median: median(times), min: Math.min(...times), status, stderr };
}

export const cliSection: BenchSection = {
  name: 'cli',
  title: 'Command line: whole process, `node dist/cli.js …` (median of runs)',
  run({ distDir, log, quick }) {
    const cli = join(distDir, 'cli.js');
    if (!existsSync(cli)) {
      log(`  skipped: ${cli} is not built (npm run build)`);
      return;
    }
    const folder = mkdtempSync(join(tmpdir(), 'ddd-bench-'));
    try {
      writeFileSync(join(folder, 'shop.ddd'), smallModel);
      const model = generateModel({ lines: 10_000 });
      mkdirSync(join(folder, 'large'));
      for (const file of model.files) writeFileSync(join(folder, 'large', file.name), file.text);

      const runs = quick ? 3 : 10;
      const node = timeProcess(['-e', '0'], folder, runs);
      const small = timeProcess([cli, 'check', 'shop.ddd'], folder, runs);
      const large = timeProcess([cli, 'check', 'large'], folder, quick ? 2 : 5);
      const rows = [
        ['node -e 0 (Node.js start-up alone)', ms(node.median), ms(node.min), ''],
        [`ddd check shop.ddd (${smallModel.split('\n').length - 1} lines)`, ms(small.median), ms(small.min), target(small.median, 200)],
        [`ddd check large/ (${thousands(model.lines)} lines, ${model.files.length} files)`, ms(large.median), ms(large.min), ''],
      ];
      log(table(['command', 'median', 'min', 'target'], rows));
      for (const [what, run] of [['shop.ddd', small], ['large/', large]] as const) {
        if (run.status !== 0) log(`  note: ddd check ${what} exited with ${run.status}${run.stderr ? ': ' + run.stderr.trim() : ''}`);
      }
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  },
};
