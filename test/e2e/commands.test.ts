/** inspect, init, help, and feeding a corrected rejected.csv back in: through the built binary. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/io/read-config.js';
import { DEFAULT_CONFIG } from '../../src/config/parse-config.js';
import { runCli } from '../helpers/cli.js';
import { DEMO } from '../helpers/paths.js';

const tmp = mkdtempSync(join(tmpdir(), 'umkm-commands-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('inspect', () => {
  it('shows encoding, delimiter, header line, mapping and counts', () => {
    const r = runCli(['inspect', join(DEMO, 'kec-pondokgede.csv'), '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('encoding: utf-8+BOM   delimiter: ;   header on line: 4');
    expect(r.stdout).toMatch(/2\. "NIK"\s+-> nik/);
    expect(r.stdout).toMatch(/9\. "KETERANGAN"\s+-> \(kept as is\)/);
    expect(r.stdout).toContain('data rows: 10   lines that are not data: 8');
    expect(r.stdout).toContain('17: JUMLAH ; 10 USULAN');
  });

  it('--json gives the same facts to scripts', () => {
    const r = runCli(['inspect', join(DEMO, 'kec-bekasi-barat.csv'), '--json']);
    const [report] = JSON.parse(r.stdout);
    expect(report).toMatchObject({ encoding: 'windows-1252', delimiter: ',', headerLine: 1, records: 9 });
    expect(report.columns[0]).toMatchObject({ header: 'No. KTP', field: 'nik' });
  });

  it('names the missing column, exit 3', () => {
    const f = join(tmp, 'tanpa-usaha.csv');
    writeFileSync(f, 'NIK;NAMA;ALAMAT;NO HP\n3275084507850001;A;B;081234567801\n');
    const r = runCli(['inspect', f]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('Baris 1 paling mirip judul kolom, tetapi tidak ada: BIDANG_USAHA.');
  });
});

describe('init', () => {
  it('writes a commented config that loads as the defaults, and will not overwrite it', async () => {
    const file = join(tmp, 'umkm-clean.yaml');
    expect(runCli(['init', file]).code).toBe(0);
    // Explained in the run's language: Indonesian by default, English with --lang en.
    expect(readFileSync(file, 'utf8')).toContain('# Nama judul kolom tambahan per field');
    expect(await loadConfig(file)).toEqual(DEFAULT_CONFIG);
    const english = join(tmp, 'umkm-clean-en.yaml');
    expect(runCli(['init', english, '--lang', 'en']).code).toBe(0);
    expect(readFileSync(english, 'utf8')).toContain('# More header names per field');
    expect(await loadConfig(english)).toEqual(DEFAULT_CONFIG);
    const again = runCli(['init', file]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('sudah ada. Pakai --force');
    expect(runCli(['init', file, '--force']).code).toBe(0);
  });
});

describe('help', () => {
  it('teaches each command with examples', () => {
    const main = runCli(['--help']);
    expect(main.code).toBe(0);
    for (const cmd of ['clean', 'check', 'inspect', 'init']) expect(main.stdout).toContain(cmd);
    expect(runCli(['check', '--help']).stdout).toContain('umkm-clean check kec-a.csv kec-b.csv --region 3275');
    expect(runCli(['inspect', '--help']).stdout).toContain('umkm-clean inspect kec-pondokgede.csv');
  });
});

describe('outputs are never written over inputs', () => {
  it('refuses a workbook from --out itself as an input to a run into that --out (exit 2)', () => {
    const out = join(tmp, 'same-out');
    expect(runCli(['clean', join(DEMO, 'kec-jatiasih.txt'), '--as-of', '2021-05-20', '--out', out, '--quiet']).code).toBe(0);
    const r = runCli(['clean', join(out, 'rejected-kec-jatiasih.xlsx'), '--out', out, '--quiet']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('folder keluaran akan menimpa berkas masukan');
  });
});

describe('a corrected rejected.csv fed back as input', () => {
  it('accepts the fixed rows; the report columns it carries are ignored', () => {
    const first = join(tmp, 'first');
    const inputs = ['kec-pondokgede.csv', 'kec-bekasi-barat.csv', 'kec-jatiasih.txt'].map((f) => join(DEMO, f));
    expect(runCli(['clean', ...inputs, '--as-of', '2021-05-20', '--out', first, '--quiet']).code).toBe(0);
    const rejected = parse(readFileSync(join(first, 'rejected.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    // The kecamatan fills the missing address of Bambang (jatiasih line 6) and sends the row back.
    const bambang = rejected.find((r) => r.source_file === 'kec-jatiasih.txt' && r.source_line === '6') as Record<string, string>;
    expect(bambang.reason_codes).toBe('MISSING_ALAMAT');
    bambang.ALAMAT = 'JL. JATILUHUR RAYA 4';
    const fixed = join(tmp, 'perbaikan.csv');
    writeFileSync(fixed, stringify([bambang], { header: true }));
    const second = join(tmp, 'second');
    expect(runCli(['clean', fixed, '--as-of', '2021-05-20', '--out', second, '--quiet']).code).toBe(0);
    const submission = parse(readFileSync(join(second, 'submission.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    expect(submission).toEqual([
      expect.objectContaining({ NIK: '3275101508700004', NAMA: 'BAMBANG SUTRISNO', ALAMAT: 'JL. JATILUHUR RAYA 4' }),
    ]);
  });
});
