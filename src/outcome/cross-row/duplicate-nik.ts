/** DUPLICATE_NIK: another copy of this NIK, the same person, is the one kept (keep policy: match/keep-policy.ts). */
import { NONE } from '../../rules/types.js';
import type { CrossRowRule } from './types.js';

export const duplicateNik: CrossRowRule = {
  name: 'duplicate-nik',
  codes: ['DUPLICATE_NIK'],
  check(facts, ctx) {
    const v = facts.verdict;
    if (v.kind !== 'duplicate') return NONE;
    return [{ code: 'DUPLICATE_NIK', field: 'nik', params: { other: ctx.refText(v.keeper) } }];
  },
};
