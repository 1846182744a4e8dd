import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  findCascadeFiles,
  mergeCascade,
  originAt,
  placeOf,
  type CascadeLayer,
} from '../../src/data/cascade.js';
import { loadReport } from '../../src/data/load-report.js';
import { formatProblem } from '../../src/data/problem.js';
import { parseYaml, type YamlSource } from '../../src/data/yaml-source.js';
import type { MonitorProfileReport } from '../../src/kinds/monitor-profile/schema/report.js';
import { MONITOR_2019_FILE } from '../helpers/monitor.js';
import { ROOT } from '../helpers/reports.js';
import { checkReport, deriveReport } from '../../src/commands/report.js';

const ROOT_DISPLAY = (f: string) => path.relative(ROOT, f);

const source = (file: string): YamlSource => {
  const parsed = parseYaml(new TextEncoder().encode('x: 1\n'), file);
  if (!parsed.ok) throw new Error('unreachable');
  return parsed.source;
};

type Data = { edition: number; country: string; sections: Record<string, unknown> };
const layer = (
  edition: number,
  sections: Record<string, unknown>,
  country = 'Kosovo',
): CascadeLayer<Data> => ({
  edition,
  file: `${edition}.yaml`,
  source: source(`${edition}.yaml`),
  data: { edition, country, sections },
});

describe('merging the cascade (pure)', () => {
  const a2012 = { last_updated: '2012-10-02', blocks: ['2012 policy'] };
  const a2019 = { last_updated: '2019-12-18', blocks: ['2019 policy'] };
  const b2014 = { last_updated: '2014-08-12', blocks: ['2014 cluster'], notes: { n1: 'x' } };

  it('takes each section from the latest layer that has it, whole, and every other field from the last', () => {
    const { data, origins } = mergeCascade(
      [
        layer(2014, { policy: a2012, cluster: b2014 }),
        layer(2019, { policy: { last_updated: '2019-12-18', blocks: ['2019 policy'] } }, 'Kosovo*'),
      ],
      'sections',
    );
    expect(data).toEqual({
      edition: 2019,
      country: 'Kosovo*',
      sections: { policy: a2019, cluster: b2014 },
    });
    expect(origins.map((o) => [o.path.join('.'), o.edition, o.file])).toEqual([
      ['sections.policy', 2019, '2019.yaml'],
      ['sections.cluster', 2014, '2014.yaml'],
    ]);
  });

  it('replaces a section whole: no field of the older one survives, lists are not joined', () => {
    const { data } = mergeCascade(
      [
        layer(2014, { cluster: b2014 }),
        layer(2019, { cluster: { last_updated: '2019-01-01', blocks: ['new'] } }),
      ],
      'sections',
    );
    expect(data.sections.cluster).toEqual({ last_updated: '2019-01-01', blocks: ['new'] });
  });

  it('drops a section a later edition withdraws, and takes it again from a still later one', () => {
    const withdrawn = mergeCascade(
      [
        layer(2014, { policy: a2012, cluster: b2014 }),
        layer(2016, { cluster: { withdrawn: true } }),
      ],
      'sections',
    );
    expect(Object.keys(withdrawn.data.sections)).toEqual(['policy']);
    expect(withdrawn.origins.map((o) => o.path.join('.'))).toEqual(['sections.policy']);
    const back = mergeCascade(
      [
        layer(2014, { cluster: b2014 }),
        layer(2016, { cluster: { withdrawn: true } }),
        layer(2019, { cluster: a2019 }),
      ],
      'sections',
    );
    expect(back.data.sections).toEqual({ cluster: a2019 });
    expect(back.origins[0]?.edition).toBe(2019);
  });

  it('leaves its layers unchanged, and needs at least one', () => {
    const layers = [layer(2014, { policy: a2012 }), layer(2019, { policy: { withdrawn: true } })];
    const before = JSON.stringify(layers.map((l) => l.data));
    mergeCascade(layers, 'sections');
    expect(JSON.stringify(layers.map((l) => l.data))).toBe(before);
    expect(() => mergeCascade([], 'sections')).toThrow(/at least one layer/);
  });

  it('finds the origin of any path inside a section', () => {
    const { origins } = mergeCascade(
      [layer(2014, { policy: a2012, cluster: b2014 }), layer(2019, { policy: a2019 })],
      'sections',
    );
    expect(originAt(origins, ['sections', 'cluster', 'notes', 'n1'])?.edition).toBe(2014);
    expect(originAt(origins, ['sections', 'policy'])?.edition).toBe(2019);
    expect(originAt(origins, ['country'])).toBeUndefined();
    expect(originAt(undefined, ['sections'])).toBeUndefined();
  });
});

