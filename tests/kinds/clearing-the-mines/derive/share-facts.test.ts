/** Shares derived as placeholders, so that editors stop typing them. */
import { describe, expect, it } from 'vitest';
import { deriveClearingTheMines } from '../../../../src/kinds/clearing-the-mines/derive/report.js';
import { operatorSlug } from '../../../../src/kinds/clearing-the-mines/derive/shares.js';
import { kosovo } from '../../../helpers/reports.js';

describe('share placeholders', () => {
  it("derives Kosovo's area cleared without finding mines from Table 7's rows", () => {
    const f = deriveClearingTheMines(kosovo().data).facts;
    expect(f.get('clearance_without_mines_m2')).toBe('33,531m²');
    expect(f.get('clearance_without_mines_areas')).toBe('seven');
    expect(f.get('clearance_without_mines_pct')).toBe('70%');
  });

  it("derives women's shares of the staff, across the table and per operator", () => {
    const f = deriveClearingTheMines(kosovo().data).facts;
    expect(f.get('women_staff_pct')).toBe('26%'); // 70 of 272
    expect(f.get('women_managerial_pct')).toBe('19%'); // 8 of 43
    expect(f.get('women_staff_pct:halo')).toBe('27%'); // 42 of 155
    expect(f.get('women_managerial_pct:kmac')).toBe('0%');
  });

  it('names an operator by a slug of its name', () => {
    expect(operatorSlug('The HALO Trust (HALO)')).toBe('the_halo_trust_halo');
  });
});
