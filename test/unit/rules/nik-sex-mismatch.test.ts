import { describe, expect, it } from 'vitest';
import { nikSexMismatch } from '../../../src/rules/nik-sex-mismatch.js';
import { BASE, ctx, row } from '../../helpers/rows.js';

const WOMAN = '3275084507850001';
const MAN = '3275081203800002';

describe('nik-sex-mismatch', () => {
  it.each([[WOMAN, 'P'], [WOMAN, 'perempuan'], [WOMAN, 'Wanita'], [MAN, 'L'], [MAN, 'LAKI-LAKI'], [MAN, 'Pria']])(
    '%s agrees with %j',
    (nik, jenis_kelamin) => {
      expect(nikSexMismatch.check(row({ ...BASE, nik, jenis_kelamin }), ctx())).toEqual([]);
    },
  );

  it('warns when JK disagrees with day + 40', () => {
    expect(nikSexMismatch.check(row({ ...BASE, nik: MAN, jenis_kelamin: 'P' }), ctx())).toEqual([
      { code: 'NIK_SEX_MISMATCH', field: 'jenis_kelamin', params: { value: 'P', nikSex: 'L' } },
    ]);
    expect(nikSexMismatch.check(row({ ...BASE, nik: WOMAN, jenis_kelamin: 'L' }), ctx())[0]?.params.nikSex).toBe('P');
  });

  it('says nothing for an unreadable or empty JK', () => {
    expect(nikSexMismatch.check(row({ ...BASE, nik: MAN, jenis_kelamin: 'X' }), ctx())).toEqual([]);
    expect(nikSexMismatch.check(row({ ...BASE, nik: MAN, jenis_kelamin: '-' }), ctx())).toEqual([]);
  });
});
