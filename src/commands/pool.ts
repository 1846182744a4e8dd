/**
 * Runs `worker` over `items` with at most `concurrency` at once, in order of start; results
 * keep the items' order. A worker's rejection is the caller's to turn into a result.
 */
export async function runPool<T, R>(
  items: readonly T[],
  concurrency: number,
  worker: (item: T, index: number) => Promise<R>,
  signal?: AbortSignal,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lanes = Array.from(
    { length: Math.max(1, Math.min(concurrency, items.length)) },
    async () => {
      while (next < items.length && !signal?.aborted) {
        const i = next++;
        results[i] = await worker(items[i] as T, i);
      }
    },
  );
  await Promise.all(lanes);
  return results;
}

export class TimeoutError extends Error {
  constructor(what: string, ms: number) {
    super(`${what} took longer than ${Math.round(ms / 1000)} s`);
    this.name = 'TimeoutError';
  }
}

/** Rejects with TimeoutError after `ms`; `onTimeout` can close what hangs. */
export async function withTimeout<T>(
  what: string,
  ms: number,
  run: Promise<T>,
  onTimeout?: () => void,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      onTimeout?.();
      reject(new TimeoutError(what, ms));
    }, ms);
  });
  try {
    return await Promise.race([run, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
