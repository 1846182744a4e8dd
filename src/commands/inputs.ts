import type { Dirent } from 'node:fs';
import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inputFilesFor, type CountryFile } from '../data/find.js';
import { readInputFile, readInputFileSync } from '../data/read-input.js';
import { paths } from '../project.js';
import { FONT_FACES, fontPath } from '../render/fonts.js';
import type { ReportKind } from '../schema/report-kind.js';
import { VERSION } from '../version.js';
import { kindPage } from './kind-pages.js';

/** Every file below a folder, sorted, so the hash does not depend on directory order. */
async function filesUnder(
  dir: string,
  keep: (f: string) => boolean = () => true,
): Promise<string[]> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true, recursive: true });
  } catch {
    return [];
  }
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .filter(keep)
    .sort();
}

/** Inputs are data, templates, styles and fonts: the largest, a font, is under 1 MiB. */
const MAX_HASHED_BYTES = 64 * 1024 * 1024;

/**
 * Hashes files in order. Read synchronously: keydata's own code is ~250 files, hashed by
 * every build (a no-op rebuild included), and reading them through libuv's threads, 16 at a
 * time, took ~100 ms of a no-op's ~400 (src/data/read-input.ts says why); the build has
 * nothing else to do while it plans. Async so callers keep their shape.
 */
async function hashFiles(
  hash: ReturnType<typeof createHash>,
  files: readonly string[],
  root: string,
): Promise<void> {
  for (const f of files) {
    // Checked before read (a FIFO or /dev/zero among the inputs would hang or fill memory);
    // what cannot be read is hashed as such, and loading the file reports why.
    const read = readInputFileSync(f, MAX_HASHED_BYTES);
    hash.update(`\0${path.relative(root, f)}\0`);
    hash.update(read.ok ? read.bytes : `\0unreadable: ${read.reason}\0`);
  }
}

const kindHashes = new Map<string, Promise<string>>();

/**
 * dist/bundle/ (and the folder it is made in): the rest of dist/ bundled with its packages
 * (scripts/bundle.mjs). Made from the hashed files, it adds nothing to hash, and a build
 * run from the bundle or from dist/ itself then finds the same outputs current.
 */
const BUNDLE_FOLDER = /^bundle(\.\d+\.tmp)?[\\/]/;

type InputRoots = { templates: string; styles: string; data: string };
const projectRoots = (): InputRoots => ({
  templates: paths.templates,
  styles: paths.styles,
  data: paths.data,
});

/**
 * What every profile of a report kind depends on besides its data: templates, styles,
 * fonts, reference data, and keydata itself (its version and its compiled code, so a
 * development change also rebuilds).
 */
export function kindInputsHash(
  kind: ReportKind,
  roots: InputRoots = projectRoots(),
): Promise<string> {
  const key = `${kind}\0${roots.templates}\0${roots.styles}\0${roots.data}`;
  let cached = kindHashes.get(key);
  if (!cached) {
    cached = (async () => {
      const hash = createHash('sha256');
      hash.update(`keydata ${VERSION}\0${kind}\0`);
      const code = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
      const compiled = (f: string) =>
        /\.(js|ts)$/.test(f) && !BUNDLE_FOLDER.test(path.relative(code, f));
      await hashFiles(hash, await filesUnder(code, compiled), code);
      // The files the kind's page reads (the registry's page part names them), and nothing else.
      const page = kindPage(kind);
      for (const dir of [page.templates, ...page.sharedPartials])
        await hashFiles(hash, await filesUnder(path.join(roots.templates, dir)), roots.templates);
      // A profile's page of the web site is one of its outputs: the site's layouts count too.
      await hashFiles(hash, await filesUnder(path.join(roots.templates, 'site')), roots.templates);
      await hashFiles(
        hash,
        ['base', ...page.styles, 'site'].map((s) => path.join(roots.styles, `${s}.css`)),
        roots.styles,
      );
      await hashFiles(
        hash,
        FONT_FACES.map((f) => fontPath(f.file)),
        paths.fonts,
      );
      await hashFiles(hash, await filesUnder(path.join(roots.data, 'reference')), roots.data);
      return hash.digest('hex');
    })();
    kindHashes.set(key, cached);
  }
  return cached;
}

/**
 * What an edition volume of a kind depends on besides its countries: the kind's inputs, the
 * whole volume template folder (so a new partial counts too) and the volume stylesheet.
 */
export async function volumeKindInputsHash(
  kind: ReportKind,
  roots: InputRoots = projectRoots(),
): Promise<string> {
  const hash = createHash('sha256');
  hash.update(await kindInputsHash(kind, roots));
  await hashFiles(hash, await filesUnder(path.join(roots.templates, 'volume')), roots.templates);
  await hashFiles(hash, [path.join(roots.styles, 'volume.css')], roots.styles);
  return hash.digest('hex');
}

/** Forget cached kind hashes (a long-running process whose templates changed). */
export function clearInputHashes(): void {
  kindHashes.clear();
}

/**
 * What one profile's outputs are made from, in two parts so a build can say which changed:
 * `data` (its data files and edition metadata) and `kind` (templates, styles, fonts,
 * reference data, keydata). `inputs` combines them. Which formats are asked for is not an
 * input: the same inputs make the same files whatever else is built beside them.
 */
export interface ProfileSources {
  inputs: string;
  sources: { data: string; kind: string };
}

export async function profileSources(
  country: CountryFile,
  editionsDir: string,
): Promise<ProfileSources> {
  const data = createHash('sha256');
  await hashFiles(data, await inputFilesFor(editionsDir, country), editionsDir);
  const sources = { data: data.digest('hex'), kind: await kindInputsHash(country.kind) };
  return { inputs: combineSources(sources), sources };
}

export const combineSources = (s: { data: string; kind: string }): string =>
  createHash('sha256').update(`${s.kind}\0${s.data}`).digest('hex');

/** The hash of everything one profile's outputs are made from. */
export async function profileInputsHash(
  country: CountryFile,
  editionsDir: string,
): Promise<string> {
  return (await profileSources(country, editionsDir)).inputs;
}

export async function sha256File(file: string): Promise<string | undefined> {
  const read = await readInputFile(file, MAX_OUTPUT_BYTES);
  return read.ok ? createHash('sha256').update(read.bytes).digest('hex') : undefined;
}

/**
 * The same, synchronously: for planning, which checks every output of an edition (a no-op
 * rebuild of 60 profiles reads ~12 MB in 60 files) with nothing else to do meanwhile; the
 * reads through libuv's threads cost ~30 ms more of a no-op.
 */
export function sha256FileSync(file: string): string | undefined {
  const read = readInputFileSync(file, MAX_OUTPUT_BYTES);
  return read.ok ? createHash('sha256').update(read.bytes).digest('hex') : undefined;
}

/** An output larger than this (a volume of every country is tens of MiB) is rebuilt, not hashed. */
const MAX_OUTPUT_BYTES = 1024 * 1024 * 1024;
