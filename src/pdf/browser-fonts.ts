import { existsSync } from 'node:fs';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { FONT_FACES, FONT_FAMILY, fontPath } from '../render/fonts.js';

/**
 * keydata's fonts as the launched browser's own fonts. Loaded as web fonts, every page
 * fetched each face through the browser process (and the request guard in node) and had it
 * checked and decoded again: about a fifth of loading and printing a profile. A browser
 * keydata launches on Linux gets a fontconfig file that adds them to the system's fonts,
 * and the documents it prints ask for them by name first (`local()`, see fonts.ts); a
 * browser keydata connects to keeps loading the files.
 *
 * Any other copy of the family (a system package of another version) is hidden from that
 * browser, so the same fonts print whatever the machine has installed; the system's other
 * fonts stay, for the characters Source Sans 3 lacks.
 */

/** The fontconfig file Chromium reads when FONTCONFIG_FILE is not set (Debian and most Linux). */
const DEFAULT_SYSTEM_CONFIG = '/etc/fonts/fonts.conf';

const xmlText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export interface FontconfigInput {
  /** The machine's own fontconfig file, included whole. */
  systemConfig: string;
  /** A folder holding only keydata's font files, and their names in it. */
  fontDir: string;
  fontFiles: readonly string[];
  /** Where fontconfig writes its cache of that folder (first, so it writes nowhere else). */
  cacheDir: string;
  family: string;
}

export function fontconfigXml(input: FontconfigInput): string {
  return `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <cachedir>${xmlText(input.cacheDir)}</cachedir>
  <include ignore_missing="no">${xmlText(input.systemConfig)}</include>
  <dir>${xmlText(input.fontDir)}</dir>
  <selectfont>
${input.fontFiles.map((f) => `    <acceptfont>${filePattern(path.join(input.fontDir, f))}</acceptfont>`).join('\n')}
    <rejectfont><pattern><patelt name="family"><string>${xmlText(input.family)}</string></patelt></pattern></rejectfont>
  </selectfont>
</fontconfig>
`;
}

// Accepted fonts must be named by pattern: fontconfig lets an accepted pattern override a
// rejected one, but an accepted file glob only overrides rejected globs.
const filePattern = (file: string) =>
  `<pattern><patelt name="file"><string>${xmlText(file)}</string></patelt></pattern>`;

/** The system fontconfig file to build on, or undefined where fontconfig is not the way. */
export function systemFontconfig(
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform = process.platform,
  exists: (p: string) => boolean = existsSync,
): string | undefined {
  if (platform !== 'linux') return undefined;
  const file = env.FONTCONFIG_FILE || DEFAULT_SYSTEM_CONFIG;
  return exists(file) ? file : undefined;
}

/**
 * Writes the fontconfig file into the browser's own (temporary) profile folder and returns
 * its path, or undefined when the machine has no fontconfig file to build on: the browser
 * then loads the font files as before.
 */
export async function writeBrowserFontconfig(
  profileDir: string,
  systemConfig: string | undefined,
): Promise<string | undefined> {
  if (!systemConfig) return undefined;
  const fontDir = path.join(profileDir, 'keydata-fonts');
  const fontFiles = FONT_FACES.map((f) => path.basename(f.file));
  await mkdir(fontDir);
  await Promise.all(
    FONT_FACES.map((f, i) => symlink(fontPath(f.file), path.join(fontDir, fontFiles[i] as string))),
  );
  const file = path.join(profileDir, 'fonts.conf');
  await writeFile(
    file,
    fontconfigXml({
      systemConfig,
      fontDir,
      fontFiles,
      cacheDir: path.join(profileDir, 'fontconfig-cache'),
      family: FONT_FAMILY,
    }),
  );
  return file;
}
