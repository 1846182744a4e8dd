import type { Problem } from '../data/problem.js';

/**
 * What makes `validate` fail: errors always; warnings with --strict or `--fail-on warning`;
 * unchecked figures (notes) only with `--fail-on unchecked`.
 */
export const FAIL_ON = ['error', 'warning', 'unchecked'] as const;
export type FailOn = (typeof FAIL_ON)[number];

export function fails(problems: readonly Problem[], failOn: ReadonlySet<FailOn>): boolean {
  return problems.some(
    (p) =>
      p.severity === 'error' ||
      (p.severity === 'warning' && failOn.has('warning')) ||
      (p.severity === 'note' && failOn.has('unchecked')),
  );
}
