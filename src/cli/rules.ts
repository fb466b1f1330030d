/**
 * `ddd rules`: the rule catalogue, as a list or as the Markdown of docs/rules.md.
 */
import { ruleSets } from '../language/validation/rule-sets';
import { renderRulesMarkdown, renderRulesText } from '../language/validation/rules-doc';
import { exitCodes, UsageError, type CliCommand } from './command';

export const rulesCommand: CliCommand = {
  name: 'rules',
  summary: 'List the rules and their codes (--markdown: the text of docs/rules.md)',
  usage: 'ddd rules [--markdown]',
  description: 'Lists every rule by concern: code, severity and title.\nWith --markdown prints the full catalogue with explanations and examples; docs/rules.md is generated this way.',
  options: {
    markdown: { type: 'boolean', description: 'print the catalogue as Markdown' },
  },
  run({ args, options, out }) {
    if (args.length) throw new UsageError(`unexpected argument '${args[0]}'`);
    out.stdout(options['markdown'] ? renderRulesMarkdown(ruleSets) : renderRulesText(ruleSets));
    return exitCodes.ok;
  },
};
