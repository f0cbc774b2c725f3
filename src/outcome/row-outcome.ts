/** What the batch decided about one input row: the only thing reports are written from. */
import type { Evidence } from '../match/compare.js';
import type { RatedFinding } from '../rules/types.js';
import type { PlaceNames } from '../schema/region-table.js';
import type { PreparedRow } from '../schema/row.js';

export type Disposition = 'accepted' | 'rejected' | 'review';

export interface RowOutcome {
  readonly fileIndex: number;
  readonly sourceFile: string;
  readonly sourceLine: number;
  readonly cells: readonly string[];
  readonly row: PreparedRow;
  readonly findings: readonly RatedFinding[];
  readonly disposition: Disposition;
  /** file:line of the kept copy, for DUPLICATE_NIK. */
  readonly duplicateOf: string;
  /** file:line of the other row, for review rows. */
  readonly matchWith: string;
  readonly matchScore: string;
  /** The other row's NIK, for review rows: decisions are keyed by the NIK pair. */
  readonly matchNik: string;
  /** What made a probable duplicate (POSSIBLE_DUPLICATE): the kinds of evidence, for review.html's filter. */
  readonly matchEvidence: readonly Evidence['kind'][];
  /** Another row is held for review as a probable duplicate of this one: review.html shows this row beside it. */
  readonly matchPartner: boolean;
  /** KECAMATAN and KELURAHAN by their official names, when --region knows the kecamatan; else null (both as typed). */
  readonly place: PlaceNames | null;
}
