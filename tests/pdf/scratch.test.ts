import { mkdir, writeFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { it } from 'vitest';
import { build } from '../../src/build/build.js';
import { stressReports, oversizeNote, writeEdition } from '../support/stress-reports.js';
import { pdfPages } from '../support/pdf-text.js';

it('scratch', async () => {
  const root = '/tmp/stress-scratch';
  await rm(root, { recursive: true, force: true });
  const reports = [...stressReports(), oversizeNote()];
  await writeEdition(path.join(root, 'editions'), reports);
  const t = performance.now();
  const results = await build({ editionsDir: path.join(root, 'editions'), outDir: path.join(root, 'out'), edition: 2025, kind: 'clearing-the-mines' });
  console.log('build ms', performance.now() - t);
  for (const r of results) {
    console.log(r.country.country, r.status, Math.round(r.ms), r.error, r.problems.map((p) => p.severity + ' ' + p.path + ' ' + p.message).join('\n'));
    if (r.status === 'built') await writeFile(path.join(root, r.country.country + '.txt'), pdfPages(r.outputs[0]!).map((p, i) => `=== PAGE ${i + 1}\n${p}`).join('\n'));
  }
});
