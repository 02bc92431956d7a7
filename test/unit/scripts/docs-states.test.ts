import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderStatesDoc, STATES_DOC } from '../../../scripts/docs-states';
import { DossierMachine } from '../../../shared/modules/dossiers';

describe('Script: docs-states', () => {
  it('committed docs/states.md is what the machines render now (run `npm run docs:states` after changing one)', () => {
    // Prepare
    const committed = readFileSync(STATES_DOC, 'utf8');

    // Act
    const rendered = renderStatesDoc();

    // Assess
    expect(committed).toBe(rendered);
  });

  it('draws every dossier edge, so a new edge changes the document', () => {
    // Act
    const rendered = renderStatesDoc();

    // Assess
    for (const edge of DossierMachine.edges) expect(rendered).toMatch(new RegExp(`  ${edge.from} --> ${edge.to} : [^\\n]*\\b${edge.on}\\b`));
    expect(rendered.match(/```mermaid/g)).toHaveLength(7);
  });
});
