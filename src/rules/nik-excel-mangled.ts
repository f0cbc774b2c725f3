import { NONE, type Rule } from './types.js';

/** 3.27501E+15 or 3,27501E+15: Excel kept 15 digits at most, the rest cannot be recovered here. */
export const nikExcelMangled: Rule = {
  name: 'nik-excel-mangled',
  codes: ['NIK_EXCEL_MANGLED'],
  check(row) {
    if (!row.nik?.excelMangled) return NONE;
    return [{ code: 'NIK_EXCEL_MANGLED', field: 'nik', params: { value: row.nik.raw } }];
  },
};
