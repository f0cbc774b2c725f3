import { describe, expect, it } from 'vitest';
import { excluded } from '../../../src/rules/excluded.js';
import { BASE, ctx, row } from '../../helpers/rows.js';

const lists = ctx({
  received: new Map([['3275084507850001', 'bpum-2020.csv']]),
  excluded: new Map([['3275084507850001', 'asn.csv']]),
});

describe('excluded', () => {
  it('reports a NIK on an --exclude list, naming the list', () => {
    expect(excluded.check(row(BASE), lists)).toEqual([{ code: 'EXCLUDED', field: 'nik', params: { list: 'asn.csv' } }]);
  });

  it('says nothing without lists', () => {
    expect(excluded.check(row(BASE), ctx())).toEqual([]);
  });
});
