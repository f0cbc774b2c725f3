/**
 * The worker side of parallel candidate pairs: the same families over the same shared key arrays,
 * only those it is given, and its pairs back (the buffer moved, not copied).
 */
import { serveChannel, Transfer } from '../threads/channel.js';
import { familyPairs } from './candidates.js';
import type { BlockingOptions } from '../match/compare.js';
import { type KeyArrays, keyFamilies, MatchKeyStore } from './match-keys.js';

export interface CandidatesJob {
  readonly arrays: KeyArrays;
  readonly members: Uint32Array;
  readonly options: BlockingOptions;
  readonly familyIndices: readonly number[];
}

serveChannel((_lane, body) => {
  const job = body as CandidatesJob;
  const families = keyFamilies(MatchKeyStore.fromArrays(job.arrays), job.options).filter((_, i) => job.familyIndices.includes(i));
  const result = familyPairs(job.members, families);
  return new Transfer(result, [result.pairs.buffer as ArrayBuffer]);
});
