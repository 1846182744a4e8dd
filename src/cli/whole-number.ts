import { UserError } from '../errors.js';

/**
 * A whole-number flag within its range, or a usage error (exit 2). The upper bounds matter:
 * Node's timers take at most 2^31-1 ms and fire after 1 ms beyond that, so a timeout of
 * 2147484 s would silently become 1 ms.
 */
export function parseWholeNumber(
  flag: string,
  text: string | undefined,
  range: { min: number; max: number; unit?: string },
): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text.trim());
  if (text.trim() === '' || !Number.isSafeInteger(n) || n < range.min || n > range.max) {
    const unit = range.unit ? ` ${range.unit}` : '';
    throw new UserError(
      `${flag} expects a whole number from ${range.min} to ${range.max}${unit}, got '${text}'`,
    );
  }
  return n;
}

/** The longest print timeout: a day, far inside the timers' limit. */
export const MAX_TIMEOUT_SECONDS = 86_400;
/** More pages printing at once than this only queues work in one browser. */
export const MAX_CONCURRENCY = 64;
