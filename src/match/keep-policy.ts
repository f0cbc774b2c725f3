/**
 * Which copy of a person goes on: the one definition of the SPEC's keep policy.
 *
 * Copies of one NIK: a valid copy beats an invalid one, then the most complete, then the first in
 * input order. `keepRank` orders the first two; ties go to the earlier copy. NikGroups compares
 * copies with `betterCandidate`; the NIK table's fast path (engine/nik-table.ts) stores each kept
 * copy's rank and lets a later row replace it only when `outranks` says so, which, rows arriving in
 * input order, is the same rule (test/unit/keep-policy.test.ts holds the two equal).
 *
 * A probable pair under two NIKs: the later row is held for review and points at the earlier,
 * unless only one of them is valid, then the invalid one is held, so the person still goes on
 * through the valid copy (`heldOfPair`).
 */
import { isBefore, type RowRef } from './row-ref.js';

export interface Candidate {
  readonly ref: RowRef;
  /** No rejecting finding of its own. */
  readonly valid: boolean;
  /** Non-empty known fields (at most 12). */
  readonly completeness: number;
}

/** Higher keeps: validity first, then completeness. Fits a byte (valid 128, completeness below it). */
export function keepRank(valid: boolean, completeness: number): number {
  return (valid ? 128 : 0) + Math.min(completeness, 127);
}

/** Whether a later copy of rank `rank` replaces the kept copy of rank `keptRank`: ties stay with the earlier. */
export function outranks(rank: number, keptRank: number): boolean {
  return rank > keptRank;
}

/** The copy to keep of two copies of one NIK, in whatever order they are given. */
export function betterCandidate(a: Candidate, b: Candidate): Candidate {
  const [first, later] = isBefore(b.ref, a.ref) ? [b, a] : [a, b];
  return outranks(keepRank(later.valid, later.completeness), keepRank(first.valid, first.completeness)) ? later : first;
}

/** Of a probable pair under two NIKs, whether `a` is the row held for review (else `b` is). */
export function heldOfPair(a: Pick<Candidate, 'ref' | 'valid'>, b: Pick<Candidate, 'ref' | 'valid'>): boolean {
  return a.valid !== b.valid ? !a.valid : isBefore(b.ref, a.ref);
}
