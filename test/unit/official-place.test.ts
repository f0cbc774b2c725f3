/** KECAMATAN and KELURAHAN by their official names (issue 17): the one lookup, on a table built here and on the real one. */
import { describe, expect, it } from 'vitest';
import { loadRegion } from '../../src/io/load-regions.js';
import { buildRegionTable, officialPlace } from '../../src/schema/region-table.js';

// Synthetic, spelt as idn-area-data spells Kota Bekasi, plus a name two kecamatan share and two
// villages of one kecamatan that fold alike (the real table has Lubuk Pakam I II and III).
const table = buildRegionTable(
  '32.75',
  'KOTA BEKASI',
  [
    { code: '32.75.08', name: 'Pondokgede' },
    { code: '32.75.02', name: 'Bekasi Barat' },
    { code: '32.75.05', name: 'Rawalumbu' },
    { code: '32.75.06', name: 'Medansatria' },
  ],
  [
    { districtCode: '32.75.08', name: 'Jatibening' },
    { districtCode: '32.75.08', name: 'Jatibening Baru' },
    { districtCode: '32.75.02', name: 'Kotabaru' },
    { districtCode: '32.75.02', name: 'Suka Maju' },
    { districtCode: '32.75.05', name: 'Bojong Rawalumbu' },
    { districtCode: '32.75.05', name: 'Sukamaju' },
    { districtCode: '32.75.06', name: 'Medansatria' },
    { districtCode: '32.75.06', name: 'Pejuang I II' },
    { districtCode: '32.75.06', name: 'Pejuang III' },
    { districtCode: '32.75.06', name: 'Kalibaru' },
    { districtCode: '32.75.06', name: 'Kalibaru' },
    // A village of a district outside the region is no concern of this table.
    { districtCode: '32.16.01', name: 'Jatibening' },
  ],
);

const place = (kecamatan: string, kelurahan: string) => officialPlace(table, kecamatan, kelurahan);

describe('officialPlace', () => {
  it.each(['PONDOK GEDE', 'Pondokgede', 'KEC. PONDOKGEDE', 'Kecamatan Pondok-Gede', 'kec pondok gede'])(
    'writes %j as the table spells it, in upper case',
    (kecamatan) => {
      expect(place(kecamatan, 'JATIBENING')).toEqual({ kecamatan: 'PONDOKGEDE', kelurahan: 'JATIBENING' });
    },
  );

  it.each(['KEL. JATI BENING BARU', 'Kelurahan Jatibening-Baru', 'jatibening baru', 'DESA JATIBENING BARU'])(
    'writes the kelurahan %j by its name in the kecamatan, spaces where the table has them',
    (kelurahan) => {
      expect(place('PONDOK GEDE', kelurahan)).toEqual({ kecamatan: 'PONDOKGEDE', kelurahan: 'JATIBENING BARU' });
    },
  );

  it('adds no space and takes none out: the table is the spelling', () => {
    expect(place('MEDAN SATRIA', 'MEDAN SATRIA')).toEqual({ kecamatan: 'MEDANSATRIA', kelurahan: 'MEDANSATRIA' });
    expect(place('RAWA LUMBU', 'BOJONGRAWALUMBU')).toEqual({ kecamatan: 'RAWALUMBU', kelurahan: 'BOJONG RAWALUMBU' });
    expect(place('BEKASI BARAT', 'KOTA BARU')).toEqual({ kecamatan: 'BEKASI BARAT', kelurahan: 'KOTABARU' });
  });

  it('looks a kelurahan up in its own kecamatan: a name two kecamatan share takes each one\'s spelling', () => {
    expect(place('BEKASI BARAT', 'SUKAMAJU')).toEqual({ kecamatan: 'BEKASI BARAT', kelurahan: 'SUKA MAJU' });
    expect(place('RAWALUMBU', 'SUKA MAJU')).toEqual({ kecamatan: 'RAWALUMBU', kelurahan: 'SUKAMAJU' });
  });

  it('keeps a kelurahan that is none of its kecamatan\'s villages as typed, beside the official kecamatan', () => {
    // Kotabaru is Bekasi Barat's, not Pondokgede's.
    expect(place('KEC. PONDOK GEDE', 'KOTA BARU')).toEqual({ kecamatan: 'PONDOKGEDE', kelurahan: 'KOTA BARU' });
    expect(place('PONDOK GEDE', 'KEL. ANTAH BERANTAH')).toEqual({ kecamatan: 'PONDOKGEDE', kelurahan: 'KEL. ANTAH BERANTAH' });
    expect(place('PONDOK GEDE', '')).toEqual({ kecamatan: 'PONDOKGEDE', kelurahan: '' });
  });

  it('does not choose between two villages of one kecamatan that fold alike, but writes a name the table repeats', () => {
    expect(place('MEDANSATRIA', 'PEJUANG III')).toEqual({ kecamatan: 'MEDANSATRIA', kelurahan: 'PEJUANG III' });
    expect(place('MEDANSATRIA', 'pejuang iii')).toEqual({ kecamatan: 'MEDANSATRIA', kelurahan: 'pejuang iii' });
    expect(place('MEDANSATRIA', 'KALI BARU')).toEqual({ kecamatan: 'MEDANSATRIA', kelurahan: 'KALIBARU' });
  });

  it('knows no place without a kecamatan of the region: both go out as typed', () => {
    expect(place('', 'JATIBENING')).toBeNull();
    expect(place('CIBUBUR', 'JATIBENING')).toBeNull();
    expect(place('KEC.', 'JATIBENING')).toBeNull();
  });

  it('builds the same answer for every row from maps made once', () => {
    expect(place('PONDOK GEDE', 'JATIBENING')).toBe(place('Pondokgede', 'jati bening'));
  });
});

describe('the Kemendagri table through loadRegion', () => {
  it('has every kecamatan of Kota Bekasi and their kelurahan, as idn-area-data writes them', async () => {
    const bekasi = await loadRegion('3275');
    expect(bekasi.official.size).toBe(12);
    expect(officialPlace(bekasi, 'KEC. PONDOK GEDE', 'JATI BENING BARU')).toEqual({ kecamatan: 'PONDOKGEDE', kelurahan: 'JATIBENING BARU' });
    expect(officialPlace(bekasi, 'MEDAN SATRIA', 'HARAPAN MULYA')).toEqual({ kecamatan: 'MEDANSATRIA', kelurahan: 'HARAPANMULYA' });
    // Harapanjaya is Bekasi Utara's: typed under Bekasi Barat it stays as typed.
    expect(officialPlace(bekasi, 'BEKASI BARAT', 'HARAPAN JAYA')).toEqual({ kecamatan: 'BEKASI BARAT', kelurahan: 'HARAPAN JAYA' });
    expect(officialPlace(bekasi, 'BEKASI UTARA', 'HARAPAN JAYA')).toEqual({ kecamatan: 'BEKASI UTARA', kelurahan: 'HARAPANJAYA' });
  });
});
