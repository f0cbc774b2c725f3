/**
 * The worker side of scoring on two threads: the later part of the candidate pairs, over the
 * records in shared memory; its matches and counts go back (the arrays moved, not copied).
 */
import { serveChannel, Transfer } from '../threads/channel.js';
import type { MatchProfile } from '../match/compare.js';
import { scorePairsInto } from './fuzzy-matcher.js';
import { MatchList } from './match-list.js';
import { PairRecords, type PairRecordArrays } from './pair-records.js';

export interface ScoreJob {
  readonly records: PairRecordArrays;
  readonly pairs: Float64Array;
  readonly profile: MatchProfile;
  readonly different: readonly string[];
}

export interface ScoreResult {
  readonly parts: ReturnType<MatchList['parts']>;
  readonly comparisons: number;
  readonly decidedDifferent: number;
}

serveChannel((_lane, body) => {
  const job = body as ScoreJob;
  const records = PairRecords.fromArrays(job.records);
  const counts = { comparisons: 0, decidedDifferent: 0 };
  const parts = scorePairsInto(new MatchList(), job.pairs, (ord) => records.recordOf(ord), job.profile, new Set(job.different), counts).parts();
  const result: ScoreResult = { parts, ...counts };
  return new Transfer(result, [parts.held.buffer, parts.other.buffer, parts.score.buffer, parts.evidence.buffer] as ArrayBuffer[]);
});
