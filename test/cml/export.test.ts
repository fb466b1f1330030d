/**
 * `ddd export --format cml` construct by construct: the CML written for each
 * .ddd construct (in the spelling of Context Mapper's grammar), what is
 * escaped, and what CML cannot say, listed in the notes. Every export is checked
 * by our CML parser.
 */
import { describe, expect, it } from 'vitest';
import { exportCml } from '../../src/language/cml/export-cml';
import { parseCml } from '../../src/language/cml/parse';
import { checkWorkspace } from '../../src/language/index';
import { grammarOrderProblems } from './grammar-order';

const modelOf = (ddd: string) => checkWorkspace([{ uri: 'file:///model.ddd', text: ddd }]).model;

/** The export's lines, trimmed, and its notes; fails when our CML parser refuses it. */
function exportOf(ddd: string): { lines: string[]; notes: string[] } {
  const { text, notes } = exportCml(modelOf(ddd));
  const parsed = parseCml(text);
  if (!parsed.ok) expect.fail(`the exported CML does not parse: ${parsed.problems.map((p) => `${p.line}:${p.column}: ${p.message}`).join('; ')}\n${text}`);
  expect(grammarOrderProblems(parsed.model)).toEqual([]);
  return { lines: text.split('\n').map((line) => line.trim()), notes };
}

