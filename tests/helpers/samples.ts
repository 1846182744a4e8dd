import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type CtmReport, reportFromText, ROOT } from './reports.js';

/** The fictional sample countries of data/editions/2025/clearing-the-mines. */
export const SAMPLE_DIR = path.join(ROOT, 'data', 'editions', '2025', 'clearing-the-mines');
export const SAMPLES = [
  'arcadia',
  'borduria',
  'carpania',
  'dravonia',
  'elbonia',
  'freedonia',
  'grand-fenwick',
] as const;
export type Sample = (typeof SAMPLES)[number];

export const sample = (name: Sample): CtmReport =>
  reportFromText(readFileSync(path.join(SAMPLE_DIR, `${name}.yaml`), 'utf8'), `${name}.yaml`);

/**
 * A `cp` filter that leaves the sample countries out: tests that copy data/editions to build
 * or migrate it work on Kosovo alone (the samples have their own tests).
 */
export const withoutSamples = (src: string): boolean =>
  !SAMPLES.some((s) => path.basename(src) === `${s}.yaml` && src.includes('clearing-the-mines'));
