import type { ReasonCode } from '../schema/codes.js';
import { type Finding, NONE, type Rule } from './types.js';

/** MISSING_<FIELD> for each required field that is empty or a placeholder ("-", "TIDAK ADA"). */
export const requiredFields: Rule = {
  name: 'required-fields',
  codes: [
    'MISSING_NIK', 'MISSING_NO_KK', 'MISSING_NAMA', 'MISSING_ALAMAT', 'MISSING_RT', 'MISSING_RW',
    'MISSING_KELURAHAN', 'MISSING_KECAMATAN', 'MISSING_BIDANG_USAHA', 'MISSING_NO_HP',
    'MISSING_JENIS_KELAMIN', 'MISSING_TANGGAL_LAHIR',
  ],
  check(row, ctx) {
    let out: Finding[] | null = null;
    for (const field of ctx.required) {
      if (row.values[field] === '') {
        (out ??= []).push({ code: `MISSING_${field.toUpperCase()}` as ReasonCode, field, params: { field } });
      }
    }
    return out ?? NONE;
  },
};
