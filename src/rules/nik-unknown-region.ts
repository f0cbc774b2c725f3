import { PROVINCE_CODES } from '../schema/provinces.js';
import { NONE, type Rule } from './types.js';

/** The first two digits must be a province code that exists or existed. */
export const nikUnknownRegion: Rule = {
  name: 'nik-unknown-region',
  codes: ['NIK_UNKNOWN_REGION'],
  check(row) {
    const nik = row.nik;
    if (!nik?.wellFormed) return NONE;
    const province = nik.digits.slice(0, 2);
    return PROVINCE_CODES.has(province) ? NONE : [{ code: 'NIK_UNKNOWN_REGION', field: 'nik', params: { province } }];
  },
};
