import { describe, expect, it } from 'vitest';
import { contextMapRules } from '../../src/language/validation/rules/context-map';
import { readsOf } from '../work';
import { check, expectedProblems, fixture, sketchBlocks } from '../helpers';

const ours = new Set(contextMapRules.rules.map((rule) => rule.code));

const contexts = [
  'context Sales { value Money { amount: Decimal } }',
  'context Support',
  'context Shipping',
  'context Inventory',
  'context Billing',
  'context Notification',
  'context PaymentProvider external',
  'context LegacyErp external',
  '',
].join('\n');

/** Checks a context map written after the contexts above; lines are counted from the map's first line. */
function map(...relationships: string[]) {
  const offset = contexts.split('\n').length;
  const result = check(contexts + 'contextmap Shop {\n' + relationships.map((line) => '  ' + line).join('\n') + '\n}\n');
  const findings = result.findings
    .filter((finding) => ours.has(finding.code))
    .map((finding) => ({ line: finding.line - offset, severity: finding.severity, code: finding.code, message: finding.message }));
  return { findings, of: (code: string) => findings.filter((finding) => finding.code === code), all: result.findings };
}

describe('the sketch', () => {
  const blocks = sketchBlocks();
  const files = (sections: (section: number) => boolean) =>
    Object.fromEntries(blocks.filter((block) => sections(block.section)).map((block, index) => [`s${block.section}-${index}.ddd`, block.text]));

  it('sections 1–7 give no context-map finding', () => {
    expect(check(files((section) => section <= 7)).findings.filter((finding) => ours.has(finding.code))).toEqual([]);
  });

  it('section 8 adds exactly one error, on `Warehouse [ACL] -> Sales`', () => {
    const result = check(files(() => true));
    const found = result.findings.filter((finding) => ours.has(finding.code));
    expect(found.map(({ file, line, severity, code }) => ({ file, line, severity, code }))).toEqual([
      { file: expect.stringMatching(/^s8-/), line: 11, severity: 'error', code: 'map-role-side' },
    ]);
    expect(found[0]!.message).toMatch(/ACL is a downstream role.*put it on the downstream side, Sales/);
  });
});

describe('a fixture of context-map mistakes', () => {
  const text = fixture('validation/context-map.ddd');
  const result = check(text);

  it('gives each marked line its finding and nothing else', () => {
    const found = result.problems.filter((finding) => ours.has(finding.code)).map(({ file, line, severity }) => ({ file, line, severity }));
    expect(found).toEqual(expectedProblems(text));
  });

  it('resolves every name it uses', () => {
    expect(result.of('unknown-reference')).toEqual([]);
  });
});

describe('map-unknown-role', () => {
  it('reports a role the language does not know, listing the valid ones', () => {
    const [finding] = map('Sales [XYZ] -> Support').of('map-unknown-role');
    expect(finding).toMatchObject({ line: 1, severity: 'error' });
    expect(finding!.message).toMatch(/Unknown role XYZ.*OHS, PL.*ACL, CF.*S, C.*SK, P/);
  });

  it('reads codes case-sensitively, suggesting the upper-case one', () => {
    const found = map('Sales -> Support', 'Sales -> Shipping [acl]').of('map-unknown-role');
    expect(found).toMatchObject([{ line: 2, severity: 'error', message: expect.stringContaining('Did you mean ACL?') }]);
  });

  it('accepts every known role and no role at all', () => {
    expect(map('Sales [OHS, PL] -> Support [ACL]', 'Sales -> Notification', 'Sales [S] -> Shipping [C]').of('map-unknown-role')).toEqual([]);
  });
});

describe('map-role-side', () => {
  it('reports a downstream role on the upstream side', () => {
    const found = map('Sales [ACL] -> Support').findings;
    expect(found).toMatchObject([{ line: 1, severity: 'error', code: 'map-role-side' }]);
    expect(found[0]!.message).toBe('ACL is a downstream role (anti-corruption layer): put it on the downstream side, Support (the one the arrow points to).');
  });

  it('reports an upstream role on the downstream side, with <- too', () => {
    expect(map('Support [OHS] <- Sales').findings).toMatchObject([{ line: 1, code: 'map-role-side', message: expect.stringContaining('put it on the upstream side, Sales') }]);
  });

  it('reports a reversed arrow once, when every role says so', () => {
    const found = map('Shipping [C] -> Sales [S]').findings;
    expect(found).toMatchObject([{ line: 1, severity: 'error', code: 'map-role-side', message: expect.stringContaining('reverse it (<-)') }]);
  });

  it('reports directional roles on a shared kernel', () => {
    expect(map('Sales [SK, OHS] <-> Billing [SK] { Money }').findings).toMatchObject([{ line: 1, code: 'map-role-side', message: expect.stringContaining('<-> has no upstream side') }]);
  });

  it('accepts roles on their sides, whichever way the arrow points', () => {
    expect(map('Sales [OHS, PL] -> Support [ACL]', 'Billing [CF] <- PaymentProvider [OHS]', 'LegacyErp -> Inventory [ACL]').findings).toEqual([]);
  });
});

