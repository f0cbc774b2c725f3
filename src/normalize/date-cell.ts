/**
 * TANGGAL LAHIR cells as sheets hold them: 12/08/1975, 12-08-1975, 1975-08-12, "12 AGUSTUS 1975",
 * "12-Aug-75", and Excel serial numbers (27618). One column often mixes day-first and month-first
 * rows, so an ambiguous cell (both parts 12 or less) gives both readings, day-first first; the
 * caller lets the NIK choose.
 */
import { isRealDate } from './nik-birth.js';

export interface DateReading {
  readonly day: number;
  readonly month: number;
  /** Full year, or the two digits when the cell gave only two. */
  readonly year: number;
  readonly twoDigitYear: boolean;
}

const MONTHS: Record<string, number> = {
  JANUARI: 1, JAN: 1, JANUARY: 1,
  FEBRUARI: 2, PEBRUARI: 2, FEB: 2, PEB: 2, FEBRUARY: 2,
  MARET: 3, MAR: 3, MARCH: 3,
  APRIL: 4, APR: 4,
  MEI: 5, MAY: 5,
  JUNI: 6, JUN: 6, JUNE: 6,
  JULI: 7, JUL: 7, JULY: 7,
  AGUSTUS: 8, AGU: 8, AGT: 8, AGS: 8, AGUST: 8, AUG: 8, AUGUST: 8,
  SEPTEMBER: 9, SEP: 9, SEPT: 9,
  OKTOBER: 10, OKT: 10, OCT: 10, OCTOBER: 10,
  NOVEMBER: 11, NOPEMBER: 11, NOV: 11, NOP: 11,
  DESEMBER: 12, DES: 12, DEC: 12, DECEMBER: 12,
};

function reading(day: number, month: number, yearText: string): DateReading | null {
  const twoDigitYear = yearText.length === 2;
  const year = Number(yearText);
  // Check the calendar with a leap-neutral stand-in when only two digits are known.
  const checkYear = twoDigitYear ? 2000 + year : year;
  if (!isRealDate(checkYear, month, day)) return null;
  if (!twoDigitYear && (year < 1900 || year > 2100)) return null;
  return { day, month, year, twoDigitYear };
}

/** Excel counts days from 1899-12-30 (its phantom 29 February 1900 included). */
function fromExcelSerial(serial: number): DateReading | null {
  if (serial < 61 || serial > 73051) return null; // 1900-03-01 .. 2100-01-01
  const d = new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000);
  return { day: d.getUTCDate(), month: d.getUTCMonth() + 1, year: d.getUTCFullYear(), twoDigitYear: false };
}

// One row asks for its TANGGAL LAHIR reading up to three times (a rule, the matcher, the
// submission): the last answer is kept. Readings are never changed by callers.
let lastCell = '';
let lastReadings: readonly DateReading[] = [];

export function parseDateCell(cell: string): readonly DateReading[] {
  if (cell !== lastCell) {
    lastReadings = readDateCell(cell);
    lastCell = cell;
  }
  return lastReadings;
}

const isDigitAt = (s: string, i: number) => {
  const c = s.charCodeAt(i);
  return c >= 48 && c <= 57;
};
const isSeparatorAt = (s: string, i: number) => {
  const c = s.charCodeAt(i);
  return c === 45 || c === 47 || c === 46; // - / .
};
const DMY_DIGITS = [0, 1, 3, 4, 6, 7, 8, 9];
const YMD_DIGITS = [0, 1, 2, 3, 5, 6, 8, 9];
const twoDigits = (s: string, i: number) => (s.charCodeAt(i) - 48) * 10 + (s.charCodeAt(i + 1) - 48);

/**
 * The two shapes nearly every cell has, 12/08/1975 and 1975-08-12, read without a regular
 * expression (they were a tenth of checking a row); null for anything else. Gives exactly what
 * the general reader gives for them (a property test holds it to that).
 */
export function readCommonDate(cell: string): DateReading[] | null {
  if (cell.length !== 10) return null;
  if (isSeparatorAt(cell, 2) && isSeparatorAt(cell, 5)) {
    for (const i of DMY_DIGITS) if (!isDigitAt(cell, i)) return null;
    const a = twoDigits(cell, 0);
    const b = twoDigits(cell, 3);
    const year = cell.slice(6);
    const out: DateReading[] = [];
    const dayFirst = reading(a, b, year);
    const monthFirst = a !== b ? reading(b, a, year) : null;
    if (dayFirst) out.push(dayFirst);
    if (monthFirst) out.push(monthFirst);
    return out;
  }
  if (isSeparatorAt(cell, 4) && isSeparatorAt(cell, 7)) {
    for (const i of YMD_DIGITS) if (!isDigitAt(cell, i)) return null;
    const r = reading(twoDigits(cell, 8), twoDigits(cell, 5), cell.slice(0, 4));
    return r ? [r] : [];
  }
  return null;
}

function readDateCell(cell: string): DateReading[] {
  return readCommonDate(cell) ?? readAnyDate(cell);
}

/** Every shape this module reads (see the top of the file). */
export function readAnyDate(cell: string): DateReading[] {
  const v = cell.trim().toUpperCase().replace(/\s+\d{1,2}:\d{2}(:\d{2})?$/, '');
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(v);
  if (m) {
    const r = reading(Number(m[3]), Number(m[2]), m[1] as string);
    return r ? [r] : [];
  }
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})$/.exec(v);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    const out: DateReading[] = [];
    const dayFirst = reading(a, b, m[3] as string);
    const monthFirst = a !== b ? reading(b, a, m[3] as string) : null;
    if (dayFirst) out.push(dayFirst);
    if (monthFirst) out.push(monthFirst);
    return out;
  }
  m = /^(\d{1,2})[-\s.]+([A-Z]+)\.?[-\s.,]+(\d{4}|\d{2})$/.exec(v);
  if (m) {
    const month = MONTHS[m[2] as string];
    if (!month) return [];
    const r = reading(Number(m[1]), month, m[3] as string);
    return r ? [r] : [];
  }
  m = /^(\d{4,5})(?:[.,]0+)?$/.exec(v);
  if (m) {
    const r = fromExcelSerial(Number(m[1]));
    return r ? [r] : [];
  }
  return [];
}

/** Does a reading say the same day as a full date? Two-digit years compare their last two digits. */
export function sameDay(r: DateReading, day: number, month: number, year: number): boolean {
  if (r.day !== day || r.month !== month) return false;
  return r.twoDigitYear ? r.year === year % 100 : r.year === year;
}
