/**
 * Checks across the countries of one edition, when `validate` has checked all of them: the
 * totals `_edition.yaml` states against the sum of the countries' own figures.
 */
import path from 'node:path';
import { placeOf } from '../data/cascade.js';
import { EDITION_META_FILE, findCountryFiles } from '../data/find.js';
import { formatPath, type Problem } from '../data/problem.js';
import { loadYaml, locate } from '../data/yaml-source.js';
import { checkEditionTotals } from '../derive/overview/check-edition-totals.js';
import type { ReportKind } from '../schema/report-kind.js';
import { overviewOf } from './overview.js';
import type { DerivedReport } from './report.js';

export async function checkWholeEditions(
  checked: readonly { file: string; report: DerivedReport }[],
  allChecked: ReadonlySet<string>,
  display: (f: string) => string,
): Promise<Problem[]> {
  type Group = {
    editionsDir: string;
    edition: number;
    kind: ReportKind;
    reports: { slug: string; report: DerivedReport }[];
  };
  const groups = new Map<string, Group>();
  for (const { file, report } of checked) {
    const place = placeOf(file);
    if (!place || place.kind !== report.kind) continue;
    const dir = path.dirname(path.resolve(file));
    const group = groups.get(dir) ?? { ...place, kind: report.kind, reports: [] };
    group.reports.push({ slug: place.country, report });
    groups.set(dir, group);
  }
  const problems: Problem[] = [];
  for (const [dir, { editionsDir, edition, kind, reports }] of groups) {
    const first = reports[0]?.report;
    if (!first) continue;
    const countries = await findCountryFiles(editionsDir, { edition, kind });
    // Only an edition whose every country was checked, and valid, has totals to compare.
    if (countries.length !== reports.length || !countries.every((c) => allChecked.has(c.file)))
      continue;
    const overview = overviewOf(edition, kind, reports);
    if (!overview) continue;
    const metaFile = path.join(dir, EDITION_META_FILE);
    const loaded = await loadYaml(metaFile, display(metaFile));
    if (!loaded.ok) continue;
    checkEditionTotals(first.meta, overview, (severity, p, message) =>
      problems.push({
        file: loaded.source.file,
        ...locate(loaded.source, p),
        severity,
        path: formatPath(p),
        message,
      }),
    );
  }
  return problems;
}
