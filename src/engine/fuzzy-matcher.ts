/**
 * Probable duplicates under different ids, without comparing all pairs: blocking keys (see
 * match-keys.ts) give candidate pairs in linear time, and each pair is scored on names, birth date,
 * phone, address and area (compare.ts). For each held row the best pair wins.
 */
import { candidatePairs, type CandidateStats, unpackPair } from './candidates.js';
import { compareIds, type MatchProfile, NEAR_ID_KINDS, type PairScore, scorePair } from '../match/compare.js';
import { keyFamilies, MatchKeyStore } from './match-keys.js';
import type { MatchRecord } from '../match/match-record.js';
import { MatchList } from './match-list.js';
import { heldOfPair } from '../match/keep-policy.js';
import { pairKey } from '../match/pair-key.js';

/** A scored pair with its two records, for callers that hold the records anyway. */
export interface MatchFound {
  readonly heldOrd: number;
  readonly otherOrd: number;
  /** The later (or the invalid) row, held for review. */
  readonly held: MatchRecord;
  /** The row it points at. */
  readonly other: MatchRecord;
  readonly result: PairScore;
}

export interface MatchStats extends CandidateStats {
  records: number;
  comparisons: number;
  matches: number;
  decidedDifferent: number;
}

/**
 * Scores candidate pairs. Pairs an analyst decided are BEDA (different people) are never proposed
 * again; rows sharing one id are left to the exact-NIK groups.
 */
export function scorePairs(
  pairs: Float64Array,
  recordOf: (ord: number) => MatchRecord | undefined,
  profile: MatchProfile,
  different: ReadonlySet<string>,
  stats: MatchStats,
): MatchList {
  const best = scorePairsInto(new MatchList(), pairs, recordOf, profile, different, stats);
  stats.matches = best.size;
  return best.seal();
}

/** Offers the matches among `pairs` to `best` (unsealed, so another part's can join). */
export function scorePairsInto(
  best: MatchList,
  pairs: Float64Array,
  recordOf: (ord: number) => MatchRecord | undefined,
  profile: MatchProfile,
  different: ReadonlySet<string>,
  stats: Pick<MatchStats, 'comparisons' | 'decidedDifferent'>,
): MatchList {
  for (const packed of pairs) {
    const [i, j] = unpackPair(packed);
    const a = recordOf(i);
    const b = recordOf(j);
    if (!a || !b) continue;
    if (a.id !== '' && a.id === b.id) continue;
    if (a.id !== '' && b.id !== '' && different.has(pairKey(a.id, b.id))) {
      stats.decidedDifferent++;
      continue;
    }
    stats.comparisons++;
    const result = scorePair(a, b, profile);
    if (!result.match) continue;
    const [heldOrd, otherOrd] = heldOfPair(a, b) ? [i, j] : [j, i];
    best.offer(heldOrd, otherOrd, result);
  }
  return best;
}

/**
 * Under a profile that requires a near id (NIKs), the pairs that could match: those whose ids
 * compareIds calls near (one or two digits apart, or one row's KK the other's id), the ids read
 * from the key store. The others are never proposed, so they are not scored (nor their rows read
 * back from the scratch file); they are counted as scorePairsInto would count them. At 1M rows
 * nearly half the candidate pairs (those met only on a birth date, phone or address) are such.
 */
export function dropFarPairs(
  pairs: Float64Array,
  store: MatchKeyStore,
  different: ReadonlySet<string>,
  stats: Pick<MatchStats, 'comparisons' | 'decidedDifferent'>,
): Float64Array {
  const kept = new Float64Array(pairs.length);
  let n = 0;
  for (const packed of pairs) {
    const [i, j] = unpackPair(packed);
    const a = { id: store.idOf(i), kk: store.kkOf(i) };
    const b = { id: store.idOf(j), kk: store.kkOf(j) };
    // One NIK twice is left to the exact-NIK groups, uncounted, as in scorePairsInto.
    if (a.id === b.id) continue;
    const id = compareIds(a, b);
    if (id && NEAR_ID_KINDS.has(id.kind)) kept[n++] = packed;
    else if (different.size > 0 && different.has(pairKey(a.id, b.id))) stats.decidedDifferent++;
    else stats.comparisons++;
  }
  return kept.slice(0, n);
}

/** The whole search over records held in memory (benchmarks, tests); keyed by the held row's index. */
export function findPossibleDuplicates(
  records: readonly MatchRecord[],
  profile: MatchProfile,
  different: ReadonlySet<string> = new Set(),
): { matches: Map<number, MatchFound>; stats: MatchStats } {
  const store = new MatchKeyStore();
  for (const [i, r] of records.entries()) store.add(i, r);
  const { pairs, stats: cand } = candidatePairs(
    records.length,
    (ord) => store.present.get(ord) !== 0,
    keyFamilies(store, { area: profile.blockOnArea, withinIdRegion: profile.blockWithinIdRegion }),
  );
  const stats: MatchStats = { ...cand, records: records.length, comparisons: 0, matches: 0, decidedDifferent: 0 };
  const scored = scorePairs(pairs, (ord) => records[ord], profile, different, stats);
  const matches = new Map<number, MatchFound>();
  for (const m of scored.entries()) {
    matches.set(m.heldOrd, {
      heldOrd: m.heldOrd,
      otherOrd: m.otherOrd,
      held: records[m.heldOrd] as MatchRecord,
      other: records[m.otherOrd] as MatchRecord,
      result: { score: m.score, evidence: m.evidence, match: true },
    });
  }
  return { matches, stats };
}
