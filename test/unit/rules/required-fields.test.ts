import { describe, expect, it } from 'vitest';
import { requiredFields } from '../../../src/rules/required-fields.js';
import { BASE, ctx, row } from '../../helpers/rows.js';

describe('required-fields', () => {
  it('finds nothing on a complete row', () => {
    expect(requiredFields.check(row(BASE), ctx())).toEqual([]);
  });

  it('reports each empty required field with its code and field', () => {
    const r = row({ ...BASE, alamat: '', no_hp: '  ' });
    expect(requiredFields.check(r, ctx())).toEqual([
      { code: 'MISSING_ALAMAT', field: 'alamat', params: { field: 'alamat' } },
      { code: 'MISSING_NO_HP', field: 'no_hp', params: { field: 'no_hp' } },
    ]);
  });

  it.each(['-', '--', '.', '0', 'N/A', 'na', 'NULL', 'tidak ada', 'TDK ADA', 'Belum Ada', 'KOSONG'])(
    'treats the placeholder %j as empty',
    (placeholder) => {
      expect(requiredFields.check(row({ ...BASE, bidang_usaha: placeholder }), ctx())).toEqual([
        { code: 'MISSING_BIDANG_USAHA', field: 'bidang_usaha', params: { field: 'bidang_usaha' } },
      ]);
    },
  );

  it('reports a required field the file has no column for', () => {
    const { no_hp: _, ...noPhone } = BASE;
    expect(requiredFields.check(row(noPhone), ctx()).map((f) => f.code)).toEqual(['MISSING_NO_HP']);
  });

  it('follows the configured required set', () => {
    const r = row({ ...BASE, no_kk: '' });
    expect(requiredFields.check(r, ctx({ required: ['nik', 'no_kk'] }))).toEqual([
      { code: 'MISSING_NO_KK', field: 'no_kk', params: { field: 'no_kk' } },
    ]);
  });
});
