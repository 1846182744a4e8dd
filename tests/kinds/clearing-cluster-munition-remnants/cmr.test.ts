/**
 * Clearing Cluster Munition Remnants through the registry: its sample countries derive, check
 * and render as an editor expects, and each of its checks fires on the data that breaks it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { checkReport, deriveReport } from '../../../src/commands/report.js';
import type { LoadedReport } from '../../../src/data/load-report.js';
import { formatProblem } from '../../../src/data/problem.js';
import { validateWith } from '../../../src/data/validate.js';
import { parseYaml } from '../../../src/data/yaml-source.js';
import { editionOverview } from '../../../src/derive/overview/edition-overview.js';
import {
  CMR_OVERVIEW_WORDS,
  cmrOverviewRow,
} from '../../../src/kinds/clearing-cluster-munition-remnants/derive/overview-row.js';
import { overviewCsv, overviewJson } from '../../../src/render/overview/overview-view.js';
import { carryForwardCmr } from '../../../src/kinds/clearing-cluster-munition-remnants/commands/new-edition.js';
import { buildCmrView } from '../../../src/kinds/clearing-cluster-munition-remnants/render/view.js';
import { ClearingClusterMunitionRemnantsReport } from '../../../src/kinds/clearing-cluster-munition-remnants/schema/report.js';
import { EditionMeta } from '../../../src/schema/edition.js';
import { ROOT } from '../../helpers/reports.js';

type Cmr = LoadedReport<'clearing-cluster-munition-remnants'>;
const DIR = path.join(ROOT, 'data', 'editions', '2025', 'clearing-cluster-munition-remnants');
const sample = (name: string) => readFileSync(path.join(DIR, `${name}.yaml`), 'utf8');
const META = EditionMeta.parse(parseDocument(sample('_edition')).toJS());

function report(text: string, file = 'test.yaml'): Cmr {
  const parsed = parseYaml(new TextEncoder().encode(text), file);
  if (!parsed.ok) throw new Error(parsed.problems.map(formatProblem).join('\n'));
  const checked = validateWith(ClearingClusterMunitionRemnantsReport, parsed.source);
  if (!checked.ok) throw new Error(checked.problems.map(formatProblem).join('\n'));
  return {
    kind: 'clearing-cluster-munition-remnants',
    file,
    source: parsed.source,
    meta: META,
    data: checked.data,
  };
}

/** A sample country with `edit` applied to its YAML document. */
function edited(name: string, edit: (doc: ReturnType<typeof parseDocument>) => void): Cmr {
  const doc = parseDocument(sample(name));
  edit(doc);
  return report(doc.toString({ lineWidth: 0 }));
}

const messages = (r: Cmr) => checkReport(deriveReport(r)).map((p) => `${p.path}: ${p.message}`);
const plain = (html: string | undefined) => (html ?? '').replace(/<[^>]*>/g, '');

