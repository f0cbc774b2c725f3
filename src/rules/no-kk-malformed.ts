import { normalizeNik } from '../normalize/nik.js';
import { PROVINCE_CODES } from '../schema/provinces.js';
import { NONE, type Rule } from './types.js';

/** A No. KK, when given, is 16 digits led by a region code like a NIK; checked whether or not required. */
export const noKkMalformed: Rule = {
  name: 'no-kk-malformed',
  codes: ['NO_KK_MALFORMED'],
  check(row) {
    const cell = row.values.no_kk;
    if (cell === '') return NONE;
    const kk = normalizeNik(cell);
    if (kk.wellFormed && PROVINCE_CODES.has(kk.digits.slice(0, 2))) return NONE;
    return [{ code: 'NO_KK_MALFORMED', field: 'no_kk', params: { value: cell } }];
  },
};
