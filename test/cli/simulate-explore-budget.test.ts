/**
 * `ddd simulate --explore` within its work budget (the same default and ceiling
 * as the editor's ddd/explore): a big saga is explored as far as the budget
 * reaches and the output says so; --explore-budget raises or lowers it.
 */
import { describe, expect, it } from 'vitest';
import { bigChoreography, bigSaga } from '../../src/bench/scale-workspaces';
import type { SimulateJson } from '../../src/cli/simulate';
import { DEFAULT_EXPLORE_STEPS, type ChoreographyExploration, type Exploration } from '../../src/language/simulation/index';
import { limits } from '../../src/protocol/requests';
import { dddHere, root, useTemporaryFolders, workspace } from './harness';

useTemporaryFolders();

describe('ddd simulate --explore on a saga past its budget', () => {
  it('lists the outcomes seen, says how many paths it explored of how many, and how to raise the budget', async () => {
    const folder = workspace({ 'big.ddd': bigSaga(300) });
    const ran = await dddHere(['simulate', '--saga', 'Big', '--explore'], folder);
    expect(ran.stdout).toMatch(/! Explored [\d,]+ of 46,053 paths \(budget reached\)\. The outcomes below are those of the paths explored: the others may end otherwise\. The budget was 250,000 simulated steps; raise it with --explore-budget \(at most 5,000,000\)\./);
    expect(ran.stdout).toContain('Outcomes:');
    expect(ran.stdout).not.toContain('Every guarantee holds in every run.');
    const text = (await dddHere(['simulate', '--saga', 'Big', '--explore', '--format', 'json'], folder)).stdout;
    // bounded by the budget: each outcome's example counts against it, and keeps its journal, not its timeline (which grows with the square of the steps)
    expect(text.length).toBeLessThan(50 * DEFAULT_EXPLORE_STEPS);
    const json = JSON.parse(text) as SimulateJson;
    const coverage = (json.result as Exploration).coverage;
    expect((json.result as Exploration).outcomes.every((outcome) => outcome.example.timeline.length === 0 && outcome.example.journal.length > 0)).toBe(true);
    expect(coverage).toMatchObject({ complete: false, totalPaths: 46_053, totalExact: true, budget: DEFAULT_EXPLORE_STEPS });
  });

  it('takes a budget of its own, within the ceiling the editor has', async () => {
    const folder = workspace({ 'big.ddd': bigSaga(300) });
    const small = JSON.parse((await dddHere(['simulate', '--saga', 'Big', '--explore', '--explore-budget', '10_000', '--format', 'json'], folder)).stdout) as SimulateJson;
    expect((small.result as Exploration).coverage).toMatchObject({ complete: false, budget: 10_000 });
    const over = await dddHere(['simulate', '--saga', 'Big', '--explore', '--explore-budget', String(limits.exploreSteps + 1)], folder);
    expect(over.status).toBe(2);
    expect(over.stderr).toContain('--explore-budget takes at most 5,000,000 simulated steps');
    const alone = await dddHere(['simulate', '--saga', 'Big', '--explore-budget', '1000'], folder);
    expect(alone.status).toBe(2);
    expect(alone.stderr).toContain('--explore-budget bounds --explore');
  });

  it('says the same of a choreography', async () => {
    const folder = workspace({ 'chain.ddd': bigChoreography(300) });
    const ran = await dddHere(['simulate', '--saga', 'Chain', '--explore', '--explore-budget', '20000'], folder);
    expect(ran.stdout).toMatch(/! Explored [\d,]+ of 5,418 paths \(budget reached\)/);
    // its reactions have no `else`: the runs explored already breach
    expect(ran.stdout).toContain('✗ Some runs breach a guarantee.');
    expect(ran.status).toBe(1);
    const json = JSON.parse((await dddHere(['simulate', '--saga', 'Chain', '--explore', '--explore-budget', '20000', '--format', 'json'], folder)).stdout) as SimulateJson;
    expect((json.result as ChoreographyExploration).coverage.complete).toBe(false);
  });

  it('explores a saga of a business process whole, and says nothing of a budget', async () => {
    const ran = await dddHere(['simulate', '--saga', 'OrderSaga', '--explore'], `${root}/examples/order-saga`);
    expect(ran.status).toBe(0);
    expect(ran.stdout).not.toContain('budget');
    expect(ran.stdout).toContain('✓ Every guarantee holds in every run where each command eventually succeeds');
  });
});
