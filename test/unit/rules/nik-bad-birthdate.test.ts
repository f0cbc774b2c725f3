import { describe, expect, it } from 'vitest';
import { nikBadBirthdate } from '../../../src/rules/nik-bad-birthdate.js';
import { BASE, ctx, row } from '../../helpers/rows.js';

const check = (nik: string, asOf = '2021-05-20') => nikBadBirthdate.check(row({ ...BASE, nik }, asOf), ctx({ asOf }));

describe('nik-bad-birthdate', () => {
  it.each([
    ['3275080101800001', 'a man born 1 January 1980'],
    ['3275084101800001', 'day 41: a woman born on the 1st'],
    ['3275087101800001', 'day 71: a woman born on the 31st'],
    ['3275082902000001', '29 February 2000, a leap year'],
    ['3275086902000001', '29 February 2000 for a woman'],
    ['9171015505900001', 'Papua, above 2^53'],
  ])('accepts %s (%s)', (nik) => {
    expect(check(nik)).toEqual([]);
  });

  it.each([
    ['3275080001800001', '000180'],
    ['3275083201800001', '320180'],
    ['3275084001800001', '400180'],
    ['3275087201800001', '720180'],
    ['3275087104800001', '710480'],
    ['3275080113800001', '011380'],
    ['3275083102800001', '310280'],
    ['3275082902010001', '290201'],
  ])('rejects %s (digits %s)', (nik, digits) => {
    expect(check(nik)).toEqual([{ code: 'NIK_BAD_BIRTHDATE', field: 'nik', params: { digits } }]);
  });

  it('picks the century against --as-of: 29 February 00 is 1900 (no leap day) before 2000', () => {
    expect(check('3275082902000001', '1999-12-31')).toHaveLength(1);
    expect(check('3275082902000001', '2000-03-01')).toEqual([]);
  });
});
