import { describe, expect, it } from 'vitest';
import { detectLayout } from '../../src/io/detect-layout.js';
import { buildAliasIndex, DEFAULT_REQUIRED } from '../../src/schema/fields.js';

const aliases = buildAliasIndex();

describe('detectLayout', () => {
  it('finds a ; header under title rows', () => {
    const sample = 'DAFTAR USULAN CALON PENERIMA BPUM;;;\r\nTAHUN 2021;;;\r\n;;;\r\nNO;NIK;NAMA;ALAMAT;BIDANG USAHA;NO HP\r\n1;3275;X;Y;Z;08\r\n';
    const layout = detectLayout(sample, aliases, DEFAULT_REQUIRED);
    expect(layout).toMatchObject({ ok: true, delimiter: ';', headerLine: 4 });
    if (layout.ok) expect(layout.mapping.columns).toEqual({ nik: 1, nama: 2, alamat: 3, bidang_usaha: 4, no_hp: 5 });
  });

  it('maps the header names of the SPEC in any order, ignoring case and punctuation', () => {
    const sample = 'No. Telp/HP\tSEKTOR USAHA\tALAMAT SESUAI KTP\tNAMA PEMILIK USAHA\tNOMOR INDUK KEPENDUDUKAN\tL/P\tTgl Lahir\tKel/Desa\tKec\n';
    const layout = detectLayout(sample, aliases, DEFAULT_REQUIRED);
    expect(layout).toMatchObject({ ok: true, delimiter: '\t', headerLine: 1 });
    if (layout.ok) {
      expect(layout.mapping.columns).toEqual({
        no_hp: 0, bidang_usaha: 1, alamat: 2, nama: 3, nik: 4, jenis_kelamin: 5, tanggal_lahir: 6, kelurahan: 7, kecamatan: 8,
      });
    }
  });

  it('is not fooled by commas inside a ; file', () => {
    const sample = 'NIK;NAMA;ALAMAT;BIDANG USAHA;NO HP\n1;"A, B";"JL. X, RT 1";Y;08\n';
    expect(detectLayout(sample, aliases, DEFAULT_REQUIRED)).toMatchObject({ ok: true, delimiter: ';' });
  });

  it('says which required columns the best candidate lacks', () => {
    const sample = 'TITLE\nNIK,NAMA,ALAMAT\n1,2,3\n';
    expect(detectLayout(sample, aliases, DEFAULT_REQUIRED)).toEqual({
      ok: false,
      best: { line: 2, missing: ['bidang_usaha', 'no_hp'] },
    });
  });

  it('takes config aliases', () => {
    const custom = buildAliasIndex({ nik: ['NIK PEMILIK'], no_hp: ['WA'] });
    const sample = 'NIK PEMILIK|NAMA|ALAMAT|USAHA|WA\n';
    expect(detectLayout(sample, custom, DEFAULT_REQUIRED)).toMatchObject({ ok: true, delimiter: '|' });
  });
});
