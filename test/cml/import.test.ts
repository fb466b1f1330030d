/**
 * CML → .ddd, construct by construct: the lines the importer writes (in the
 * syntax of docs/design/context-mapper-syntax.md) and what it reports as
 * dropped, with the CML line.
 */
import { describe, expect, it } from 'vitest';
import { importCml } from '../../src/language/cml/import';
import { checkWorkspace } from '../../src/language/index';
import { cmlText } from './cml-fixtures';

function imported(nameOrText: string): { text: string; lines: string[]; dropped: string[] } {
  const result = importCml(nameOrText.endsWith('.cml') ? cmlText(nameOrText) : nameOrText);
  if (!result.ok) expect.fail(result.problems.map((p) => p.message).join('; '));
  return { text: result.text, lines: result.text.split('\n').map((line) => line.trim()), dropped: result.dropped.map((d) => `${d.line}: ${d.reason}`) };
}

describe('ddd import, construct by construct', () => {
  it('domains and subdomains: the type becomes the subdomain keyword, the vision statement its description', () => {
    const { lines } = imported('strategic-basic.cml');
    expect(lines).toEqual(
      expect.arrayContaining([
        'domain Insurance {',
        'core subdomain CustomerDomain "Who our customers are"',
        'core subdomain PolicyDomain',
        'supporting subdomain ProductDomain',
        'generic subdomain DebtsDomain',
        'subdomain PrintingDomain',
        'domain Reinsurance',
        'context PolicyManagement implements PolicyDomain, ProductDomain',
      ]),
    );
  });

  it('relationships: U and D are implied by the arrow, keyword forms become arrows and roles', () => {
    const { lines } = imported('relationships.cml');
    expect(lines).toEqual(
      expect.arrayContaining([
        'contextmap ContextMap {',
        'Beta [P] <-> Delta [P]', // Partnership
        'Gamma [SK] <-> Delta [SK]', // Shared-Kernel
        'Alpha [SK] <-> Zeta [SK]', // bare <->: a shared kernel in CML's grammar
        'Alpha -> Theta', // [U]->[D]
        'Beta [OHS, PL] -> Eta [ACL]',
        'Epsilon [OHS] -> Eta [ACL]', // Eta [D,ACL]<-[U,OHS] Epsilon
        'Zeta -> Eta', // Upstream-Downstream
        'Alpha [PL] -> Iota [CF]', // Iota [CF] Downstream-Upstream [PL] Alpha
        'Alpha [S] -> Iota [C]',
        'Gamma [S, PL] -> Iota [C, CF]', // Iota [D,C,CF]<-[U,S,PL] Gamma
        'Delta [S] -> Kappa [C]', // Kappa Customer-Supplier Delta
        'Theta [S] -> Kappa [C]', // Theta Supplier-Customer Kappa
      ]),
    );
  });

  it('context and map attributes, teams and refinement', () => {
    const { lines } = imported('strategic-attributes.cml');
    expect(lines).toEqual(
      expect.arrayContaining([
        'contextmap InsuranceContextMap {',
        'kind landscape',
        'state tobe',
        'contains Archive', // the contexts that no relationship names (CML lists them all, on two lines here)
        'CustomerManagement [OHS, PL] -> CustomerSelfService [CF] as CustomerFrontend {',
        'technology "RESTful HTTP"',
        'exposes Customers, Addresses // the published ones', // the comment stays at the end of its line
        'rights vetoright',
        'CustomerManagement [S] -> PolicyManagement [C, ACL] as PolicyCustomers {',
        'rights influencer',
        'CustomerManagement [SK] <-> PolicyManagement [SK] as CommonModel {',
        'context CustomerManagement implements CustomerDomain refines CustomerCore {',
        'vision "Manage the customers\' data"',
        'kind feature',
        'responsibilities "Customers", "Addresses"',
        'technology "Java, Spring Boot"',
        'knowledge concrete',
        'businessmodel "Subscription"',
        'evolution custom',
        'kind application',
        'knowledge meta',
        'evolution genesis',
        'evolution commodity',
        'evolution product',
        'domain InsuranceDomain "Insurance for everyone" {',
        'core subdomain CustomerDomain "Customers and their data" supports UpdateAddress, GetOffer {',
        'service CustomerService {',
      ]),
    );
    const teams = imported('teams.cml').lines;
    expect(teams).toEqual(
      expect.arrayContaining([
        'kind organisational',
        'state asis',
        'team CustomersBackendTeam realizes CustomerManagement {',
        'vision "Builds the customer backend"',
        'team CustomersFrontendTeam realizes CustomerSelfService, Printing',
      ]),
    );
    expect(teams.join('\n')).not.toContain('kind team');
  });

  it('aggregates: owner, features, likelihood for change, qualities, modules, services inside', () => {
    const { lines, dropped } = imported('aggregates.cml');
    expect(lines).toEqual(
      expect.arrayContaining([
        'module claimsHandling {',
        'aggregate Claims "The claims of our customers" {',
        'owner ClaimsTeam',
        'responsibilities "Claims", "Payouts"',
        'features SubmitClaim, CheckClaim',
        'changes often',
        'qualities {',
        'volatility rarely',
        'availability high',
        'consistency normal',
        'storage huge',
        'security low',
        'zone "Internal"',
        'access "Claims handlers"',
        'service ClaimChecker {',
        'features PayOut',
        'changes rarely',
        'features SubmitClaim, PayOut',
        'aggregate Sketch {}',
        'team ClaimsTeam',
      ]),
    );
    expect(dropped).toEqual(
      expect.arrayContaining([
        "4: module claimsHandling: 'external' is not carried over",
        "5: module claimsHandling: 'basePackage' is not carried over",
        "6: module claimsHandling: 'hint' is not carried over",
        "14: aggregate Claims: 'knowledgeLevel' is not carried over",
      ]),
    );
  });

  it('domain objects: root, key, nullable, references, collections and Java-ish types', () => {
    const { lines } = imported('tactic-basic.cml');
    expect(lines).toEqual(
      expect.arrayContaining([
        'root entity Claim {',
        'claimId: Int', // long
        'submitted: DateTime', // Date
        'lastChange: DateTime', // Timestamp
        'amount: Decimal', // BigDecimal
        'urgent: Boolean', // boolean
        'priority: Int', // int
        'ratio: Decimal', // double
        'weight: Decimal', // float
        'description: String?', // nullable
        'attachment: Any', // Object
        'scan: Binary', // Blob
        'notes: String', // Clob
        'status: ClaimStatus',
        'policy: Policy', // - @Policy
        'items: List<ClaimItem>',
        'witnesses: Set<Witness>',
        'keywords: Bag<String>',
        'remarks: List<String>', // Collection
        'isOpen(): Boolean',
        'close(reason: String)',
        'value Witness {',
        'enum ClaimStatus {',
        'event ClaimSubmitted {',
        'event ClaimAccepted {',
        'command SubmitClaim {',
        'command AcceptClaim',
        'aggregate Payouts {}',
        'service ClaimsService {',
        'page(paging: PagingParameter): PagedResult<Claim>',
        'repository ClaimRepository for Claims {',
        'byNumber(): Map<String, Claim>',
        'count()',
      ]),
    );
  });

  it('inheritance, keys, lifecycles, visibility, throws and state transitions', () => {
    const { lines, dropped } = imported('tactic-advanced.cml');
    expect(lines).toEqual(
      expect.arrayContaining([
        'abstract entity Machine {',
        'key serial: String',
        'root entity Vehicle extends Machine {',
        'key vin: String',
        'nickname: String?',
        'lastEvent: VehicleMoved',
        'public park(place: String): Vehicle throws NotMoving, Blocked writes [MOVING -> PARKED]',
        'protected describe(): String reads',
        'abstract value Part {',
        'value Wheel extends Part {',
        'event VehicleMoved extends VehicleEvent {',
        'abstract command VehicleCommand',
        'command Drive extends VehicleCommand {',
        'lifecycle enum VehicleState {',
        'label: String',
        'PETROL("Petrol", 95)',
        'private register(vin: String) writes [-> PARKED]',
        'stop(vin: String) writes [MOVING -> PARKED X SCRAPPED]',
        'repair(vin: String) writes [PARKED, MOVING -> PARKED]',
      ]),
    );
    expect(dropped).toEqual(
      expect.arrayContaining([
        "15: Vehicle.scrap: 'abstract' on an operation is not carried over",
        "46: VehicleService.stop: the visibility 'package' is not carried over",
        '46: the end-state marker of SCRAPPED* is not carried over',
      ]),
    );
    // abstract commands and commands that extend one are carried over
    expect(dropped.filter((line) => line.includes('on a command'))).toEqual([]);
  });

  it('the application layer: flows with gateways and transitions, coordinations', () => {
    const { lines } = imported('application.cml');
    expect(lines).toEqual(
      expect.arrayContaining([
        'application ClaimsApplication {',
        'service ClaimsApplicationService {',
        'command SubmitClaim {',
        'event ClaimAccepted',
        'flow ClaimsFlow {',
        'command SubmitClaim by "Customer" delegates to Claims [-> SUBMITTED] emits ClaimSubmitted',
        'event ClaimSubmitted triggers operation checkClaimDocumentation',
        'operation checkClaimDocumentation delegates to Claims [SUBMITTED -> ACCEPTED X REJECTED] emits ClaimAccepted X ClaimRejected',
        'event ClaimAccepted triggers command SchedulePayment + NotifyCustomer',
        'operation checkInsurance emits DocumentsChecked O InsuranceChecked',
        'event DocumentsChecked + InsuranceChecked triggers operation acceptClaim X checkInsurance',
        'flow EmptyFlow {}',
        'coordination ClaimsCoordination {',
        'ClaimsManagement.ClaimsApplicationService.submitClaim',
        'lifecycle enum ClaimState {',
      ]),
    );
  });

  it('use cases and user stories', () => {
    const { lines, dropped } = imported('requirements.cml');
    expect(lines).toEqual(
      expect.arrayContaining([
        'usecase GetOffer {',
        'actor "Prospective customer"',
        'interactions create "Offer" with "address", "age", read "Contract", check "Risk" with "factors" for "Customer", update "Address" for "Customer", delete "Draft" for "Archive"',
        'benefit "Get an offer without calling an agent"',
        'scope "Online portal"',
        'level "User goal"',
        'story UpdateAddress {',
        'as "Customer"',
        'want update "Address" with "street", "zip", read "Policy"',
        'so "my post reaches me"',
        'story Placeholder {}',
      ]),
    );
    expect(dropped).toEqual(
      expect.arrayContaining([
        '4: use case GetOffer: secondaryActors are not carried over',
        "22: user story UpdateAddressOnline: 'split by UpdateAddress' is not carried over",
        '26: user story UpdateAddressOnline: the promoted and harmed values are not carried over',
      ]),
    );
    // the container of an interaction (`… for a "Customer"`) is carried over
    expect(dropped.filter((line) => line.includes('container'))).toEqual([]);
  });

  it('stakeholders and value registers', () => {
    const { lines, dropped } = imported('stakeholders-values.cml');
    expect(lines).toEqual(
      expect.arrayContaining([
        'stakeholders for Claims {',
        'group Customers {',
        'stakeholder Policyholder { influence high  interest high  "Pays the premiums" }',
        'stakeholder Regulator { influence medium  interest low }',
        'values ClaimsValues for Claims {',
        'cluster Autonomy {',
        'core autonomy',
        'demonstrator "Customers choose their own repair shop"',
        'value Privacy {',
        'core',
        'stakeholder Policyholder {',
        'priority high  impact medium',
        'good "Claims handled fast"',
        'bad "Less data for fraud checks" action "Manual checks" act',
        'neutral "Nothing changes for brokers" action "Watch complaints" monitor',
        'core CustomerCentricity',
        'value Fairness {',
      ]),
    );
    expect(dropped).toEqual(
      expect.arrayContaining([
        "28: value cluster Autonomy: 'relatedValue' is not carried over",
        '52: value cluster Openness: the core value "Open data" is not a name, so it is not carried over',
        '58: value register ClaimsValues: the ValueEpic FairClaims is not carried over',
      ]),
    );
    // a value's consequences for a stakeholder are carried over
    expect(dropped.filter((line) => line.includes('consequence'))).toEqual([]);
  });

  it('Sculptor hints, imports, traits, associations, resources and consumers are dropped, each with its line', () => {
    const { text, dropped } = imported('sculptor-hints.cml');
    expect(dropped).toEqual(
      expect.arrayContaining([
        '1: import "./other-model.cml": the imported file is not read; import it on its own',
        '6: Parcel: the trait Auditable is not carried over',
        "8: Parcel: Sculptor's 'hint = entity' (a code generator option) has no .ddd meaning",
        "10: Parcel: Sculptor's 'databaseTable = PARCELS' (a code generator option) has no .ddd meaning",
        "13: Parcel.trackingNumber: Sculptor's '!changeable' (a code generator option) has no .ddd meaning",
        '17: Parcel: the association with Carrier is not carried over',
        "30: Trait Auditable: Sculptor's Trait has no .ddd counterpart",
        "33: BasicType Weight: Sculptor's BasicType has no .ddd counterpart",
        "36: DataTransferObject ParcelDto: Sculptor's DataTransferObject has no .ddd counterpart",
        "42: aggregate Parcels: Sculptor's Resource ParcelResource has no .ddd counterpart",
        "46: aggregate Parcels: Sculptor's Consumer CarrierConsumer has no .ddd counterpart",
        "54: CarrierService: Sculptor's 'subscribe to carrier.updates' (a code generator option) has no .ddd meaning",
        "56: CarrierService.notify: Sculptor's 'publish to parcel.notified' (a code generator option) has no .ddd meaning",
        '57: CarrierService.lookup: the delegation to ParcelRepository.findByTracking is not carried over',
      ]),
    );
    // listed in the order of the CML file
    const lineNumbers = dropped.map((entry) => Number(entry.split(':')[0]));
    expect(lineNumbers).toEqual([...lineNumbers].sort((a, b) => a - b));
    expect(text).toContain('trackingNumber: String\n');
    expect(text).not.toMatch(/hint =|databaseTable|Auditable|gap/);
  });

  it('keeps comments where they were', () => {
    const { text } = imported('strategic-basic.cml');
    expect(text.startsWith('/* A small insurance landscape')).toBe(true);
    expect(text).toMatch(/contextmap InsuranceLandscape \{\n {2}\/\/ the policy side\n {2}PolicyManagement \[OHS, PL\] -> CustomerSelfService \[ACL\]/);
    expect(text).toMatch(/\/\/ Customer data lives here\ncontext CustomerManagement implements CustomerDomain\n/);
  });

  it('names a context map that CML leaves unnamed, and drops `implements` of a whole domain', () => {
    const result = importCml('ContextMap { A -> B }\nBoundedContext A implements Shop\nBoundedContext B\nDomain Shop', { mapName: 'ShopMap' });
    if (!result.ok) expect.fail('parses');
    expect(result.text).toContain('contextmap ShopMap {');
    expect(result.text).toContain('context A\n');
    expect(result.dropped).toEqual([{ line: 2, reason: 'A implements the domain Shop: a .ddd context implements subdomains, so this is not carried over' }]);
  });

  it('reads a bare `A <-> B` as CML does, a shared kernel, which checks with no finding on the relationship', () => {
    const result = importCml('ContextMap Sketch {\n contains A, B\n A <-> B\n}\nBoundedContext A\nBoundedContext B');
    if (!result.ok) expect.fail('parses');
    expect(result.text).toContain('A [SK] <-> B [SK]');
    const codes = checkWorkspace([{ uri: 'file:///sketch.ddd', text: result.text }]).diagnostics.map((diagnostic) => diagnostic.code);
    expect(codes.filter((code) => code.startsWith('map-'))).toEqual([]);
  });

  // shapes of Context Mapper's own test models that imported into a .ddd file with a syntax error
  it('writes what .ddd reads: a verb of several words, a module named like a keyword, stakeholders of two contexts, a root outside an aggregate', () => {
    const result = importCml(
      'BoundedContext Shop {\n Module module {\n  Entity Quote { aggregateRoot\n String text }\n }\n}\nBoundedContext Portal\n' +
        'UserStory Fast { As a "Shopper" I want to "instantly receive" an "Order" with its "items", "total" so that "I save time" }\n' +
        'Stakeholders of Shop, Portal { Stakeholder Buyers }',
    );
    if (!result.ok) expect.fail('parses');
    expect(result.text).toContain('module module {');
    expect(result.text).toContain('want "instantly receive" "Order" with "items", "total"');
    expect(result.text).toContain('stakeholders for Shop {');
    expect(result.dropped.map((item) => item.reason)).toEqual([
      'Quote: aggregateRoot outside an aggregate is not carried over (.ddd roots stand in aggregates)',
      'the stakeholders of Portal: a .ddd stakeholder register is for one context, Shop',
    ]);
    const checked = checkWorkspace([{ uri: 'file:///shop.ddd', text: result.text }]);
    expect(checked.diagnostics.filter((finding) => finding.severity === 'error')).toEqual([]);
    const story = checked.model.requirements.find((requirement) => requirement.name === 'Fast')!;
    expect(story.interactions.map(({ verb, object, attributes }) => ({ verb: verb.text, object, attributes }))).toEqual([{ verb: 'instantly receive', object: 'Order', attributes: ['items', 'total'] }]);
  });

  it('quotes strings the .ddd way', () => {
    const result = importCml('BoundedContext A {\n domainVisionStatement = "Say \\"hi\\"\nand go"\n}');
    if (!result.ok) expect.fail('parses');
    expect(result.text).toContain('vision "Say \\"hi\\"\\nand go"');
  });
});

describe('ddd import, whole files', () => {
  // the .ddd files under test/fixtures/cml/imported/ are what the importer writes for the CML files of the same name
  it.each(['strategic-basic', 'relationships', 'tactic-basic', 'sculptor-hints'])('%s.cml gives imported/%s.ddd', (name) => {
    expect(imported(`${name}.cml`).text).toBe(cmlText(`imported/${name}.ddd`));
  });
});
