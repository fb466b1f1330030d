/**
 * Editor support for issue 13's strategic half, on the insurance example: completion
 * of attribute values and names, hover (use cases and stories in prose, with the
 * aggregates that implement them), references both ways, the outline, semantic
 * tokens and a formatting round trip.
 */
import { describe, expect, test } from 'vitest';
import { applyEdits, completionsAt, definitionOf, documentSymbols, elementAt, formatText, hoverAt, referencesTo, renameAt, semanticTokens, workspaceSymbols } from '../../src/language/navigation/index';
import { fixture } from '../helpers';
import { workspace } from './fixtures';

const text = fixture('context-mapper/insurance.ddd');
const ws = workspace({ 'insurance.ddd': text });
const uri = ws.uri('insurance.ddd');
const at = (needle: string, delta = 0, n = 0) => ws.at('insurance.ddd', needle, delta, n);
const hover = (needle: string, delta = 0, n = 0) => hoverAt(ws.model, uri, at(needle, delta, n))?.markdown ?? '';

/** The labels offered with the cursor at `|` in a text of its own. */
function complete(source: string): string[] {
  const offset = source.indexOf('|');
  const own = workspace({ 'main.ddd': source.replace('|', '') });
  return completionsAt(own.model, own.uri('main.ddd'), offset).map((candidate) => candidate.label);
}

describe('completion', () => {
  test('after an enumerated attribute, its values from the one table', () => {
    expect(complete('context C {\n  evolution |\n}')).toEqual(['genesis', 'custom', 'product', 'commodity']);
    expect(complete('context C {\n  kind |\n}')).toEqual(['feature', 'application', 'system']);
    expect(complete('contextmap M {\n  kind |\n}')).toEqual(['landscape', 'organisational']);
    expect(complete('contextmap M {\n  state |\n}')).toEqual(['asis', 'tobe']);
    expect(complete('contextmap M {\n  A -> B { rights | }\n}')).toEqual(['influencer', 'opinionleader', 'vetoright', 'decisionmaker', 'monopolist']);
    expect(complete('context C { aggregate A { changes | } }')).toEqual(['rarely', 'normal', 'often']);
    expect(complete('context C { aggregate A { qualities { storage | } } }')).toEqual(['tiny', 'normal', 'huge']);
    expect(complete('context C { aggregate A { qualities { | } } }')).toEqual(['security', 'availability', 'consistency', 'storage', 'volatility', 'zone', 'access']);
    expect(complete('stakeholders { stakeholder S { influence | } }')).toEqual(['low', 'medium', 'high']);
    expect(complete('team T { evolution | }')).toEqual(['genesis', 'custom', 'product', 'commodity']);
  });

  test('names after owner, realizes, contains, features, supports and exposes', () => {
    const model = 'team Squad\nusecase GetOffer\nstory UpdateAddress\ncontext Up { aggregate Orders { root entity Order { orderId: OrderId } } }\ncontext Down { aggregate Bills }\n';
    expect(complete(`${model}context X { owner | }`)).toEqual(['Squad']);
    expect(complete(`${model}team T realizes |`)).toEqual(['Up', 'Down']);
    expect(complete(`${model}context X { aggregate A { features GetOffer, | } }`)).toEqual(['GetOffer', 'UpdateAddress']);
    expect(complete(`${model}domain D { core subdomain S supports | }`)).toEqual(['GetOffer', 'UpdateAddress']);
    // a map holds teams too (an organisational map relates them)
    expect(complete(`${model}contextmap M {\n  contains |\n}`)).toEqual(['Up', 'Down', 'Squad']);
    expect(complete(`${model}contextmap M {\n  Squad -> |\n}`)).toEqual(expect.arrayContaining(['Up', 'Down', 'Squad']));
    // `team T implements Sub realizes Context`
    expect(complete(`${model}domain D { core subdomain Sales }\nteam T |`)).toEqual(['implements', 'realizes']);
    expect(complete(`${model}domain D { core subdomain Sales }\nteam T implements |`)).toEqual(['Sales']);
    expect(complete(`${model}domain D { core subdomain Sales }\nteam T implements Sales |`)).toEqual(['realizes']);
    expect(complete(`${model}contextmap M {\n  Up -> Down { exposes | }\n}`)).toEqual(['Orders']);
    expect(complete(`${model}contextmap M {\n  Down <- Up { exposes | }\n}`)).toEqual(['Orders']);
  });

  test('the keywords of the new blocks', () => {
    expect(complete('usecase U {\n  |\n}')).toEqual(['actor', 'interactions', 'benefit', 'scope', 'level']);
    expect(complete('story S {\n  |\n}')).toEqual(['as', 'want', 'so']);
    expect(complete('team T {\n  |\n}')).toEqual(['vision', 'responsibilities', 'technology', 'knowledge', 'businessmodel', 'evolution']);
    expect(complete('stakeholders {\n  |\n}')).toEqual(['group', 'stakeholder']);
    expect(complete('values V {\n  |\n}')).toEqual(['cluster', 'value']);
    expect(complete('context A\ncontext B\ncontextmap M {\n  |\n}')).toEqual(['A', 'B', 'kind', 'state', 'contains']);
    expect(complete('context A\ncontext B\ncontextmap M {\n  A -> B |\n}')).toEqual(['as', 'A', 'B', 'kind', 'state', 'contains']);
    expect(complete('context A\ncontext B\ncontextmap M {\n  A -> B { | }\n}').slice(0, 3)).toEqual(['technology', 'exposes', 'rights']);
  });
});

