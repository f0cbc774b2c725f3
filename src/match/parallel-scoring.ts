/**
 * Candidate pairs scored on both cores: the earlier half here, the later half on a worker thread
 * over the same records in shared memory, and the worker's matches absorbed as if offered after
 * this thread's, which gives exactly the matches one thread scoring the pairs in order gives.
 * Small batches (and runs from the TypeScript sources, where no built worker exists) stay on one
 * thread.
 */
import type { MatchProfile } from './compare.js';
import { type MatchStats, scorePairs, scorePairsInto } from './fuzzy-matcher.js';
import { MatchList } from './match-list.js';
import type { PairRecords } from './pair-records.js';
import type { ScoreJob, ScoreResult } from './score-worker.js';
import { builtWorker, parallelMinPairs, parallelMinRows, runWorkerOnce } from './threads.js';

/** Scores the pairs (sorted, each once); `rows` is the batch's size, which decides on a second thread. */
export async function scorePairsParallel(
  rows: number,
  pairs: Float64Array,
  records: PairRecords,
  profile: MatchProfile,
  different: ReadonlySet<string>,
  stats: MatchStats,
): Promise<{ matches: MatchList; threads: number }> {
  const recordOf = (ord: number) => records.recordOf(ord);
  const url = builtWorker('./score-worker.js', import.meta.url);
  if (!url || rows < parallelMinRows() || pairs.length < Math.max(2, parallelMinPairs())) {
    return { matches: scorePairs(pairs, recordOf, profile, different, stats), threads: 1 };
  }
  const half = pairs.length >>> 1;
  // The later half is copied into a buffer of its own, which moves to the worker.
  const theirs = pairs.slice(half);
  const job: ScoreJob = { records: records.arrays(), pairs: theirs, profile, different: [...different] };
  const pending = runWorkerOnce<ScoreResult>(url, job, [theirs.buffer]);
  // Our half runs while the worker does its own; an unhandled rejection waits for the await.
  pending.catch(() => undefined);
  const best = scorePairsInto(new MatchList(), pairs.subarray(0, half), recordOf, profile, different, stats);
  try {
    const other = await pending;
    best.absorb(other.parts);
    stats.comparisons += other.comparisons;
    stats.decidedDifferent += other.decidedDifferent;
  } catch {
    // A worker that could not run: its half on this thread, same matches, only slower.
    scorePairsInto(best, pairs.subarray(half), recordOf, profile, different, stats);
  }
  stats.matches = best.size;
  return { matches: best.seal(), threads: 2 };
}
