/**
 * The birth date inside a NIK: digits 7-12 are DDMMYY, with 40 added to the day for women. The
 * century is the one that does not put the birth after --as-of.
 */

export interface NikBirth {
  readonly day: number;
  readonly month: number;
  readonly year: number;
  readonly female: boolean;
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Gregorian: 29 February only in leap years (1900 is none, 2000 is one). */
export function isRealDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return day <= (month === 2 && leap ? 29 : (DAYS[month - 1] as number));
}

let lastAsOf = '';
let lastSplit: [number, number, number] = [0, 0, 0];

/** asOf is YYYY-MM-DD. One run has one --as-of, so the last answer is kept: this is per row. */
export function splitIsoDate(asOf: string): [number, number, number] {
  if (asOf !== lastAsOf) {
    const [y, m, d] = asOf.split('-').map(Number);
    lastSplit = [y ?? 0, m ?? 0, d ?? 0];
    lastAsOf = asOf;
  }
  return lastSplit;
}

function compareDates(a: [number, number, number], b: [number, number, number]): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

/** null when digits 7-12 are no real date (day 00, 32-40, over 71, month 13, 30 February ...). */
export function parseNikBirth(nik: string, asOf: string): NikBirth | null {
  let day = Number(nik.slice(6, 8));
  const month = Number(nik.slice(8, 10));
  const yy = Number(nik.slice(10, 12));
  const female = day > 40;
  if (female) day -= 40;
  const now = splitIsoDate(asOf);
  let year = 2000 + yy;
  if (compareDates([year, month, day], now) > 0) year -= 100;
  if (!isRealDate(year, month, day)) return null;
  return { day, month, year, female };
}

/** Whole years between the birth and asOf. */
export function ageAt(birth: NikBirth, asOf: string): number {
  const [y, m, d] = splitIsoDate(asOf);
  let age = y - birth.year;
  if (m < birth.month || (m === birth.month && d < birth.day)) age--;
  return age;
}

export function formatDate(day: number, month: number, year: number): string {
  return `${String(day).padStart(2, '0')}-${String(month).padStart(2, '0')}-${year}`;
}
