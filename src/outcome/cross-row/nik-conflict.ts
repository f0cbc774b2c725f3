/**
 * NIK_CONFLICT: rows share this NIK but name different people (another first name or surname;
 * namesCompatible in normalize/name.ts decides). Every row of the NIK is held, none rejected: a
 * person decides which one the NIK belongs to.
 */
import { NONE } from '../../rules/types.js';
import type { CrossRowRule } from './types.js';

export const nikConflict: CrossRowRule = {
  name: 'nik-conflict',
  codes: ['NIK_CONFLICT'],
  check(facts, ctx) {
    const v = facts.verdict;
    if (v.kind !== 'conflict') return NONE;
    return [{ code: 'NIK_CONFLICT', field: 'nik', params: { other: ctx.refText(v.other), name: v.otherName } }];
  },
};
