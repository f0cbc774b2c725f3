/**
 * Candidate pairs scored on both cores: the earlier part here, the later part on a worker thread
 * over the same records in shared memory, and the worker's matches absorbed as if offered after
 * this thread's, which gives exactly the matches one thread scoring the pairs in order gives.
 * Small batches (and runs from the TypeScript sources, where no built worker exists) stay on one
 * thread.
 */
import type { MatchProfile } from '../match/compare.js';
import { type MatchStats, scorePairs, scorePairsInto } from './fuzzy-matcher.js';
import { MatchList } from './match-list.js';
import type { PairRecords } from './pair-records.js';
import type { ScoreJob, ScoreResult } from './score-worker.js';
import { runJob } from '../threads/channel.js';
import { builtWorker, type Fallback, fallbackOf, parallelMinPairs, parallelMinRows } from '../threads/workers.js';

/** Scores the pairs (sorted, each once); `rows` is the batch's size, which decides on a second thread. */
export async function scorePairsParallel(
  rows: number,
  pairs: Float64Array,
  records: PairRecords,
  profile: MatchProfile,
  different: ReadonlySet<string>,
  stats: MatchStats,
): Promise<{ matches: MatchList; threads: number; fallbacks: Fallback[] }> {
  const recordOf = (ord: number) => records.recordOf(ord);
  const url = builtWorker('./score-worker.js', import.meta.url);
  if (!url || rows < parallelMinRows() || pairs.length < Math.max(2, parallelMinPairs())) {
    return { matches: scorePairs(pairs, recordOf, profile, different, stats), threads: 1, fallbacks: [] };
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
  const best = scorePairsInto(new MatchList(), pairs.subarray(0, split), recordOf, profile, different, stats);
  let threads = 2;
  const fallbacks: Fallback[] = [];
  try {
    const other = await pending;
    best.absorb(other.parts);
    stats.comparisons += other.comparisons;
    stats.decidedDifferent += other.decidedDifferent;
  } catch (err) {
    // A worker that could not run: its part on this thread, same matches, only slower, and said.
    scorePairsInto(best, pairs.subarray(split), recordOf, profile, different, stats);
    threads = 1;
    fallbacks.push(fallbackOf('scoring', err));
  }
  stats.matches = best.size;
  return { matches: best.seal(), threads, fallbacks };
}
