/**
 * One name, one story: subdomains are named within their domain, a reference
 * that can only mean a subdomain resolves among subdomains first, and an
 * ambiguous bare name is reported where it is written, with its candidates.
 */
import { describe, expect, it } from 'vitest';
import { check, checkFiles, readWorkspace } from '../helpers';

describe('a subdomain named like a context or like another subdomain', () => {
  it('`implements Loans` means the subdomain Loans, a map\'s `Loans` the context: no finding', () => {
    const result = check({
      'domain.ddd': 'domain Library { core subdomain Loans\n  supporting subdomain Catalogue }\n',
      'loans.ddd': 'context Loans implements Loans\ncontext Catalogue implements Catalogue\ncontextmap Lending { Catalogue [OHS] -> Loans [ACL] }\n',
    });
    expect(result.problems).toEqual([]);
    const loans = result.model.contexts.get('Loans')!;
    expect(loans.subdomains.map((subdomain) => `${subdomain.domain.name}.${subdomain.name}`)).toEqual(['Library.Loans']);
    expect(result.model.contextMaps[0]!.relationships[0]!.right.context!.target!.kind).toBe('context');
  });

  it('a new domain with a subdomain named like one of the example: the untouched file is not told to rename, the ambiguity is where the bare name is', () => {
    const files = [...readWorkspace('examples/order-saga'), { uri: 'file:///library.ddd', text: 'domain Library { generic subdomain Payments }\ncontext Loans implements Library.Payments\n' }];
    const result = checkFiles(files);
    // the user's file: nothing to rename (Library.Payments and Shop.Payments are two names)
    expect(result.problems.filter((finding) => finding.file === 'library.ddd')).toEqual([]);
    expect(result.of('duplicate-name')).toEqual([]);
    // where `implements Payments` is written bare: one finding, naming both candidates and how to qualify
    const ambiguous = result.of('ambiguous-reference');
    expect(ambiguous).toHaveLength(1);
    expect(ambiguous[0]!.file).toMatch(/billing\.ddd$/);
    expect(ambiguous[0]!.message).toBe('Payments is ambiguous: it could be Shop.Payments, Library.Payments. Qualify it with its domain.');
    const diagnostic = result.diagnostics.find((d) => d.code === 'ambiguous-reference')!;
    expect(diagnostic.related?.map((related) => related.message)).toEqual(['Shop.Payments', 'Library.Payments']);
  });

  it('qualified with its domain, the reference resolves', () => {
    const result = check('domain Shop { generic subdomain Payments }\ndomain Library { generic subdomain Payments }\ncontext Billing implements Shop.Payments\n');
    expect(result.problems).toEqual([]);
    expect(result.model.contexts.get('Billing')!.subdomains[0]!.domain.name).toBe('Shop');
  });

  it('a subdomain given twice in one domain is still a duplicate', () => {
    const result = check('domain Shop { generic subdomain Payments\n  core subdomain Payments }\n');
    expect(result.of('duplicate-name').map((finding) => finding.message)).toEqual(['Payments is already declared in domain Shop; rename one of them.']);
  });
});
