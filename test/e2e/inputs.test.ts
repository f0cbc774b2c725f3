/**
 * Inputs as Windows gives them: cmd and PowerShell pass `*.csv` unexpanded, and so does this test
 * (spawned without a shell), so the built binary must expand patterns and folders itself.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { readSummary } from '../helpers/summary-schema.js';
import { DEMO } from '../helpers/paths.js';

const tmp = mkdtempSync(join(tmpdir(), 'umkm-inputs-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const EXPORTS = ['kec-pondokgede.csv', 'kec-bekasi-barat.csv', 'kec-jatiasih.txt', 'kec-rawalumbu.csv'];
const SORTED = ['kec-bekasi-barat.csv', 'kec-jatiasih.txt', 'kec-pondokgede.csv', 'kec-rawalumbu.csv'];
const LISTS = ['sudah-terima-bpum-2020.csv', 'pengecualian-asn.csv'];

beforeAll(() => {
  mkdirSync(join(tmp, 'usulan'));
  mkdirSync(join(tmp, 'daftar'));
  mkdirSync(join(tmp, 'kosong'));
  for (const f of EXPORTS) cpSync(join(DEMO, f), join(tmp, 'usulan', f));
  for (const f of LISTS) cpSync(join(DEMO, f), join(tmp, 'daftar', f));
});

const common = ['--region', '32.75', '--as-of', '2021-05-20', '--quiet'];
const lists = ['--received', join('daftar', 'sudah-*.csv'), '--exclude', join('daftar', 'pengecualian-???.csv')];
const audit = (out: string) => readFileSync(join(tmp, out, 'audit.csv'), 'utf8');
const summary = (out: string) => readSummary(tmp, out);

describe('patterns and folders the shell did not expand', () => {
  let explicit: string;
  beforeAll(() => {
    const r = runCli(
      ['clean', ...SORTED.map((f) => join('usulan', f)), '--received', join('daftar', LISTS[0] as string), '--exclude', join('daftar', LISTS[1] as string), '--out', 'tegas', ...common],
      { cwd: tmp },
    );
    expect(r.stderr).not.toContain('Kesalahan');
    expect(r.code).toBe(0);
    explicit = audit('tegas');
  });

  it('clean expands a pattern to its files sorted by name, and the lists too', () => {
    const r = runCli(['clean', join('usulan', 'kec-*'), ...lists, '--out', 'pola', ...common], { cwd: tmp });
    expect(r.code).toBe(0);
    expect(summary('pola').options.inputs).toEqual(SORTED.map((f) => join('usulan', f)));
    expect(summary('pola').options.received).toEqual([join('daftar', LISTS[0] as string)]);
    expect(audit('pola')).toBe(explicit);
  });

  it('clean reads every export in a folder, in the same order', () => {
    const r = runCli(['clean', 'usulan', ...lists, '--out', 'folder', ...common], { cwd: tmp });
    expect(r.code).toBe(0);
    expect(summary('folder').options.inputs).toEqual(SORTED.map((f) => join('usulan', f)));
    expect(audit('folder')).toBe(explicit);
  });

  it('check and inspect expand too', () => {
    const check = runCli(['check', join('usulan', '*.csv'), '--json', '--lang', 'en'], { cwd: tmp });
    expect(check.code).toBe(0);
    expect(JSON.parse(check.stdout).files.map((f: { file: string }) => f.file)).toEqual(SORTED.filter((f) => f.endsWith('.csv')));
    expect(JSON.parse(check.stdout).options.inputs).toEqual(SORTED.filter((f) => f.endsWith('.csv')).map((f) => join('usulan', f)));
    const inspect = runCli(['inspect', 'usulan', '--json'], { cwd: tmp });
    expect(inspect.code).toBe(0);
    expect(JSON.parse(inspect.stdout).map((r: { file: string }) => r.file)).toEqual(SORTED.map((f) => join('usulan', f)));
  });

  it('a pattern that matches nothing is named, exit 3, in either language', () => {
    const id = runCli(['clean', 'desa-*.csv', '--out', 'tidak'], { cwd: tmp });
    expect(id.code).toBe(3);
    expect(id.stderr).toContain('desa-*.csv: tidak ada berkas yang cocok dengan pola ini');
    const en = runCli(['check', join('usulan', '*.xlsx'), '--lang', 'en'], { cwd: tmp });
    expect(en.code).toBe(3);
    expect(en.stderr).toContain(`${join('usulan', '*.xlsx')}: no file matches this pattern`);
    const list = runCli(['check', 'usulan', '--received', 'daftar/terima-*.csv'], { cwd: tmp });
    expect(list.code).toBe(3);
    expect(list.stderr).toContain('daftar/terima-*.csv: tidak ada berkas yang cocok');
  });

  it('a folder without exports is named, exit 3', () => {
    const r = runCli(['inspect', 'kosong', '--lang', 'en'], { cwd: tmp });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('kosong: this folder holds no .csv, .txt, .tsv, .xlsx, .xls file');
  });
});
