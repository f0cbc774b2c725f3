import { NONE, type Rule } from './types.js';

/** Digits 7-12 are DDMMYY (day + 40 for women): 31 February, day 00 or 72, month 13 are no date. */
export const nikBadBirthdate: Rule = {
  name: 'nik-bad-birthdate',
  codes: ['NIK_BAD_BIRTHDATE'],
  check(row) {
    const nik = row.nik;
    if (!nik?.wellFormed || row.birth) return NONE;
    return [{ code: 'NIK_BAD_BIRTHDATE', field: 'nik', params: { digits: nik.digits.slice(6, 12) } }];
  },
};
