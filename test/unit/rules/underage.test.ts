import { describe, expect, it } from 'vitest';
import { underage } from '../../../src/rules/underage.js';
import { BASE, ctx, row } from '../../helpers/rows.js';

const check = (nik: string, asOf: string) => underage.check(row({ ...BASE, nik }, asOf), ctx({ asOf }));

describe('underage', () => {
  it('rejects a 14-year-old with age and date', () => {
    expect(check('3275101506060010', '2021-05-20')).toEqual([
      { code: 'UNDERAGE', field: 'nik', params: { age: 14, asOf: '2021-05-20' } },
    ]);
  });

  it('turns 17 on the birthday itself, for women too (day + 40)', () => {
    expect(check('3275085505040001', '2021-05-14')).toEqual([
      { code: 'UNDERAGE', field: 'nik', params: { age: 16, asOf: '2021-05-14' } },
    ]);
    expect(check('3275085505040001', '2021-05-15')).toEqual([]);
  });

  it('reads 75 as 1975, not 2075', () => {
    expect(check('3275081708750009', '2021-05-20')).toEqual([]);
  });

  it('says nothing when the NIK has no real date', () => {
    expect(check('3275083102800001', '2021-05-20')).toEqual([]);
  });
});
