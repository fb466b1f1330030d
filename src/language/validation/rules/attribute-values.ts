/**
 * Enumerated attributes (`evolution custom`, `rights vetoright`, `security high`)
 * take one of the values model/attribute-values.ts lists: the grammar accepts any
 * name there, so that one rule, reading one table, says what is allowed.
 */
import { attributeDefinition, attributeKey, attributesIn, qualityStrings, valuesOf } from '../../model/attribute-values';
import type { AttributeSetting, Name } from '../../model/elements';
import type { DddModel } from '../../model/model';
import { forEachAttributeSetting } from '../../model/strategic-links';
import { boundedList } from '../../util/bounded-list';
import { closestName } from '../../util/similar-names';
import type { Accept, Rule } from '../rule';

export const attributeValue: Rule = {
  code: 'attribute-value',
  severity: 'error',
  title: 'An attribute given a value it does not take',
  explanation:
    'Some attribute lines take one of a fixed set of values, written in lower case: a context\'s `kind` (feature, application, system), `knowledge` (meta, concrete) and ' +
    '`evolution` (genesis, custom, product, commodity); a map\'s `kind` (landscape, organisational) and `state` (asis, tobe); a relationship\'s `rights` ' +
    '(influencer, opinionleader, vetoright, decisionmaker, monopolist); an aggregate\'s `changes` (rarely, normal, often) and its `qualities`; a stakeholder\'s ' +
    '`influence` and `interest` (low, medium, high). Write one of the values the message lists. A team is not a kind of context: declare it with `team Name realizes Context`.',
  example: 'context Claims {\n  evolution customised   // custom\n}',
};

function checkSetting(uri: string, setting: AttributeSetting, accept: Accept): void {
  const { value, keyword } = setting;
  if (!value.text.trim()) return; // a syntax error, reported by the parser
  const definition = attributeDefinition(setting.attribute);
  if (!definition) {
    // only `qualities { … }` takes free names as keywords
    const known = attributesIn('qualities').map((row) => row.keyword);
    const strings = Object.keys(qualityStrings);
    const suggestion = closestName(keyword.text, [...known, ...strings]);
    const stringLine = strings.includes(keyword.text) ? ` ${keyword.text} takes a string: ${keyword.text} "…".` : '';
    accept(attributeValue, {
      uri,
      range: stringLine ? value.range : keyword.range,
      message: stringLine
        ? `${keyword.text} is not one of a fixed set of values:${stringLine}`
        : `${keyword.text} is not a quality of an aggregate: write ${boundedList(known, { last: ', ', limit: known.length })} (one of their values each), or ${boundedList(strings, { last: ' or ' })} (a string each).${suggestion ? ` Did you mean ${suggestion}?` : ''}`,
      data: { attribute: setting.attribute, ...(suggestion ? { suggestion } : {}) },
    });
    return;
  }
  const values = valuesOf(definition);
  if (values.includes(value.text)) return;
  const misplaced = definition.misplaced?.[value.text];
  const lower = value.text.toLowerCase();
  const suggestion = values.includes(lower) ? lower : closestName(value.text, values);
  const list = boundedList(values, { last: ' or ', limit: values.length });
  accept(attributeValue, {
    uri,
    range: value.range,
    message: misplaced
      ? `${keyword.text} ${value.text} does not describe ${placeWords[definition.place]}: ${misplaced}. ${keyword.text} is one of ${list}.`
      : `${keyword.text} is one of ${list}, not ${value.text}.${suggestion ? ` Did you mean ${suggestion}?` : ''}`,
    data: { attribute: setting.attribute, value: value.text, valid: values, ...(suggestion && !misplaced ? { suggestion } : {}) },
  });
}

const placeWords: Record<string, string> = {
  context: 'a bounded context',
  contextmap: 'a context map',
  relationship: 'a relationship',
  aggregate: 'an aggregate',
  qualities: 'an aggregate',
  stakeholder: 'a stakeholder',
  valueStakeholder: 'a stakeholder of a value',
};

/** Quality lines written as strings whose quality takes a value (`security "high"`), and string lines that are no quality. */
function checkQualityNotes(model: DddModel, accept: Accept): void {
  for (const context of model.contexts.values()) {
    for (const aggregate of context.aggregates) {
      for (const note of aggregate.qualityNotes ?? []) {
        const name: Name = note.keyword;
        if (name.text in qualityStrings) continue;
        const definition = attributeDefinition(attributeKey('qualities', name.text));
        const known = [...attributesIn('qualities').map((row) => row.keyword), ...Object.keys(qualityStrings)];
        const suggestion = closestName(name.text, known);
        accept(attributeValue, {
          uri: aggregate.uri,
          range: name.range,
          message: definition
            ? `${name.text} takes one of ${boundedList(valuesOf(definition), { last: ' or ' })}, written as a name (${name.text} ${valuesOf(definition)[0]}), not a string.`
            : `${name.text} is not a quality of an aggregate: write ${boundedList(known, { last: ' or ', limit: known.length })}.${suggestion ? ` Did you mean ${suggestion}?` : ''}`,
          data: { attribute: attributeKey('qualities', name.text), ...(suggestion ? { suggestion } : {}) },
        });
      }
    }
  }
}

export function checkAttributeValues(model: DddModel, accept: Accept): void {
  forEachAttributeSetting(model, (uri, setting) => checkSetting(uri, setting, accept));
  checkQualityNotes(model, accept);
}
