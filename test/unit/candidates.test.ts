/** Candidate pairs from key families: every pair of a block, each once, at a size that fills many chunks. */
import { describe, expect, it } from 'vitest';
import { candidatePairs, familyPairs, mergePairs, unpackPair } from '../../src/match/candidates.js';
import type { KeyFamily } from '../../src/match/match-keys.js';

describe('candidatePairs', () => {
  // 1.3M rows: about 30 s on a 2-core machine shared with other runs, at the 30 s default's edge.
  it('pairs the rows that share a key, over more keys than one slab holds, in input order', { timeout: 120_000 }, () => {
    const rows = 1_300_000;
    const twins: KeyFamily = {
      name: 'twins',
      maxBlock: 16,
      keysPerRow: 1,
      keys: (ord, out) => {
        out[0] = Math.floor(ord / 2) * 7919 + 1;
        return 1;
      },
    };
    // Blocks of 40 rows: over the limit, skipped and counted.
    const crowds: KeyFamily = {
      name: 'crowds',
      maxBlock: 16,
      keysPerRow: 1,
      keys: (ord, out) => {
        out[0] = 1e12 + Math.floor(ord / 40);
        return 1;
      },
    };
    // A row emitting one key twice sits in its block once.
    const again: KeyFamily = {
      name: 'again',
      maxBlock: 16,
      keysPerRow: 2,
      keys: (ord, out) => {
        if (ord >= 6) return 0;
        out[0] = 5;
        out[1] = 5;
        return 2;
      },
    };
    const { pairs, stats } = candidatePairs(rows, (ord) => ord % 13 !== 12, [twins, crowds, again]);
    const expected: number[] = [];
    for (let a = 0; a + 1 < rows; a += 2) if (a % 13 !== 12 && (a + 1) % 13 !== 12) expected.push(a * 2 ** 26 + a + 1);
    const again15 = [[0, 1], [0, 2], [0, 3], [0, 4], [0, 5], [1, 2], [1, 3], [1, 4], [1, 5], [2, 3], [2, 4], [2, 5], [3, 4], [3, 5], [4, 5]];
    const all = new Float64Array([...new Set([...expected, ...again15.map(([a, b]) => a! * 2 ** 26 + b!)])]).sort();
    expect(pairs).toEqual(all);
    expect(unpackPair(pairs[1] as number)).toEqual([0, 2]);
    expect(stats.byFamily).toEqual({ twins: expected.length, crowds: 0, again: 15 });
    expect(stats.oversizedBlocks).toBe(Math.ceil(rows / 40));
    expect(stats.blocks).toBe(expected.length + Math.ceil(rows / 40) + 1);

    // Under a small key budget every family goes in windows over its buckets: the same pairs.
    const members = new Uint32Array(rows);
    let n = 0;
    for (let ord = 0; ord < rows; ord++) if (ord % 13 !== 12) members[n++] = ord;
    const whole = familyPairs(members.subarray(0, n), [twins, crowds, again]);
    const windowed = familyPairs(members.subarray(0, n), [twins, crowds, again], 100_000);
    expect(windowed.pairs).toEqual(whole.pairs);
    expect({ ...windowed, pairs: null }).toEqual({ ...whole, pairs: null });
    expect(mergePairs([windowed], [twins, crowds, again]).pairs).toEqual(pairs);
  });
});
