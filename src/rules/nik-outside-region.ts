import { PROVINCE_CODES } from '../schema/provinces.js';
import { NONE, type Rule } from './types.js';

/** With --region: a NIK issued elsewhere (people move; a warning, not a rejection). */
export const nikOutsideRegion: Rule = {
  name: 'nik-outside-region',
  codes: ['NIK_OUTSIDE_REGION'],
  check(row, ctx) {
    const nik = row.nik;
    const region = ctx.region;
    if (!region || !nik?.wellFormed || !PROVINCE_CODES.has(nik.digits.slice(0, 2))) return NONE;
    const code = `${nik.digits.slice(0, 2)}.${nik.digits.slice(2, 4)}`;
    if (nik.digits.startsWith(region.digits)) return NONE;
    return [{ code: 'NIK_OUTSIDE_REGION', field: 'nik', params: { region: region.name, code } }];
  },
};
