/**
 * Candidate pairs compared on both cores: the earlier part here, the later part on a worker thread
 * over the same records in shared memory; the worker's gated pairs appended after this thread's
 * and its pattern counts added, which gives exactly what one thread comparing the pairs in order
 * gives. The weights are then estimated once, here, and the matches chosen. Small batches (and
 * runs from the TypeScript sources, where no built worker exists) stay on one thread.
 */
import type { MatchProfile } from '../match/compare.js';
import { emptyPatternCounts, type MatchWeights } from '../match/weights.js';
import { comparePairsInto, finishMatches, type MatchStats, randomPairCounts } from './fuzzy-matcher.js';
import { GatedPairs, type MatchList } from './match-list.js';
import type { PairRecords } from './pair-records.js';
import type { ScoreJob, ScoreResult } from './score-worker.js';
import { runJob } from '../threads/channel.js';
import { builtWorker, type Fallback, fallbackOf, parallelMinPairs, parallelMinRows } from '../threads/workers.js';

/** Compares the pairs (sorted, each once); `rows` is the batch's size, which decides on a second thread. */
export async function scorePairsParallel(
  rows: number,
  pairs: Float64Array,
  records: PairRecords,
  profile: MatchProfile,
  different: ReadonlySet<string>,
  stats: MatchStats,
): Promise<{ matches: MatchList; weights: MatchWeights; threads: number; fallbacks: Fallback[] }> {
  const recordOf = (ord: number) => records.recordOf(ord);
  const found = { gated: new GatedPairs(), counts: emptyPatternCounts() };
  const url = builtWorker('./score-worker.js', import.meta.url);
  if (!url || rows < parallelMinRows() || pairs.length < Math.max(2, parallelMinPairs())) {
    comparePairsInto(found, pairs, recordOf, profile, different, stats);
    const random = randomPairCounts(pairs, recordOf, profile);
    return { ...finishMatches(found.gated, found.counts, random, rows, profile, stats), threads: 1, fallbacks: [] };
  }
  // The worker starts late (its modules load first): it takes a little less than half, 45%
  // (1M rows: match step 2.93 -> 2.84 s, medians of three).
  const split = Math.floor(pairs.length * 0.55);
  // The later part is copied into a buffer of its own, which moves to the worker.
  const theirs = pairs.slice(split);
  const job: ScoreJob = { records: records.arrays(), pairs: theirs, profile, different: [...different] };
  const pending = runJob<ScoreResult>(url, 'scoring', job, [theirs.buffer]);
  // Our part runs while the worker does its own; an unhandled rejection waits for the await.
  pending.catch(() => undefined);
  comparePairsInto(found, pairs.subarray(0, split), recordOf, profile, different, stats);
  const random = randomPairCounts(pairs, recordOf, profile);
  let threads = 2;
  const fallbacks: Fallback[] = [];
  try {
    const other = await pending;
    found.gated.absorb(other.gated);
    for (let p = 0; p < other.counts.length; p++) found.counts[p] = (found.counts[p] as number) + (other.counts[p] as number);
    stats.comparisons += other.comparisons;
    stats.decidedDifferent += other.decidedDifferent;
  } catch (err) {
    // A worker that could not run: its part on this thread, same matches, only slower, and said.
    comparePairsInto(found, pairs.subarray(split), recordOf, profile, different, stats);
    threads = 1;
    fallbacks.push(fallbackOf('scoring', err));
  }
  return { ...finishMatches(found.gated, found.counts, random, rows, profile, stats), threads, fallbacks };
}
