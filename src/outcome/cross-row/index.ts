/**
 * The cross-row rules in their order (findings come out in it, after the row's own), and what a
 * row's outcome says of the other row it concerns: duplicate_of, match_with, match_score and
 * match_nik. Severities are the SPEC's: these codes are decided by the batch, and a config cannot
 * change them (schema/codes.ts BATCH_CODES).
 */
import { type Evidence, scoreToProbability } from '../../match/compare.js';
import type { RatedFinding } from '../../rules/types.js';
import { DEFAULT_SEVERITY } from '../../schema/codes.js';
import { duplicateConfirmed } from './duplicate-confirmed.js';
import { duplicateNik } from './duplicate-nik.js';
import { nikConflict } from './nik-conflict.js';
import { possibleDuplicate } from './possible-duplicate.js';
import type { CrossRowContext, CrossRowFacts, CrossRowRule } from './types.js';

export const CROSS_ROW_RULES: readonly CrossRowRule[] = [duplicateNik, nikConflict, duplicateConfirmed, possibleDuplicate];

export interface CrossRowOutcome {
  readonly findings: readonly RatedFinding[];
  /** file:line of the row this one duplicates (kept copy, or the row an analyst confirmed). */
  readonly duplicateOf: string;
  /** file:line of the other row, for a row held for review. */
  readonly matchWith: string;
  readonly matchScore: string;
  /** The other row's NIK, for a row held for review: decisions are keyed by the NIK pair. */
  readonly matchNik: string;
  /** The kinds of evidence of a probable duplicate. */
  readonly matchEvidence: readonly Evidence['kind'][];
}

export const NO_CROSS_ROW: CrossRowOutcome = Object.freeze({ findings: [], duplicateOf: '', matchWith: '', matchScore: '', matchNik: '', matchEvidence: [] });

export function crossRowOutcome(facts: CrossRowFacts, ctx: CrossRowContext): CrossRowOutcome {
  const findings: RatedFinding[] = [];
  for (const rule of CROSS_ROW_RULES) {
    for (const f of rule.check(facts, ctx)) findings.push({ ...f, severity: DEFAULT_SEVERITY[f.code] });
  }
  const { verdict, confirmed } = facts;
  const possible = confirmed ? null : facts.possible;
  return {
    findings,
    duplicateOf: verdict.kind === 'duplicate' ? ctx.refText(verdict.keeper) : confirmed ? ctx.refText(confirmed.other) : '',
    matchWith: verdict.kind === 'conflict' ? ctx.refText(verdict.other) : possible ? ctx.refText(possible.other) : '',
    matchScore:
      verdict.kind === 'conflict'
        ? verdict.score.toFixed(2)
        : possible
          ? scoreToProbability(possible.score).toFixed(2)
          : '',
    matchNik: verdict.kind === 'conflict' ? facts.nik : possible ? possible.otherNik : '',
    matchEvidence: verdict.kind !== 'conflict' && possible ? possible.evidence.map((e) => e.kind) : [],
  };
}
