/**
 * Requirements (issue 13, Context Mapper parity): use cases, user stories,
 * stakeholders and value registers, all top-level declarations.
 */
import type {
  AttributeSetting,
  Interaction,
  Requirement,
  Stakeholder,
  StakeholderGroup,
  StakeholderRegister,
  ValueCluster,
  ValueItem,
  ValueRegister,
  ValueConsequence,
  ValueStakeholder,
} from '../../model/elements';
import { tokenMatcher, type IToken } from 'chevrotain';
import { expectedMember, kinds, starts } from './grammar-support';
import { consequenceActions } from '../../model/attribute-values';
import { StormingGrammar } from './storming-grammar';
import * as T from '../tokens';

const nowhere = { start: 0, end: 0 };
const placeholderRequirement: Requirement = { kind: 'usecase', name: '', uri: '', range: nowhere, nameRange: nowhere, interactions: [] };
const placeholderRegister: StakeholderRegister = { kind: 'stakeholders', name: '', uri: '', range: nowhere, nameRange: nowhere, groups: [], stakeholders: [] };

export abstract class RequirementsGrammar extends StormingGrammar {
  // `, "zip"` is one more attribute; `, "sign up" "Account"` (a quoted verb and its object) starts the next interaction
  private readonly commaBeforeString = () => tokenMatcher(this.LA(2), T.StringLiteral) && !tokenMatcher(this.LA(3), T.StringLiteral);

  // ------------------------------------------------------------------ use cases and user stories

  /** `create "Offer" with "address", "age"`, `close "Claim" for "Claimant"`; a verb of several words is quoted (`"sign up" "Account"`). */
  protected interaction = this.RULE('interaction', (into: Interaction[] = []) => {
    const verb = this.OR([
      { ALT: () => this.nameOf(this.CONSUME(T.AnyName)) },
      {
        ALT: () => {
          const written = this.CONSUME(T.StringLiteral);
          return { text: this.unquote(written.image), range: this.tokenRange(written) };
        },
      },
    ]);
    const interaction: Interaction = { verb, attributes: [], range: { ...verb.range } };
    if (!this.RECORDING_PHASE) into.push(interaction);
    this.OPTION(() => (interaction.object = this.SUBRULE(this.stringValue)));
    this.OPTION2(() => {
      this.CONSUME(T.With);
      interaction.attributes.push(this.SUBRULE2(this.stringValue));
      // `, "zip"` continues the attributes; `, read "Contract"` starts the next interaction
      this.MANY({
        GATE: this.commaBeforeString,
        DEF: () => {
          this.CONSUME(T.Comma);
          interaction.attributes.push(this.SUBRULE3(this.stringValue));
        },
      });
    });
    // `for "Claimant"`: what the object belongs to
    this.OPTION3(() => {
      this.CONSUME(T.For);
      interaction.container = this.SUBRULE4(this.stringValue);
    });
    this.close(interaction.range);
  });

