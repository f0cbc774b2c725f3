import { describe, expect, it } from 'vitest';
import { nikExcelMangled } from '../../../src/rules/nik-excel-mangled.js';
import { BASE, ctx, row } from '../../helpers/rows.js';

describe('nik-excel-mangled', () => {
  it.each(['3.27501E+15', '3,27501E+15', '3.27501e+15', '3,27501e15', "'3.27501E+15"])('reports %j', (nik) => {
    expect(nikExcelMangled.check(row({ ...BASE, nik }), ctx())).toEqual([
      { code: 'NIK_EXCEL_MANGLED', field: 'nik', params: { value: nik } },
    ]);
  });

  it('says nothing about a NIK written in full', () => {
    expect(nikExcelMangled.check(row(BASE), ctx())).toEqual([]);
  });
});
