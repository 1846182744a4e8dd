/** The figures audit of a Monitor profile: casualty and money figures of its own data. */
import { describe, expect, it } from 'vitest';
import { deriveMonitorProfile } from '../../../../src/kinds/monitor-profile/derive/report.js';
import { auditMonitorProfile } from '../../../../src/kinds/monitor-profile/derive/figures-audit.js';
import { kosovo2014, RATES } from '../../../helpers/monitor.js';

function audit(edit: (text: string) => string = (t) => t) {
  const r = kosovo2014();
  const data = structuredClone(r.data);
  const section = data.sections.casualties_and_victim_assistance;
  const block = section && 'blocks' in section ? section.blocks[2] : undefined;
  if (!block || !('p' in block)) throw new Error('the 2014 profile changed: no paragraph to edit');
  block.p = edit(block.p);
  return auditMonitorProfile(data, deriveMonitorProfile(data, RATES));
}

describe("a Monitor profile's figures", () => {
  it('counts the placeholders and lists the figures its data does not hold', () => {
    const a = audit();
    expect(a.counts.derived).toBeGreaterThan(0);
    const f = a.figures.find((x) => x.text === '88');
    expect(f?.status).toBe('unchecked');
  });

  it('checks a casualty figure the data states, and lists a planted one', () => {
    const a = audit((p) => `${p} In all, 115 people were killed and 455 injured.`);
    const statuses = a.figures.filter((f) => ['115', '455'].includes(f.text));
    expect(statuses.map((f) => [f.text, f.status])).toEqual([
      ['115', 'checked'],
      ['455', 'unchecked'],
    ]);
    expect(statuses[1]?.nearest?.[0]?.value).toBe(454);
  });
});
