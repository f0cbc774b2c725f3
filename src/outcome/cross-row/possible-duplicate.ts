/**
 * POSSIBLE_DUPLICATE: another row under a different NIK looks like the same person (scored in
 * match/compare.ts); this row is held and points at it, with the evidence in words. A row an
 * analyst already confirmed as a duplicate is not also a possible one.
 */
import { explainMatch } from '../../i18n/evidence.js';
import { NONE } from '../../rules/types.js';
import type { CrossRowRule } from './types.js';

export const possibleDuplicate: CrossRowRule = {
  name: 'possible-duplicate',
  codes: ['POSSIBLE_DUPLICATE'],
  check(facts, ctx) {
    const p = facts.possible;
    if (!p || facts.confirmed) return NONE;
    return [
      {
        code: 'POSSIBLE_DUPLICATE',
        field: 'nik',
        params: { other: ctx.refText(p.other), otherNik: p.otherNik, why: explainMatch(ctx.lang, p.evidence) },
      },
    ];
  },
};
