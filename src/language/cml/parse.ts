/**
 * The CML parser's front door: text in, a CmlModel or the reasons it could not
 * be read (each with line, column and a message). A file that cannot be parsed
 * gives its first syntax error (and any characters the lexer could not read),
 * never an exception. Written from Context Mapper's published grammar
 * (ContextMappingDSL.xtext and the tactic DDD grammar it extends) as a
 * recursive-descent reader over chevrotain's tokens.
 */
import type { CmlModel } from './ast';
import { CmlSyntaxError, Cursor } from './cursor';
import { lexCml } from './lexer';
import { useCase, userStory, stakeholders, valueRegister } from './requirements-parser';
import { boundedContext, contextMap, domain } from './strategic-parser';

export interface CmlProblem {
  /** One-based. */
  line: number;
  column: number;
  message: string;
}

export type CmlParseResult = { ok: true; model: CmlModel } | { ok: false; problems: CmlProblem[] };

/** Text larger than this is not parsed (a CML model is a few thousand lines). */
export const maxCmlLength = 20_000_000;

export function parseCml(text: string): CmlParseResult {
  if (text.length > maxCmlLength) return { ok: false, problems: [{ line: 1, column: 1, message: `the file is larger than ${maxCmlLength / 1_000_000} million characters` }] };
  const { tokens, comments, problems } = lexCml(text);
  if (problems.length) return { ok: false, problems: problems.map(({ line, column, message }) => ({ line, column, message })) };
  const c = new Cursor(tokens);
  const model: CmlModel = { imports: [], contexts: [], domains: [], requirements: [], stakeholders: [], valueRegisters: [], comments };
  try {
    while (c.peek().kind !== 'eof') {
      const token = c.peek();
      if (token.kind === 'keyword') {
        switch (token.text) {
          case 'import':
            c.next();
            model.imports.push({ uri: c.string('the file to import, as a string'), at: token.at, line: token.line });
            continue;
          case 'ContextMap':
            if (model.map) c.refuse(`a CML file holds one ContextMap: this is a second one (the first is on line ${model.map.line})`);
            model.map = contextMap(c);
            continue;
          case 'BoundedContext':
            model.contexts.push(boundedContext(c));
            continue;
          case 'Domain':
            model.domains.push(domain(c));
            continue;
          case 'UseCase':
            model.requirements.push(useCase(c));
            continue;
          case 'UserStory':
            model.requirements.push(userStory(c));
            continue;
          case 'Stakeholders':
            model.stakeholders.push(stakeholders(c));
            continue;
          case 'ValueRegister':
            model.valueRegisters.push(valueRegister(c));
            continue;
        }
      }
      c.fail('import, ContextMap, BoundedContext, Domain, UseCase, UserStory, Stakeholders or ValueRegister');
    }
  } catch (error) {
    if (!(error instanceof CmlSyntaxError)) throw error;
    return { ok: false, problems: [{ line: error.token.line, column: error.token.column, message: error.message }] };
  }
  return { ok: true, model };
}