describe('finding the cascade’s files', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'keydata-cascade-'));
    for (const [year, country] of [
      [2012, 'kosovo'],
      [2014, 'kosovo'],
      [2015, 'serbia'],
      [2019, 'kosovo'],
      [2021, 'kosovo'],
    ] as const) {
      await mkdir(path.join(root, String(year), 'monitor-profile'), { recursive: true });
      await writeFile(path.join(root, String(year), 'monitor-profile', `${country}.yaml`), '');
    }
    await mkdir(path.join(root, 'notes'), { recursive: true });
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('lists the country’s files up to the edition, oldest (lowest priority) first', async () => {
    const found = await findCascadeFiles(root, 'monitor-profile', 'kosovo', 2019);
    expect(found.map((f) => [f.edition, path.relative(root, f.file)])).toEqual([
      [2012, '2012/monitor-profile/kosovo.yaml'],
      [2014, '2014/monitor-profile/kosovo.yaml'],
      [2019, '2019/monitor-profile/kosovo.yaml'],
    ]);
    expect(await findCascadeFiles(root, 'monitor-profile', 'kosovo', 2013)).toHaveLength(1);
    expect(await findCascadeFiles(root, 'clearing-the-mines', 'kosovo', 2019)).toEqual([]);
    expect(
      await findCascadeFiles(path.join(root, 'missing'), 'monitor-profile', 'kosovo', 2019),
    ).toEqual([]);
  });

  it('reads a file’s place in the editions folder', () => {
    expect(placeOf(path.join(root, '2019', 'monitor-profile', 'kosovo.yaml'))).toEqual({
      editionsDir: root,
      edition: 2019,
      kind: 'monitor-profile',
      country: 'kosovo',
    });
    expect(placeOf('/tmp/kosovo.yaml')).toBeUndefined();
  });
});

