import { foldKecamatan } from '../schema/region-table.js';
import { NONE, type Rule } from './types.js';

/** With --region: the KECAMATAN cell names none of its kecamatan ("Pondok Gede" matches Pondokgede). */
export const kecamatanUnknown: Rule = {
  name: 'kecamatan-unknown',
  codes: ['KECAMATAN_UNKNOWN'],
  check(row, ctx) {
    const value = row.values.kecamatan;
    if (!ctx.region || value === '' || ctx.region.districts.has(foldKecamatan(value))) return NONE;
    return [{ code: 'KECAMATAN_UNKNOWN', field: 'kecamatan', params: { value, region: ctx.region.name } }];
  },
};
