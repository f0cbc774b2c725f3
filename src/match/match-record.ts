/**
 * What the fuzzy matcher knows of a row, by role rather than by column, so the same matcher runs
 * on kecamatan exports and on the FEBRL benchmarks.
 */
import type { RowRef } from './row-ref.js';

export interface BirthDate {
  readonly day: number;
  readonly month: number;
  readonly year: number;
}

export interface MatchRecord {
  readonly ref: RowRef;
  /** The national id (NIK digits); '' when unknown. */
  readonly id: string;
  /** No. KK digits; '' when unknown. */
  readonly kk: string;
  /** Name tokens after folding titles, Muhammad variants and old spellings. */
  readonly name: readonly string[];
  readonly display: string;
  readonly birth: BirthDate | null;
  /** Normalised phone, '' when none. */
  readonly phone: string;
  readonly address: readonly string[];
  /** Kelurahan (or suburb/postcode), folded. */
  readonly area: string;
  /** No rejecting finding of its own: of a probable pair, an invalid row is the one held. */
  readonly valid: boolean;
}
