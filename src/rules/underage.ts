import { ageAt } from '../normalize/nik-birth.js';
import { NONE, type Rule } from './types.js';

const MIN_AGE = 17;

/** Younger than 17 at --as-of by the NIK's birth date. */
export const underage: Rule = {
  name: 'underage',
  codes: ['UNDERAGE'],
  check(row, ctx) {
    if (!row.birth) return NONE;
    const age = ageAt(row.birth, ctx.asOf);
    return age >= MIN_AGE ? NONE : [{ code: 'UNDERAGE', field: 'nik', params: { age, asOf: ctx.asOf } }];
  },
};
