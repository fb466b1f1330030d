/**
 * The .ddd grammar, as a chevrotain parser that builds model elements directly.
 *
 * Each rule attaches the element it creates to its parent as soon as the
 * element's name is known, so when error recovery abandons a rule halfway the
 * part already parsed stays in the model. The rules live in one file per area
 * of the language (grammar/*.ts), composed by inheritance:
 * base → attributes → tactical → application layer → event sourcing → strategic → sagas → storming → requirements → this.
 * One instance is reused for every parse (chevrotain parsers are costly to
 * build and cheap to reset).
 */
import { RequirementsGrammar } from './grammar/requirements-grammar';

export class DddParser extends RequirementsGrammar {
  constructor(recovering = true, eager = false) {
    super(recovering, eager);
    this.performSelfAnalysis();
    this.lookahead?.register(this);
  }

  // ------------------------------------------------------------------ top level

  declaration = this.RULE('declaration', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.domain) },
      { ALT: () => this.SUBRULE(this.context) },
      { ALT: () => this.SUBRULE(this.contextMap) },
      { ALT: () => this.SUBRULE(this.saga) },
      { ALT: () => this.SUBRULE(this.storming) },
      // ---- Context Mapper parity: strategic design and requirements (issue 13)
      { ALT: () => this.SUBRULE(this.team) },
      { ALT: () => this.SUBRULE(this.usecase) },
      { ALT: () => this.SUBRULE(this.story) },
      { ALT: () => this.SUBRULE(this.stakeholders) },
      { ALT: () => this.SUBRULE(this.values) },
    ]);
  });
}

let fast: DddParser | undefined;
let recovering: DddParser | undefined;

/**
 * The process-wide parser instances. Error recovery costs about 15% of parse
 * time, so declarations are parsed by a parser that stops at the first error,
 * and only one that fails is parsed again by the recovering parser (built on
 * first need).
 */
export function dddParser(withRecovery = true): DddParser {
  return withRecovery ? (recovering ??= new DddParser(true)) : (fast ??= new DddParser(false));
}
