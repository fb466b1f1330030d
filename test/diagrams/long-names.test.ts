/**
 * Long names wrap between their words in every box (issue 12: readable at half a panel's width),
 * and mermaid still reads the labels as one node each.
 */
import { describe, expect, it } from 'vitest';
import { contextMapDiagram, decodeMermaidText, domainDiagram, NAME_LINE_WIDTH, stormingDiagram, wrapName } from '../../src/language/diagrams/index';
import { boardView } from '../../src/language/diagrams/storming';
import { checkWorkspace } from '../../src/language/index';
import { parseMermaid } from './parse';
import { diagramFixture } from './support';

const { model } = checkWorkspace([{ uri: 'file:///long-names.ddd', text: diagramFixture('long-names.ddd') }]);

/** The lines of the label of the node whose label starts with `start`. */
function labelLines(text: string, start: string): string[] {
  const label = text.split('\n').map((line) => /"([^"]*)"/.exec(line)?.[1]).find((candidate) => candidate?.startsWith(start));
  expect(label, `a label starting with ${start}`).toBeDefined();
  return decodeMermaidText(label!).split('\n');
}

describe('long names in boxes', () => {
  it('break between the words of a PascalCase name, each line at most the line width', () => {
    expect(wrapName('CustomerAccountVerificationRequestHandling')).toEqual(['CustomerAccount', 'VerificationRequest', 'Handling']);
    expect(wrapName('Sales')).toEqual(['Sales']);
    expect(wrapName('ORDER_CONFIRMED_BY_THE_CUSTOMER_SERVICE')).toEqual(['ORDER_CONFIRMED_BY_', 'THE_CUSTOMER_SERVICE']);
    expect(wrapName('Supercalifragilisticexpialidocious')).toEqual(['Supercalifragilistic', 'expialidocious']);
    // prose is left to mermaid, which wraps at spaces
    expect(wrapName('What happens when the verification service does not answer?')).toEqual(['What happens when the verification service does not answer?']);
    for (const name of ['CustomerAccountVerificationRequestHandling', 'Sales.Order.OrderItemPriceCalculation']) {
      const lines = wrapName(name);
      expect(lines.every((line) => line.length <= NAME_LINE_WIDTH)).toBe(true);
      expect(lines.join('').replace(/\s/g, '')).toBe(name.replace(/\s/g, ''));
    }
  });

  it('wrap in the context map, the domains and the storming board, and mermaid still parses them', async () => {
    const map = contextMapDiagram(model);
    expect(labelLines(map.text, 'CustomerAccount')).toEqual(['CustomerAccount', 'VerificationRequest', 'Handling', 'core: CustomerRelationshipManagementAndRetention']);
    const domains = domainDiagram(model);
    expect(labelLines(domains.text, 'CustomerRelationship').slice(0, 2)).toEqual(['CustomerRelationship', 'ManagementAnd']);
    const board = stormingDiagram(boardView(model, model.boards[0]!));
    expect(labelLines(board.text, 'CustomerAccount')).toEqual(['CustomerAccount', 'VerificationRequest', 'Received']);
    for (const diagram of [map, domains, board]) await expect(parseMermaid(diagram.text)).resolves.toBeTruthy();
  });
});