describe('map-symmetric', () => {
  it('reports SK or P on a directional relationship, once', () => {
    expect(map('Sales [SK] -> Billing [SK] { Money }').findings).toMatchObject([
      { line: 1, severity: 'error', code: 'map-symmetric', message: expect.stringContaining('Sales [SK] <-> Billing [SK]') },
    ]);
  });

  it('reports <-> without SK or P, suggesting the arrow the roles imply', () => {
    expect(map('Sales <-> Notification', 'Support [ACL] <-> Shipping [OHS]').findings).toMatchObject([
      { line: 1, code: 'map-symmetric', message: expect.stringContaining('use ->') },
      { line: 2, code: 'map-symmetric', message: expect.stringContaining('use <-') },
    ]);
  });

  it('reports a symmetric role written on one side only', () => {
    expect(map('Sales [P] <-> Inventory').findings).toMatchObject([{ line: 1, code: 'map-symmetric', message: 'A partnership is symmetric: write [P] on Inventory too.' }]);
  });

  it('reports SK and P mixed', () => {
    expect(map('Sales [SK] <-> Billing [P]').of('map-symmetric')).toMatchObject([{ line: 1, severity: 'error', message: expect.stringContaining('not both') }]);
  });

  it('accepts a shared kernel and a partnership', () => {
    expect(map('Sales [P] <-> Inventory [P]', 'Sales [SK] <-> Billing [SK] { Money }').findings).toEqual([]);
  });
});

describe('map-customer-supplier', () => {
  it('reports a supplier without a customer', () => {
    expect(map('Sales [S] -> Shipping').findings).toMatchObject([
      { line: 1, severity: 'error', code: 'map-customer-supplier', message: expect.stringContaining('write [C] on Shipping') },
    ]);
  });

  it('reports a customer without a supplier', () => {
    expect(map('Sales -> Shipping [C]').findings).toMatchObject([{ line: 1, code: 'map-customer-supplier', message: expect.stringContaining('write [S] on Sales') }]);
  });

  it('reports customer and supplier on a symmetric relationship', () => {
    expect(map('Sales [SK, S] <-> Billing [SK, C]').of('map-customer-supplier')).toMatchObject([{ line: 1 }, { line: 1 }]);
  });

  it('accepts a supplier upstream and a customer downstream', () => {
    expect(map('Sales [S] -> Shipping [C]', 'Support [C] <- Sales [OHS, S]').findings).toEqual([]);
  });
});

describe('map-self-relationship', () => {
  it('reports a context related to itself', () => {
    expect(map('Sales -> Sales').findings).toMatchObject([{ line: 1, severity: 'error', code: 'map-self-relationship' }]);
  });

  it('leaves unknown contexts to unknown-reference', () => {
    const result = map('Nowhere -> Nowhere');
    expect(result.findings).toEqual([]);
    expect(result.all.filter((finding) => finding.code === 'unknown-reference')).toHaveLength(2);
  });
});

describe('map-duplicate-relationship', () => {
  it('reports the same pair twice, in either direction', () => {
    expect(map('Sales -> Support', 'Sales [OHS] -> Support', 'Support <- Sales', 'Support -> Sales').findings).toMatchObject([
      { line: 2, severity: 'warning', code: 'map-duplicate-relationship', message: expect.stringContaining('(Sales -> Support)') },
      { line: 3, code: 'map-duplicate-relationship' },
      { line: 4, code: 'map-duplicate-relationship' },
    ]);
  });

  it('accepts the same pair in two different maps', () => {
    const result = check(contexts + 'contextmap A { Sales -> Support }\ncontextmap B { Sales -> Support }');
    expect(result.findings.filter((finding) => ours.has(finding.code))).toEqual([]);
  });
});

describe('map-conflicting-roles and map-repeated-role', () => {
  it('reports ACL and CF on the same side', () => {
    expect(map('PaymentProvider [OHS] -> Billing [ACL, CF]').findings).toMatchObject([
      { line: 1, severity: 'error', code: 'map-conflicting-roles', message: expect.stringContaining('conforms to the upstream\'s model (CF) or translates it') },
    ]);
  });

  it('reports a customer that is also a conformist', () => {
    expect(map('Sales [S] -> Shipping [C, CF]').findings).toMatchObject([{ line: 1, code: 'map-conflicting-roles' }]);
  });

  it('warns about a role written twice', () => {
    expect(map('Sales [OHS, PL, OHS] -> Support').findings).toMatchObject([{ line: 1, severity: 'warning', code: 'map-repeated-role' }]);
  });

  it('accepts ACL and CF on different relationships', () => {
    expect(map('PaymentProvider [OHS] -> Billing [CF]', 'LegacyErp -> Inventory [ACL]').findings).toEqual([]);
  });
});

