import { watch, type FSWatcher } from 'node:fs';
import path from 'node:path';

/**
 * Watches folders (recursively: node's own fs.watch, recursive on Linux since Node 20) and
 * calls `onChange` once a burst of saves has settled: an editor's save is often a write, a
 * rename and a chmod in a few milliseconds. 50 ms covers that and is part of every save's
 * wait for the reloaded page. Folders that do not exist are skipped.
 */
export class Watcher {
  private readonly watchers: FSWatcher[] = [];
  private timer: NodeJS.Timeout | undefined;
  private changed = new Set<string>();

  constructor(
    dirs: readonly string[],
    private readonly onChange: (files: string[]) => void,
    private readonly settleMs = 50,
  ) {
    for (const dir of new Set(dirs.map((d) => path.resolve(d)))) {
      try {
        const w = watch(dir, { recursive: true, persistent: true }, (_event, name) =>
          this.touched(dir, name),
        );
        // A watched folder removed, or too many watches: keep serving what was built.
        w.on('error', () => undefined);
        this.watchers.push(w);
      } catch {
        // not there: nothing to watch
      }
    }
  }

  private touched(dir: string, name: string | Buffer | null): void {
    const rel = name === null ? '' : String(name);
    // Editors' swap and backup files are not saves.
    if (/(^|[/\\])(\.[^/\\]*\.swp|\.#.*|[^/\\]*~|4913)$/.test(rel)) return;
    this.changed.add(path.join(dir, rel));
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      const files = [...this.changed];
      this.changed = new Set();
      this.onChange(files);
    }, this.settleMs);
  }

  close(): void {
    clearTimeout(this.timer);
    for (const w of this.watchers) w.close();
    this.watchers.length = 0;
  }
}
