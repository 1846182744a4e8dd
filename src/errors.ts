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
