import { describe, expect, it } from 'vitest';
import { duplicateNik } from '../../../src/outcome/cross-row/duplicate-nik.js';
import { CTX, facts } from '../../helpers/cross-row.js';

describe('duplicate-nik', () => {
  it('points a copy of a NIK at the kept copy', () => {
    expect(duplicateNik.check(facts({ verdict: { kind: 'duplicate', keeper: { file: 0, line: 3 } } }), CTX)).toEqual([
      { code: 'DUPLICATE_NIK', field: 'nik', params: { other: 'kec-a.csv:3' } },
    ]);
  });

  it('says nothing of the kept copy, a NIK carried once, or a conflict', () => {
    expect(duplicateNik.check(facts({ verdict: { kind: 'keeper' } }), CTX)).toEqual([]);
    expect(duplicateNik.check(facts(), CTX)).toEqual([]);
    const conflict = { kind: 'conflict', other: { file: 1, line: 2 }, otherName: 'BUDI', score: 0.4 } as const;
    expect(duplicateNik.check(facts({ verdict: conflict }), CTX)).toEqual([]);
  });
});
