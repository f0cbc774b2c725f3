import { NONE, type Rule } from './types.js';

/** ASN/TNI/Polri, BUMN/BUMD staff, KUR borrowers: a NIK on an --exclude list is not eligible. */
export const excluded: Rule = {
  name: 'excluded',
  codes: ['EXCLUDED'],
  check(row, ctx) {
    if (!row.nik?.wellFormed) return NONE;
    const list = ctx.excluded.get(row.nik.digits);
    return list === undefined ? NONE : [{ code: 'EXCLUDED', field: 'nik', params: { list } }];
  },
};
