import { countDigits } from '../normalize/nik.js';
import { NONE, type Rule } from './types.js';

/** Not 16 digits once separators, apostrophes and ="..." are gone. */
export const nikMalformed: Rule = {
  name: 'nik-malformed',
  codes: ['NIK_MALFORMED'],
  check(row) {
    const nik = row.nik;
    if (!nik || nik.wellFormed || nik.excelMangled) return NONE;
    const length = countDigits(nik.digits);
    const other = nik.digits.length - length;
    return [{ code: 'NIK_MALFORMED', field: 'nik', params: { value: nik.raw, length, other } }];
  },
};
