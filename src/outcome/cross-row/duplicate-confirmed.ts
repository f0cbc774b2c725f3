/** DUPLICATE_CONFIRMED: an analyst decided (SAMA, in a --decisions file) that this row is the same person as an earlier one. */
import { NONE } from '../../rules/types.js';
import type { CrossRowRule } from './types.js';

export const duplicateConfirmed: CrossRowRule = {
  name: 'duplicate-confirmed',
  codes: ['DUPLICATE_CONFIRMED'],
  check(facts, ctx) {
    const c = facts.confirmed;
    if (!c) return NONE;
    return [{ code: 'DUPLICATE_CONFIRMED', field: 'nik', params: { other: ctx.refText(c.other), otherNik: c.otherNik, list: c.list } }];
  },
};
