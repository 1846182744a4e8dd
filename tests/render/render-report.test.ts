import { describe, expect, it } from 'vitest';
import { kosovo2014 } from '../helpers/monitor.js';
import { kosovo } from '../helpers/reports.js';
import { deriveReport, renderReport } from '../../src/commands/report.js';

/**
 * Figures are derived once (deriveReport) and both the checks and the render read that model:
 * the render prints what it is given and derives nothing again.
 */
describe('render takes the derived model', () => {
  it('prints a Clearing the Mines figure from the model it is given', async () => {
    const report = deriveReport(kosovo());
    expect(report.derived.facts.has('clearance_change')).toBe(true);
    report.derived.facts.set('clearance_change', 'MARKED-BY-THE-TEST');
    expect((await renderReport(report)).html).toContain('MARKED-BY-THE-TEST');
  });

  it('prints a Monitor figure from the model it is given', async () => {
    const report = deriveReport(kosovo2014());
    expect(report.derived.facts.has('casualties_all_total')).toBe(true);
    report.derived.facts.set('casualties_all_total', 'MARKED-BY-THE-TEST');
    expect((await renderReport(report)).html).toContain('MARKED-BY-THE-TEST');
  });
});
