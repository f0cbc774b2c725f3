/**
 * Probable duplicates under different ids, without comparing all pairs: blocking keys (see
 * match-keys.ts) give candidate pairs in linear time; pairs the keys show cannot pass the gates
 * are dropped; the rest are compared on ids, names, birth date, phone, address and area
 * (match/compare.ts); the weights are estimated from those comparisons and random pairs
 * (match/weights.ts); for each held row the best pair of positive odds wins.
 */
import { candidatePairs, type CandidateStats, unpackPair } from './candidates.js';
import { compareIds, comparePair, type IdFacts, type MatchProfile, NEAR_ID_KINDS, type PairScore, passesGates } from '../match/compare.js';
import { emptyPatternCounts, estimateWeights, type MatchWeights, scoreTable } from '../match/weights.js';
import { keyFamilies, MatchKeyStore } from './match-keys.js';
import { createRandom } from './random.js';
import type { MatchRecord } from '../match/match-record.js';
import { GatedPairs, type MatchList } from './match-list.js';
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
 * Compares candidate pairs: every pair's pattern counted (for the weights), the pairs the gates
 * let through kept with their evidence. Pairs an analyst decided are BEDA (different people) are
 * never proposed again; rows sharing one id are left to the exact-NIK groups.
 */
export function comparePairsInto(
  found: { gated: GatedPairs; counts: Float64Array },
  pairs: Float64Array,
  recordOf: (ord: number) => MatchRecord | undefined,
  profile: MatchProfile,
  different: ReadonlySet<string>,
  stats: Pick<MatchStats, 'comparisons' | 'decidedDifferent'>,
): void {
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
    const c = comparePair(a, b, profile);
    found.counts[c.pattern] = (found.counts[c.pattern] as number) + 1;
    if (!c.gates) continue;
    if (heldOfPair(a, b)) found.gated.add(i, j, c.pattern, c.evidence);
    else found.gated.add(j, i, c.pattern, c.evidence);
  }
}

/**
 * Random pairs compared for u: enough to see a level one pair in a few hundred shows; rarer
 * levels lean on the priors. Each costs a full comparison of two rows' records (about 14 us at
 * 1M rows): 30,000 took 0.4 s of the match step, 6,000 take under 0.1 s.
 */
export const RANDOM_PAIRS = 6_000;

/**
 * Patterns of random pairs of the rows in the candidate pairs (their records are at hand), for
 * the u of each level. Seeded, so a batch gives the same weights every run.
 */
export function randomPairCounts(
  pairs: Float64Array,
  recordOf: (ord: number) => MatchRecord | undefined,
  profile: MatchProfile,
  samples = RANDOM_PAIRS,
): Float64Array {
  const counts = emptyPatternCounts();
  const random = createRandom(0x5eed);
  // A row of some pair, either side: rows in many pairs come up more often, which makes
  // agreement a little likelier than among all rows, and the weights a little humbler.
  const anyRow = () => {
    const [i, j] = unpackPair(pairs[Math.floor(random() * pairs.length)] as number);
    return random() < 0.5 ? i : j;
  };
  // No more samples than distinct pairs of those rows: a small batch has few to offer.
  const rows = 2 * pairs.length;
  samples = Math.min(samples, (rows * (rows - 1)) / 2);
  for (let n = 0, tries = 0; n < samples && tries < samples * 4; tries++) {
    const a = recordOf(anyRow());
    const b = recordOf(anyRow());
    // The same row twice, or one NIK twice (left to the exact groups; two rows without one too).
    if (!a || !b || a.id === b.id) continue;
    const p = comparePair(a, b, profile).pattern;
    counts[p] = (counts[p] as number) + 1;
    n++;
  }
  return counts;
}

/** The batch's weights from the counts, then the best match of each held row among the gated pairs. */
export function finishMatches(
  gated: GatedPairs,
  counts: Float64Array,
  random: Float64Array,
  rows: number,
  profile: MatchProfile,
  stats: MatchStats,
): { matches: MatchList; weights: MatchWeights } {
  const weights = estimateWeights({ candidates: counts, random, rows }, profile);
  const matches = gated.selectMatches(scoreTable(weights));
  stats.matches = matches.size;
  return { matches, weights };
}

/**
 * The pairs that could pass the gates, judged from the key store alone (ids, KK, birth dates,
 * phones, kelurahan and whole-name hashes): the rest are never proposed, so they are not compared
 * (nor their rows read back from the scratch file); they are counted as comparePairsInto would
 * count them. What the keys cannot tell (a name's or an address's likeness) is taken at its best,
 * so a dropped pair could not have passed; a name is the same only when its folded tokens are.
 */
export function dropFarPairs(
  pairs: Float64Array,
  store: MatchKeyStore,
  different: ReadonlySet<string>,
  stats: Pick<MatchStats, 'comparisons' | 'decidedDifferent'>,
  profile: MatchProfile,
): Float64Array {
  const kept = new Float64Array(pairs.length);
  let n = 0;
  for (const packed of pairs) {
    const [i, j] = unpackPair(packed);
    const a = { id: store.idOf(i), kk: store.kkOf(i), birth: store.birthOf(i) };
    const b = { id: store.idOf(j), kk: store.kkOf(j), birth: store.birthOf(j) };
    // One NIK twice is left to the exact-NIK groups, uncounted, as in comparePairsInto.
    if (a.id !== '' && a.id === b.id) continue;
    if (keepable(store, i, j, a, b, profile)) kept[n++] = packed;
    else if (different.size > 0 && a.id !== '' && b.id !== '' && different.has(pairKey(a.id, b.id))) stats.decidedDifferent++;
    else stats.comparisons++;
  }
  return kept.slice(0, n);
}

/**
 * Whether a pair could pass the gates by its keys. Most candidate pairs are near ids (kept) or
 * unrelated ids with other birth dates, which the gates never let through (dropped at once);
 * only the rest have their best levels worked out.
 */
function keepable(store: MatchKeyStore, i: number, j: number, a: IdFacts, b: IdFacts, profile: MatchProfile): boolean {
  const id = compareIds(a, b, profile.nikDates);
  if (id && NEAR_ID_KINDS.has(id.kind)) return true;
  if (id?.kind === 'idFar' && profile.strongIdentityForFarId && store.birth.get(i) !== store.birth.get(j)) return false;
  return passesGates(store.bestLevels(i, j, id, a, b), profile);
}

/** The whole search over records held in memory (benchmarks, tests); keyed by the held row's index. */
export function findPossibleDuplicates(
  records: readonly MatchRecord[],
  profile: MatchProfile,
  different: ReadonlySet<string> = new Set(),
): { matches: Map<number, MatchFound>; stats: MatchStats; weights: MatchWeights } {
  const store = new MatchKeyStore();
  for (const [i, r] of records.entries()) store.add(i, r);
  const { pairs, stats: cand } = candidatePairs(
    records.length,
    (ord) => store.present.get(ord) !== 0,
    keyFamilies(store, profile.blocking),
  );
  const stats: MatchStats = { ...cand, records: records.length, comparisons: 0, matches: 0, decidedDifferent: 0 };
  const toCompare = dropFarPairs(pairs, store, different, stats, profile);
  const recordOf = (ord: number) => records[ord];
  const found = { gated: new GatedPairs(), counts: emptyPatternCounts() };
  comparePairsInto(found, toCompare, recordOf, profile, different, stats);
  const random = randomPairCounts(toCompare, recordOf, profile);
  const { matches: scored, weights } = finishMatches(found.gated, found.counts, random, records.length, profile, stats);
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
  return { matches, stats, weights };
}
