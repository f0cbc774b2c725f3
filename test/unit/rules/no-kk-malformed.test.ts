import { describe, expect, it } from 'vitest';
import { noKkMalformed } from '../../../src/rules/no-kk-malformed.js';
import { BASE, ctx, row } from '../../helpers/rows.js';

describe('no-kk-malformed', () => {
  it('accepts 16 digits with separators and says nothing when there is no No. KK', () => {
    expect(noKkMalformed.check(row({ ...BASE, no_kk: "'3275 0812 0300 0001" }), ctx())).toEqual([]);
    expect(noKkMalformed.check(row({ ...BASE, no_kk: '-' }), ctx())).toEqual([]);
    expect(noKkMalformed.check(row(BASE), ctx())).toEqual([]);
  });

  it('reports a No. KK that is not 16 digits', () => {
    expect(noKkMalformed.check(row({ ...BASE, no_kk: '32750812030000' }), ctx())).toEqual([
      { code: 'NO_KK_MALFORMED', field: 'no_kk', params: { value: '32750812030000' } },
    ]);
  });
});

describe('no-kk-malformed region code', () => {
  it('reports 16 digits that start with no province code', () => {
    expect(noKkMalformed.check(row({ ...BASE, no_kk: '0075020101100001' }), ctx())).toEqual([
      { code: 'NO_KK_MALFORMED', field: 'no_kk', params: { value: '0075020101100001' } },
    ]);
  });
});
