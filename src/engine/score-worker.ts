/**
 * The worker side of comparing on two threads: the later part of the candidate pairs, over the
 * records in shared memory; its gated pairs, pattern counts and figures go back (the arrays
 * moved, not copied).
 */
import { serveChannel, Transfer } from '../threads/channel.js';
import type { MatchProfile } from '../match/compare.js';
import { emptyPatternCounts } from '../match/weights.js';
import { comparePairsInto } from './fuzzy-matcher.js';
import { GatedPairs, type GatedPartsArrays } from './match-list.js';
import { PairRecords, type PairRecordArrays } from './pair-records.js';

export interface ScoreJob {
  readonly records: PairRecordArrays;
  readonly pairs: Float64Array;
  readonly profile: MatchProfile;
  readonly different: readonly string[];
}

export interface ScoreResult {
  readonly gated: GatedPartsArrays;
  readonly counts: Float64Array;
  readonly comparisons: number;
  readonly decidedDifferent: number;
}

serveChannel((_lane, body) => {
  const job = body as ScoreJob;
  const records = PairRecords.fromArrays(job.records);
  const stats = { comparisons: 0, decidedDifferent: 0 };
  const found = { gated: new GatedPairs(), counts: emptyPatternCounts() };
  comparePairsInto(found, job.pairs, (ord) => records.recordOf(ord), job.profile, new Set(job.different), stats);
  const gated = found.gated.parts();
  const result: ScoreResult = { gated, counts: found.counts, ...stats };
  return new Transfer(result, [gated.held.buffer, gated.other.buffer, gated.pattern.buffer, gated.evidence.buffer, found.counts.buffer] as ArrayBuffer[]);
});
