/** Files are named in messages as the user gave them. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { displayAsGiven } from '../../src/cli/given-paths.js';
import { PROJECT_ROOT } from '../../src/project.js';

describe('displayAsGiven', () => {
  const cwd = '/work/elsewhere';
  const display = displayAsGiven(['data/2025/clearing-the-mines/kosovo.yaml', '../corpus'], cwd);

  it('names a file as given, and one beside it by the same folder', () => {
    expect(display('/work/elsewhere/data/2025/clearing-the-mines/kosovo.yaml')).toBe(
      'data/2025/clearing-the-mines/kosovo.yaml',
    );
    expect(display('/work/elsewhere/data/2025/clearing-the-mines/_edition.yaml')).toBe(
      'data/2025/clearing-the-mines/_edition.yaml',
    );
  });

  it('names a file under a folder given by that folder', () => {
    expect(display('/work/corpus/2025/clearing-the-mines/bad.yaml')).toBe(
      '../corpus/2025/clearing-the-mines/bad.yaml',
    );
  });

  it('names anything else relative to the project root', () => {
    expect(display(path.join(PROJECT_ROOT, 'data', 'editions', '2024', 'x', 'y.yaml'))).toBe(
      'data/editions/2024/x/y.yaml',
    );
  });
});
