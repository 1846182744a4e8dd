import path from 'node:path';
import { buildEdition, type BuildOptions, type BuildSummary } from '../commands/build.js';
import { clearInputHashes } from '../commands/inputs.js';
import { UserError } from '../errors.js';
import { paths } from '../project.js';
import { clearTemplateCache } from '../render/templates.js';
import { Watcher } from './watch.js';

export type WatchEvent =
  | { type: 'build'; changed: string[] }
  | { type: 'built'; summary: BuildSummary }
  /** A build that could not run (another build holds the lock, nothing selected...). */
  | { type: 'error'; error: UserError }
  | { type: 'waiting' };

/**
 * `keydata build --watch`: builds, then builds again each time a data file, a template, a
 * style or a reference file is saved, until the signal aborts. Each round is an ordinary
 * incremental build, so only what the change touches is rebuilt, and it takes the output
 * folder's lock like any other build. Saves during a build start one more round after it.
 */
export async function watchBuilds(
  options: BuildOptions & { signal: AbortSignal },
  onEvent: (e: WatchEvent) => void,
): Promise<void> {
  const { signal } = options;
  let changed: string[] | undefined = [];
  let wake: (() => void) | undefined;
  const editionsDir = options.editionsDir ?? paths.editions;
  const watcher = new Watcher(
    [editionsDir, path.join(path.dirname(editionsDir), 'reference'), paths.templates, paths.styles],
    (files) => {
      changed = [...(changed ?? []), ...files];
      wake?.();
    },
  );
  const stop = () => wake?.();
  signal.addEventListener('abort', stop);
  try {
    while (!signal.aborted) {
      if (changed === undefined) {
        onEvent({ type: 'waiting' });
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
        continue;
      }
      const files = changed;
      changed = undefined;
      // Templates and the kinds' input hashes are cached per process: a save must be seen.
      clearTemplateCache();
      clearInputHashes();
      onEvent({ type: 'build', changed: files });
      try {
        onEvent({ type: 'built', summary: await buildEdition(options) });
      } catch (err) {
        if (!(err instanceof UserError)) throw err;
        onEvent({ type: 'error', error: err });
      }
    }
  } finally {
    signal.removeEventListener('abort', stop);
    watcher.close();
  }
}
