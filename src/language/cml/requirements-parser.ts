/**
 * CML's requirements and values: use cases, user stories, stakeholders and
 * value registers (clusters, values, elicitations, epics, narratives, weightings).
 */
import type { CmlElicitation, CmlFeature, CmlStakeholder, CmlStakeholderGroup, CmlStakeholders, CmlUseCase, CmlUserStory, CmlValue, CmlValueCluster, CmlValueRegister, Located } from './ast';
import type { Cursor } from './cursor';
import { addSetting, cmlEnums } from './strategic-parser';

/** What to do about a value's consequence, in CML's words (keywords of its grammar, not enumeration literals). */
export const cmlConsequenceActions = ['ACT', 'MONITOR'];

const verbs = ['create', 'read', 'update', 'delete'];

/** `create an "Offer" with its "address", "age" for a "Customer"` (a use case's interaction, a story's `I want to …`). */
function feature(c: Cursor): CmlFeature {
  const at = c.here();
  const verb = c.acceptKeyword(...verbs) ?? c.string('a verb (create, read, update, delete or a string)');
  c.acceptKeyword('a', 'an', 'the');
  const entity = c.string('the object of the interaction, as a string');
  const result: CmlFeature = { verb, entity, attributes: [], ...at };
  if (c.acceptKeyword('with its', 'with their')) {
    result.attributes.push(c.string('an attribute name, as a string'));
    // `, "x"` is one more attribute unless it starts the next interaction (`, "verb" "Object"`, `, "verb" a "Object"`)
    while (c.isSymbol(',') && c.isString(1) && !c.isString(2) && !['a', 'an', 'the'].some((article) => c.isKeyword(article, 2))) {
      c.next();
      result.attributes.push(c.string());
    }
  }
  if (c.acceptKeyword('in', 'for', 'to')) {
    c.acceptKeyword('a', 'an');
    result.container = c.string('the containing object, as a string');
  }
  return result;
}

export function useCase(c: Cursor): CmlUseCase {
  const at = c.here();
  c.keyword('UseCase');
  const result: CmlUseCase = { kind: 'UseCase', name: c.name('a use case name'), settings: [], interactions: [], ...at, end: 0 };
  if (c.acceptSymbol('{')) {
    while (!c.isSymbol('}')) {
      if (c.isKeyword('actor') || c.isKeyword('benefit') || c.isKeyword('scope') || c.isKeyword('level')) addSetting(c, result.settings, c.stringSetting(c.peek().text));
      else if (c.isKeyword('secondaryActors')) addSetting(c, result.settings, c.stringListSetting('secondaryActors'));
      else if (c.isKeyword('interactions')) {
        if (result.interactions.length) c.fail('one list of interactions');
        c.next();
        c.acceptSymbol('=');
        do result.interactions.push(feature(c));
        while (c.acceptSymbol(','));
      } else c.fail("actor, secondaryActors, interactions, benefit, scope, level or '}'");
    }
    c.symbol('}');
  }
  result.end = c.lastEnd();
  return result;
}

function strings(c: Cursor): string[] {
  const found = [c.string()];
  while (c.acceptSymbol(',')) found.push(c.string());
  return found;
}

export function userStory(c: Cursor): CmlUserStory {
  const at = c.here();
  c.keyword('UserStory');
  const result: CmlUserStory = { kind: 'UserStory', name: c.name('a user story name'), features: [], ...at, end: 0 };
  if (c.acceptKeyword('split by')) result.splitBy = c.ref('a user story');
  if (c.acceptSymbol('{')) {
    if (!c.isSymbol('}')) {
      c.keyword('As a', 'As an');
      result.role = c.string('the role, as a string');
      do {
        c.keyword('I want to');
        result.features.push(feature(c));
      } while (c.isKeyword('I want to'));
      c.keyword('so that');
      result.benefit = c.string('the benefit, as a string');
      if (c.isKeyword('and that')) {
        const where: Located = c.here();
        c.next();
        const promoted = strings(c);
        c.keyword('is', 'are');
        c.keyword('promoted');
        c.acceptSymbol(',');
        c.keyword('accepting that');
        const harmed = strings(c);
        c.keyword('is', 'are');
        c.keyword('reduced', 'harmed');
        result.valuation = { promoted, harmed, ...where };
      }
    }
    c.symbol('}');
  }
  result.end = c.lastEnd();
  return result;
}

