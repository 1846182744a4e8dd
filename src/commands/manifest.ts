import { readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { displayPath } from '../project.js';
import { UserError } from '../errors.js';
import { writeFileAtomic } from './atomic-write.js';
import { reasonOf } from './output-dir.js';
import { relativeOutput } from './output-paths.js';

/**
 * output/<edition>/manifest.json: the truth about every output of the edition. For each
 * profile (and each edition output, such as the volume): the hash of its inputs, the output
 * kinds it claims ("pdf", "pdf-print", "html", "csv"...), and every file made from them, by a
 * path relative to the output folder with its sha256. Relative paths keep the manifest true
 * in a copied or moved checkout, and keep a build from reaching outside its output folder.
 */
const Output = z.object({ file: z.string(), sha256: z.string() });
/** One build of a profile: when, from which inputs, with how many corrections listed. */
const BuildRecord = z.object({
  date: z.string(),
  inputs: z.string(),
  corrections: z.number(),
  status: z.string().optional(),
});
/** A problem found when the profile was last built, kept so a skipped profile still reports it. */
const StoredProblem = z.object({
  file: z.string(),
  line: z.number(),
  column: z.number(),
  severity: z.enum(['error', 'warning', 'note']),
  path: z.string(),
  message: z.string(),
});
const Entry = z.object({
  inputs: z.string(),
  /** The parts of `inputs`, so a build can say what changed: the data, or the kind's templates. */
  sources: z.object({ data: z.string(), kind: z.string() }).optional(),
  /** Output kinds this entry claims; they accumulate across builds while the inputs stay the same. */
  formats: z.array(z.string()).optional(),
  outputs: z.record(z.string(), Output),
  built: z.string(),
  /** "edition" for an output of the whole edition (the volume): never pruned as an orphan. */
  scope: z.literal('edition').optional(),
  problems: z.array(StoredProblem).optional(),
  /** Every build of the profile, oldest first (manifests written before it have none). */
  history: z.array(BuildRecord).optional(),
});
export const Manifest = z.object({
  keydata: z.string(),
  edition: z.number(),
  profiles: z.record(z.string(), Entry),
});
export type Manifest = z.infer<typeof Manifest>;
export type ManifestEntry = z.infer<typeof Entry>;
export type BuildRecord = z.infer<typeof BuildRecord>;

/** A profile's history with one more build. */
export const withBuild = (entry: ManifestEntry | undefined, build: BuildRecord): BuildRecord[] => [
  ...(entry?.history ?? []),
  build,
];

export function manifestPath(outDir: string, edition: number): string {
  return path.join(outDir, String(edition), 'manifest.json');
}

/** The output kinds an entry claims (older manifests did not list them: read off the outputs). */
export function claimedFormats(entry: ManifestEntry | undefined): string[] {
  if (!entry) return [];
  return entry.formats ?? [...new Set(Object.keys(entry.outputs).map((k) => k.split(':')[0] ?? k))];
}

/**
 * Older manifests stored absolute paths. One inside this output folder becomes relative. One
 * elsewhere (the manifest came from another checkout, or a cache restored at another path)
 * is read from its "<edition>/" part on, inside this output folder, where its hash decides
 * whether the file is current; the other checkout's file is never touched.
 */
function rerooted(outDir: string, edition: number, file: string): string | undefined {
  const inside = relativeOutput(outDir, file);
  if (inside !== undefined || !path.isAbsolute(file)) return inside;
  const parts = file.split(/[\\/]/);
  const at = parts.lastIndexOf(String(edition));
  return at < 0 ? undefined : relativeOutput(outDir, path.join(outDir, ...parts.slice(at)));
}

function normalise(manifest: Manifest, outDir: string): Manifest {
  for (const entry of Object.values(manifest.profiles)) {
    entry.formats = claimedFormats(entry);
    for (const [key, out] of Object.entries(entry.outputs)) {
      const rel = rerooted(outDir, manifest.edition, out.file);
      if (rel === undefined) delete entry.outputs[key];
      else out.file = rel;
    }
  }
  return manifest;
}

export type ManifestRead =
  | { ok: true; manifest: Manifest }
  | { ok: false; manifest: Manifest; reason: string | undefined };

async function parseManifest(
  outDir: string,
  edition: number,
  version: string,
): Promise<ManifestRead> {
  const empty: Manifest = { keydata: version, edition, profiles: {} };
  let text: string;
  try {
    text = await readFile(manifestPath(outDir, edition), 'utf8');
  } catch (err) {
    // Missing: a first build. Unreadable (a folder in the way, no permission): the machine's
    // problem, reported as such; only a manifest that reads but makes no sense is moved aside.
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { ok: true, manifest: empty };
    throw new UserError(`cannot read ${manifestPath(outDir, edition)}: ${reasonOf(err)}`, 1, {
      cause: err,
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return {
      ok: false,
      manifest: empty,
      reason: `not JSON (${(err as Error).message.replace(/\s+/g, ' ')})`,
    };
  }
  const parsed = Manifest.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      manifest: empty,
      reason: `not a keydata manifest (${issue?.path.join('.') || 'top'}: ${issue?.message})`,
    };
  }
  if (parsed.data.edition !== edition)
    return { ok: false, manifest: empty, reason: `it is the manifest of ${parsed.data.edition}` };
  return { ok: true, manifest: normalise(parsed.data, outDir) };
}

/** The manifest, or an empty one when missing or unreadable (then everything rebuilds). */
export async function readManifest(
  outDir: string,
  edition: number,
  version: string,
): Promise<Manifest> {
  return (await parseManifest(outDir, edition, version)).manifest;
}

/**
 * The manifest for a build. An unreadable one is moved aside (its history kept for a person
 * to recover) and the build goes on as a full build; the warning says where it went.
 */
export async function loadManifest(
  outDir: string,
  edition: number,
  version: string,
  now = new Date(),
): Promise<{ manifest: Manifest; warning?: string }> {
  const read = await parseManifest(outDir, edition, version);
  if (read.ok) return { manifest: read.manifest };
  const file = manifestPath(outDir, edition);
  const aside = `${file}.unreadable-${now.toISOString().replace(/[:.]/g, '-')}`;
  await rename(file, aside);
  return {
    manifest: read.manifest,
    warning: `${displayPath(file)} is unreadable: ${read.reason}; moved it to ${path.basename(aside)} and rebuilding everything`,
  };
}

export async function writeManifest(outDir: string, manifest: Manifest): Promise<void> {
  const sorted = Object.fromEntries(
    Object.entries(manifest.profiles).sort(([a], [b]) => a.localeCompare(b)),
  );
  await writeFileAtomic(
    manifestPath(outDir, manifest.edition),
    `${JSON.stringify({ ...manifest, profiles: sorted }, null, 2)}\n`,
  );
}

/** The manifest key of a profile: "<kind>/<country>". */
export const profileKey = (c: { kind: string; country: string }) => `${c.kind}/${c.country}`;
