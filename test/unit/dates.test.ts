import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseDateCell, readAnyDate, readCommonDate } from '../../src/normalize/date-cell.js';
import { ageAt, parseNikBirth } from '../../src/normalize/nik-birth.js';
import { parseSex } from '../../src/normalize/sex.js';

describe('parseNikBirth', () => {
  it('reads day + 40 as a woman and keeps the NIK a string', () => {
    expect(parseNikBirth('9171015505900001', '2021-05-20')).toEqual({ day: 15, month: 5, year: 1990, female: true });
    expect(parseNikBirth('3275081203800002', '2021-05-20')).toEqual({ day: 12, month: 3, year: 1980, female: false });
  });

  it('chooses the century that does not put the birth after --as-of', () => {
    expect(parseNikBirth('3275081506060010', '2021-05-20')?.year).toBe(2006);
    expect(parseNikBirth('3275081506210010', '2021-05-20')?.year).toBe(1921);
    expect(parseNikBirth('3275081505210010', '2021-05-20')?.year).toBe(2021);
  });

  it('counts whole years', () => {
    const b = parseNikBirth('3275081506060010', '2021-05-20');
    expect(b && ageAt(b, '2023-06-14')).toBe(16);
    expect(b && ageAt(b, '2023-06-15')).toBe(17);
  });
});

describe('parseDateCell', () => {
  it('gives both readings of an ambiguous cell, day-first first', () => {
    expect(parseDateCell('03/04/1990')).toEqual([
      { day: 3, month: 4, year: 1990, twoDigitYear: false },
      { day: 4, month: 3, year: 1990, twoDigitYear: false },
    ]);
  });

  it('gives one reading when a part is over 12', () => {
    expect(parseDateCell('13/04/1990')).toEqual([{ day: 13, month: 4, year: 1990, twoDigitYear: false }]);
    expect(parseDateCell('04/13/1990')).toEqual([{ day: 13, month: 4, year: 1990, twoDigitYear: false }]);
  });

  it('reads Indonesian and English month names, ISO dates and Excel serials', () => {
    expect(parseDateCell('12 AGUSTUS 1975')).toEqual([{ day: 12, month: 8, year: 1975, twoDigitYear: false }]);
    expect(parseDateCell('1 Nopember 1980')).toEqual([{ day: 1, month: 11, year: 1980, twoDigitYear: false }]);
    expect(parseDateCell('1975-08-12')).toEqual([{ day: 12, month: 8, year: 1975, twoDigitYear: false }]);
    expect(parseDateCell('27618')).toEqual([{ day: 12, month: 8, year: 1975, twoDigitYear: false }]);
  });

  it('gives nothing for what is no date', () => {
    for (const v of ['31/02/1990', '12 FOO 1990', 'BEKASI', '', '45/45/1990']) expect(parseDateCell(v), v).toEqual([]);
  });
});

describe('readCommonDate', () => {
  it('reads the two common shapes as the general reader does, and leaves every other cell to it', () => {
    // Mostly digits with separators where the shapes put them, sometimes not: near misses too.
    const digit = fc.constantFrom('0', '1', '2', '3', '9');
    const any = fc.constantFrom('0', '1', '2', '3', '9', '/', '-', '.', ' ', 'A');
    const sep = fc.oneof({ weight: 5, arbitrary: fc.constantFrom('/', '-', '.') }, { weight: 1, arbitrary: any });
    const dig = fc.oneof({ weight: 9, arbitrary: digit }, { weight: 1, arbitrary: any });
    const dmy = fc.tuple(dig, dig, sep, dig, dig, sep, dig, dig, dig, dig);
    const ymd = fc.tuple(dig, dig, dig, dig, sep, dig, dig, sep, dig, dig);
    fc.assert(
      fc.property(fc.oneof(dmy, ymd, fc.array(any, { minLength: 9, maxLength: 11 })), (parts) => {
        const cell = parts.join('');
        const fast = readCommonDate(cell);
        if (fast !== null) expect(fast).toEqual(readAnyDate(cell));
      }),
      { numRuns: 20_000 },
    );
    // Real dates of both shapes, ambiguous ones included.
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }), fc.constantFrom('/', '-', '.'), (d, sep) => {
        const dd = String(d.getUTCDate()).padStart(2, '0');
        const mm = String(d.getUTCMonth() + 1).padStart(2, '0');
        const yyyy = String(d.getUTCFullYear());
        for (const cell of [`${dd}${sep}${mm}${sep}${yyyy}`, `${yyyy}${sep}${mm}${sep}${dd}`]) {
          expect(readCommonDate(cell)).toEqual(readAnyDate(cell));
          expect(readCommonDate(cell)?.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 5_000 },
    );
    expect(readCommonDate('12 AGUSTUS 1975')).toBeNull();
    expect(readCommonDate(' 12/08/1975')).toBeNull();
  });
});

describe('parseSex', () => {
  it('reads what people type', () => {
    expect(['L', 'Laki-laki', 'PRIA', 'lk'].map(parseSex)).toEqual(['L', 'L', 'L', 'L']);
    expect(['P', 'Perempuan', 'WANITA', 'pr'].map(parseSex)).toEqual(['P', 'P', 'P', 'P']);
    expect(parseSex('?')).toBeNull();
  });
});
