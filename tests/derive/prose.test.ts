import { describe, expect, it } from 'vitest';
import { noteRefs, placeholders } from '../../src/derive/prose.js';
import {
  blocksInOrder,
  proseInDocumentOrder,
} from '../../src/kinds/clearing-the-mines/derive/prose.js';
import { arcadia, kosovo } from '../helpers/reports.js';

describe('noteRefs', () => {
  it('finds [^id] references with letters, digits, "_", "-" and "."', () => {
    expect(noteRefs('One.[^n1] Two[^ext-decision.21msp] three[^baseline_2019].')).toEqual([
      'n1',
      'ext-decision.21msp',
      'baseline_2019',
    ]);
  });

  it('ignores links, superscripts and a caret that is not a reference', () => {
    expect(noteRefs('[GICHD](https://www.gichd.org), 21^st^, [^], [^-x], x^2')).toEqual([]);
  });
});

describe('placeholders', () => {
  it('finds {=name} and {=kind:key}', () => {
    expect(
      placeholders('This is {=clearance_change} (see {=table:mined_area_by_district}).'),
    ).toEqual(['clearance_change', 'table:mined_area_by_district']);
  });

  it('ignores braces that are not placeholders', () => {
    expect(placeholders('{clearance} {= x} {=X} {=}')).toEqual([]);
  });
});

describe('proseInDocumentOrder', () => {
  it('lists every Markdown string of Kosovo with its field path, KEY DATA first, then the key developments', () => {
    const items = proseInDocumentOrder(kosovo().data);
    expect(items[0]?.path).toEqual(['key_data', 'main_operators', 0]);
    expect(items[1]?.path).toEqual(['key_developments', 0]);
    expect(items[2]?.path).toEqual(['recommendations', 0]);
    expect(items.map((i) => i.path.join('.'))).toContain('tables.mined_area_by_district.caption');
    expect(items.map((i) => i.path.join('.'))).toContain('tables.gender_composition.notes.0');
  });

  it('includes performance commentary and generic table cells that are text', () => {
    const paths = proseInDocumentOrder(arcadia().data).map((i) => i.path.join('.'));
    expect(paths).toContain('performance.land_release_outputs.commentary');
    expect(paths).toContain('other_tables.funding_by_donor.rows.2.0');
    expect(paths).not.toContain('other_tables.funding_by_donor.rows.2.1'); // a number
  });
});

describe('blocksInOrder', () => {
  it('walks section blocks, then each subsection, with their paths', () => {
    const paths = blocksInOrder(kosovo().data).map((b) => b.path.join('.'));
    expect(paths[0]).toBe('sections.0.blocks.0');
    // "Land release outputs" (section 9) has only subsections: survey comes after the summary
    const i = paths.indexOf('sections.9.subsections.0.blocks.0');
    expect(paths.slice(i, i + 3)).toEqual([
      'sections.9.subsections.0.blocks.0',
      'sections.9.subsections.1.blocks.0',
      'sections.9.subsections.1.blocks.1',
    ]);
    expect(paths.at(-1)).toBe('sections.10.blocks.0');
  });
});
