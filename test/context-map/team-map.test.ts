/**
 * Teams on context maps, as Context Mapper's organisational maps have them: a map
 * relates teams as it relates bounded contexts, a landscape map refuses them, and
 * every view and export reads a team as a team.
 */
import { describe, expect, it } from 'vitest';
import { importCml } from '../../src/language/cml/import';
import { exportCml } from '../../src/language/cml/export-cml';
import { contextMapGraph } from '../../src/language/diagrams/context-map-graph';
import { contextSubtitle } from '../../src/language/diagrams/context-map';
import { c4MermaidDiagram } from '../../src/language/export/c4-mermaid';
import { structurizrWorkspace } from '../../src/language/export/structurizr';
import { fixContext, fixesFor } from '../../src/language/fixes/index';
import { buildModel, checkWorkspace, parseDocument } from '../../src/language/index';
import { applyEdits, hoverAt } from '../../src/language/navigation/index';
import { check, fixture } from '../helpers';

const text = fixture('context-mapper/team-map.ddd');
const model = () => buildModel([parseDocument('file:///main.ddd', text)]);

describe('an organisational map that relates teams', () => {
  it('checks without an error or a warning', () => {
    const result = check(text);
    expect(result.problems).toEqual([]);
  });

  it('refuses a team on a landscape map, saying which context the team realizes', () => {
    const landscape = `${text}\ncontextmap Systems {\n  kind landscape\n  contains BackOfficeSquad\n  ContractsSquad -> Risks\n  Customers -> Policies\n}\n`;
    const result = check(landscape);
    expect(result.problems.map(({ line, code }) => `${line} ${code}`)).toEqual(['32 map-team-on-landscape', '33 map-team-on-landscape']);
    expect(result.of('map-team-on-landscape').map((finding) => finding.message)).toEqual([
      'BackOfficeSquad is a team, and Systems is a landscape map, which relates bounded contexts: name the context it realizes (Customers), or relate teams in an organisational map (kind organisational).',
      'ContractsSquad is a team, and Systems is a landscape map, which relates bounded contexts: name the context it realizes (Policies, Risks), or relate teams in an organisational map (kind organisational).',
    ]);
  });

  it('offers to name each context the team realizes instead (not applied unattended: the line may belong on an organisational map)', () => {
    const landscape = `${text}\ncontextmap Systems {\n  kind landscape\n  ContractsSquad -> SelfService\n}\n`;
    const { model: linked, diagnostics } = checkWorkspace([{ uri: 'file:///main.ddd', text: landscape }]);
    const finding = diagnostics.find((diagnostic) => diagnostic.code === 'map-team-on-landscape')!;
    const fixes = fixesFor(fixContext(linked, diagnostics), finding);
    expect(fixes.map(({ title, safe, preferred }) => ({ title, safe, preferred }))).toEqual([
      { title: 'Change ContractsSquad to Policies, the context it realizes', safe: false, preferred: true },
      { title: 'Change ContractsSquad to Risks, the context it realizes', safe: false, preferred: false },
    ]);
    const fixed = applyEdits(landscape, fixes[0]!.edits);
    expect(fixed).toContain('  Policies -> SelfService\n');
    expect(checkWorkspace([{ uri: 'file:///main.ddd', text: fixed }]).diagnostics.filter((diagnostic) => diagnostic.severity !== 'hint')).toEqual([]);
  });

  it('resolves each side to the team it names, and a context of the same map to its context', () => {
    const [organisation] = model().contextMaps;
    const targets = organisation!.relationships.map((relationship) => [relationship.left, relationship.right].map((side) => `${side.context?.target?.kind} ${side.context?.target?.name}`));
    expect(targets).toEqual([
      ['context Customers', 'context SelfService'],
      ['context Customers', 'context Policies'],
      ['context Policies', 'context Risks'],
      ['team BackOfficeSquad', 'team FrontOfficeSquad'],
      ['team BackOfficeSquad', 'team ContractsSquad'],
    ]);
  });

  it('draws a team as a team, not as a context declared nowhere', () => {
    const graph = contextMapGraph(model(), { map: 'InsurerTeams', whole: true });
    const teams = graph.nodes.filter((node) => node.category === 'team');
    expect(teams.map((node) => node.name)).toEqual(['BackOfficeSquad', 'FrontOfficeSquad', 'ContractsSquad']);
    expect(teams.every((node) => !node.unknown && node.uri === 'file:///main.ddd')).toBe(true);
    expect(graph.nodes.filter((node) => node.unknown)).toEqual([]);
    const names = new Map(graph.nodes.map((node) => [node.id, node.name]));
    expect(graph.edges.map((edge) => `${names.get(edge.from)} ${edge.label} ${names.get(edge.to)}`)).toContain('BackOfficeSquad S → C FrontOfficeSquad');
    // under its name, what it is and the contexts it builds
    expect(teams.map((node) => contextSubtitle(node))).toEqual(['team · realizes Customers', 'team · realizes SelfService', 'team · realizes Policies, Risks']);
  });

  it('leaves team relationships out of the C4 exports (teams are no software systems) and keeps them in CML', () => {
    const linked = model();
    for (const exported of [structurizrWorkspace(linked), c4MermaidDiagram(linked)]) {
      expect(exported).not.toContain('Squad');
      expect(exported).toContain('Customers');
    }
    const cml = exportCml(linked).text;
    expect(cml).toMatch(/BackOfficeSquad \[U,S\]->\[D,C\] FrontOfficeSquad/);
    expect(cml).toMatch(/BoundedContext BackOfficeSquad realizes Customers/);
  });

  it('says which subdomains a team works on (implements), checked, hovered and written back to CML', () => {
    const text = 'domain Insurance {\n  core subdomain Claims\n  supporting subdomain Billing\n}\ncontext ClaimsHandling implements Claims\nteam ClaimsSquad implements Claims, Billing realizes ClaimsHandling\nteam Stray implements Insurance, Clams\n';
    const result = checkWorkspace([{ uri: 'file:///teams.ddd', text }]);
    const team = result.model.teams.find((each) => each.name === 'ClaimsSquad')!;
    expect(team.implements.map((reference) => reference.target?.kind)).toEqual(['subdomain', 'subdomain']);
    expect(result.diagnostics.filter((finding) => finding.code === 'unknown-reference').map((finding) => finding.message)).toEqual([
      'Insurance is a domain, but a subdomain is expected here.',
      'Unknown subdomain Clams. Did you mean Claims?',
    ]);
    expect(hoverAt(result.model, 'file:///teams.ddd', text.indexOf('ClaimsSquad'))?.markdown).toContain('works on `Claims`, `Billing`');
    expect(exportCml(result.model).text).toContain('BoundedContext ClaimsSquad implements Claims, Billing realizes ClaimsHandling');
  });

  it('writes a landscape map merged with a team map without its kind: Context Mapper refuses a team on a SYSTEM_LANDSCAPE map', () => {
    const text = 'contextmap Systems {\n  kind landscape\n  Claims -> Portal\n}\ncontextmap People {\n  kind organisational\n  ClaimsSquad -> PortalSquad\n}\n' +
      'context Claims\ncontext Portal\nteam ClaimsSquad realizes Claims\nteam PortalSquad realizes Portal\n';
    const exported = exportCml(checkWorkspace([{ uri: 'file:///maps.ddd', text }]).model);
    expect(exported.text).not.toContain('SYSTEM_LANDSCAPE');
    expect(exported.text).toContain('ClaimsSquad [U]->[D] PortalSquad');
    expect(exported.notes.join('\n')).toContain('landscape kind of a context map merged with team relationships');
    // and it comes back with no error
    const back = importCml(exported.text);
    if (!back.ok) expect.fail('parses');
    expect(checkWorkspace([{ uri: 'file:///back.ddd', text: back.text }]).diagnostics.filter((finding) => finding.severity === 'error')).toEqual([]);
  });

  it("imports a Context Mapper team map whose relationships relate teams, and checks it without an error", () => {
    const result = importCml(
      'ContextMap Teams {\n type = ORGANIZATIONAL\n contains Alpha, Beta, AlphaTeam, BetaTeam\n Alpha [U,S]->[D,C] Beta\n AlphaTeam [U,S]->[D,C] BetaTeam\n}\n' +
        'BoundedContext Alpha implements Sales\nBoundedContext Beta\nBoundedContext AlphaTeam implements Sales realizes Alpha { type = TEAM }\nBoundedContext BetaTeam realizes Beta { type = TEAM }\n' +
        'Domain Shop { Subdomain Sales { type = CORE_DOMAIN } }',
    );
    if (!result.ok) expect.fail('parses');
    expect(result.dropped).toEqual([]);
    expect(result.text).toContain('AlphaTeam [S] -> BetaTeam [C]');
    expect(result.text).toContain('team AlphaTeam implements Sales realizes Alpha');
    const findings = checkWorkspace([{ uri: 'file:///teams.ddd', text: result.text }]).diagnostics;
    expect(findings.filter((finding) => finding.severity === 'error' || finding.severity === 'warning')).toEqual([]);
  });
});
