/**
 * Candidate pairs on both cores: the key families are shared out between this thread and one
 * worker thread, which reads the key store and member list from shared memory, and the two halves
 * are merged into exactly the pairs one thread would find. Small batches (and runs from the
 * TypeScript sources, where no built worker exists) stay on one thread.
 */
import { eligibleMembers, type CandidateStats, familyPairs, type FamilyPairs, mergePairs } from './candidates.js';
import type { BlockingOptions } from '../match/compare.js';
import { keyFamilies, type MatchKeyStore } from './match-keys.js';
import { runJob } from '../threads/channel.js';
import { builtWorker, type Fallback, fallbackOf, parallelMinRows } from '../threads/workers.js';
import type { CandidatesJob } from './candidates-worker.js';

export async function candidatePairsParallel(
  rows: number,
  eligible: (ord: number) => boolean,
  keys: MatchKeyStore,
  options: BlockingOptions,
): Promise<{ pairs: Float64Array; stats: CandidateStats; threads: number; fallbacks: Fallback[] }> {
  const families = keyFamilies(keys, options);
  const members = eligibleMembers(rows, eligible);
  const url = builtWorker('./candidates-worker.js', import.meta.url);
  if (!url || members.length < parallelMinRows() || families.length < 2) {
    return { ...mergePairs([familyPairs(members, families)], families), threads: 1, fallbacks: [] };
  }
  // Alternate families: the NIK-mask ones are alike, so each side gets a fair share.
  const theirs = families.map((_, i) => i).filter((i) => i % 2 === 1);
  const mine = families.filter((_, i) => i % 2 === 0);
  const job: CandidatesJob = { arrays: keys.arrays(), members, options, familyIndices: theirs };
  const pending = runJob<FamilyPairs>(url, 'candidates', job);
  // Our half runs while the worker does its own; an unhandled rejection waits for the await.
  pending.catch(() => undefined);
  const own = familyPairs(members, mine);
  try {
    return { ...mergePairs([own, await pending], families), threads: 2, fallbacks: [] };
  } catch (err) {
    // A worker that could not run: its families on this thread, same pairs, only slower, and said.
    const other = familyPairs(members, families.filter((_, i) => i % 2 === 1));
    return { ...mergePairs([own, other], families), threads: 1, fallbacks: [fallbackOf('candidates', err)] };
  }
}
