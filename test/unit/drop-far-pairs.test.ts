/**
 * Under the NIK profile, candidate pairs whose NIKs are not near are dropped before scoring (and
 * before their rows are read back). Dropping them must change nothing: the same matches and the
 * same counts as scoring every pair, with analysts' BEDA decisions on near and far pairs alike.
 */
import { describe, expect, it } from 'vitest';
import { candidatePairs, unpackPair } from '../../src/engine/candidates.js';
import { NIK_PROFILE } from '../../src/match/compare.js';
import { dropFarPairs, type MatchStats, scorePairs } from '../../src/engine/fuzzy-matcher.js';
import { pairKey } from '../../src/match/pair-key.js';
import { keyFamilies, MatchKeyStore } from '../../src/engine/match-keys.js';
import { generateBatch, toMatchRecords } from '../../src/synth/generate.js';

describe('dropFarPairs', () => {
  it('leaves the matches and counts of scoring every pair as they were', () => {
    const { records } = toMatchRecords(generateBatch({ rows: 20_000, seed: 9 }));
    const store = new MatchKeyStore();
    for (const [i, r] of records.entries()) store.add(i, r);
    const families = keyFamilies(store, { area: NIK_PROFILE.blockOnArea, withinIdRegion: NIK_PROFILE.blockWithinIdRegion });
    const { pairs } = candidatePairs(records.length, (ord) => store.present.get(ord) !== 0, families);
    // BEDA on every 50th pair, near or far.
    const different = new Set<string>();
    pairs.forEach((p, k) => {
      const [a, b] = unpackPair(p);
      if (k % 50 === 0) different.add(pairKey(records[a]!.id, records[b]!.id));
    });
    const stats = (): MatchStats => ({ blocks: 0, oversizedBlocks: 0, pairs: 0, byFamily: {}, records: records.length, comparisons: 0, matches: 0, decidedDifferent: 0 });
    const all = stats();
    const every = [...scorePairs(pairs, (ord) => records[ord], NIK_PROFILE, different, all).entries()];
    const some = stats();
    const near = dropFarPairs(pairs, store, different, some);
    const kept = [...scorePairs(near, (ord) => records[ord], NIK_PROFILE, different, some).entries()];
    expect(kept).toEqual(every);
    expect(some).toEqual(all);
    // Far pairs were there to drop, and near ones (one digit, a swap, a KK) to keep.
    expect(near.length).toBeLessThan(pairs.length * 0.8);
    expect(every.length).toBeGreaterThan(100);
    expect(all.decidedDifferent).toBeGreaterThan(0);
  });
});
