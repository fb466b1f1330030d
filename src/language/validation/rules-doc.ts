/**
 * The rule catalogue as Markdown (docs/rules.md), rendered from the rule sets
 * themselves so that the documentation cannot drift from the checks.
 * Pure: no file system, no Node modules.
 */
import type { Severity } from '../diagnostics';
import type { Rule, RuleSet } from './rule';

/** How docs/rules.md is regenerated; the drift test quotes it. */
export const RULES_DOC_COMMAND = 'npm run build && node dist/cli.js rules --markdown > docs/rules.md';

const severityMeaning: Record<Severity, string> = {
  error: 'the model is wrong or cannot be understood; `ddd check` exits with code 1',
  warning: 'the model works but goes against DDD practice; worth fixing (`ddd check --max-warnings 0` fails on them)',
  info: 'something to know about the model; never fails a check',
  hint: 'a gentle suggestion; the editor shows it faintly, `ddd check` only with `--hints`',
};

const severityOrder: Severity[] = ['error', 'warning', 'info', 'hint'];

/** "context map" → "Context map". */
export function concernTitle(concern: string): string {
  const words = concern.replace(/-/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The anchor GitHub gives a heading: lower case, spaces to dashes, punctuation dropped. */
export function headingAnchor(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

function fence(code: string): string {
  const body = code.replace(/\s+$/, '');
  const longest = Math.max(2, ...[...body.matchAll(/`+/g)].map((match) => match[0].length));
  const marker = '`'.repeat(longest + 1);
  return `${marker}ddd\n${body}\n${marker}`;
}

function ruleSection(rule: Rule): string {
  const parts = [`### ${rule.code}`, '', `**${rule.title}** · severity: ${rule.severity}`, '', rule.explanation.trim()];
  if (rule.example?.trim()) parts.push('', 'Example:', '', fence(rule.example));
  return parts.join('\n');
}

export function renderRulesMarkdown(sets: readonly RuleSet[]): string {
  const withRules = sets.filter((set) => set.rules.length > 0);
  const total = withRules.reduce((sum, set) => sum + set.rules.length, 0);
  const out: string[] = [];
  out.push(
    '# Rules',
    '',
    `<!-- Generated from the rule catalogue (src/language/validation/rule-sets.ts). Do not edit: run \`${RULES_DOC_COMMAND}\`. -->`,
    '',
    `The checks that \`.ddd\` models go through: ${total} rules in ${withRules.length} concerns. ` +
      'The editor (squiggles and the Problems view) and `ddd check` run the same checks, so they report the same findings.',
    '',
    'Every finding carries a **code** — a stable, kebab-case name such as `unknown-reference` that never changes meaning; ' +
      'this page has one section per code (link to it as `docs/rules.md#<code>`). ' +
      '`ddd check` prints findings as `path:line:column severity code message`, and `ddd rules` lists the codes.',
    '',
    'Every rule has a **severity**:',
    '',
    '| Severity | Meaning |',
    '| --- | --- |',
    ...severityOrder.map((severity) => `| ${severity} | ${severityMeaning[severity]} |`),
    '',
    'Two codes come from reading the files rather than from a rule: `syntax-error` (the text does not follow the grammar; ' +
      'the message says what was expected) and `internal-error` (a check itself failed: please report it with the file). ' +
      'A file with more findings than a reader can use gets the first few hundred and one `too-many-findings` that counts the rest ' +
      '(see [limits](limits.md)).',
    '',
    '## Contents',
    '',
  );
  for (const set of withRules) {
    const title = concernTitle(set.concern);
    out.push(`- [${title}](#${headingAnchor(title)}) — ${set.summary.trim()}`);
    for (const rule of set.rules) out.push(`  - [\`${rule.code}\`](#${rule.code}) (${rule.severity}): ${rule.title}`);
  }
  for (const set of withRules) {
    out.push('', `## ${concernTitle(set.concern)}`, '', set.summary.trim());
    for (const rule of set.rules) out.push('', ruleSection(rule));
  }
  return out.join('\n') + '\n';
}

/** The catalogue as a plain text list, for `ddd rules`. */
export function renderRulesText(sets: readonly RuleSet[]): string {
  const out: string[] = [];
  for (const set of sets.filter((candidate) => candidate.rules.length > 0)) {
    if (out.length) out.push('');
    out.push(`${concernTitle(set.concern)}: ${set.summary.trim()}`);
    const codeWidth = Math.max(...set.rules.map((rule) => rule.code.length));
    for (const rule of set.rules) out.push(`  ${rule.code.padEnd(codeWidth)}  ${rule.severity.padEnd(7)}  ${rule.title}`);
  }
  return out.join('\n') + '\n';
}
