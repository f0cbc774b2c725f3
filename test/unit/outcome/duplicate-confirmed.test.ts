import { describe, expect, it } from 'vitest';
import { duplicateConfirmed } from '../../../src/outcome/cross-row/duplicate-confirmed.js';
import { CTX, facts } from '../../helpers/cross-row.js';

describe('duplicate-confirmed', () => {
  it('rejects the later row an analyst said is the same person (SAMA), naming the decisions file', () => {
    const confirmed = { other: { file: 0, line: 4 }, otherNik: '3275010101900002', list: 'review-bekasi.csv' };
    expect(duplicateConfirmed.check(facts({ confirmed }), CTX)).toEqual([
      { code: 'DUPLICATE_CONFIRMED', field: 'nik', params: { other: 'kec-a.csv:4', otherNik: '3275010101900002', list: 'review-bekasi.csv' } },
    ]);
  });

  it('says nothing without a decision', () => {
    expect(duplicateConfirmed.check(facts(), CTX)).toEqual([]);
  });
});
