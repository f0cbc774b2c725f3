import { parseDateCell, sameDay } from '../normalize/date-cell.js';
import { formatDate } from '../normalize/nik-birth.js';
import { NONE, type Rule } from './types.js';

/**
 * A TANGGAL LAHIR cell that disagrees with the NIK. Either reading of an ambiguous cell (03/04 as
 * 3 April or 4 March) may agree: columns mix day-first and month-first rows. A cell that is no
 * date at all is left alone here.
 */
export const nikBirthdateMismatch: Rule = {
  name: 'nik-birthdate-mismatch',
  codes: ['NIK_BIRTHDATE_MISMATCH'],
  check(row) {
    const value = row.values.tanggal_lahir;
    const birth = row.birth;
    if (!birth || value === '') return NONE;
    const readings = parseDateCell(value);
    if (readings.length === 0 || readings.some((r) => sameDay(r, birth.day, birth.month, birth.year))) return NONE;
    return [
      {
        code: 'NIK_BIRTHDATE_MISMATCH',
        field: 'tanggal_lahir',
        params: { value, nikDate: formatDate(birth.day, birth.month, birth.year) },
      },
    ];
  },
};
