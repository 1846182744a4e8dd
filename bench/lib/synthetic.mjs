// The synthetic edition the bench builds: Kosovo's report varied per country.
import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse, stringify } from 'yaml';

/** Country k: Kosovo's report with its figures scaled and 0-4 extra paragraphs, so lengths vary (8-12 pages). */
export function variant(base, k) {
  const d = structuredClone(base);
  const scale = 0.6 + ((k * 37) % 90) / 100;
  d.country = `Country ${String(k).padStart(3, '0')}`;
  for (const y of [d.land_release.current, d.land_release.previous]) {
    y.clearance_m2 = Math.round(y.clearance_m2 * scale);
    y.technical_survey_m2 = Math.round(y.technical_survey_m2 * scale);
  }
  for (const row of d.tables.mined_area_by_district.rows) {
    row.cha_area_m2 = Math.round(row.cha_area_m2 * scale);
    row.sha_area_m2 = Math.round(row.sha_area_m2 * scale);
  }
  const extra = k % 5;
  const prose = d.sections.flatMap((s) =>
    (s.blocks ?? []).filter((b) => 'p' in b).map((b) => b.p.replace(/\[\^[^\]]+\]/g, '')),
  );
  for (let i = 0; i < extra; i++) {
    const section = d.sections[i % d.sections.length];
    section.blocks ??= [];
    section.blocks.push({
      p: `${prose[(k + i) % prose.length]} ${prose[(k + i + 3) % prose.length]}`,
    });
  }
  return d;
}

export const countryFile = (k) => `country-${String(k).padStart(3, '0')}.yaml`;

/** Writes `<dir>/editions/2025/clearing-the-mines/` with `countries` countries; returns that folder. */
export async function makeEdition(root, dir, countries) {
  const src = path.join(root, 'data/editions/2025/clearing-the-mines');
  const out = path.join(dir, 'editions/2025/clearing-the-mines');
  await cp(path.join(src, '_edition.yaml'), path.join(out, '_edition.yaml'), { recursive: true });
  const base = parse(await readFile(path.join(src, 'kosovo.yaml'), 'utf8'));
  for (let k = 1; k <= countries; k++)
    await writeFile(path.join(out, countryFile(k)), stringify(variant(base, k)));
  return out;
}
