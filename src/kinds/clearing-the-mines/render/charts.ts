import type { ClearingTheMinesDerived } from '../derive/report.js';
import { formatInt, formatKm2Number, m2ToKm2 } from '../../../derive/format.js';
import type { Reported } from '../derive/land-release.js';
import { MISSING_WORDS } from '../derive/year-on-year.js';
import type { ChartKey, ClearingTheMinesReport } from '../schema/report.js';
import { renderBarChart, type RenderedChart } from '../../../render/charts.js';
import { palette } from '../../../render/palette.js';
import { gapWords } from '../../../derive/to-fill.js';
import { asReported } from '../../../render/to-fill-mark.js';
import { RELEASE_LABELS } from './labels.js';

const km2Of = (x: Reported) => (x.value === undefined ? null : m2ToKm2(x.value));

/** A category with a value missing says so under its name: the bar is not drawn as 0. */
function categoryLabel(label: string, missing: { year: number; x: Reported }[]): string | string[] {
  const gaps = missing.filter((m) => m.x.value === undefined);
  if (gaps.length === 0) return label;
  return [label, ...gaps.map((g) => `(${g.year}: ${gapWords(g.x, MISSING_WORDS)})`)];
}

/** Each chart of a Clearing the Mines report, drawn from derived figures only. */
export function renderChart(
  key: ChartKey,
  r: ClearingTheMinesReport,
  d: ClearingTheMinesDerived,
): { chart: RenderedChart; caption: string } | undefined {
  const { current, previous } = r.land_release;
  switch (key) {
    case 'land_release_outputs':
      return {
        caption: `Land release outputs, ${previous.year} and ${current.year} (km²)`,
        chart: renderBarChart({
          title: `AP mined area released in ${previous.year} and ${current.year}`,
          categories: d.release.map((x) =>
            categoryLabel(RELEASE_LABELS[x.kind], [
              { year: current.year, x: x.current },
              { year: previous.year, x: x.previous },
            ]),
          ),
          series: [
            {
              label: String(current.year),
              values: d.release.map((x) => km2Of(x.current)),
              color: palette.primary,
            },
            {
              label: String(previous.year),
              values: d.release.map((x) => km2Of(x.previous)),
              color: palette.secondary,
            },
          ],
          unit: 'km²',
          format: formatKm2Number,
          horizontal: true,
          width: 250,
          height: 150,
        }),
      };
    case 'clearance_trend': {
      const rows = [...d.tables.five_year_clearance.rows].reverse();
      const first = rows[0]?.year;
      const last = rows.at(-1)?.year;
      return {
        caption: `AP mine clearance, ${first}–${last} (km²)`,
        chart: renderBarChart({
          title: `AP mine clearance by year, ${first} to ${last}`,
          categories: rows.map((x) =>
            x.km2 === undefined
              ? [String(x.year), `(${gapWords(x, MISSING_WORDS)})`]
              : String(x.year),
          ),
          series: [
            {
              label: 'Area cleared',
              values: rows.map((x) => x.km2 ?? null),
              color: palette.primary,
            },
          ],
          unit: 'km²',
          format: formatKm2Number,
          width: 420,
          height: 190,
        }),
      };
    }
    case 'mined_area_by_district': {
      const t = d.tables.mined_area_by_district;
      if (!t) return undefined;
      return {
        caption: 'AP mined area by district: confirmed and suspected (m²)',
        chart: renderBarChart({
          title: 'AP mined area by district, confirmed (CHA) and suspected (SHA) hazardous areas',
          // An area still to fill draws no bar, and its district says why.
          categories: t.rows.map((x) => {
            const gaps = [asReported(x.cha_area_m2), asReported(x.sha_area_m2)].filter(
              (v) => v.value === undefined,
            );
            return gaps[0] ? [x.district, `(${gapWords(gaps[0], MISSING_WORDS)})`] : x.district;
          }),
          series: [
            {
              label: 'CHA',
              values: t.rows.map((x) => asReported(x.cha_area_m2).value ?? null),
              color: palette.primary,
            },
            {
              label: 'SHA',
              values: t.rows.map((x) => asReported(x.sha_area_m2).value ?? null),
              color: palette.accent,
            },
          ],
          unit: 'm²',
          format: formatInt,
          horizontal: true,
          stacked: true,
          width: 420,
          height: 60 + 34 * t.rows.length,
        }),
      };
    }
  }
}
