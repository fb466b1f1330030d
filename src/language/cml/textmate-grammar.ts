/**
 * The TextMate grammar that colours .cml files in VS Code
 * (syntaxes/cml.tmLanguage.json is this object, written out; a test keeps the
 * two the same). It is made from the CML vocabulary the parser reads: the
 * keywords, the phrase keywords, the built-in types, the enum literals and the
 * context-map roles.
 */
import { cmlKeywords } from './keywords';
import { cmlPhrases } from './lexer';
import { cmlEnums, cmlRoleWords } from './strategic-parser';
import { collectionKeywords, objectKeywords, typeKeywords } from './tactic-parser';

/** Keywords that open a declaration (the name after them is coloured as one). */
const declarationKeywords = [
  'ContextMap', 'BoundedContext', 'Domain', 'Subdomain', 'Aggregate', 'Module', 'Application', 'Flow', 'Coordination', 'Service',
  'Repository', 'Resource', 'Consumer', 'UseCase', 'UserStory', 'Stakeholders', 'StakeholderGroup', 'Stakeholder', 'ValueRegister',
  'ValueCluster', 'Value', 'ValueEpic', 'ValueNarrative', 'ValueWeigthing', ...Object.keys(objectKeywords),
];

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const words = (list: readonly string[]) => `\\b(?:${[...new Set(list)].sort((a, b) => b.length - a.length || a.localeCompare(b)).map(escape).join('|')})\\b`;

export function cmlTextMateGrammar(): Record<string, unknown> {
  const literals = [...new Set(Object.values(cmlEnums).flat())];
  const types = [...typeKeywords.filter((type) => type !== 'Object[]'), ...collectionKeywords, 'Map'];
  const roles = cmlRoleWords.filter((role) => role.length > 1);
  const letters = cmlRoleWords.filter((role) => role.length === 1);
  const special = new Set([...declarationKeywords, ...literals, ...types, ...cmlRoleWords, 'import']);
  const others = [...cmlKeywords].filter((word) => !special.has(word));
  return {
    $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
    name: 'Context Mapper (CML)',
    scopeName: 'source.cml',
    comment: 'Generated from src/language/cml/textmate-grammar.ts: change that file, then write this one from cmlTextMateGrammar().',
    patterns: [
      { include: '#comments' },
      { include: '#strings' },
      { name: 'keyword.control.import.cml', match: '\\bimport\\b' },
      { name: 'keyword.operator.relationship.cml', match: `(?:${cmlPhrases.filter((phrase) => phrase.includes('-') && phrase !== 'read-only').map(escape).join('|')})|<->|->|<-` },
      { name: 'keyword.other.phrase.cml', match: cmlPhrases.filter((phrase) => !phrase.includes('-') && phrase !== 'Object[]').map((phrase) => (/^\w/.test(phrase) ? '\\b' : '') + escape(phrase) + (/\w$/.test(phrase) ? '\\b' : '')).join('|') + '|\\bread-only\\b' },
      {
        match: `(${words(declarationKeywords)})\\s+(\\^?[A-Za-z_][A-Za-z0-9_]*)`,
        captures: { '1': { name: 'storage.type.declaration.cml' }, '2': { name: 'entity.name.type.cml' } },
      },
      { name: 'storage.type.declaration.cml', match: words(declarationKeywords) },
      { name: 'constant.language.role.cml', match: words(roles) },
      { name: 'constant.language.role.cml', match: `(?<=[\\[,])\\s*(?:${letters.join('|')})(?=\\s*[,\\]])` },
      { name: 'support.type.cml', match: `${words(types)}|\\bObject\\[\\]` },
      { name: 'constant.language.cml', match: words(literals) },
      { name: 'keyword.other.cml', match: words(others) },
      { name: 'constant.numeric.cml', match: '\\b[0-9]+\\b' },
      { name: 'variable.other.escaped.cml', match: '\\^[A-Za-z_][A-Za-z0-9_]*' },
      { name: 'punctuation.separator.cml', match: '::|[,;:=]' },
    ],
    repository: {
      comments: {
        patterns: [
          { name: 'comment.block.cml', begin: '/\\*', end: '\\*/' },
          { name: 'comment.line.double-slash.cml', match: '//.*$' },
        ],
      },
      strings: {
        patterns: [
          { name: 'string.quoted.double.cml', begin: '"', end: '"', patterns: [{ name: 'constant.character.escape.cml', match: '\\\\.' }] },
          { name: 'string.quoted.single.cml', begin: "'", end: "'", patterns: [{ name: 'constant.character.escape.cml', match: '\\\\.' }] },
        ],
      },
    },
  };
}
