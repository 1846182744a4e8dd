import os from 'node:os';
import path from 'node:path';
import type { CountryFile, Selection } from '../data/find.js';
import {
  type BrowserEnv,
  type BrowserSource,
  resolveBrowserSource,
} from '../pdf/browser-source.js';
import { paths } from '../project.js';
import type { BuildEvent } from './build.js';
import type { Format } from './build-profile.js';
import type { Shard } from './shard.js';
import type { Variant } from './variants.js';

/** The output folder's cache (see ResolvedBuildOptions.cacheDir): hidden, outside every edition. */
export const CACHE_FOLDER = '.keydata-cache';

/** Every default of a build, in one place (the CLI's help shows them from here). */
export const BUILD_DEFAULTS = {
  formats: ['pdf'] as readonly Format[],
  variants: ['screen'] as readonly Variant[],
  /** A print that takes longer is abandoned and retried once. */
  timeoutMs: 60_000,
  /** Pages printing at once: the number of cores, at most 4 (two pages gain 1.3x on 2 cores). */
  concurrency: (): number => Math.max(1, Math.min(4, os.availableParallelism())),
};

/** What a caller asks of a build (the CLI's flags, or a program's call): all optional. */
export interface BuildOptions extends Selection {
  /** Explicit files instead of a selection under the editions folder. */
  files?: CountryFile[];
  editionsDir?: string;
  outDir?: string;
  formats?: readonly Format[];
  /** The PDF's variants: 'screen' (published) and/or 'print' (for the printer). */
  variants?: readonly Variant[];
  /** Pages printing at once. */
  concurrency?: number;
  /** Rebuild even when the manifest says the outputs are current. */
  force?: boolean;
  /** Remove outputs (and manifest entries) of countries no longer in the data. */
  prune?: boolean;
  /** Also build each report kind's edition as one book (not with --shard). */
  volume?: boolean;
  /** Build only the volumes: the profiles' own files are neither checked nor printed. */
  volumeOnly?: boolean;
  /**
   * Write each edition's overview.csv and overview.json (Mine Action Review kinds), also
   * without the volume. With no other formats, no country profile is built.
   */
  overview?: boolean;
  /** Build only profiles whose status is final; refuse (fail) the others. */
  final?: boolean;
  shard?: Shard;
  /** --browser: the Chromium or Chrome to launch. */
  browserPath?: string;
  /** --browser-ws-endpoint: connect to this Chromium instead of launching one. */
  browserWsEndpoint?: string;
  /**
   * The environment's variables keydata reads, passed in by the CLI (flags win over them):
   * the browser's, and KEYDATA_CACHE_DIR, where what one build can hand the next is kept.
   */
  env?: BrowserEnv & { KEYDATA_CACHE_DIR?: string | undefined };
  timeoutMs?: number;
  signal?: AbortSignal;
  onEvent?: (e: BuildEvent) => void;
}

/** A build's options with every default applied: what the build code reads, and nothing else. */
export type ResolvedBuildOptions = Readonly<
  Selection & {
    files: CountryFile[] | undefined;
    editionsDir: string;
    outDir: string;
    formats: readonly Format[];
    variants: readonly Variant[];
    concurrency: number;
    force: boolean;
    prune: boolean;
    volume: boolean;
    volumeOnly: boolean;
    overview: boolean;
    final: boolean;
    shard: Shard | undefined;
    timeoutMs: number;
    /**
     * What one build makes that the next can reuse as it is (the site's subset fonts, named
     * by everything their bytes depend on): the output folder's .keydata-cache/, or
     * KEYDATA_CACHE_DIR.
     */
    cacheDir: string;
    browser: BrowserSource;
    signal: AbortSignal | undefined;
    onEvent: (e: BuildEvent) => void;
  }
>;

/** Options, then defaults, into one read-only object. */
export function resolveBuildOptions(o: BuildOptions): ResolvedBuildOptions {
  const outDir = o.outDir ?? paths.output;
  return Object.freeze({
    edition: o.edition,
    kind: o.kind,
    country: o.country,
    files: o.files,
    editionsDir: o.editionsDir ?? paths.editions,
    outDir,
    formats: o.formats ?? BUILD_DEFAULTS.formats,
    variants: o.variants ?? BUILD_DEFAULTS.variants,
    concurrency: o.concurrency ?? BUILD_DEFAULTS.concurrency(),
    force: Boolean(o.force),
    prune: Boolean(o.prune),
    // --volume-only builds the volumes, and nothing else.
    volume: Boolean(o.volume || o.volumeOnly),
    volumeOnly: Boolean(o.volumeOnly),
    // The volume's overview is written with it.
    overview: Boolean(o.overview || o.volume || o.volumeOnly),
    final: Boolean(o.final),
    shard: o.shard,
    timeoutMs: o.timeoutMs ?? BUILD_DEFAULTS.timeoutMs,
    cacheDir: o.env?.KEYDATA_CACHE_DIR || path.join(outDir, CACHE_FOLDER),
    browser: resolveBrowserSource(o, o.env),
    signal: o.signal,
    onEvent: o.onEvent ?? (() => {}),
  });
}