describe('Clearing Cluster Munition Remnants', () => {
  it('the sample countries are valid and check clean', () => {
    for (const name of ['norvania', 'pellucidar', 'ruritania'])
      expect(messages(report(sample(name), `${name}.yaml`)), name).toEqual([]);
  });

  it('derives KEY DATA: the Article 4 deadline and its extension, CMR km², level, submunitions', () => {
    const r = deriveReport(report(sample('norvania')));
    const v = buildCmrView(r.data, r.derived, r.meta).keyData;
    expect(v.deadline.heading).toBe('CCM Article 4 deadline');
    expect(plain(v.deadline.lineHtml)).toBe('1 August 2026 (extended)1');
    expect(plain(v.deadline.pendingHtml)).toBe('(request for extension to 1 August 2029 pending)2');
    expect(v.deadline.statusHtml).toBe('Not on track');
    expect(plain(v.contamination.figureHtml)).toBe('About 23km²3');
    expect(plain(v.contamination.levelHtml)).toBe('Heavy');
    expect(
      v.release.rows.map((row) => [row.label, plain(row.current), plain(row.previous)]),
    ).toEqual([
      ['Clearance', '2.83', '2.41'],
      ['Technical survey', '1.41', '1.15'],
      ['Non-technical survey', '3.90', '–'],
    ]);
    expect(v.release.missing).toEqual(['– Not reported']);
    expect(v.release.mines.map((m) => [m.label, plain(m.current), plain(m.previous)])).toEqual([
      ['Submunitions destroyed', '4,1274', '3,588'],
    ]);
  });

  it('prints a State not party and one that completed in their own words', () => {
    const p = deriveReport(report(sample('pellucidar')));
    const pv = buildCmrView(p.data, p.derived, p.meta);
    expect(plain(pv.keyData.deadline.lineHtml)).toBe('Not party to the CCM');
    expect(plain(pv.keyData.contamination.levelHtml)).toBe('Heavy but no reliable estimate1');
    expect(pv.performance).toBeUndefined();
    expect(plain(pv.performanceNotApplicable)).toBe('Pellucidar is not a State Party to the CCM.');
    const r = deriveReport(report(sample('ruritania')));
    const rv = buildCmrView(r.data, r.derived, r.meta);
    expect(plain(rv.keyData.contamination.figureHtml)).toBe('None known');
    expect(rv.performance?.rows[0]?.label).toBe('Understanding of CMR contamination');
    expect(rv.performance?.rows[6]?.label).toBe('Land release outputs and Article 4 compliance');
    expect(rv.performance?.scoreHtml).toBe('8.5');
  });

  it('refuses a footnote that is not defined or cited twice, and a derived value it does not know', () => {
    const r = edited('pellucidar', (doc) => {
      doc.setIn(['key_developments', 0], 'Twice.[^p-strikes] Missing.[^nope] {=mines_destroyed}');
    });
    expect(messages(r)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^sections\.0\.blocks\.0\.p: cites footnote \[\^p-strikes\] a second time/,
        ),
        'key_developments.0: cites footnote [^nope], which is not defined under notes',
        expect.stringMatching(
          /^key_developments\.0: unknown derived value \{=mines_destroyed\}; known: data_year, /,
        ),
      ]),
    );
  });

  it('warns about a level against its band, a table for a State not party, completion with CMR left', () => {
    const level = edited('norvania', (doc) =>
      doc.setIn(['key_data', 'contamination', 'level'], 'light'),
    );
    expect(messages(level)).toContain(
      'key_data.contamination.level: the level is stated as light, but 23.45km² is heavy (20–99km²)',
    );
    const table = edited('pellucidar', (doc) =>
      doc.setIn(['performance'], parseDocument(sample('ruritania')).get('performance')),
    );
    expect(messages(table)).toContain(
      'performance: the performance of national programmes is assessed for States Parties only, but key_data.article4 says not party',
    );
    const left = edited('ruritania', (doc) =>
      doc.setIn(['key_data', 'contamination'], { kind: 'area', area_m2: 120000 }),
    );
    expect(messages(left)).toEqual([
      expect.stringMatching(
        /^key_data\.contamination: key_data\.article4\.completion_declared \(line \d+\) declares completion, but KEY DATA gives 0\.12km² of CMR contamination remaining/,
      ),
    ]);
  });

  it('warns about submunitions destroyed in a year that released no land', () => {
    const r = edited('ruritania', (doc) => {
      for (const f of ['clearance_m2', 'technical_survey_m2', 'non_technical_survey_m2'])
        doc.setIn(['land_release', 'current', f], 0);
    });
    expect(messages(r)).toEqual([
      'land_release.current.submunitions_destroyed: 96 submunitions destroyed, but no land was released in 2024 (clearance and survey are 0): spot tasks? Say so in a note',
    ]);
  });

  it('carries a country forward: this year becomes last year, the new figures are to fill', () => {
    const doc = parseDocument(sample('norvania'));
    const carried = carryForwardCmr(doc, 2025, 2026);
    const next = doc.toJS();
    expect(next.edition).toBe(2026);
    expect(next.status).toBe('draft');
    expect(next.land_release.previous.clearance_m2).toBe(2826000);
    expect(next.land_release.current).toMatchObject({
      year: 2025,
      clearance_m2: { to_fill: 2026 },
      submunitions_destroyed: { to_fill: 2026 },
    });
    expect(next.performance.land_release_outputs).toMatchObject({
      score: { to_fill: 2026 },
      previous_score: 5.5,
    });
    expect(next.key_data.article4.extensions).toHaveLength(1);
    expect(carried.toFill).toContain('key_data.contamination.area_m2');
    // A State that completed keeps its progress: there is none to assess.
    const done = parseDocument(sample('ruritania'));
    carryForwardCmr(done, 2025, 2026);
    expect(done.toJS().key_data.article4.progress).toBe('not_applicable');
  });

  it('gives the edition overview its own words: Article 4, submunitions, no likelihood column', () => {
    const rows = ['norvania', 'pellucidar', 'ruritania'].map((name) => {
      const r = deriveReport(report(sample(name)));
      return cmrOverviewRow(name, r.data, r.derived);
    });
    expect(rows[2]).toMatchObject({
      contamination: { level: 'None known', km2: undefined },
      article5: { party: true, status: 'completed', deadline: '2025-02-01' },
    });
    const o = editionOverview(2025, rows, CMR_OVERVIEW_WORDS);
    const [head, norvania] = overviewCsv(o).split('\r\n');
    expect(head).toBe(
      '\ufeffCountry,Contamination level,Estimate (km²),Article 4 status,Article 4 deadline,Deadline status,Progress towards the deadline,Clearance (m²),Technical survey (m²),Non-technical survey (m²),Submunitions destroyed,"Clearance, year before (m²)","Technical survey, year before (m²)","Non-technical survey, year before (m²)","Submunitions destroyed, year before",Performance score,Performance rating,Rank',
    );
    expect(norvania).toBe(
      'Norvania,Heavy,23.45,State Party,2026-08-01,extended,Not on track,2826000,1406250,3900000,4127,2410000,1150000,,3588,5.9,Average,2',
    );
    const json = JSON.parse(overviewJson(o));
    expect(Object.keys(json.rows[0])).toContain('article4');
    expect(json.rows[0].release.current.submunitions_destroyed).toBe(4127);
    expect(json.words).toBeUndefined();
  });
});
