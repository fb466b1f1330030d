/**
 * The CML export of requirements and values: use cases, user stories,
 * stakeholders (`Stakeholders of B { StakeholderGroup G { Stakeholder P { … } } }`)
 * and value registers (`ValueRegister V for B { ValueCluster C { core = AUTONOMY … } }`).
 */
import type { Interaction, Requirement, Stakeholder, StakeholderRegister, ValueCluster, ValueItem, ValueRegister, ValueStakeholder } from '../model/elements';
import { attributeLines, cmlName, cmlString, type CmlWriter } from './export-writer';
import { cmlLiteral } from './mapping';
import { cmlConsequenceActions } from './requirements-parser';
import { cmlEnums } from './strategic-parser';

const defaultVerbs = new Set(['create', 'read', 'update', 'delete']);

/** `create "Offer" with its "address", "age"`, or undefined (and a note) without an object. */
function featureText(interaction: Interaction, out: CmlWriter): string | undefined {
  if (interaction.object === undefined) {
    out.notes.add('interaction without an object (CML names what the actor acts on)');
    return undefined;
  }
  const verb = defaultVerbs.has(interaction.verb.text) ? interaction.verb.text : cmlString(interaction.verb.text);
  const attributes = interaction.attributes.length ? ` with its ${interaction.attributes.map(cmlString).join(', ')}` : '';
  const container = interaction.container !== undefined ? ` for ${cmlString(interaction.container)}` : '';
  return `${verb} ${cmlString(interaction.object)}${attributes}${container}`;
}

function features(requirement: Requirement, out: CmlWriter): string[] {
  return requirement.interactions.map((interaction) => featureText(interaction, out)).filter((text): text is string => text !== undefined);
}

function useCaseBlock(out: CmlWriter, useCase: Requirement): void {
  out.block(`UseCase ${cmlName(useCase.name)}`, () => {
    if (useCase.actor !== undefined) out.line(`actor = ${cmlString(useCase.actor)}`);
    const interactions = features(useCase, out);
    if (interactions.length) out.line(`interactions = ${interactions.join(', ')}`);
    if (useCase.benefit !== undefined) out.line(`benefit = ${cmlString(useCase.benefit)}`);
    if (useCase.scope !== undefined) out.line(`scope = ${cmlString(useCase.scope)}`);
    if (useCase.level !== undefined) out.line(`level = ${cmlString(useCase.level)}`);
  });
}

function userStoryBlock(out: CmlWriter, story: Requirement): void {
  const wants = features(story, out);
  if (story.scope !== undefined || story.level !== undefined) out.notes.add("user story's scope or level (CML has them on use cases)");
  const complete = story.actor !== undefined && story.benefit !== undefined && wants.length > 0;
  if (!complete && (story.actor !== undefined || story.benefit !== undefined || wants.length > 0)) {
    out.notes.add('user story without all of as, want and so (CML writes all three or none)');
  }
  out.block(`UserStory ${cmlName(story.name)}`, () => {
    if (!complete) return;
    out.line(`As a ${cmlString(story.actor!)}`);
    for (const want of wants) out.line(`I want to ${want}`);
    out.line(`so that ${cmlString(story.benefit!)}`);
  });
}

function stakeholderBlock(out: CmlWriter, stakeholder: Stakeholder): void {
  out.block(`Stakeholder ${cmlName(stakeholder.name)}`, () => {
    attributeLines(out, stakeholder.attributes, ['stakeholder.influence', 'stakeholder.interest']);
    if (stakeholder.description !== undefined) out.line(`description = ${cmlString(stakeholder.description)}`);
  });
}

function stakeholdersBlock(out: CmlWriter, register: StakeholderRegister): void {
  const notes = out.notes;
  if (register.description !== undefined) notes.add("stakeholder register's description (CML has none)");
  const context = register.context?.target?.kind === 'context' ? ` of ${cmlName(register.context.text)}` : '';
  out.block(`Stakeholders${context}`, () => {
    for (const group of register.groups) {
      if (group.description !== undefined) notes.add("stakeholder group's description (CML has none)");
      out.block(`StakeholderGroup ${cmlName(group.name)}`, () => {
        for (const stakeholder of group.stakeholders) stakeholderBlock(out, stakeholder);
      });
    }
    for (const stakeholder of register.stakeholders) stakeholderBlock(out, stakeholder);
  });
}