  /** `a, b, …` interactions after `interactions` or `want`. */
  protected interactions = this.RULE('interactions', (into: Interaction[] = []) => {
    this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.interaction, { ARGS: [into] }) });
  });

  protected usecase = this.RULE('usecase', () => {
    const keyword = this.CONSUME(T.Usecase);
    const requirement = this.requirementHead(keyword, 'usecase');
    this.OPTION(() => (requirement.description = this.SUBRULE(this.stringValue)));
    this.OPTION2(() => {
      this.CONSUME(T.LCurly);
      this.members(expectedMember.usecase, starts.usecase, () =>
        this.OR([
          { ALT: () => (this.CONSUME(T.Actor), (requirement.actor = this.SUBRULE2(this.stringValue))) },
          { ALT: () => (this.CONSUME(T.Interactions), this.SUBRULE(this.interactions, { ARGS: [requirement.interactions] })) },
          { ALT: () => (this.CONSUME(T.Benefit), (requirement.benefit = this.SUBRULE3(this.stringValue))) },
          { ALT: () => (this.CONSUME(T.Scope), (requirement.scope = this.SUBRULE4(this.stringValue))) },
          { ALT: () => (this.CONSUME(T.Level), (requirement.level = this.SUBRULE5(this.stringValue))) },
        ]),
      );
      this.CONSUME(T.RCurly);
    });
    this.close(requirement.range);
  });

  protected story = this.RULE('story', () => {
    const keyword = this.CONSUME(T.Story);
    const requirement = this.requirementHead(keyword, 'story');
    this.OPTION(() => (requirement.description = this.SUBRULE(this.stringValue)));
    this.OPTION2(() => {
      this.CONSUME(T.LCurly);
      this.members(expectedMember.story, starts.story, () =>
        this.OR([
          { ALT: () => (this.CONSUME(T.As), (requirement.actor = this.SUBRULE2(this.stringValue))) },
          { ALT: () => (this.CONSUME(T.Want), this.SUBRULE(this.interactions, { ARGS: [requirement.interactions] })) },
          { ALT: () => (this.CONSUME(T.So), (requirement.benefit = this.SUBRULE3(this.stringValue))) },
        ]),
      );
      this.CONSUME(T.RCurly);
    });
    this.close(requirement.range);
  });

  private requirementHead(keyword: IToken, kind: 'usecase' | 'story'): Requirement {
    const name = this.consumeNamed(T.Identifier);
    if (this.RECORDING_PHASE) return { ...placeholderRequirement, interactions: [] };
    const requirement: Requirement = { kind, name: name.text, uri: this.uri, range: this.tokenRange(keyword), nameRange: name.range, interactions: [] };
    this.declarations.push(requirement);
    return requirement;
  }

  // ------------------------------------------------------------------ stakeholders

  /** `influence high`, `priority low`: enumerated lines of a stakeholder, and its description. */
  private stakeholderLines(into: { attributes: AttributeSetting[]; description?: string; consequences?: ValueConsequence[] }, place: 'stakeholder' | 'valueStakeholder'): void {
    this.CONSUME(T.LCurly);
    this.members(place === 'stakeholder' ? expectedMember.stakeholder : expectedMember.valueStakeholder, place === 'stakeholder' ? starts.stakeholder : starts.valueStakeholder, () =>
      this.OR(
        place === 'stakeholder'
          ? [
              { ALT: () => this.setting(into, 'stakeholder', this.CONSUME(T.Influence), this.CONSUME(T.AnyName)) },
              { ALT: () => this.setting(into, 'stakeholder', this.CONSUME(T.Interest), this.CONSUME2(T.AnyName)) },
              { ALT: () => (into.description = this.SUBRULE(this.stringValue)) },
            ]
          : [
              { ALT: () => this.setting(into, 'valueStakeholder', this.CONSUME(T.Priority), this.CONSUME(T.AnyName)) },
              { ALT: () => this.setting(into, 'valueStakeholder', this.CONSUME(T.Impact), this.CONSUME2(T.AnyName)) },
              { ALT: () => this.SUBRULE(this.consequence, { ARGS: [into] }) },
              { ALT: () => (into.description = this.SUBRULE(this.stringValue)) },
            ],
      ),
    );
    this.CONSUME(T.RCurly);
  }

  /** `bad "less patience" action "Make it opt-in" act`: a consequence for a value's stakeholder, and what to do about it. */
  protected consequence = this.RULE('consequence', (into: { consequences?: ValueConsequence[] } = {}) => {
    const start = this.LA(1);
    const kind = this.OR2([{ ALT: () => this.CONSUME(T.Good) }, { ALT: () => this.CONSUME(T.Bad) }, { ALT: () => this.CONSUME(T.Neutral) }]);
    const consequence: ValueConsequence = { kind: this.RECORDING_PHASE ? 'good' : (kind.image as ValueConsequence['kind']), text: '', range: this.tokenRange(start) };
    if (!this.RECORDING_PHASE) (into.consequences ??= []).push(consequence);
    consequence.text = this.SUBRULE2(this.stringValue) ?? '';
    this.OPTION(() => {
      this.CONSUME(T.ActionKw);
      const text = this.SUBRULE3(this.stringValue) ?? '';
      // `act`, `monitor`, or what to do in words
      const type = this.OR3([
        {
          ALT: () => {
            const word = this.CONSUME(T.AnyName);
            if (!this.RECORDING_PHASE && !consequenceActions.includes(word.image)) {
              this.problems.push({ range: this.tokenRange(word), message: `An action is ${consequenceActions.join(' or ')} (or what to do, as a string), not ${word.image}.` });
            }
            return word.image;
          },
        },
        { ALT: () => this.SUBRULE4(this.stringValue) ?? '' },
      ]);
      if (!this.RECORDING_PHASE) consequence.action = { text, type };
    });
    this.close(consequence.range);
  });

  /** `stakeholder Regulator "…" { influence medium  interest low  "…" }`. */
  protected stakeholder = this.RULE('stakeholder', (into: Stakeholder[] = []) => {
    const keyword = this.CONSUME(T.StakeholderKw);
    const name = this.consumeNamed(T.Identifier);
    const stakeholder: Stakeholder = { kind: 'stakeholder', name: name.text, uri: this.uri, range: this.tokenRange(keyword), nameRange: name.range, attributes: [] };
    if (!this.RECORDING_PHASE) into.push(stakeholder);
    this.OPTION(() => (stakeholder.description = this.SUBRULE2(this.stringValue)));
    this.OPTION2(() => this.stakeholderLines(stakeholder, 'stakeholder'));
    this.close(stakeholder.range);
  });

  protected stakeholderGroup = this.RULE('stakeholderGroup', (into: StakeholderGroup[] = []) => {
    const keyword = this.CONSUME(T.Group);
    const name = this.consumeNamed(T.Identifier);
    const group: StakeholderGroup = { kind: 'stakeholderGroup', name: name.text, uri: this.uri, range: this.tokenRange(keyword), nameRange: name.range, stakeholders: [] };
    if (!this.RECORDING_PHASE) into.push(group);
    this.OPTION(() => (group.description = this.SUBRULE(this.stringValue)));
    this.OPTION2(() => {
      this.CONSUME(T.LCurly);
      this.members(expectedMember.stakeholders, starts.stakeholderGroup, () => this.SUBRULE(this.stakeholder, { ARGS: [group.stakeholders] }));
      this.CONSUME(T.RCurly);
    });
    this.close(group.range);
  });

  protected stakeholders = this.RULE('stakeholders', () => {
    const keyword = this.CONSUME(T.Stakeholders);
    const register: StakeholderRegister = this.RECORDING_PHASE
      ? { ...placeholderRegister, groups: [], stakeholders: [] }
      : { kind: 'stakeholders', name: 'stakeholders', uri: this.uri, range: this.tokenRange(keyword), nameRange: this.tokenRange(keyword), groups: [], stakeholders: [] };
    if (!this.RECORDING_PHASE) this.declarations.push(register);
    this.OPTION(() => {
      this.CONSUME(T.For);
      const name = this.nameOf(this.CONSUME(T.NameReference));
      register.context = this.reference(name, kinds.context);
      register.name = `stakeholders for ${name.text}`;
    });
    this.OPTION2(() => (register.description = this.SUBRULE(this.stringValue)));
    this.CONSUME(T.LCurly);
    this.members(expectedMember.stakeholders, starts.stakeholders, () =>
      this.OR([
        { ALT: () => this.SUBRULE(this.stakeholderGroup, { ARGS: [register.groups] }) },
        { ALT: () => this.SUBRULE(this.stakeholder, { ARGS: [register.stakeholders] }) },
      ]),
    );
    this.CONSUME(T.RCurly);
    this.close(register.range);
  });

  // ------------------------------------------------------------------ value registers

  /** `stakeholder Policyholder { priority high  impact medium  "…" }` inside a value: names a stakeholder. */
  protected valueStakeholder = this.RULE('valueStakeholder', (into: ValueStakeholder[] = []) => {
    const keyword = this.CONSUME(T.StakeholderKw);
    const name = this.nameOf(this.CONSUME(T.NameReference));
    const entry: ValueStakeholder = { stakeholder: this.reference(name, kinds.stakeholder, true), attributes: [], range: this.tokenRange(keyword) };
    if (!this.RECORDING_PHASE) into.push(entry);
    this.OPTION(() => this.stakeholderLines(entry, 'valueStakeholder'));
    this.close(entry.range);
  });

  protected valueItem = this.RULE('valueItem', (into: ValueItem[] = []) => {
    const keyword = this.CONSUME(T.Value);
    const name = this.consumeNamed(T.Identifier);
    const value: ValueItem = { kind: 'valueItem', name: name.text, uri: this.uri, range: this.tokenRange(keyword), nameRange: name.range, core: false, demonstrators: [], stakeholders: [] };
    if (!this.RECORDING_PHASE) into.push(value);
    this.OPTION(() => (value.description = this.SUBRULE(this.stringValue)));
    this.OPTION2(() => {
      this.CONSUME(T.LCurly);
      this.members(expectedMember.valueItem, starts.valueItem, () =>
        this.OR([
          { ALT: () => (this.CONSUME(T.Core), (value.core = true)) },
          { ALT: () => (this.CONSUME(T.Demonstrator), value.demonstrators.push(this.SUBRULE2(this.stringValue))) },
          { ALT: () => this.SUBRULE(this.valueStakeholder, { ARGS: [value.stakeholders] }) },
        ]),
      );
      this.CONSUME(T.RCurly);
    });
    this.close(value.range);
  });

  protected valueCluster = this.RULE('valueCluster', (into: ValueCluster[] = []) => {
    const keyword = this.CONSUME(T.Cluster);
    const name = this.consumeNamed(T.Identifier);
    const cluster: ValueCluster = { kind: 'valueCluster', name: name.text, uri: this.uri, range: this.tokenRange(keyword), nameRange: name.range, demonstrators: [], values: [], stakeholders: [] };
    if (!this.RECORDING_PHASE) into.push(cluster);
    this.OPTION(() => (cluster.description = this.SUBRULE(this.stringValue)));
    this.OPTION2(() => {
      this.CONSUME(T.LCurly);
      this.members(expectedMember.cluster, starts.cluster, () =>
        this.OR([
          {
            ALT: () => {
              this.CONSUME(T.Core);
              const core = this.nameOf(this.CONSUME(T.AnyName));
              if (!this.RECORDING_PHASE) cluster.core = core;
            },
          },
          { ALT: () => (this.CONSUME(T.Demonstrator), cluster.demonstrators.push(this.SUBRULE2(this.stringValue))) },
          { ALT: () => this.SUBRULE(this.valueItem, { ARGS: [cluster.values] }) },
          { ALT: () => this.SUBRULE(this.valueStakeholder, { ARGS: [cluster.stakeholders] }) },
        ]),
      );
      this.CONSUME(T.RCurly);
    });
    this.close(cluster.range);
  });

  protected values = this.RULE('values', () => {
    const keyword = this.CONSUME(T.Values);
    const name = this.consumeNamed(T.Identifier);
    const register: ValueRegister = { kind: 'valueRegister', name: name.text, uri: this.uri, range: this.tokenRange(keyword), nameRange: name.range, clusters: [], values: [] };
    if (!this.RECORDING_PHASE) this.declarations.push(register);
    this.OPTION(() => {
      this.CONSUME(T.For);
      register.context = this.reference(this.nameOf(this.CONSUME(T.NameReference)), kinds.context);
    });
    this.OPTION2(() => (register.description = this.SUBRULE(this.stringValue)));
    this.CONSUME(T.LCurly);
    this.members(expectedMember.values, starts.values, () =>
      this.OR([
        { ALT: () => this.SUBRULE(this.valueCluster, { ARGS: [register.clusters] }) },
        { ALT: () => this.SUBRULE(this.valueItem, { ARGS: [register.values] }) },
      ]),
    );
    this.CONSUME(T.RCurly);
    this.close(register.range);
  });
}
