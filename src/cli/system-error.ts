import { reasonOf } from '../commands/output-dir.js';

/**
 * A file-system error that escaped a command (the manifest could not be written: disk full,
 * manifest.json a folder) is the machine's state, not a bug: one line naming the file and
 * the reason, exit 1, no stack trace.
 */
export function systemErrorMessage(err: unknown): string | undefined {
  const e = err as NodeJS.ErrnoException | undefined;
  if (!e || typeof e.code !== 'string' || typeof e.syscall !== 'string') return undefined;
  const file = (e as { dest?: string }).dest ?? e.path;
  if (!file) return undefined;
  const verb =
    e.syscall === 'open'
      ? 'cannot open'
      : ['read', 'scandir', 'stat', 'lstat'].includes(e.syscall)
        ? 'cannot read'
        : 'cannot write';
  return `${verb} ${file}: ${reasonOf(e)}`;
}