describe('hover', () => {
  test('a user story and a use case read as prose, with the aggregates whose features name them', () => {
    const story = hover('story UpdateAddress', 6);
    expect(story).toContain('**user story** `UpdateAddress`');
    expect(story).toContain('As a Customer I want to update an Address with its street and zip so that my post reaches me.');
    expect(story).toContain('Implemented by `CustomerManagement.Customers`, `CustomerSelfService.CustomerFrontend`');
    expect(story).toContain('Supported by `Insurance.CustomerDomain`');
    const useCase = hover('usecase GetOffer', 8);
    expect(useCase).toContain('As a Prospective customer I want to create an Offer with its address and age and read a Contract so that get an offer without calling an agent.');
    expect(useCase).toContain('scope: Online portal · level: User goal');
    expect(useCase).toContain('Implemented by `CustomerSelfService.CustomerFrontend`, `Policies.Offers`');
    // from the aggregate's features line, the same
    expect(hover('features GetOffer', 9)).toContain('Implemented by');
  });

  test("an interaction's container reads as what the object belongs to", () => {
    const own = workspace({ 'main.ddd': 'usecase CloseClaim {\n  actor "Agent"\n  interactions close "Claim" for "Claimant", pay "Claimant" with "iban"\n}\n' });
    const [useCase] = own.model.requirements;
    expect(useCase!.interactions.map((interaction) => interaction.container)).toEqual(['Claimant', undefined]);
    expect(hoverAt(own.model, own.uri('main.ddd'), own.at('main.ddd', 'CloseClaim'))?.markdown).toContain('As an Agent I want to close a Claim for a Claimant and pay a Claimant with its iban');
    // a verb of several words is quoted; after a comma, a string and another string start the next interaction
    const quoted = workspace({ 'main.ddd': 'story SignUp {\n  as "Visitor"\n  want "sign up" "Account" with "email", "name", "log in" "Portal"\n  so "I shop"\n}\n' });
    expect(quoted.model.requirements[0]!.interactions.map((interaction) => [interaction.verb.text, interaction.object, interaction.attributes.join('+')])).toEqual([
      ['sign up', 'Account', 'email+name'],
      ['log in', 'Portal', ''],
    ]);
  });

  test("a context's and an aggregate's attribute lines, with what the values mean", () => {
    const context = hover('context CustomerManagement', 8);
    expect(context).toContain("*Vision:* Manage the customers' data and let the other contexts use it");
    expect(context).toContain('evolution `custom` — custom-built');
    expect(context).toContain('realized by `CustomerBackendTeam`');
    const aggregate = hover('aggregate Customers', 10);
    expect(aggregate).toContain('changes `often`');
    expect(aggregate).toContain('security `high` — its security is critical');
    expect(aggregate).toContain('zone: Internal');
    expect(aggregate).toContain('exposed in `CustomerManagement [S] -> CustomerSelfService [C]`, `CustomerManagement [OHS, PL] -> Policies [CF]`');
  });

  test('a relationship (its name and its roles) shows its exposed aggregates, technology and rights', () => {
    const named = hover('as CustomerFrontendBackend', 3);
    expect(named).toContain('**relationship** `CustomerFrontendBackend`');
    expect(named).toContain('- exposes `Customers`');
    expect(named).toContain('- technology: RESTful HTTP');
    expect(named).toContain('- rights `influencer` — influencer: the downstream is heard');
    expect(hover('[OHS, PL] -> Policies', 1)).toContain('- exposes `Customers`');
  });

  test('an attribute value: its meaning and the other values', () => {
    const value = hover('rights vetoright', 7);
    expect(value).toContain('**rights** `vetoright` — veto right: the downstream can stop a change');
    expect(value).toContain('- `monopolist` — monopolist: the downstream alone decides');
  });

  test('a team: what it realizes and owns', () => {
    const team = hover('team CustomerBackendTeam', 5);
    expect(team).toContain('- realizes `CustomerManagement`');
    expect(team).toContain('- owns `CustomerManagement`');
  });
});

