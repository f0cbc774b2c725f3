/** inspect looks at every input, names each file it cannot use, and exits 3 only at the end. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { DEMO } from '../helpers/paths.js';

const tmp = mkdtempSync(join(tmpdir(), 'umkm-inspect-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const noBusiness = join(tmp, 'tanpa-usaha.csv');
writeFileSync(noBusiness, 'NIK;NAMA;ALAMAT;NO HP\n3275084507850001;A;B;081234567801\n');
const unclosed = join(tmp, 'kutip.csv');
writeFileSync(unclosed, 'NIK;NAMA;ALAMAT;BIDANG USAHA;NO HP\n3275084507850001;"SITI;B;WARUNG;081234567801\n');
const missing = join(tmp, 'hilang.csv');
const good = join(DEMO, 'kec-jatiasih.txt');
const alsoGood = join(DEMO, 'kec-pondokgede.csv');

describe('inspect over every input', () => {
  it('shows every readable file, names every other one on stderr in order, then exits 3', () => {
    const r = runCli(['inspect', noBusiness, good, missing, unclosed, alsoGood]);
    expect(r.code).toBe(3);
    expect(r.stdout).toContain(`${good}\n  encoding: utf-16le+BOM`);
    expect(r.stdout).toContain(`${alsoGood}\n  encoding: utf-8+BOM`);
    const errors = r.stderr.trim().split('\n');
    expect(errors).toHaveLength(3);
    expect(errors[0]).toContain(`${noBusiness}: tidak ada baris judul kolom yang memuat kolom wajib`);
    expect(errors[0]).toContain('tidak ada: BIDANG_USAHA');
    expect(errors[1]).toContain(`${missing}: berkas tidak ditemukan`);
    expect(errors[2]).toContain(`${unclosed} baris 2: tanda kutip (") dibuka tetapi tidak pernah ditutup`);
  });

  it('--json gives every file in order, each problem with its key and words', () => {
    const r = runCli(['inspect', noBusiness, good, missing, '--json', '--lang', 'en']);
    expect(r.code).toBe(3);
    const entries = JSON.parse(r.stdout);
    expect(entries.map((e: { file: string }) => e.file)).toEqual([noBusiness, good, missing]);
    expect(entries[0].problem).toMatchObject({ key: 'input.noHeader', message: expect.stringContaining('lacks: BIDANG_USAHA') });
    expect(entries[1]).toMatchObject({ encoding: 'utf-16le', records: 15 });
    expect(entries[2].problem).toEqual({ key: 'input.notFound', message: `${missing}: file not found. Check its name and folder.` });
  });

  it('shows a few values per column, NIKs masked, and every warning clean gives', () => {
    const r = runCli(['inspect', join(DEMO, 'kec-rawalumbu.csv'), join(DEMO, 'kec-bekasi-barat.csv'), '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/2\. "NIK"\s+-> nik\s+e\.g\.: 327507\*{8}10 \| 327507\*{8}20 \| 327507\*{8}30\n/);
    expect(r.stdout).toMatch(/3\. "NAMA"\s+-> nama\s+e\.g\.: ASEP SUNANDAR \| YULIANTI \| DEDI KURNIAWAN\n/);
    expect(r.stdout).toContain('  !! WARNING ');
    expect(r.stdout).toContain('kec-rawalumbu.csv: 5 of 5 NIKs end in 0 and 1 are in scientific notation');
    expect(r.stdout).toContain('  ! 1 rows have more cells than the header (first on line 9)');
    expect(r.stdout).not.toMatch(/\d{16}/);
    const json = JSON.parse(runCli(['inspect', join(DEMO, 'kec-rawalumbu.csv'), '--json']).stdout);
    expect(json[0].columns[1]).toEqual({ header: 'NIK', field: 'nik', samples: ['327507********10', '327507********20', '327507********30'] });
    expect(json[0].notices).toEqual([{ code: 'nikColumnDamaged', level: 'warning', message: expect.stringContaining('5 dari 5 NIK berakhir dengan 0') }]);
  });

  it('exits 0 when every file can be used', () => {
    const r = runCli(['inspect', good, alsoGood]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });
});
