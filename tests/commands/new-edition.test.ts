import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { newEdition, type NewEditionResult } from '../../src/commands/new-edition.js';
import { validate } from '../../src/commands/validate.js';
import { loadReport } from '../../src/data/load-report.js';
import { UserError } from '../../src/errors.js';
import { PROJECT_ROOT } from '../../src/project.js';
import { MONITOR_PROFILE_VERSION } from '../../src/kinds/monitor-profile/schema/report.js';
import { withoutSamples } from '../helpers/samples.js';
import { checkReport, deriveReport } from '../../src/commands/report.js';

describe('starting a new edition', () => {
  let root: string;
  let editions: string;
  let result: NewEditionResult;
  const file = (year: number, kind: string, name: string) =>
    path.join(editions, String(year), kind, name);

  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'keydata-new-edition-'));
    editions = path.join(root, 'data', 'editions');
    await cp(path.join(PROJECT_ROOT, 'data'), path.join(root, 'data'), {
      recursive: true,
      filter: withoutSamples,
    });
    result = await newEdition({ to: 2026, from: 2025, editionsDir: editions });
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('carries a Clearing the Mines country forward: this year becomes last year, the new year to fill, a draft', async () => {
    const before = parse(await readFile(file(2025, 'clearing-the-mines', 'kosovo.yaml'), 'utf8'));
    const after = parse(await readFile(file(2026, 'clearing-the-mines', 'kosovo.yaml'), 'utf8'));
    expect(after.edition).toBe(2026);
    expect(after.status).toBe('draft');
    expect(after.land_release.previous).toEqual(before.land_release.current);
    const toFill = { to_fill: 2026 };
    expect(after.land_release.current).toEqual({
      year: 2025,
      clearance_m2: toFill,
      technical_survey_m2: toFill,
      non_technical_survey_m2: toFill,
      mines_destroyed: toFill,
    });
    expect(after.clearance_history).toEqual([
      { year: 2023, area_m2: 29309 },
      ...before.clearance_history,
    ]);
    expect(after.tables.mined_area_by_district.rows[0]).toEqual({
      district: 'South',
      cha_count: toFill,
      cha_area_m2: toFill,
      sha_count: toFill,
      sha_area_m2: toFill,
    });
    expect(after.tables.gender_composition.rows[2].marks).toEqual({ operator: '*' });
    expect(after.tables.clearance_by_district.stated_totals).toBeUndefined();
    // Stable facts and prose stay as they were.
    for (const key of ['key_developments', 'recommendations', 'capacity', 'sections', 'notes'])
      expect(after[key], key).toEqual(before[key]);
    expect(after.key_data.main_operators).toEqual(before.key_data.main_operators);
    expect(after.tables.clearance_capacity).toEqual(before.tables.clearance_capacity);
  });

  it('keeps the comments and layout of the file it copies', async () => {
    const text = await readFile(file(2026, 'clearing-the-mines', 'kosovo.yaml'), 'utf8');
    expect(text.split('\n')[0]).toBe(
      '# yaml-language-server: $schema=../../../../schemas/clearing-the-mines.json',
    );
    expect(text).toContain(
      '  # A note is a citation (printed in the Clearing the Mines style: "Ibid." for the source of',
    );
    expect(text).toContain('    clearance_m2: { to_fill: 2026 }');
    expect(text).toContain(
      '    cite: { kind: email, author: Ahmet Sallova, role: Head, organisation: KMAC, date: 2025-05-05 }',
    );
  });

  it('moves the edition metadata on a year, its publication date to fill', async () => {
    const meta = parse(await readFile(file(2026, 'clearing-the-mines', '_edition.yaml'), 'utf8'));
    expect(meta).toMatchObject({
      edition: 2026,
      title: 'Clearing the Mines 2026',
      data_year: 2025,
      published: { to_fill: 2026 },
    });
    expect(meta.licence).toContain('© Mine Action Review, 2026.');
  });

  it('leaves a draft: validate warns once per field to fill, and nothing else; --final makes each an error', async () => {
    // The 2025 Monitor samples are carried forward too; their only field to fill is the
    // Monitor edition's publication date (tested below for the 2019 -> 2020 Monitor edition).
    const selection = { edition: 2026, kind: 'clearing-the-mines' as const, editionsDir: editions };
    const ctm = result.kinds.find((k) => k.kind === 'clearing-the-mines');
    const expected = (ctm?.countries[0]?.toFill.length ?? 0) + 1;
    expect(expected).toBeGreaterThan(40);
    // A draft is valid, so its text is audited too: unchecked figures are notes, left aside here.
    const draft = (await validate(selection)).problems.filter(
      (p) =>
        p.severity !== 'note' &&
        (p.file.endsWith('kosovo.yaml') || p.file.endsWith('_edition.yaml')),
    );
    expect(draft.filter((p) => p.severity === 'error')).toEqual([]);
    expect(draft).toHaveLength(expected);
    for (const p of draft)
      expect(`${p.severity}: ${p.path}: ${p.message}`).toMatch(
        /^warning: .*: still to fill for the 2026 edition \(a draft prints "TO FILL 2026" here; --final refuses it\)$/,
      );
    const final = (await validate({ ...selection, final: true })).problems.filter(
      (p) => p.file.endsWith('kosovo.yaml') || p.file.endsWith('_edition.yaml'),
    );
    expect(final.filter((p) => p.severity === 'error')).toHaveLength(expected);
    for (const p of final)
      expect(`${p.path}: ${p.message}`).toMatch(/: still to fill for the 2026 edition$/);
    expect(final.map((p) => p.path)).toContain('land_release.current.clearance_m2');
    expect(final.map((p) => p.path)).toContain('published');
  });

  it('gives a checklist: what to fill, what moved, what to review', () => {
    const [kind] = result.kinds;
    const c = kind?.countries[0];
    expect(kind?.kind).toBe('clearing-the-mines');
    expect(kind?.editionToFill).toEqual(['published']);
    expect(c?.toFill.slice(0, 4)).toEqual([
      'land_release.current.clearance_m2',
      'land_release.current.technical_survey_m2',
      'land_release.current.non_technical_survey_m2',
      'land_release.current.mines_destroyed',
    ]);
    expect(c?.moved).toContain('land_release.current (2024) moved to land_release.previous');
    expect(c?.moved).toContain('2023 clearance (29309 m²) added to clearance_history');
    expect(c?.mentionsOldYear).toContain('key_developments.0');
    expect(c?.review).toContain(
      'tables.clearance_capacity kept as it was: update the capacity deployed',
    );
  });

  it('validates with nothing to fill once every figure is filled in', async () => {
    const country = file(2026, 'clearing-the-mines', 'kosovo.yaml');
    const meta = file(2026, 'clearing-the-mines', '_edition.yaml');
    const [countryText, metaText] = [await readFile(country, 'utf8'), await readFile(meta, 'utf8')];
    await writeFile(country, countryText.replaceAll('{ to_fill: 2026 }', '1'));
    await writeFile(meta, metaText.replace('{to_fill: 2026}', '2026-10-15'));
    const { problems } = await validate({
      edition: 2026,
      kind: 'clearing-the-mines',
      editionsDir: editions,
    });
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(problems.filter((p) => /still to fill/.test(p.message))).toEqual([]);
    await writeFile(country, countryText);
    await writeFile(meta, metaText);
  });

  it('refuses (exit 2) to start an edition that exists, and writes nothing', async () => {
    const country = file(2026, 'clearing-the-mines', 'kosovo.yaml');
    const text = await readFile(country, 'utf8');
    const err = await newEdition({ to: 2026, from: 2025, editionsDir: editions }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).exitCode).toBe(2);
    expect((err as UserError).message).toMatch(/edition 2026 already exists .*never overwrites/);
    expect(await readFile(country, 'utf8')).toBe(text);
    await expect(
      newEdition({ to: 2028, from: 2025, kind: 'clearing-the-mines', editionsDir: editions }),
    ).rejects.toThrow(/one edition at a time/);
    await expect(newEdition({ to: 2025, from: 2025, editionsDir: editions })).rejects.toThrow(
      /must come after/,
    );
  });

  it('starts a Monitor profile empty: every section inherited, a draft that validates', async () => {
    const monitor = await newEdition({
      to: 2020,
      from: 2019,
      kind: 'monitor-profile',
      editionsDir: editions,
    });
    const created = file(2020, 'monitor-profile', 'kosovo.yaml');
    const data = parse(await readFile(created, 'utf8'));
    expect(data).toEqual({
      schema_version: MONITOR_PROFILE_VERSION,
      report: 'monitor-profile',
      edition: 2020,
      country: 'Kosovo',
      status: 'draft',
      sections: {},
    });
    expect((await readFile(created, 'utf8')).split('\n')[0]).toBe(
      '# yaml-language-server: $schema=../../../../schemas/monitor-profile.json',
    );
    // Only the new edition's publication date is left to fill.
    const fresh = await validate({ edition: 2020, editionsDir: editions });
    // A draft that validates: no error; the inherited sections' own warnings aside.
    expect(fresh.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(
      fresh.problems
        .filter((p) => /still to fill/.test(p.message))
        .map((p) => `${path.basename(p.file)}: ${p.path}: ${p.message}`),
    ).toEqual([
      '_edition.yaml: published: still to fill for the 2020 edition (a draft prints "TO FILL 2020" here; --final refuses it)',
    ]);
    await writeFile(
      file(2020, 'monitor-profile', '_edition.yaml'),
      (await readFile(file(2019, 'monitor-profile', '_edition.yaml'), 'utf8')).replace(
        'edition: 2019',
        'edition: 2020',
      ),
    );
    const loaded = await loadReport(created, (f) => f);
    if (!loaded.ok) throw new Error(loaded.problems.map((p) => p.message).join('\n'));
    expect(Object.keys(loaded.report.data.sections as object)).toHaveLength(5);
    expect(loaded.report.origins?.map((o) => o.edition).sort()).toEqual([
      2014, 2014, 2014, 2014, 2019,
    ]);
    expect(checkReport(deriveReport(loaded.report)).filter((p) => p.severity === 'error')).toEqual(
      [],
    );
    const kosovo = monitor.kinds[0]?.countries.find((c) => c.country === 'kosovo');
    expect(kosovo?.inherited).toEqual([
      {
        section: 'mine_ban_policy',
        from: 2019,
        note: 'from the 2019 edition, last updated 18 December 2019',
      },
      {
        section: 'cluster_munition_ban_policy',
        from: 2014,
        note: expect.stringMatching(/^from the 2014 edition, last updated /),
      },
      { section: 'mine_action', from: 2014, note: expect.stringMatching(/^from the 2014 edition/) },
      {
        section: 'casualties_and_victim_assistance',
        from: 2014,
        note: expect.stringMatching(/^from the 2014 edition/),
      },
      {
        section: 'support_for_mine_action',
        from: 2014,
        note: expect.stringMatching(/^from the 2014 edition/),
      },
    ]);
  });
});
