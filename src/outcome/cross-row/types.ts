/**
 * The shape every cross-row rule shares: a pure function from what the batch found about a row
 * among the others (its NIK's group, an analyst's decision, its best probable duplicate) to
 * findings, like the row rules in src/rules.
 */
import type { Lang } from '../../i18n/messages.js';
import type { Evidence } from '../../match/compare.js';
import type { NikVerdict } from '../../match/nik-groups.js';
import type { RowRef } from '../../match/row-ref.js';
import type { Finding } from '../../rules/types.js';
import type { ReasonCode } from '../../schema/codes.js';

/** An analyst's SAMA for this row and an earlier one (--decisions). */
export interface Confirmation {
  readonly other: RowRef;
  readonly otherNik: string;
  /** The decisions file it came from. */
  readonly list: string;
}

/** The best probable duplicate of this row under another NIK. */
export interface PossibleMatch {
  readonly other: RowRef;
  readonly otherNik: string;
  /** The pair's log2 odds of being one person (match/weights.ts). */
  readonly score: number;
  readonly evidence: readonly Evidence[];
}

/** What the batch knows of a row with a well-formed NIK, beyond the row itself. */
export interface CrossRowFacts {
  /** The row's NIK, 16 digits. */
  readonly nik: string;
  readonly verdict: NikVerdict;
  readonly confirmed: Confirmation | null;
  readonly possible: PossibleMatch | null;
}

export interface CrossRowContext {
  readonly lang: Lang;
  /** A row's place as the analyst sees it: file:line. */
  readonly refText: (ref: RowRef) => string;
}

export interface CrossRowRule {
  /** kebab-case, the rule's file name. */
  readonly name: string;
  readonly codes: readonly ReasonCode[];
  check(facts: CrossRowFacts, ctx: CrossRowContext): readonly Finding[];
}