describe('loading a profile through the cascade', () => {
  let root: string;
  const display = (f: string) => path.relative(root, f);
  const put = async (rel: string, text: string) => {
    await mkdir(path.dirname(path.join(root, rel)), { recursive: true });
    await writeFile(path.join(root, rel), text);
  };

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'keydata-cascade-load-'));
    const real = path.dirname(path.dirname(path.dirname(MONITOR_2019_FILE)));
    for (const rel of [
      '2014/monitor-profile/_edition.yaml',
      '2014/monitor-profile/kosovo.yaml',
      '2019/monitor-profile/_edition.yaml',
      '2019/monitor-profile/kosovo.yaml',
    ]) {
      await put(`editions/${rel}`, await readFile(path.join(real, rel), 'utf8'));
    }
    await put(
      'reference/exchange-rates.yaml',
      await readFile(path.join(real, '..', 'reference', 'exchange-rates.yaml'), 'utf8'),
    );
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('the real 2019 Kosovo profile: its own Mine Ban Policy, four sections from 2014', async () => {
    const result = await loadReport(MONITOR_2019_FILE, ROOT_DISPLAY);
    expect(result.problems).toEqual([]);
    if (!result.ok || result.report.kind !== 'monitor-profile') throw new Error('did not load');
    const { origins } = result.report;
    const data = result.report.data as MonitorProfileReport;
    expect(data.edition).toBe(2019);
    expect(Object.keys(data.sections)).toEqual([
      'mine_ban_policy',
      'cluster_munition_ban_policy',
      'mine_action',
      'casualties_and_victim_assistance',
      'support_for_mine_action',
    ]);
    expect(origins?.map((o) => `${o.path[1]}: ${o.edition} ${o.file}`)).toEqual([
      'mine_ban_policy: 2019 data/editions/2019/monitor-profile/kosovo.yaml',
      'cluster_munition_ban_policy: 2014 data/editions/2014/monitor-profile/kosovo.yaml',
      'mine_action: 2014 data/editions/2014/monitor-profile/kosovo.yaml',
      'casualties_and_victim_assistance: 2014 data/editions/2014/monitor-profile/kosovo.yaml',
      'support_for_mine_action: 2014 data/editions/2014/monitor-profile/kosovo.yaml',
    ]);
    expect((data.sections.mine_ban_policy as { last_updated: string }).last_updated).toBe(
      '2019-12-18',
    );
    expect(result.report.reference?.exchangeRates.years.map((y) => y.year)).toEqual([2012]);
  });

  it('locates a problem of an inherited section in the file it comes from', async () => {
    const text2014 = await readFile(
      path.join(root, 'editions/2014/monitor-profile/kosovo.yaml'),
      'utf8',
    );
    await put(
      'editions/2014/monitor-profile/kosovo.yaml',
      text2014.replace('killed: 115, injured: 454', 'killed: 115, injured: 450'),
    );
    const result = await loadReport(
      path.join(root, 'editions/2019/monitor-profile/kosovo.yaml'),
      display,
    );
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
    const warnings = checkReport(deriveReport(result.report)).map(formatProblem);
    const lines = text2014.split('\n');
    const line = lines.findIndex((l) => l.includes('killed: 115, injured: 454')) + 1;
    const column = (lines[line - 1] ?? '').indexOf('569') + 1;
    expect(warnings).toContain(
      `editions/2014/monitor-profile/kosovo.yaml:${line}:${column}: warning: sections.casualties_and_victim_assistance.casualty_figures.all_known.total: all known casualties by end 2013: killed plus injured is 565 (115 + 450), but the total is 569`,
    );
    await put('editions/2014/monitor-profile/kosovo.yaml', text2014);
  });

  it('refuses the profile when an earlier edition’s file is invalid, naming that file', async () => {
    const text2014 = await readFile(
      path.join(root, 'editions/2014/monitor-profile/kosovo.yaml'),
      'utf8',
    );
    await put(
      'editions/2014/monitor-profile/kosovo.yaml',
      text2014.replace('last_updated: 2014-08-12', 'last_updated: 12 August 2014'),
    );
    const result = await loadReport(
      path.join(root, 'editions/2019/monitor-profile/kosovo.yaml'),
      display,
    );
    expect(result.ok).toBe(false);
    expect(result.problems.map(formatProblem)).toEqual([
      expect.stringMatching(
        /^editions\/2014\/monitor-profile\/kosovo\.yaml:\d+:19: error: sections\.cluster_munition_ban_policy\.last_updated: expected a date written YYYY-MM-DD/,
      ),
    ]);
    await put('editions/2014/monitor-profile/kosovo.yaml', text2014);
  });

  it('lets a later edition withdraw a section', async () => {
    const text2019 = await readFile(
      path.join(root, 'editions/2019/monitor-profile/kosovo.yaml'),
      'utf8',
    );
    await put(
      'editions/2019/monitor-profile/kosovo.yaml',
      `${text2019}  mine_action:\n    withdrawn: true\n    reason: test\n`,
    );
    const result = await loadReport(
      path.join(root, 'editions/2019/monitor-profile/kosovo.yaml'),
      display,
    );
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
    expect(Object.keys(result.report.data.sections as object)).not.toContain('mine_action');
    expect(checkReport(deriveReport(result.report)).filter((p) => p.severity === 'error')).toEqual(
      [],
    );
    await put('editions/2019/monitor-profile/kosovo.yaml', text2019);
  });

  it('refuses an earlier file whose edition is not its folder’s', async () => {
    const text2014 = await readFile(
      path.join(root, 'editions/2014/monitor-profile/kosovo.yaml'),
      'utf8',
    );
    await put(
      'editions/2014/monitor-profile/kosovo.yaml',
      text2014.replace('edition: 2014', 'edition: 2013'),
    );
    const result = await loadReport(
      path.join(root, 'editions/2019/monitor-profile/kosovo.yaml'),
      display,
    );
    expect(result.problems.map(formatProblem)).toEqual([
      'editions/2014/monitor-profile/kosovo.yaml:7:10: error: edition: this file says edition 2013 but sits in the 2014 folder',
    ]);
    await put('editions/2014/monitor-profile/kosovo.yaml', text2014);
  });
});
