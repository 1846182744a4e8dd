import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { REPORT_KINDS, type ReportKind } from '../schema/report-kind.js';
import { cascadeField, findCascadeFiles } from './cascade.js';

/** Where a country file of an edition lives: <editions>/<year>/<kind>/<country>.yaml. */
export interface CountryFile {
  edition: number;
  kind: ReportKind;
  country: string;
  file: string;
}

/** Which profiles a command works on: any edition, kind or country unless named. */
export interface Selection {
  edition?: number;
  kind?: ReportKind;
  country?: string;
}

/** Files starting with "_" in an edition folder hold shared facts, not a country. */
export const EDITION_META_FILE = '_edition.yaml';

export function countryFilePath(
  editionsDir: string,
  edition: number,
  kind: ReportKind,
  country: string,
): string {
  return path.join(editionsDir, String(edition), kind, `${country}.yaml`);
}

export function editionMetaPath(editionsDir: string, edition: number, kind: ReportKind): string {
  return path.join(editionsDir, String(edition), kind, EDITION_META_FILE);
}

async function dirNames(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir, { withFileTypes: true }))
      .filter((d) => d.isDirectory())
      .map((d) => d.name);
  } catch {
    return [];
  }
}

/** Every country file under the editions folder matching the filters, sorted. */
export async function findCountryFiles(
  editionsDir: string,
  filter: Selection = {},
): Promise<CountryFile[]> {
  const found: CountryFile[] = [];
  const editions = (await dirNames(editionsDir)).filter((d) => /^\d{4}$/.test(d)).map(Number);
  for (const edition of editions.sort()) {
    if (filter.edition !== undefined && edition !== filter.edition) continue;
    for (const kind of REPORT_KINDS) {
      if (filter.kind !== undefined && kind !== filter.kind) continue;
      const dir = path.join(editionsDir, String(edition), kind);
      let names: string[];
      try {
        names = await readdir(dir);
      } catch {
        continue;
      }
      for (const name of names.sort()) {
        if (!name.endsWith('.yaml') || name.startsWith('_')) continue;
        const country = name.slice(0, -'.yaml'.length);
        if (filter.country !== undefined && country !== filter.country) continue;
        found.push({ edition, kind, country, file: path.join(dir, name) });
      }
    }
  }
  return found;
}

/**
 * The data files one profile is made from: its own file and its edition metadata. (A report
 * kind whose sections cascade from earlier editions adds the files it inherits from.)
 */
export async function inputFilesFor(editionsDir: string, c: CountryFile): Promise<string[]> {
  const meta = editionMetaPath(editionsDir, c.edition, c.kind);
  if (!cascadeField(c.kind)) return [c.file, meta];
  // Its own file and the earlier editions' files it inherits sections from.
  const layers = await findCascadeFiles(editionsDir, c.kind, c.country, c.edition);
  return [...layers.map((l) => l.file), meta];
}