describe('map-shared-kernel-content', () => {
  it('warns about a shared list on a relationship that is not a shared kernel', () => {
    expect(map('Sales [P] <-> Inventory [P] { Money }').findings).toMatchObject([{ line: 1, severity: 'warning', code: 'map-shared-kernel-content' }]);
  });

  it('accepts what a shared kernel shares', () => {
    expect(map('Sales [SK] <-> Billing [SK] { Money }').findings).toEqual([]);
  });
});

describe('map-external-role', () => {
  it.each([
    ['Billing -> PaymentProvider [ACL]', 'anti-corruption layer'],
    ['PaymentProvider [SK] <-> Billing [SK]', 'shared kernel'],
    ['LegacyErp [P] <-> Inventory [P]', 'partnership'],
    ['Sales [S] -> PaymentProvider [C]', 'customer'],
  ])('warns about %s', (line, role) => {
    expect(map(line).findings).toMatchObject([{ line: 1, severity: 'warning', code: 'map-external-role', message: expect.stringContaining(role) }]);
  });

  it('does not add a warning to a role already on the wrong side', () => {
    expect(map('LegacyErp [ACL] -> Inventory').findings).toMatchObject([{ code: 'map-role-side' }]);
  });

  it('accepts an external system upstream of our translation or conformity, or as our supplier', () => {
    expect(map('PaymentProvider [OHS] -> Billing [CF]', 'LegacyErp -> Inventory [ACL]', 'PaymentProvider [S] -> Sales [C]').findings).toEqual([]);
  });
});

describe('map-cycle', () => {
  it('warns once about a cycle, on the relationship that closes it', () => {
    const found = map('Sales -> Support', 'Support -> Shipping', 'Billing -> Inventory', 'Shipping -> Sales').findings;
    expect(found).toMatchObject([{ line: 4, severity: 'warning', code: 'map-cycle', message: expect.stringContaining('Sales → Support → Shipping → Sales') }]);
  });

  it('finds cycles across context maps', () => {
    const result = check(contexts + 'contextmap A { Sales -> Support }\ncontextmap B {\n  Support -> Sales\n}');
    expect(result.of('map-cycle')).toMatchObject([{ line: contexts.split('\n').length + 2, severity: 'warning', message: expect.stringContaining('Sales → Support → Sales') }]);
  });

  it('leaves two opposite lines in one map to map-duplicate-relationship', () => {
    expect(map('Sales -> Support', 'Support -> Sales').findings.map((finding) => finding.code)).toEqual(['map-duplicate-relationship']);
  });

  it('does not count symmetric relationships', () => {
    const result = check(contexts + 'contextmap A { Sales [P] <-> Inventory [P] }\ncontextmap B { Inventory -> Sales }');
    expect(result.findings.filter((finding) => ours.has(finding.code))).toEqual([]);
  });
});

describe('rules', () => {
  it('are documented: kebab-case code, title, an explanation that says how to fix, an example', () => {
    for (const rule of contextMapRules.rules) {
      expect(rule.code).toMatch(/^map-[a-z]+(-[a-z]+)*$/);
      expect(rule.title.length).toBeGreaterThan(10);
      expect(rule.explanation.length).toBeGreaterThan(100);
      expect(rule.example).toBeTruthy();
    }
  });

  it('fire on their own examples', () => {
    for (const rule of contextMapRules.rules) {
      expect(check(rule.example!).findings.map((finding) => finding.code), rule.code).toContain(rule.code);
    }
  });

  it('are cheap on a large model (no loop over all pairs of relationships)', () => {
    // n contexts and 2n relationships, all in one tangle of cycles; the work is counted (reads of the model), not timed
    const tangle = (n: number) => {
      const names = Array.from({ length: n }, (_, i) => `C${i}`);
      const lines = [...names.map((name, i) => `context ${name}${i % 10 ? '' : ' external'}`), 'contextmap Big {'];
      for (let i = 0; i + 1 < names.length; i++) lines.push(`  ${names[i]} [OHS, PL] -> ${names[i + 1]} [ACL]`, `  ${names[i]} -> ${names[(i * 7 + 3) % names.length]}`);
      lines.push(`  ${names[names.length - 1]} -> ${names[0]}`, '}');
      return check(lines.join('\n')).model;
    };
    const work = (n: number) => {
      const model = tangle(n);
      const codes = (counted: typeof model) => {
        const found: string[] = [];
        contextMapRules.check(counted, (rule) => found.push(rule.code));
        return found;
      };
      let found: string[] = [];
      const reads = readsOf(model, (counted) => (found = codes(counted)));
      expect(found.length).toBeGreaterThan(0);
      expect(found).toEqual(codes(model)); // counting changes nothing the check finds
      return reads;
    };
    const [small, large] = [work(500), work(1000)];
    // twice the relationships, about twice the work: a loop over all pairs would make it four times
    expect(large / small).toBeLessThan(2.5);
    expect(large / small).toBeGreaterThan(1.5);
  });

});
