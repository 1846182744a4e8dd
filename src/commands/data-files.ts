import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../errors.js';
import { EDITION_META_FILE, type Selection } from '../data/find.js';
import { REPORT_KINDS } from '../schema/report-kind.js';

/**
 * The data files under a folder: .yaml files in a folder named for a report kind (as in
 * <editions>/<year>/<kind>/), country files and `_edition.yaml`, sorted; reference data and
 * other YAML beside them are left alone.
 */
export async function dataFilesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  const inKindFolder = (REPORT_KINDS as readonly string[]).includes(path.basename(dir));
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await dataFilesUnder(full)));
    else if (
      inKindFolder &&
      entry.name.endsWith('.yaml') &&
      (!entry.name.startsWith('_') || entry.name === EDITION_META_FILE)
    ) {
      out.push(full);
    }
  }
  return out;
}

/**
 * The files named on the command line, absolute; a folder stands for the data files under
 * it. A name that does not exist is a usage error (exit 2), not a data problem.
 */
export async function namedFiles(
  named: readonly string[],
  cwd: string,
  display: (f: string) => string,
): Promise<string[]> {
  const files: string[] = [];
  for (const given of named) {
    const abs = path.resolve(cwd, given);
    const info = await stat(abs).catch(() => undefined);
    if (!info) throw new UserError(`${display(abs)}: no such file`);
    if (info.isDirectory()) {
      const under = await dataFilesUnder(abs);
      if (under.length === 0)
        throw new UserError(
          `${display(abs)}: no data files in this folder (they sit in <year>/<report kind>/ folders)`,
        );
      files.push(...under);
    } else {
      files.push(abs);
    }
  }
  return [...new Set(files)];
}

/** Which data files a command works on: named files or folders, or a selection under data/. */
export interface DataSelection extends Selection {
  /** Data files or folders (every .yaml file under a folder); absolute, or relative to `cwd`. */
  files?: string[];
  editionsDir?: string;
  /** Resolves relative `files` (default: the project root); the CLI passes the folder it was started in. */
  cwd?: string;
  /** How a file is named in messages (default: relative to the project root). */
  display?: (file: string) => string;
}
