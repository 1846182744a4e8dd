import path from 'node:path';

/**
 * Output paths as the manifest stores them: relative to the output folder, with "/" between
 * parts. A build resolves them against its own output folder and never outside it.
 */

/** The manifest's form of a file under the output folder; undefined when it lies elsewhere. */
export function relativeOutput(outDir: string, file: string): string | undefined {
  const abs = path.resolve(outDir, file);
  const rel = path.relative(path.resolve(outDir), abs);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  return rel.split(path.sep).join('/');
}

/** The file a manifest path names, or undefined when it would leave the output folder. */
export function resolveOutput(outDir: string, stored: string): string | undefined {
  if (path.isAbsolute(stored) || stored.split(/[\\/]/).includes('..')) return undefined;
  const abs = path.resolve(outDir, stored);
  return relativeOutput(outDir, abs) === undefined ? undefined : abs;
}
