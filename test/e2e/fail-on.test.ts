/** --fail-on for batch jobs: rows held for review (4) and rejected rows (5) as exit codes. */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { DEMO } from '../helpers/paths.js';

const tmp = mkdtempSync(join(tmpdir(), 'umkm-fail-on-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const ALL = ['kec-pondokgede.csv', 'kec-bekasi-barat.csv', 'kec-jatiasih.txt', 'kec-rawalumbu.csv'].map((f) => join(DEMO, f));
/** 4 rejected rows and none held for review. */
const REJECTED_ONLY = join(DEMO, 'kec-bekasi-barat.csv');
const asOf = ['--as-of', '2021-05-20'];

function cleanFile(): string {
  const file = join(tmp, 'bersih.csv');
  // Synthetic rows: valid NIKs (Kota Bekasi, born 1985 and 1979), nothing to reject or hold.
  writeFileSync(
    file,
    'NIK;NAMA;ALAMAT;BIDANG USAHA;NO HP\n3275084507850001;SITI CONTOH;JL. MAWAR 1;WARUNG;081234567801\n3275081203790002;BUDI CONTOH;JL. MELATI 2;BENGKEL;081234567802\n',
  );
  return file;
}

describe('--fail-on', () => {
  it('review: exit 4 when rows are held, the outputs written and the reason said on stderr', () => {
    const out = join(tmp, 'review');
    const r = runCli(['clean', ...ALL, ...asOf, '--out', out, '--quiet', '--fail-on', 'review']);
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('3 baris ditahan untuk diperiksa (--fail-on review): kode keluar 4.');
    expect(existsSync(join(out, 'submission.csv'))).toBe(true);
    expect(existsSync(join(out, 'review.csv'))).toBe(true);
  });

  it('rejected: exit 5 when rows are rejected', () => {
    const r = runCli(['check', ...ALL, ...asOf, '--quiet', '--fail-on', 'rejected', '--lang', 'en']);
    expect(r.code).toBe(5);
    expect(r.stderr).toMatch(/\d+ rows are rejected \(--fail-on rejected\): exit code 5\./);
  });

  it('any: 4 when rows are held (before rejected ones), else 5', () => {
    expect(runCli(['check', ...ALL, ...asOf, '--quiet', '--fail-on', 'any']).code).toBe(4);
    expect(runCli(['check', REJECTED_ONLY, ...asOf, '--quiet', '--fail-on', 'any']).code).toBe(5);
    expect(runCli(['check', REJECTED_ONLY, ...asOf, '--quiet', '--fail-on', 'review']).code).toBe(0);
  });

  it('a batch with nothing held or rejected exits 0 under any, and so does every batch without the option', () => {
    const r = runCli(['clean', cleanFile(), ...asOf, '--out', join(tmp, 'bersih'), '--quiet', '--fail-on', 'any']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(runCli(['check', ...ALL, ...asOf, '--quiet']).code).toBe(0);
  });

  it('keeps stdout pure JSON under --json', () => {
    const r = runCli(['check', ...ALL, ...asOf, '--json', '--fail-on', 'review']);
    expect(r.code).toBe(4);
    expect(JSON.parse(r.stdout).totals.review).toBe(3);
  });

  it('refuses a value it does not know (exit 2)', () => {
    const r = runCli(['check', REJECTED_ONLY, '--fail-on', 'semua']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('semua');
  });

  it('is documented in help with its exit codes', () => {
    // Commander wraps descriptions to the width: read the words, not the lines.
    const help = runCli(['clean', '--help', '--lang', 'en']).stdout.replace(/\s+/g, ' ');
    expect(help).toContain('--fail-on <rows>');
    expect(help).toMatch(/choices: "review", "rejected", "any"/);
    expect(help).toMatch(/4 rows held for review \(--fail-on review or any\)/);
    expect(help).toMatch(/5 rows rejected \(--fail-on rejected or any\)/);
  });
});
