import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  clearInputHashes,
  kindInputsHash,
  volumeKindInputsHash,
} from '../../src/commands/inputs.js';
import { PROJECT_ROOT } from '../../src/project.js';

describe('what a report kind depends on', () => {
  let root: string;
  let roots: { templates: string; styles: string; data: string };
  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'keydata-inputs-'));
    roots = {
      templates: path.join(root, 'templates'),
      styles: path.join(root, 'styles'),
      data: path.join(root, 'data'),
    };
    await cp(path.join(PROJECT_ROOT, 'templates'), roots.templates, { recursive: true });
    await cp(path.join(PROJECT_ROOT, 'styles'), roots.styles, { recursive: true });
    await cp(path.join(PROJECT_ROOT, 'data'), roots.data, { recursive: true });
    await mkdir(path.join(roots.data, 'reference'), { recursive: true });
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  const hashAfter = async (file: string, text: string) => {
    await writeFile(file, text, { flag: 'a' });
    clearInputHashes();
    return kindInputsHash('clearing-the-mines', roots);
  };

  it('changes when a template, a partial, a stylesheet or reference data changes, so every profile of the kind rebuilds', async () => {
    const seen = new Set([await kindInputsHash('clearing-the-mines', roots)]);
    seen.add(await hashAfter(path.join(roots.templates, 'clearing-the-mines', 'report.hbs'), '\n'));
    seen.add(
      await hashAfter(
        path.join(roots.templates, 'clearing-the-mines', 'partials', 'table.hbs'),
        '\n',
      ),
    );
    seen.add(await hashAfter(path.join(roots.styles, 'base.css'), '\n'));
    seen.add(await hashAfter(path.join(roots.data, 'reference', 'note.txt'), 'x'));
    expect(seen.size).toBe(5);
  });

  it('of a volume, changes when a volume template, a new volume partial or the volume stylesheet changes', async () => {
    const volumeHash = () => {
      clearInputHashes();
      return volumeKindInputsHash('clearing-the-mines', roots);
    };
    const seen = new Set([await volumeHash()]);
    await writeFile(path.join(roots.templates, 'volume', 'report.hbs'), '\n', { flag: 'a' });
    seen.add(await volumeHash());
    await writeFile(path.join(roots.templates, 'volume', 'partials', 'colophon.hbs'), 'new');
    seen.add(await volumeHash());
    await writeFile(path.join(roots.styles, 'volume.css'), '\n', { flag: 'a' });
    seen.add(await volumeHash());
    expect(seen.size).toBe(4);
  });

  it('does not change when nothing changed', async () => {
    clearInputHashes();
    const a = await kindInputsHash('clearing-the-mines', roots);
    clearInputHashes();
    expect(await kindInputsHash('clearing-the-mines', roots)).toBe(a);
  });
});
