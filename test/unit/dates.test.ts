import { describe, expect, it } from 'vitest';
import { parseDateCell } from '../../src/normalize/date-cell.js';
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

describe('parseSex', () => {
  it('reads what people type', () => {
    expect(['L', 'Laki-laki', 'PRIA', 'lk'].map(parseSex)).toEqual(['L', 'L', 'L', 'L']);
    expect(['P', 'Perempuan', 'WANITA', 'pr'].map(parseSex)).toEqual(['P', 'P', 'P', 'P']);
    expect(parseSex('?')).toBeNull();
  });
});
