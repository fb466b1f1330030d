/**
 * The benchmark's model generator: sizes, file split, and that what it
 * generates is a valid, complete model (no timings here).
 */
import { describe, expect, it } from 'vitest';
import { countLines, generateModel, groupPrefix } from '../../src/bench/model-generator';
import { checkWorkspace } from '../../src/language/index';

function check(lines: number) {
  const model = generateModel({ lines });
  const result = checkWorkspace(model.files.map((file) => ({ uri: `file:///bench/${file.name}`, text: file.text })));
  return { model, result, all: model.files.map((file) => file.text).join('\n') };
}

describe('generateModel', () => {
  it.each([1_000, 10_000])('comes within 5%% of %i lines', (lines) => {
    const { model } = check(lines);
    expect(Math.abs(model.lines - lines) / lines).toBeLessThan(0.05);
    expect(model.lines).toBe(model.files.reduce((sum, file) => sum + countLines(file.text), 0));
  });

  it('cuts files of about 500 lines at declaration boundaries', () => {
    const { model } = check(10_000);
    expect(model.files.length).toBeGreaterThanOrEqual(15);
    for (const file of model.files) {
      expect(file.lines).toBeLessThanOrEqual(600);
      expect(file.text).toMatch(/^(domain|context|contextmap|saga|storming) /);
      expect(file.name).toMatch(/^part-\d{3}\.ddd$/);
    }
    expect(new Set(model.files.map((file) => file.name)).size).toBe(model.files.length);
  });

  it('is deterministic', () => {
    expect(generateModel({ lines: 3_000 })).toEqual(generateModel({ lines: 3_000 }));
  });

  it('generates a valid model: no errors, no warnings', () => {
    for (const lines of [1_000, 10_000]) {
      const { result } = check(lines);
      const problems = result.diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning');
      expect(problems.map((d) => `${d.uri} ${d.code}: ${d.message}`)).toEqual([]);
    }
  });

  it('uses every construct of the language', () => {
    const { model, result, all } = check(10_000);
    const m = result.model;
    expect(m.domains.length).toBe(model.groups);
    expect(new Set(m.subdomains.map((s) => s.type))).toEqual(new Set(['core', 'supporting', 'generic']));
    const contexts = [...m.contexts.values()];
    expect(contexts.filter((c) => c.external).length).toBeGreaterThan(0);
    expect(contexts.some((c) => c.declarations.length > 1 && new Set(c.declarations.map((d) => d.uri)).size > 1)).toBe(true);
    const aggregates = contexts.flatMap((c) => c.aggregates);
    expect(aggregates.length).toBe(model.aggregates);
    expect(aggregates.some((a) => a.eventSourced)).toBe(true);
    expect(aggregates.every((a) => a.entities.some((e) => e.root))).toBe(true);
    expect(aggregates.some((a) => a.values.length && a.enums.length && a.commands.length && a.events.length && a.invariants.length + a.entities.flatMap((e) => e.invariants).length)).toBe(true);
    expect(contexts.some((c) => c.repositories.length && c.services.length && c.streams.length && c.readModels.length && c.glossary.length)).toBe(true);
    const roles = new Set(m.contextMaps.flatMap((map) => map.relationships.flatMap((r) => [...r.left.roles, ...r.right.roles].map((role) => role.text))));
    expect(roles).toEqual(new Set(['OHS', 'PL', 'ACL', 'CF', 'S', 'C', 'P', 'SK']));
    expect(m.contextMaps.some((map) => map.relationships.some((r) => r.arrow === '<->'))).toBe(true);
    expect(m.sagas.some((s) => s.style === 'orchestrated' && s.steps.some((step) => step.compensation))).toBe(true);
    expect(m.sagas.some((s) => s.style === 'choreographed' && s.reactions.some((r) => r.join === 'and') && s.reactions.some((r) => r.compensates))).toBe(true);
    expect(new Set(m.boards.flatMap((b) => b.stickies.map((s) => s.type)))).toEqual(
      new Set(['actor', 'command', 'event', 'policy', 'external', 'readmodel', 'hotspot']),
    );
    expect(all).toContain('applies balance += amount');
    expect(all).toContain('expect balance = 500');
  });

  it('gives each group a unique prefix', () => {
    const prefixes = Array.from({ length: 500 }, (_, i) => groupPrefix(i));
    expect(new Set(prefixes).size).toBe(prefixes.length);
    for (const prefix of prefixes) expect(prefix).toMatch(/^[A-Z][a-z]+(?:[A-Z][a-z]+)*$/);
  });
});