function stakeholder(c: Cursor): CmlStakeholder {
  const at = c.here();
  c.keyword('Stakeholder');
  const result: CmlStakeholder = { kind: 'Stakeholder', name: c.name('a stakeholder name'), settings: [], ...at, end: 0 };
  if (c.acceptSymbol('{')) {
    while (!c.isSymbol('}')) {
      if (c.isKeyword('influence') || c.isKeyword('interest')) addSetting(c, result.settings, c.enumSetting(c.peek().text, cmlEnums.level));
      else if (c.isKeyword('description')) addSetting(c, result.settings, c.stringSetting('description'));
      else c.fail("influence, interest, description or '}'");
    }
    c.symbol('}');
  }
  result.end = c.lastEnd();
  return result;
}

function stakeholderGroup(c: Cursor): CmlStakeholderGroup {
  const at = c.here();
  c.keyword('StakeholderGroup');
  const result: CmlStakeholderGroup = { kind: 'StakeholderGroup', name: c.name('a stakeholder group name'), stakeholders: [], ...at, end: 0 };
  if (c.acceptSymbol('{')) {
    while (!c.isSymbol('}')) result.stakeholders.push(stakeholder(c));
    c.symbol('}');
  }
  result.end = c.lastEnd();
  return result;
}

export function stakeholders(c: Cursor): CmlStakeholders {
  const at = c.here();
  c.keyword('Stakeholders');
  const result: CmlStakeholders = { contexts: [], entries: [], ...at, end: 0 };
  if (c.acceptKeyword('of')) result.contexts = c.refList('a bounded context');
  if (c.acceptSymbol('{')) {
    while (!c.isSymbol('}')) {
      if (c.isKeyword('StakeholderGroup')) result.entries.push(stakeholderGroup(c));
      else if (c.isKeyword('Stakeholder')) result.entries.push(stakeholder(c));
      else c.fail("a StakeholderGroup, a Stakeholder or '}'");
    }
    c.symbol('}');
  }
  result.end = c.lastEnd();
  return result;
}

function elicitation(c: Cursor): CmlElicitation {
  const at = c.here();
  c.keyword('Stakeholder', 'Stakeholders');
  const result: CmlElicitation = { stakeholder: c.ref('a stakeholder or group'), settings: [], consequences: [], ...at, end: 0 };
  if (c.acceptSymbol('{')) {
    while (!c.isSymbol('}')) {
      if (c.isKeyword('priority') || c.isKeyword('impact')) addSetting(c, result.settings, c.enumSetting(c.peek().text, cmlEnums.level));
      else if (c.acceptKeyword('consequences')) {
        do {
          const where = c.here();
          const type = c.keyword('good', 'bad', 'neutral');
          const text = c.string('the consequence, as a string');
          const consequence: CmlElicitation['consequences'][number] = { type, text, ...where };
          if (c.acceptKeyword('action')) {
            const actionText = c.string('the action, as a string');
            const actionType = c.acceptKeyword(...cmlConsequenceActions) ?? c.string(`${cmlConsequenceActions.join(', ')} or a string`);
            consequence.action = { text: actionText, type: actionType };
          }
          result.consequences.push(consequence);
        } while (c.isKeyword('good') || c.isKeyword('bad') || c.isKeyword('neutral'));
      } else c.fail("priority, impact, consequences or '}'");
    }
    c.symbol('}');
  }
  result.end = c.lastEnd();
  return result;
}

/** The lines a value and a cluster share: demonstrators, related and opposing values, elicitations. */
function valueLine(c: Cursor, value: CmlValue): boolean {
  if (c.isKeyword('demonstrator') || c.isKeyword('relatedValue') || c.isKeyword('opposingValue')) {
    const setting = c.stringSetting(c.peek().text);
    value.settings.push(setting);
  } else if (c.isKeyword('Stakeholder') || c.isKeyword('Stakeholders')) value.elicitations.push(elicitation(c));
  else return false;
  return true;
}

