import { normalizeNik } from '../normalize/nik.js';
import type { Rule } from './types.js';

/** A No. KK, when given, is 16 digits like a NIK; checked whether or not it is required. */
export const noKkMalformed: Rule = {
  name: 'no-kk-malformed',
  codes: ['NO_KK_MALFORMED'],
  check(row) {
    const cell = row.values.no_kk;
    if (cell === '' || normalizeNik(cell).wellFormed) return [];
    return [{ code: 'NO_KK_MALFORMED', field: 'no_kk', params: { value: cell } }];
  },
};
