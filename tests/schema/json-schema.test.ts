import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/project.js';
import { jsonSchemas } from '../../src/schema/json-schema.js';

describe('JSON Schemas for editors', () => {
  it('are up to date with the zod schemas (run `npm run schemas` after changing a schema)', async () => {
    for (const [name, text] of jsonSchemas()) {
      const committed = await readFile(path.join(PROJECT_ROOT, 'schemas', name), 'utf8');
      expect(committed, `schemas/${name} is stale`).toBe(text);
    }
  });

  it('refuse unknown keys and carry the field descriptions', () => {
    const schema = JSON.parse(jsonSchemas().get('clearing-the-mines.json') ?? '{}') as {
      additionalProperties: boolean;
      properties: Record<string, { description?: string }>;
    };
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.country?.description).toMatch(/country or territory/);
  });

  it('is what every sample data file points at', async () => {
    const first = (
      await readFile(
        path.join(PROJECT_ROOT, 'data/editions/2025/clearing-the-mines/kosovo.yaml'),
        'utf8',
      )
    ).split('\n')[0];
    expect(first).toBe(
      '# yaml-language-server: $schema=../../../../schemas/clearing-the-mines.json',
    );
  });
});
