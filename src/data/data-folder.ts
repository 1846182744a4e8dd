import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { placeOf } from './cascade.js';

/**
 * A data file is read only from inside its data folder: a link whose real path leaves it
 * (kosovo.yaml -> /etc/shadow) is refused, so an untrusted data folder cannot make keydata
 * print other files' lines in its problem frames or in a report. The data folder is the
 * one holding the edition tree the file sits in (data/, or --data), for a reference file
 * the one holding reference/, and for a file elsewhere its own folder.
 */
export function dataFolderOf(file: string): string {
  const abs = path.resolve(file);
  const place = placeOf(abs);
  if (place) return path.dirname(place.editionsDir);
  const dir = path.dirname(abs);
  return path.basename(dir) === 'reference' ? path.dirname(dir) : dir;
}

/** Why the file may not be read (its real path is outside its data folder), or undefined. */
export async function leavesDataFolder(file: string): Promise<string | undefined> {
  const folder = dataFolderOf(file);
  const [real, realFolder] = await Promise.all([
    realpath(file).catch(() => undefined),
    realpath(folder).catch(() => folder),
  ]);
  // A file that does not exist is reported by the read that follows.
  if (real === undefined) return undefined;
  const inside = real === realFolder || real.startsWith(realFolder + path.sep);
  return inside
    ? undefined
    : `a link to ${real}, outside the data folder ${folder}: data is read only from inside it`;
}
