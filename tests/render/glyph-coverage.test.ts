/**
 * Characters the bundled fonts lack (an emoji) printed as empty boxes and vanished from the
 * PDF's text, without a word. `validate` now warns at the value, naming each one; C1 control
 * characters are refused like the C0 ones.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { validate } from '../../src/commands/validate.js';
import { parseYaml } from '../../src/data/yaml-source.js';
import { fontCodePoints } from '../../src/render/font-cmap.js';
import { FONT_FACES, fontPath } from '../../src/render/fonts.js';
import { bundledCodePoints, uncoveredCharacterWarnings } from '../../src/render/glyph-coverage.js';
import { KOSOVO_FILE } from '../helpers/reports.js';

const cp = (s: string) => s.codePointAt(0) as number;

describe('glyph coverage', () => {
  it("reads a font's character map", async () => {
    const regular = fontCodePoints(await readFile(fontPath(FONT_FACES[0].file)));
    for (const c of ['A', 'z', '0', 'é', 'ë', 'Ç', '€', '²', '–', '’', '“', '†', '‡', '§'])
      expect(regular.has(cp(c)), c).toBe(true);
    for (const c of ['😀', '💣', '中', 'ع']) expect(regular.has(cp(c)), c).toBe(false);
  });

  it('warns at each value holding characters no bundled font has, naming them', async () => {
    const text =
      'country: "Kosovo 💣"\nsections:\n  - heading: Survey\n    blocks:\n      - p: "Mines 💣 and 中 and café"\n';
    const parsed = parseYaml(new TextEncoder().encode(text), 'emoji.yaml');
    if (!parsed.ok) throw new Error('test data does not parse');
    expect(await uncoveredCharacterWarnings(parsed.source)).toEqual([
      {
        file: 'emoji.yaml',
        line: 1,
        column: 10,
        severity: 'warning',
        path: 'country',
        message:
          '"💣" (U+1F4A3): in no bundled font (Source Sans 3), so printed as an empty box and lost from the PDF\'s text',
      },
      {
        file: 'emoji.yaml',
        line: 5,
        column: 12,
        severity: 'warning',
        path: 'sections.0.blocks.0.p',
        message:
          '"💣" (U+1F4A3), "中" (U+4E2D): in no bundled font (Source Sans 3), so printed as an empty box and lost from the PDF\'s text',
      },
    ]);
  });

  it('finds nothing to warn about in the sample data', async () => {
    const result = await validate({ files: [KOSOVO_FILE] });
    expect(result.problems.filter((p) => p.message.includes('no bundled font'))).toEqual([]);
    expect((await bundledCodePoints()).size).toBeGreaterThan(500);
  });

  it('refuses C1 control characters like C0 ones', () => {
    for (const c of ['\u0080', '\u0085', '\u009b', '\u009f']) {
      const parsed = parseYaml(new TextEncoder().encode(`country: "Koso${c}vo"\n`), 'c1.yaml');
      expect(parsed.ok, c).toBe(false);
      const code = cp(c).toString(16).toUpperCase().padStart(4, '0');
      expect(parsed.ok ? '' : parsed.problems[0]?.message).toBe(
        `file holds a control character (U+${code}); a data file is plain text`,
      );
    }
  });
});
