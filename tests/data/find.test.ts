import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { countryFilePath, editionMetaPath, findCountryFiles } from '../../src/data/find.js';
import { ARCADIA_FILE, FIXTURE_EDITIONS, KOSOVO_FILE, ROOT } from '../helpers/reports.js';

const DATA_EDITIONS = path.join(ROOT, 'data', 'editions');

describe('findCountryFiles', () => {
  it('finds the Kosovo file under data/, not the edition metadata', async () => {
    const found = await findCountryFiles(DATA_EDITIONS);
    expect(found).toContainEqual({
      edition: 2025,
      kind: 'clearing-the-mines',
      country: 'kosovo',
      file: KOSOVO_FILE,
    });
    expect(found.map((f) => path.basename(f.file))).not.toContain('_edition.yaml');
  });

  it('finds the Arcadia fixture under tests/fixtures/', async () => {
    expect(await findCountryFiles(FIXTURE_EDITIONS, { country: 'arcadia' })).toEqual([
      { edition: 2025, kind: 'clearing-the-mines', country: 'arcadia', file: ARCADIA_FILE },
    ]);
  });

  it('applies the edition, kind and country filters', async () => {
    expect(await findCountryFiles(DATA_EDITIONS, { edition: 1999 })).toEqual([]);
    expect(await findCountryFiles(DATA_EDITIONS, { country: 'atlantis' })).toEqual([]);
    const kosovo = await findCountryFiles(DATA_EDITIONS, {
      edition: 2025,
      kind: 'clearing-the-mines',
      country: 'kosovo',
    });
    expect(kosovo.map((f) => f.file)).toEqual([KOSOVO_FILE]);
  });

  it('finds nothing, without failing, in a folder that does not exist', async () => {
    expect(await findCountryFiles(path.join(ROOT, 'no-such-folder'))).toEqual([]);
  });
});

describe('paths of an edition', () => {
  it('puts a country at <editions>/<year>/<kind>/<country>.yaml and metadata in _edition.yaml', () => {
    expect(countryFilePath(DATA_EDITIONS, 2025, 'clearing-the-mines', 'kosovo')).toBe(KOSOVO_FILE);
    expect(editionMetaPath(DATA_EDITIONS, 2025, 'clearing-the-mines')).toBe(
      path.join(path.dirname(KOSOVO_FILE), '_edition.yaml'),
    );
  });
});