describe('references and definitions', () => {
  test('a use case finds the features and supports that name it, and they lead back to it', () => {
    const useCase = elementAt(ws.model, uri, at('usecase GetOffer', 8))!.symbol!;
    const line = (offset: number) => text.slice(0, offset).split('\n').length;
    const places = referencesTo(ws.model, useCase).map((location) => [line(location.range.start), text.slice(location.range.start, location.range.end)]);
    // the declaration, the subdomain's supports, the two aggregates' features
    expect(places).toEqual([
      [line(at('supports UpdateAddress, GetOffer')), 'GetOffer'],
      [line(at('features UpdateAddress, GetOffer')), 'GetOffer'],
      [line(at('features GetOffer')), 'GetOffer'],
      [line(at('usecase GetOffer')), 'GetOffer'],
    ]);
    expect(definitionOf(ws.model, uri, at('features GetOffer', 9))).toEqual([{ uri, range: { start: at('usecase GetOffer', 8), end: at('usecase GetOffer', 16) } }]);
  });

  test('an exposed aggregate leads to the upstream aggregate; a team name to the team', () => {
    expect(definitionOf(ws.model, uri, at('exposes PrintingJobs', 8))).toEqual([{ uri, range: { start: at('aggregate PrintingJobs', 10), end: at('aggregate PrintingJobs', 22) } }]);
    expect(definitionOf(ws.model, uri, at('owner CustomerBackendTeam', 6))).toEqual([{ uri, range: { start: at('team CustomerBackendTeam', 5), end: at('team CustomerBackendTeam', 24) } }]);
  });
});

describe('rename and workspace symbols', () => {
  test('renaming a user story renames it where aggregates and subdomains name it', () => {
    const result = renameAt(ws.model, uri, at('story UpdateAddress', 6), 'ChangeAddress');
    const renamed = applyEdits(text, result.edits!.get(uri)!);
    expect(renamed.match(/ChangeAddress/g)).toHaveLength(4);
    expect(renamed).not.toContain('UpdateAddress');
  });

  test('renaming a team renames the owners that name it', () => {
    const renamed = applyEdits(text, renameAt(ws.model, uri, at('owner CustomerBackendTeam', 6), 'CustomerDataTeam').edits!.get(uri)!);
    expect(renamed.match(/CustomerDataTeam/g)).toHaveLength(3);
  });

  test('teams, use cases and stakeholders are found by name', () => {
    const found = (query: string) => workspaceSymbols(ws.model, query).map((symbol) => `${symbol.kind} ${symbol.name}`);
    expect(found('CustomerBackendTeam')).toContain('team CustomerBackendTeam');
    expect(found('GetOffer')).toContain('usecase GetOffer');
    expect(found('Policyholder')).toContain('stakeholder Policyholder');
  });
});

