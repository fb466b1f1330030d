/**
 * docs/rules.md is generated from the rule catalogue and must not drift from it;
 * every rule is documented and has a stable kebab-case code.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allRules, ruleSets } from '../../src/language/validation/rule-sets';
import { RULES_DOC_COMMAND, concernTitle, headingAnchor, renderRulesMarkdown } from '../../src/language/validation/rules-doc';

const doc = new URL('../../docs/rules.md', import.meta.url);

describe('docs/rules.md', () => {
  it('is the current rendering of the rule catalogue', () => {
    let written = '';
    try {
      written = readFileSync(doc, 'utf8');
    } catch {
      // missing: the comparison below says how to generate it
    }
    expect(written, `docs/rules.md is out of date with the rules: run \`${RULES_DOC_COMMAND}\``).toBe(renderRulesMarkdown(ruleSets));
  });

  it('has a section per rule, whose anchor is the code', () => {
    const markdown = renderRulesMarkdown(ruleSets);
    for (const rule of allRules()) {
      expect(markdown).toContain(`\n### ${rule.code}\n`);
      expect(headingAnchor(rule.code)).toBe(rule.code);
      expect(markdown).toContain(`](#${rule.code})`);
    }
  });

  it('gives concern headings anchors that no rule code takes', () => {
    const codes = new Set(allRules().map((rule) => rule.code));
    const anchors = ruleSets.map((set) => headingAnchor(concernTitle(set.concern)));
    for (const anchor of anchors) expect(codes.has(anchor), `concern anchor #${anchor} is also a rule code`).toBe(false);
    expect(new Set(anchors).size).toBe(anchors.length);
  });

  it('puts examples in ddd blocks', () => {
    const markdown = renderRulesMarkdown(ruleSets);
    const examples = allRules().filter((rule) => rule.example?.trim()).length;
    expect(markdown.match(/^```+ddd$/gm)?.length ?? 0).toBe(examples);
  });
});

describe('the rule catalogue', () => {
  it('gives every rule a unique kebab-case code', () => {
    const codes = allRules().map((rule) => rule.code);
    for (const code of codes) expect(code).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
    const duplicates = codes.filter((code, index) => codes.indexOf(code) !== index);
    expect(duplicates, 'codes used by two rules').toEqual([]);
    expect(codes).not.toContain('syntax-error');
    expect(codes).not.toContain('internal-error');
  });

  it('explains every rule and gives it a title', () => {
    for (const rule of allRules()) {
      expect(rule.explanation.trim().length, `${rule.code} has no explanation`).toBeGreaterThan(20);
      expect(rule.title.trim().length, `${rule.code} has no title`).toBeGreaterThan(0);
      expect(['error', 'warning', 'info', 'hint']).toContain(rule.severity);
    }
  });

  it('gives every concern a summary', () => {
    for (const set of ruleSets) expect(set.summary.trim(), set.concern).not.toBe('');
  });
});
