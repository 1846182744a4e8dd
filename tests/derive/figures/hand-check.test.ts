/**
 * A figure checked by hand: marked in the text with its source, printed as the figure alone,
 * read by the other checks as the figure, and carried into the next edition with its text.
 */
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { newEdition } from '../../../src/commands/new-edition.js';
import { handChecks, withoutHandChecks } from '../../../src/derive/figures/hand-check.js';
import { readableText } from '../../../src/derive/prose-numbers.js';
import { renderInline } from '../../../src/render/markdown.js';
import { FIXTURE_EDITIONS } from '../../helpers/reports.js';

const text = 'In 2024, {nine|checked: HALO email, 15 April 2025} women received stipends.';

describe('a hand-checked figure', () => {
  it('names the figure and its source', () => {
    expect(handChecks(text)).toEqual([
      { figure: 'nine', source: 'HALO email, 15 April 2025', index: 9 },
    ]);
  });

  it('prints as the figure alone, and other checks read it as the figure', () => {
    const env = { noteNumbers: new Map<string, number>(), facts: new Map<string, string>() };
    expect(renderInline(text, env)).toBe('In 2024, nine women received stipends.');
    expect(withoutHandChecks(text)).toBe('In 2024, nine women received stipends.');
    expect(readableText('{**47,065m²**|checked: HALO}')).toBe('47,065m²');
  });

  it("survives the next edition's carry-forward with its source", async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'keydata-hand-check-'));
    try {
      await cp(path.join(FIXTURE_EDITIONS, '2025'), path.join(root, '2025'), { recursive: true });
      await newEdition({ to: 2026, from: 2025, editionsDir: root, kind: 'clearing-the-mines' });
      const after = await readFile(
        path.join(root, '2026', 'clearing-the-mines', 'arcadia.yaml'),
        'utf8',
      );
      expect(after).toContain('{two|checked: HHD staff list, 31 December 2024}');
      expect(after).toContain('{€1.1 million|checked: Arcadia state budget 2024, line 14.2}');
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
