import { parseSex } from '../normalize/sex.js';
import { NONE, type Rule } from './types.js';

/** A JK column that disagrees with the NIK (day + 40 means a woman). Unreadable JK says nothing. */
export const nikSexMismatch: Rule = {
  name: 'nik-sex-mismatch',
  codes: ['NIK_SEX_MISMATCH'],
  check(row) {
    const value = row.values.jenis_kelamin;
    if (!row.birth || value === '') return NONE;
    const sex = parseSex(value);
    const nikSex = row.birth.female ? 'P' : 'L';
    if (sex === null || sex === nikSex) return NONE;
    return [{ code: 'NIK_SEX_MISMATCH', field: 'jenis_kelamin', params: { value, nikSex } }];
  },
};