function value(c: Cursor): CmlValue {
  const at = c.here();
  c.keyword('Value');
  const result: CmlValue = { name: c.name('a value name'), isCore: false, settings: [], elicitations: [], ...at, end: 0 };
  if (c.acceptSymbol('{')) {
    while (!c.isSymbol('}')) {
      if (c.acceptKeyword('isCore')) result.isCore = true;
      else if (!valueLine(c, result)) c.fail("isCore, demonstrator, relatedValue, opposingValue, Stakeholder or '}'");
    }
    c.symbol('}');
  }
  result.end = c.lastEnd();
  return result;
}

function valueCluster(c: Cursor): CmlValueCluster {
  const at = c.here();
  const token = c.peek();
  c.keyword('ValueCluster');
  const result: CmlValueCluster = { name: c.name('a value cluster name'), isCore: false, settings: [], elicitations: [], values: [], ...at, end: 0 };
  if (c.acceptSymbol('{')) {
    while (!c.isSymbol('}')) {
      if (c.isKeyword('core')) {
        const where = c.here();
        c.next();
        c.acceptSymbol('=');
        const quoted = c.isString();
        const core = quoted ? c.string() : c.keyword(...cmlEnums.coreValue);
        addSetting(c, result.settings, { key: 'core', values: [core], quoted, ...where });
      } else if (c.isKeyword('Value')) result.values.push(value(c));
      else if (!valueLine(c, result)) c.fail("core, demonstrator, relatedValue, opposingValue, Value, Stakeholder or '}'");
    }
    c.symbol('}');
    if (!result.settings.some((setting) => setting.key === 'core')) c.refuse(`the value cluster ${result.name} needs its core value (core = AUTONOMY, or core = "a name")`, token);
  }
  result.end = c.lastEnd();
  return result;
}

function otherValueElement(c: Cursor): Located & { what: string; name: string } {
  const at = c.here();
  const what = c.keyword('ValueEpic', 'ValueNarrative', 'ValueWeigthing');
  const name = c.name(`a ${what} name`);
  if (what === 'ValueEpic') {
    if (c.acceptSymbol('{')) {
      c.keyword('As a');
      c.ref('a stakeholder');
      c.keyword('I value');
      c.string();
      c.keyword('as demonstrated in');
      let realized = 0;
      let reduced = 0;
      while (c.isKeyword('realization of') || c.isKeyword('reduction of')) {
        if (c.next().text === 'realization of') realized++;
        else reduced++;
        c.string();
      }
      if (!realized || !reduced) c.fail("both 'realization of' and 'reduction of'");
      c.symbol('}');
    }
  } else if (what === 'ValueNarrative') {
    c.symbol('{');
    c.keyword('When the SOI executes');
    c.string();
    c.symbol(',');
    c.keyword('stakeholders expect it to promote, protect or create');
    c.string();
    c.symbol(',');
    c.keyword('possibly degrading or prohibiting');
    c.string();
    c.keyword('with the following externally observable and/or internally auditable behavior:');
    c.string();
    c.symbol('}');
  } else {
    c.symbol('{');
    c.keyword('In the context of the SOI,');
    c.keyword('stakeholder');
    c.ref('a stakeholder');
    c.keyword('values');
    c.string();
    c.keyword('more than');
    c.string();
    c.keyword('expecting benefits such as');
    c.string();
    c.keyword('running the risk of harms such as');
    c.string();
    c.symbol('}');
  }
  return { what, name, ...at };
}

export function valueRegister(c: Cursor): CmlValueRegister {
  const at = c.here();
  c.keyword('ValueRegister');
  const result: CmlValueRegister = { name: c.name('a value register name'), clusters: [], values: [], others: [], ...at, end: 0 };
  if (c.acceptKeyword('for')) result.context = c.ref('a bounded context');
  if (c.acceptSymbol('{')) {
    while (!c.isSymbol('}')) {
      if (c.isKeyword('ValueCluster')) result.clusters.push(valueCluster(c));
      else if (c.isKeyword('Value')) result.values.push(value(c));
      else if (c.isKeyword('ValueEpic') || c.isKeyword('ValueNarrative') || c.isKeyword('ValueWeigthing')) result.others.push(otherValueElement(c));
      else c.fail("a ValueCluster, a Value, a ValueEpic, a ValueNarrative, a ValueWeigthing or '}'");
    }
    c.symbol('}');
  }
  result.end = c.lastEnd();
  return result;
}
