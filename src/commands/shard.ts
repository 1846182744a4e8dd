import { createHash } from 'node:crypto';
import { UserError } from '../errors.js';

export interface Shard {
  index: number; // 1-based
  count: number;
}

export function parseShard(text: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(text);
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || count < 1 || index < 1 || index > count) {
    throw new UserError(`--shard expects I/N with 1 <= I <= N, got '${text}'`);
  }
  return { index, count };
}

/**
 * Whether a profile belongs to a shard. The partition hashes the profile's name, so it is
 * stable: adding or removing one country does not move the others between shards.
 */
export function inShard(name: string, shard: Shard | undefined): boolean {
  if (!shard) return true;
  const bucket = createHash('sha1').update(name).digest().readUInt32BE(0) % shard.count;
  return bucket === shard.index - 1;
}
