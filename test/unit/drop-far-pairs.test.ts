/**
 * Candidate pairs whose keys show they cannot pass the gates are dropped before comparing (and
 * before their rows are read back). Dropping them must lose nothing: every dropped pair fails the
 * gates when compared in full, and the counts are those of comparing every pair, with analysts'
 * BEDA decisions on kept and dropped pairs alike.
 */
import { describe, expect, it } from 'vitest';
import { candidatePairs, unpackPair } from '../../src/engine/candidates.js';
import { comparePair, NIK_PROFILE } from '../../src/match/compare.js';
import { comparePairsInto, dropFarPairs, type MatchStats } from '../../src/engine/fuzzy-matcher.js';
import { GatedPairs } from '../../src/engine/match-list.js';
import { emptyPatternCounts } from '../../src/match/weights.js';
import { pairKey } from '../../src/match/pair-key.js';
import { keyFamilies, MatchKeyStore } from '../../src/engine/match-keys.js';
import { generateBatch, toMatchRecords } from '../../src/synth/generate.js';

describe('dropFarPairs', () => {
  it('drops only pairs that fail the gates, and counts them as comparing them would', () => {
    const { records } = toMatchRecords(generateBatch({ rows: 20_000, seed: 9 }));
    const store = new MatchKeyStore();
    for (const [i, r] of records.entries()) store.add(i, r);
    const families = keyFamilies(store, NIK_PROFILE.blocking);
    const { pairs } = candidatePairs(records.length, (ord) => store.present.get(ord) !== 0, families);
    // BEDA on every 50th pair, kept or dropped.
    const different = new Set<string>();
    pairs.forEach((p, k) => {
      const [a, b] = unpackPair(p);
      if (k % 50 === 0) different.add(pairKey(records[a]!.id, records[b]!.id));
    });
    const stats = (): MatchStats => ({ blocks: 0, oversizedBlocks: 0, pairs: 0, byFamily: {}, records: records.length, comparisons: 0, matches: 0, decidedDifferent: 0 });
    const recordOf = (ord: number) => records[ord];
    const every = { gated: new GatedPairs(), counts: emptyPatternCounts() };
    const all = stats();
    comparePairsInto(every, pairs, recordOf, NIK_PROFILE, different, all);
    const some = stats();
    const near = dropFarPairs(pairs, store, different, some, NIK_PROFILE);
    const kept = { gated: new GatedPairs(), counts: emptyPatternCounts() };
    comparePairsInto(kept, near, recordOf, NIK_PROFILE, different, some);
    expect(kept.gated.parts()).toEqual(every.gated.parts());
    expect(some).toEqual(all);
    const keptSet = new Set(near);
    for (const p of pairs) {
      if (keptSet.has(p)) continue;
      const [i, j] = unpackPair(p);
      // Decided BEDA, or one NIK twice (left to the exact groups): never compared either way.
      if (records[i]!.id === records[j]!.id || different.has(pairKey(records[i]!.id, records[j]!.id))) continue;
      expect(comparePair(records[i]!, records[j]!, NIK_PROFILE).gates).toBe(false);
    }
    // Pairs were there to drop, and gated ones to keep.
    expect(near.length).toBeLessThan(pairs.length * 0.8);
    expect(every.gated.size).toBeGreaterThan(100);
    expect(all.decidedDifferent).toBeGreaterThan(0);
  });
});
