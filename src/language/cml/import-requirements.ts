/**
 * The importer's requirements half: use cases, user stories, stakeholders and
 * value registers, in the .ddd syntax of docs/design/context-mapper-syntax.md.
 */
import type { CmlFeature, CmlStakeholder, CmlStakeholders, CmlUseCase, CmlUserStory, CmlValue, CmlValueRegister } from './ast';
import { dddString, type DddWriter } from './ddd-writer';
import { dddWord } from './mapping';
import { cmlConsequenceActions } from './requirements-parser';

const plainWord = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** `create "Offer" with "address", "age" for "Customer"` (the verb as a word when it is one, else quoted). */
function featureText(feature: CmlFeature): string {
  const verb = plainWord.test(feature.verb) ? feature.verb : dddString(feature.verb);
  const container = feature.container !== undefined ? ` for ${dddString(feature.container)}` : '';
  return `${verb} ${dddString(feature.entity)}${feature.attributes.length ? ' with ' + feature.attributes.map(dddString).join(', ') : ''}${container}`;
}

export function useCaseBlock(out: DddWriter, useCase: CmlUseCase): void {
  out.open(`usecase ${useCase.name}`, useCase);
  const interactionsAt = useCase.interactions[0]?.at ?? Number.POSITIVE_INFINITY;
  const writeInteractions = () => {
    if (useCase.interactions.length) out.line(`interactions ${useCase.interactions.map((feature) => featureText(feature)).join(', ')}`, useCase.interactions[0]);
  };
  let interactionsWritten = false;
  for (const setting of useCase.settings) {
    if (!interactionsWritten && setting.at > interactionsAt) {
      writeInteractions();
      interactionsWritten = true;
    }
    if (setting.key === 'secondaryActors') out.drop(setting, `use case ${useCase.name}: secondaryActors are not carried over`);
    else out.line(`${setting.key} ${dddString(setting.values[0]!)}`, setting);
  }
  if (!interactionsWritten) writeInteractions();
  out.close(useCase.end);
}

export function userStoryBlock(out: DddWriter, story: CmlUserStory): void {
  if (story.splitBy) out.drop(story.splitBy, `user story ${story.name}: 'split by ${story.splitBy.name}' is not carried over`);
  if (story.valuation) out.drop(story.valuation, `user story ${story.name}: the promoted and harmed values are not carried over`);
  out.open(`story ${story.name}`, story);
  if (story.role !== undefined) out.line(`as ${dddString(story.role)}`);
  if (story.features.length) out.line(`want ${story.features.map((feature) => featureText(feature)).join(', ')}`, story.features[0]);
  if (story.benefit !== undefined) out.line(`so ${dddString(story.benefit)}`);
  out.close(story.end);
}

/** `influence high  interest low  "description"` inside braces, or nothing. */
function stakeholderLine(out: DddWriter, stakeholder: CmlStakeholder): void {
  const parts: string[] = [];
  let description: string | undefined;
  for (const setting of stakeholder.settings) {
    if (setting.key === 'description') description = dddString(setting.values[0]!);
    else {
      const word = dddWord(setting.values[0]!);
      if (word) parts.push(`${setting.key} ${word}`);
    }
  }
  if (description) parts.push(description);
  out.line(`stakeholder ${stakeholder.name}${parts.length ? ` { ${parts.join('  ')} }` : ''}`, stakeholder);
  out.commentsBefore(stakeholder.end);
}

export function stakeholdersBlock(out: DddWriter, stakeholders: CmlStakeholders): void {
  // a .ddd stakeholder register is for one context (or the whole model): the first one CML names
  const [first, ...others] = stakeholders.contexts;
  for (const other of others) out.drop(other, `the stakeholders of ${other.name}: a .ddd stakeholder register is for one context, ${first!.name}`);
  out.open(`stakeholders${first ? ` for ${first.name}` : ''}`, stakeholders);
  for (const entry of stakeholders.entries) {
    if (entry.kind === 'Stakeholder') {
      stakeholderLine(out, entry);
      continue;
    }
    if (entry.stakeholders.length === 0) {
      out.line(`group ${entry.name}`, entry);
      continue;
    }
    out.open(`group ${entry.name}`, entry);
    for (const stakeholder of entry.stakeholders) stakeholderLine(out, stakeholder);
    out.close(entry.end);
  }
  out.close(stakeholders.end);
}

/** The lines a value and a cluster share: demonstrators and stakeholders' priorities. */
function valueLines(out: DddWriter, value: CmlValue, owner: string): void {
  for (const setting of value.settings) {
    if (setting.key === 'demonstrator') out.line(`demonstrator ${dddString(setting.values[0]!)}`, setting);
    else if (setting.key !== 'core') out.drop(setting, `${owner}: '${setting.key}' is not carried over`);
  }
  for (const elicitation of value.elicitations) {
    const parts = elicitation.settings.map((setting) => [setting.key, dddWord(setting.values[0]!)]).filter(([, word]) => word !== undefined);
    const settings = parts.map(([key, word]) => `${key} ${word}`).join('  ');
    if (elicitation.consequences.length === 0) {
      out.line(`stakeholder ${elicitation.stakeholder.name}${parts.length ? ` { ${settings} }` : ''}`, elicitation);
    } else {
      // consequences, one line each: `bad "…" action "…" act`
      out.line(`stakeholder ${elicitation.stakeholder.name} {`, elicitation);
      if (parts.length) out.line(`  ${settings}`);
      for (const consequence of elicitation.consequences) {
        const type = consequence.action?.type ?? '';
        const literal = cmlConsequenceActions.find((each) => each === type);
        const word = literal && dddWord(literal);
        const action = consequence.action ? ` action ${dddString(consequence.action.text)} ${word ?? dddString(type)}` : '';
        out.line(`  ${consequence.type} ${dddString(consequence.text)}${action}`, consequence);
      }
      out.line('}');
    }
    out.commentsBefore(elicitation.end);
  }
}

function valueBlock(out: DddWriter, value: CmlValue, register: string): void {
  if (!value.isCore && value.settings.length === 0 && value.elicitations.length === 0) {
    out.line(`value ${value.name}`, value);
    return;
  }
  out.open(`value ${value.name}`, value);
  if (value.isCore) out.line('core');
  valueLines(out, value, `value ${value.name} of ${register}`);
  out.close(value.end);
}

export function valueRegisterBlock(out: DddWriter, register: CmlValueRegister): void {
  for (const other of register.others) out.drop(other, `value register ${register.name}: the ${other.what} ${other.name} is not carried over`);
  out.open(`values ${register.name}${register.context ? ' for ' + register.context.name : ''}`, register);
  for (const cluster of register.clusters) {
    out.open(`cluster ${cluster.name}`, cluster);
    const core = cluster.settings.find((setting) => setting.key === 'core');
    if (core) {
      const word = core.quoted ? (plainWord.test(core.values[0]!) ? core.values[0] : undefined) : dddWord(core.values[0]!);
      if (word) out.line(`core ${word}`, core);
      else if (core.quoted) out.drop(core, `value cluster ${cluster.name}: the core value "${core.values[0]}" is not a name, so it is not carried over`);
    }
    valueLines(out, cluster, `value cluster ${cluster.name}`);
    for (const value of cluster.values) valueBlock(out, value, register.name);
    out.close(cluster.end);
  }
  for (const value of register.values) valueBlock(out, value, register.name);
  out.close(register.end);
}
