import { describe, expect, it } from 'vitest';
import { nikOutsideRegion } from '../../../src/rules/nik-outside-region.js';
import { buildRegionTable } from '../../../src/schema/region-table.js';
import { BASE, ctx, row } from '../../helpers/rows.js';

const bekasi = buildRegionTable('32.75', 'KOTA BEKASI', [{ code: '32.75.08', name: 'Pondokgede' }]);

describe('nik-outside-region', () => {
  it('warns about a NIK from Kabupaten Bekasi or Papua, naming region and code', () => {
    expect(nikOutsideRegion.check(row({ ...BASE, nik: '3216061203850013' }), ctx({ region: bekasi }))).toEqual([
      { code: 'NIK_OUTSIDE_REGION', field: 'nik', params: { region: 'KOTA BEKASI', code: '32.16' } },
    ]);
    expect(nikOutsideRegion.check(row({ ...BASE, nik: '9171015505900001' }), ctx({ region: bekasi }))[0]?.params.code).toBe('91.71');
  });

  it('says nothing inside the region, without --region, or for an unknown province', () => {
    expect(nikOutsideRegion.check(row(BASE), ctx({ region: bekasi }))).toEqual([]);
    expect(nikOutsideRegion.check(row({ ...BASE, nik: '3216061203850013' }), ctx())).toEqual([]);
    expect(nikOutsideRegion.check(row({ ...BASE, nik: '2075100101800012' }), ctx({ region: bekasi }))).toEqual([]);
  });
});
