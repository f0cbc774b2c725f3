/**
 * The worker side of parallel candidate pairs: the same families over the same shared key arrays,
 * only those it is given, and its pairs back (the buffer moved, not copied).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { familyPairs } from './candidates.js';
import { type FamilyOptions, type KeyArrays, keyFamilies, MatchKeyStore } from './match-keys.js';

interface Job {
  readonly arrays: KeyArrays;
  readonly members: Uint32Array;
  readonly options: FamilyOptions;
  readonly familyIndices: readonly number[];
}

const job = workerData as Job;
const families = keyFamilies(MatchKeyStore.fromArrays(job.arrays), job.options).filter((_, i) => job.familyIndices.includes(i));
const result = familyPairs(job.members, families);
parentPort?.postMessage(result, [result.pairs.buffer as ArrayBuffer]);