/** `declared`: the stakeholders and groups the model declares, by name (a value may name either: CML's AbstractStakeholder). */
function elicitations(out: CmlWriter, stakeholders: readonly ValueStakeholder[], declared: ReadonlySet<string>): void {
  for (const entry of stakeholders) {
    if (!declared.has(entry.stakeholder.text)) {
      out.notes.add("value's stakeholder the model does not declare");
      continue;
    }
    if (entry.description !== undefined) out.notes.add("description of a value's stakeholder (CML has none)");
    out.block(`Stakeholder ${cmlName(entry.stakeholder.text)}`, () => {
      attributeLines(out, entry.attributes, ['valueStakeholder.priority', 'valueStakeholder.impact']);
      if (!entry.consequences?.length) return;
      out.line('consequences');
      for (const consequence of entry.consequences) {
        const type = consequence.action?.type ?? '';
        const action = consequence.action ? ` action ${cmlString(consequence.action.text)} ${cmlLiteral(type, cmlConsequenceActions) ?? cmlString(type)}` : '';
        out.line(`  ${consequence.kind} ${cmlString(consequence.text)}${action}`);
      }
    });
  }
}

function valueBlock(out: CmlWriter, value: ValueItem, declared: ReadonlySet<string>): void {
  if (value.description !== undefined) out.notes.add("value's description (CML has none)");
  out.block(`Value ${cmlName(value.name)}`, () => {
    if (value.core) out.line('isCore');
    for (const demonstrator of value.demonstrators) out.line(`demonstrator = ${cmlString(demonstrator)}`);
    elicitations(out, value.stakeholders, declared);
  });
}

/** `core = AUTONOMY` for one of CML's core values, `core = "Name"` for another name; `UNDEFINED` when none (CML needs the line). */
function coreLine(cluster: ValueCluster): string {
  if (cluster.core === undefined) return 'core = UNDEFINED';
  const literal = cmlLiteral(cluster.core.text, cmlEnums.coreValue);
  return `core = ${literal ?? cmlString(cluster.core.text)}`;
}

function valueRegisterBlock(out: CmlWriter, register: ValueRegister, declared: ReadonlySet<string>): void {
  const notes = out.notes;
  if (register.description !== undefined) notes.add("value register's description (CML has none)");
  const context = register.context?.target?.kind === 'context' ? ` for ${cmlName(register.context.text)}` : '';
  out.block(`ValueRegister ${cmlName(register.name)}${context}`, () => {
    for (const cluster of register.clusters) {
      if (cluster.description !== undefined) notes.add("value cluster's description (CML has none)");
      out.open(`ValueCluster ${cmlName(cluster.name)}`);
      out.line(coreLine(cluster));
      for (const demonstrator of cluster.demonstrators) out.line(`demonstrator = ${cmlString(demonstrator)}`);
      for (const value of cluster.values) valueBlock(out, value, declared);
      elicitations(out, cluster.stakeholders, declared);
      out.close();
    }
    for (const value of register.values) valueBlock(out, value, declared);
  });
}

/** Use cases and user stories, then stakeholders, then value registers (CML keeps each kind together). */
export function requirementsBlocks(out: CmlWriter, model: { requirements: readonly Requirement[]; stakeholders: readonly StakeholderRegister[]; valueRegisters: readonly ValueRegister[] }): void {
  for (const requirement of model.requirements) {
    if (requirement.description !== undefined) out.notes.add(`${requirement.kind === 'usecase' ? 'use case' : 'user story'}'s description (CML has none)`);
    if (requirement.kind === 'usecase') useCaseBlock(out, requirement);
    else userStoryBlock(out, requirement);
  }
  for (const register of model.stakeholders) stakeholdersBlock(out, register);
  const declared = new Set(
    model.stakeholders.flatMap((register) => [...register.stakeholders, ...register.groups.flatMap((group) => [group, ...group.stakeholders])]).map((stakeholder) => stakeholder.name),
  );
  for (const register of model.valueRegisters) valueRegisterBlock(out, register, declared);
}
