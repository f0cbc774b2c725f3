import { describe, expect, it } from 'vitest';
import { possibleDuplicate } from '../../../src/outcome/cross-row/possible-duplicate.js';
import { CTX, CTX_EN, facts, POSSIBLE } from '../../helpers/cross-row.js';

describe('possible-duplicate', () => {
  it('holds the row and points at the other, with the evidence in the run language', () => {
    expect(possibleDuplicate.check(facts({ possible: POSSIBLE }), CTX)).toEqual([
      {
        code: 'POSSIBLE_DUPLICATE',
        field: 'nik',
        params: { other: 'kec-b.csv:7', otherNik: '3275010101900002', why: 'NIK beda 1 digit (posisi 16); nama sama setelah gelar dibuang; tanggal lahir sama' },
      },
    ]);
    expect(possibleDuplicate.check(facts({ possible: POSSIBLE }), CTX_EN)[0]?.params.why).toMatch(/^NIK differs in 1 digit/);
  });

  it('is not also said of a row an analyst already confirmed as a duplicate', () => {
    const confirmed = { other: { file: 0, line: 4 }, otherNik: '3275010101900009', list: 'review.csv' };
    expect(possibleDuplicate.check(facts({ possible: POSSIBLE, confirmed }), CTX)).toEqual([]);
  });
});
