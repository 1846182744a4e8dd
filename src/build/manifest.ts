import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from './atomic-write.js';

/**
 * output/<edition>/manifest.json: for each profile, the hash of its inputs and the outputs
 * made from them. An unchanged profile whose outputs are intact is skipped.
 */
const Output = z.object({ file: z.string(), sha256: z.string() });
/** One build of a profile: when, from which inputs, with how many corrections listed. */
const BuildRecord = z.object({
  date: z.string(),
  inputs: z.string(),
  corrections: z.number(),
  status: z.string().optional(),
});
const Entry = z.object({
  inputs: z.string(),
  outputs: z.record(z.string(), Output),
  built: z.string(),
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

/** The manifest, or an empty one when missing or unreadable (then everything rebuilds). */
export async function readManifest(
  outDir: string,
  edition: number,
  version: string,
): Promise<Manifest> {
  try {
    const parsed = Manifest.safeParse(
      JSON.parse(await readFile(manifestPath(outDir, edition), 'utf8')),
    );
    if (parsed.success && parsed.data.edition === edition) return parsed.data;
  } catch {
    // fall through
  }
  return { keydata: version, edition, profiles: {} };
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