describe('outline and semantic tokens', () => {
  test('teams, requirements, stakeholders and value registers are in the outline', () => {
    const symbols = documentSymbols(ws.model, uri);
    expect(symbols.map((symbol) => `${symbol.kind} ${symbol.name}`).slice(6)).toEqual([
      'team CustomerBackendTeam',
      'team CustomerFrontendTeam',
      'contextmap InsuranceMap',
      'usecase GetOffer',
      'story UpdateAddress',
      'stakeholders stakeholders for CustomerSelfService',
      'valueRegister SelfServiceValues',
    ]);
    const map = symbols.find((symbol) => symbol.kind === 'contextmap')!;
    expect(map.children[0]!.detail).toBe('as CustomerFrontendBackend · exposes Customers');
    const domain = symbols[0]!;
    expect(domain.children[0]!.children.map((child) => `${child.kind} ${child.name}`)).toEqual(['entity Customer', 'value Address', 'service CustomerService']);
    const stakeholders = symbols.find((symbol) => symbol.kind === 'stakeholders')!;
    expect(stakeholders.children.map((child) => `${child.kind} ${child.name}`)).toEqual(['stakeholderGroup Customers', 'stakeholder Regulator']);
    expect(stakeholders.children[0]!.children.map((child) => child.name)).toEqual(['Policyholder']);
  });

  test('attribute values are enum members (unknown ones marked), relationship names declarations', () => {
    const spans = semanticTokens(ws.model, uri);
    const span = (offset: number) => spans.find((candidate) => candidate.start === offset);
    expect(span(at('evolution custom', 10))).toMatchObject({ type: 'enumMember', modifiers: ['defaultLibrary'] });
    expect(span(at('as CommonModel', 3))).toMatchObject({ type: 'contextmap', modifiers: ['declaration'] });
    expect(span(at('team CustomerBackendTeam', 5))).toMatchObject({ type: 'context', modifiers: ['declaration'] });
    const bad = workspace({ 'bad.ddd': 'context C {\n  evolution nope\n}' });
    expect(semanticTokens(bad.model, bad.uri('bad.ddd')).find((candidate) => candidate.start === bad.at('bad.ddd', 'nope'))).toMatchObject({ type: 'enumMember', modifiers: ['unresolved'] });
  });
});

describe('formatting', () => {
  test('the example is formatted; a squeezed copy formats back to it', () => {
    expect(formatText(text)).toBe(text);
    const squeezed = text.replace(/^ +/gm, '').replace(/  +(?=[a-z"])/g, ' ');
    expect(squeezed).not.toBe(text);
    expect(formatText(squeezed)).toBe(text);
  });
});

describe('value registers', () => {
  test("a value's body and its stakeholders complete and format as their own blocks", () => {
    expect(complete('values V {\n  value W {\n    |\n  }\n}')).toEqual(['stakeholder', 'core', 'demonstrator']);
    expect(complete('values V {\n  cluster C {\n    value W { stakeholder S { | } }\n  }\n}')).toEqual(['priority', 'impact', 'good', 'bad', 'neutral']);
    expect(complete('values V {\n  value W { stakeholder S { impact | } }\n}')).toEqual(['low', 'medium', 'high']);
    expect(formatText('values V {\n  value W {\n  core\n      stakeholder S { priority high impact low "d" }\n  }\n}\n')).toBe(
      'values V {\n  value W {\n    core\n    stakeholder S { priority high  impact low  "d" }\n  }\n}\n',
    );
    // a consequence's string is its own, and so is its action's: two spaces only between lines
    expect(formatText('values V { value W { stakeholder S { priority high impact low bad  "x" action   "y" act good "z" } } }\n')).toBe(
      'values V { value W { stakeholder S { priority high  impact low  bad "x" action "y" act  good "z" } } }\n',
    );
  });
});

describe('names that resolve to nothing', () => {
  test('an exposed aggregate the upstream lacks, and a value register naming an undeclared stakeholder, say so', () => {
    const own = workspace({ 'main.ddd': 'context Up\ncontext Down\ncontextmap M {\n  Up -> Down { exposes Ghost }\n}\nvalues V { value W { stakeholder Nobody } }' });
    const hoverOwn = (needle: string) => hoverAt(own.model, own.uri('main.ddd'), own.at('main.ddd', needle))?.markdown ?? '';
    expect(hoverOwn('Ghost')).toBe("**aggregate** `Ghost`: the upstream context of this relationship has no aggregate of that name; `exposes` names the upstream's aggregates.");
    expect(hoverOwn('Nobody')).toBe('**stakeholder** `Nobody`: not declared under any `stakeholders` yet.');
  });
});
