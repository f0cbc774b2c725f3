import { describe, expect, it } from 'vitest';
import { nikBirthdateMismatch } from '../../../src/rules/nik-birthdate-mismatch.js';
import { BASE, ctx, row } from '../../helpers/rows.js';

// A woman born 8 December 1988; a man born 1 March 1995.
const DEWI = '3275104812880007';
const RIZKI = '3275100103950002';
const check = (nik: string, tanggal_lahir: string) => nikBirthdateMismatch.check(row({ ...BASE, nik, tanggal_lahir }), ctx());

describe('nik-birthdate-mismatch', () => {
  it.each(['08/12/1988', '8-12-1988', '1988-12-08', '08 DESEMBER 1988', '8 Des 1988', '08-Dec-88', '12/08/1988', '32485', '1988-12-08 00:00:00'])(
    'agrees with %j',
    (cell) => {
      expect(check(DEWI, cell)).toEqual([]);
    },
  );

  it('lets the NIK decide between day-first and month-first in one column', () => {
    expect(check(RIZKI, '01/03/1995')).toEqual([]);
    expect(check(RIZKI, '03/01/1995')).toEqual([]);
  });

  it('warns with both dates when they disagree', () => {
    expect(check(DEWI, '12 DESEMBER 1988')).toEqual([
      { code: 'NIK_BIRTHDATE_MISMATCH', field: 'tanggal_lahir', params: { value: '12 DESEMBER 1988', nikDate: '08-12-1988' } },
    ]);
    expect(check(DEWI, '08/12/1989')).toHaveLength(1);
  });

  it('says nothing about a cell that is no date', () => {
    expect(check(DEWI, 'BEKASI')).toEqual([]);
  });
});
