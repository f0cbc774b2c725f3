import { describe, expect, it } from 'vitest';
import { kecamatanUnknown } from '../../../src/rules/kecamatan-unknown.js';
import { buildRegionTable, foldKecamatan } from '../../../src/schema/region-table.js';
import { BASE, ctx, row } from '../../helpers/rows.js';

const bekasi = buildRegionTable('32.75', 'KOTA BEKASI', [
  { code: '32.75.08', name: 'Pondokgede' },
  { code: '32.75.02', name: 'Bekasi Barat' },
]);

describe('kecamatan-unknown', () => {
  it.each(['PONDOK GEDE', 'Pondokgede', 'KEC. PONDOK GEDE', 'Kecamatan Pondok-Gede', 'bekasi barat'])('knows %j', (kecamatan) => {
    expect(kecamatanUnknown.check(row({ ...BASE, kecamatan }), ctx({ region: bekasi }))).toEqual([]);
  });

  it('warns about a kecamatan of another region', () => {
    expect(kecamatanUnknown.check(row({ ...BASE, kecamatan: 'CIBUBUR' }), ctx({ region: bekasi }))).toEqual([
      { code: 'KECAMATAN_UNKNOWN', field: 'kecamatan', params: { value: 'CIBUBUR', region: 'KOTA BEKASI' } },
    ]);
  });

  it('says nothing without --region or without a kecamatan', () => {
    expect(kecamatanUnknown.check(row({ ...BASE, kecamatan: 'CIBUBUR' }), ctx())).toEqual([]);
    expect(kecamatanUnknown.check(row({ ...BASE, kecamatan: '-' }), ctx({ region: bekasi }))).toEqual([]);
  });

  it('folds like the table is written', () => {
    expect(foldKecamatan('KEC. PONDOK GEDE')).toBe(foldKecamatan('Pondokgede'));
  });
});
