import { describe, expect, it } from 'vitest';
import { nikUnknownRegion } from '../../../src/rules/nik-unknown-region.js';
import { BASE, ctx, row } from '../../helpers/rows.js';

describe('nik-unknown-region', () => {
  it.each(['1101015505900001', '2171015505900001', '3275084507850001', '6501015505900001', '9171015505900001', '9601015505900001'])(
    'accepts province %s (Papua above 2^53 included)',
    (nik) => {
      expect(nikUnknownRegion.check(row({ ...BASE, nik }), ctx())).toEqual([]);
    },
  );

  it.each([['2075100101800012', '20'], ['0075100101800012', '00'], ['9775100101800012', '97'], ['3775100101800012', '37']])(
    'rejects %s, naming %s',
    (nik, province) => {
      expect(nikUnknownRegion.check(row({ ...BASE, nik }), ctx())).toEqual([
        { code: 'NIK_UNKNOWN_REGION', field: 'nik', params: { province } },
      ]);
    },
  );

  it('does not check regency codes: a split region keeps its NIKs', () => {
    // 93.01 did not exist before Papua Selatan; 91.99 exists nowhere today.
    expect(nikUnknownRegion.check(row({ ...BASE, nik: '9199015505900001' }), ctx())).toEqual([]);
  });
});