describe('ddd export --format cml', () => {
  it('escapes names that are CML keywords, and types that CML does not know', () => {
    const ddd = `context Shipping {
  aggregate Parcel {
    root entity Parcel { id: ParcelId  type: String  state: ParcelState  key: UUID  tags: Map<String, String> }
    enum ParcelState { OPEN X }
  }
  service Value { map(type: String): Parcel }
}`;
    const { lines, notes } = exportOf(ddd);
    expect(lines).toEqual(expect.arrayContaining(['String ^type', '- @ParcelState ^state', 'UUID ^key', 'OPEN, ^X', 'Service ^Value {', '@Parcel ^map(String ^type);']));
    expect(notes).toContain('1 × field typed Map<String, String> (a CML attribute holds a type or a collection of one)');
  });

  it('refers to a domain object of another context by its simple name (CML references are not qualified)', () => {
    const ddd = `context Sales {
  aggregate Order {
    root entity Order { id: OrderId  total: Billing.Money  totals: List<Billing.Money> }
  }
}
context Billing {
  aggregate Invoice {
    root entity Invoice { id: InvoiceId }
    value Money { amount: Decimal }
  }
}`;
    const { lines } = exportOf(ddd);
    expect(lines).toContain('- @Money total');
    expect(lines).toContain('- List<@Money> totals');
    expect(parseCml('BoundedContext A { Aggregate B { Entity C { - @Billing.Money m } } }').ok).toBe(false);
  });

  it("writes a context's attribute lines in the order Context Mapper's grammar reads them, and a team as a bounded context of type TEAM", () => {
    const ddd = `context Claims refines Core {
  evolution custom
  businessmodel "Premiums"
  knowledge concrete
  technology "Java"
  responsibilities "Claims", "Payouts"
  kind feature
  vision "Handle claims"
}
context Core
team ClaimsTeam realizes Claims "The claims squad"`;
    const { lines } = exportOf(ddd);
    const at = lines.indexOf('BoundedContext Claims refines Core {');
    expect(lines.slice(at, at + 9)).toEqual([
      'BoundedContext Claims refines Core {',
      'domainVisionStatement = "Handle claims"',
      'type = FEATURE',
      'responsibilities = "Claims", "Payouts"',
      'implementationTechnology = "Java"',
      'knowledgeLevel = CONCRETE',
      'businessModel = "Premiums"',
      'evolution = CUSTOM_BUILT',
      '}',
    ]);
    expect(lines).toEqual(expect.arrayContaining(['BoundedContext ClaimsTeam realizes Claims {', 'domainVisionStatement = "The claims squad"', 'type = TEAM']));
  });

  it("writes a map's type, state and contents, and a relationship's name, technology, exposed aggregates and downstream rights", () => {
    const ddd = `context Customers { aggregate Accounts { root entity Account { id: AccountId } } }
context Portal
context Archive
contextmap Landscape {
  kind landscape
  state tobe
  contains Archive
  Customers [S, OHS] -> Portal [C, ACL] as Frontend {
    exposes Accounts
    technology "REST"
    rights vetoright
  }
}`;
    const { lines } = exportOf(ddd);
    expect(lines).toEqual(
      expect.arrayContaining([
        'ContextMap Landscape {',
        'type = SYSTEM_LANDSCAPE',
        'state = TO_BE',
        'contains Archive, Customers, Portal',
        'Customers [U,S,OHS]->[D,C,ACL] Portal : Frontend {',
        'implementationTechnology = "REST"',
        'exposedAggregates = Accounts',
        'downstreamRights = VETO_RIGHT',
      ]),
    );
  });

  it('writes state transitions, and notes the inclusive choice a CML transition cannot make', () => {
    const ddd = `context Fleet {
  aggregate Vehicle {
    root entity Vehicle { key vin: String }
    lifecycle enum VehicleState { PARKED MOVING SCRAPPED }
    service VehicleService {
      public park(vin: String): Vehicle throws NotMoving writes [MOVING -> PARKED X SCRAPPED]
      internal look(vin: String) reads
      check(vin: String) writes [PARKED -> MOVING O SCRAPPED]
      find(vin: String?): Vehicle?
    }
  }
}`;
    const { lines, notes } = exportOf(ddd);
    expect(lines).toEqual(
      expect.arrayContaining([
        'String vin key',
        'aggregateLifecycle',
        'public @Vehicle park(String vin) throws NotMoving : write [MOVING -> PARKED X SCRAPPED];',
        'void look(String vin) : read-only;',
        'void check(String vin) : write;',
        '@Vehicle find(String vin);',
      ]),
    );
    expect(notes).toEqual(
      expect.arrayContaining([
        "1 × operation's visibility internal (CML has public, protected, private and package)",
        '1 × state transition to MOVING O SCRAPPED (a CML transition chooses one target: X)',
        "2 × optional parameter or return type (CML's parameters and return types are not nullable)",
      ]),
    );
  });

  it('writes building blocks outside any aggregate into a Module Shared, and a module with its aggregates', () => {
    const ddd = `context Fleet {
  module Vehicles "The vehicles" {
    aggregate Vehicle { root entity Vehicle { id: VehicleId } }
    value Wheel { size: Int }
  }
  value Money { amount: Decimal }
}`;
    const { lines } = exportOf(ddd);
    expect(lines.slice(lines.indexOf('"The vehicles" Module Vehicles {'), lines.indexOf('"The vehicles" Module Vehicles {') + 2)).toEqual(['"The vehicles" Module Vehicles {', 'Aggregate Vehicle {']);
    expect(lines).toEqual(expect.arrayContaining(['Module Shared {', 'ValueObject Money {']));
  });

  it('writes a user story with all of as, want and so, and notes one that lacks some', () => {
    const ddd = `story UpdateAddress {
  as "Customer"
  want update "Address" with "street", "zip", read "Policy"
  so "my post reaches me"
}
story Half { as "Clerk" }`;
    const { lines, notes } = exportOf(ddd);
    expect(lines).toEqual(
      expect.arrayContaining(['UserStory UpdateAddress {', 'As a "Customer"', 'I want to update "Address" with its "street", "zip"', 'I want to read "Policy"', 'so that "my post reaches me"', 'UserStory Half']),
    );
    expect(notes).toContain('1 × user story without all of as, want and so (CML writes all three or none)');
  });

  it('writes a value cluster without a core value as core = UNDEFINED (CML needs the line; the import leaves it out)', () => {
    const { lines } = exportOf('values Register { cluster Openness { demonstrator "Open data" } }');
    expect(lines).toEqual(expect.arrayContaining(['ValueRegister Register {', 'ValueCluster Openness {', 'core = UNDEFINED', 'demonstrator = "Open data"']));
  });

  it("keeps a repository in its aggregate's root entity, or in another domain object when the aggregate has no root", () => {
    const ddd = `context Shipping {
  aggregate Handling {
    event HandlingEvent { at: DateTime }
  }
  repository HandlingEventRepository for Handling { history(id: String): HandlingEvent }
}`;
    const { lines, notes } = exportOf(ddd);
    const at = lines.indexOf('DomainEvent HandlingEvent {');
    expect(lines.slice(at, at + 6)).toEqual(['DomainEvent HandlingEvent {', 'DateTime at', 'Repository HandlingEventRepository {', '@HandlingEvent history(String id);', '}', '}']);
    expect(notes.filter((note) => note.includes('repository'))).toEqual([]);
  });

  it("writes a context's application layer: its commands, events and services, flows with actors and gateways, coordinations with their context named", () => {
    const ddd = `context Fleet {
  aggregate Vehicle {
    root entity Vehicle { key vin: String }
    lifecycle enum VehicleState { PARKED MOVING }
  }
  application Registration {
    service FleetService { register(vin: String)  check(vin: String) }
    command Register { vin: String }
    event Registered { vin: String }
    event Checked { vin: String }
    event Refused { vin: String }
    flow Onboarding {
      command Register by "Fleet manager" delegates to Vehicle [-> PARKED] emits Registered
      event Registered triggers operation check
      operation check emits Checked X Refused
      command Register
    }
    coordination Onboard {
      FleetService.register
      Fleet.FleetService.check
    }
  }
}`;
    const { lines, notes } = exportOf(ddd);
    expect(lines).toEqual(
      expect.arrayContaining([
        'Application Registration {',
        'CommandEvent Register {',
        'DomainEvent Registered {',
        'Service FleetService {',
        'command Register [initiated by "Fleet manager"] delegates to Vehicle [-> PARKED] emits event Registered',
        'event Registered triggers operation check',
        'operation check emits event Checked X Refused',
        'Fleet::FleetService::register;',
        'Fleet::FleetService::check;',
      ]),
    );
    expect(notes).toContain('1 × flow step that emits no event (a CML flow step ends with emits event)');
  });

  it("holds exports to the order rules of Context Mapper's grammar that our reader does not enforce (the check finds a break)", () => {
    const parsed = parseCml(`BoundedContext Claims {
  Aggregate Claim
  type = FEATURE
  Service Checker
  Aggregate Payout
}
Domain Insurance {
  Subdomain ClaimsDomain {
    Service Registry
    Entity Policy
  }
}
BoundedContext Payments`);
    if (!parsed.ok) expect.fail('our reader accepts it');
    expect(grammarOrderProblems(parsed.model)).toEqual([
      'the BoundedContext parts are not written together',
      'Claims: an attribute line after a member',
      'Claims: its Aggregates are not written together',
      'ClaimsDomain: an entity after a service',
    ]);
  });
});
