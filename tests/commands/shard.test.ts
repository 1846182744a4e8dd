import { describe, expect, it } from 'vitest';
import { inShard, parseShard } from '../../src/commands/shard.js';

const names = Array.from({ length: 70 }, (_, i) => `2025/clearing-the-mines/country-${i}`);

describe('--shard I/N', () => {
  it('splits the profiles into disjoint shards that together cover all', () => {
    const shards = [1, 2, 3].map((index) => names.filter((n) => inShard(n, { index, count: 3 })));
    expect(shards.flat().sort()).toEqual([...names].sort());
    expect(new Set(shards.flat()).size).toBe(names.length);
    for (const s of shards) expect(s.length).toBeGreaterThan(10);
  });

  it('is stable: adding a country does not move the others', () => {
    const before = names.filter((n) => inShard(n, { index: 2, count: 4 }));
    const after = [...names, '2025/clearing-the-mines/new-country'].filter((n) =>
      inShard(n, { index: 2, count: 4 }),
    );
    expect(after.filter((n) => n !== '2025/clearing-the-mines/new-country')).toEqual(before);
  });

  it('refuses a shard outside 1..N', () => {
    expect(parseShard('2/3')).toEqual({ index: 2, count: 3 });
    for (const bad of ['0/3', '4/3', '1/0', 'x', '1-2'])
      expect(() => parseShard(bad)).toThrow(/--shard expects I\/N/);
  });
});
