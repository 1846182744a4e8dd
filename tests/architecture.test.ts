import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../src/project.js';

/** Data flows one way: a layer may import its own and earlier layers, never a later one. */
const LAYERS = ['schema', 'data', 'derive', 'render', 'pdf', 'build', 'preview', 'cli'];
const src = path.join(PROJECT_ROOT, 'src');

async function sourceFiles(): Promise<string[]> {
  const entries = await readdir(src, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => path.join(e.parentPath, e.name));
}

const layerOf = (file: string): number =>
  LAYERS.indexOf(path.relative(src, file).split(path.sep)[0] ?? '');

describe('architecture', () => {
  it('never imports a later layer', async () => {
    const violations: string[] = [];
    for (const file of await sourceFiles()) {
      const own = layerOf(file);
      const text = await readFile(file, 'utf8');
      for (const m of text.matchAll(/^\s*(?:import|export)[^'"]*from\s+'(\.[^']+)'/gm)) {
        const target = path.resolve(path.dirname(file), m[1] as string);
        const theirs = layerOf(target);
        // Files directly under src/ (errors, project, version) serve every layer.
        if (own >= 0 && theirs > own)
          violations.push(`${path.relative(src, file)} imports ${path.relative(src, target)}`);
        if (own < 0 && theirs >= 0 && !file.endsWith('errors.ts'))
          violations.push(
            `${path.relative(src, file)} (shared) imports ${path.relative(src, target)}`,
          );
      }
    }
    expect(violations).toEqual([]);
  });
});
