import { describe, expect, it } from 'vitest';
import { nikMalformed } from '../../../src/rules/nik-malformed.js';
import { BASE, ctx, row } from '../../helpers/rows.js';

describe('nik-malformed', () => {
  it.each([
    ['3275084507850001'],
    ["'3275084507850001"],
    ['="3275084507850001"'],
    ['3275 0845 0785 0001'],
    ['3275.0845.0785.0001'],
    ['3275-0845-0785-0001'],
    ['9171015505900001'],
  ])('accepts %j once normalised', (nik) => {
    expect(nikMalformed.check(row({ ...BASE, nik }), ctx())).toEqual([]);
  });

  it('reports 15 digits with the value as typed and the digit count', () => {
    expect(nikMalformed.check(row({ ...BASE, nik: '327508010190006' }), ctx())).toEqual([
      { code: 'NIK_MALFORMED', field: 'nik', params: { value: '327508010190006', length: 15, other: 0 } },
    ]);
  });

  it('reports letters and 17 digits', () => {
    expect(nikMalformed.check(row({ ...BASE, nik: '32750801019000O6' }), ctx())).toHaveLength(1);
    expect(nikMalformed.check(row({ ...BASE, nik: '32750801019000061' }), ctx())[0]?.params.length).toBe(17);
  });

  it('leaves scientific notation to nik-excel-mangled and an empty NIK to required-fields', () => {
    expect(nikMalformed.check(row({ ...BASE, nik: '3.27508E+15' }), ctx())).toEqual([]);
    expect(nikMalformed.check(row({ ...BASE, nik: '' }), ctx())).toEqual([]);
  });
});

describe('nik-malformed with stray characters', () => {
  it('counts the characters that are not digits', () => {
    expect(nikMalformed.check(row({ ...BASE, nik: '@3275020101900005' }), ctx())).toEqual([
      { code: 'NIK_MALFORMED', field: 'nik', params: { value: '@3275020101900005', length: 16, other: 1 } },
    ]);
  });
});
