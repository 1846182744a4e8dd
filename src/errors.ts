import type { Problem } from './data/problem.js';

/** A mistake the user can fix (bad flag, missing file). The CLI prints its message, no stack. */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'UserError';
  }
}

/** Data that failed validation: every located problem, reported together. */
export class ValidationError extends Error {
  constructor(readonly problems: readonly Problem[]) {
    super(`${problems.filter((p) => p.severity === 'error').length} error(s) in the data`);
    this.name = 'ValidationError';
  }
}
