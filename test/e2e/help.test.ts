/** --help in Indonesian by default and in English with --lang en; a missing --config file said plainly. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { DEMO } from '../helpers/paths.js';

const tmp = mkdtempSync(join(tmpdir(), 'umkm-help-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Commander wraps to the width: the words, not the lines. */
const help = (args: string[]) => {
  const r = runCli(args);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r.stdout.replace(/\s+/g, ' ');
};
const flags = (text: string) => [...text.matchAll(/ (--?[a-z][a-z-]*)[ ,]/g)].map((m) => m[1]).sort();
const EXIT_CODES = ['0', '1', '2', '3', '4', '5', '130', '143', '129'];

describe('--help', () => {
  it('speaks Indonesian by default: the program, its commands and commander`s own words', () => {
    const root = help(['--help']);
    expect(root).toContain('Penggunaan: umkm-clean [options] [command]');
    expect(root).toContain('Perintah:');
    expect(root).toContain('tampilkan bantuan perintah ini');
    expect(root).toContain('Kode keluar: 0 selesai');
    expect(root).not.toMatch(/display help|Usage:|Commands:|Exit codes/);
    const clean = help(['clean', '--help']);
    expect(clean).toContain('Opsi:');
    expect(clean).toContain('--out <dir> folder berkas hasil');
    expect(clean).toContain('(pilihan: "id", "en", bawaan: "id")');
    expect(clean).toContain('Contoh:');
    expect(clean).not.toMatch(/display help|Options:|default:|choices:|the summary as JSON/);
  });

  it('speaks English with --lang en, as --lang=en, before or after --help', () => {
    for (const args of [['clean', '--help', '--lang', 'en'], ['clean', '--lang=en', '--help'], ['clean', '--lang', 'en', '--help']]) {
      const clean = help(args);
      expect(clean).toContain('Usage: umkm-clean clean [options] <input...>');
      expect(clean).toContain('--json the summary as JSON on stdout');
      expect(clean).toContain('(choices: "id", "en", default: "id")');
      expect(clean).toContain('Examples:');
      expect(clean).not.toMatch(/Penggunaan|Opsi:|bawaan/);
    }
    expect(help(['help', 'inspect', '--lang', 'en'])).toContain('show what was sniffed per file');
  });

  it('lists the same options in both languages, and every exit code', () => {
    for (const cmd of ['clean', 'check', 'inspect', 'init']) {
      const id = help([cmd, '--help']);
      const en = help([cmd, '--help', '--lang', 'en']);
      expect(flags(id)).toEqual(flags(en));
    }
    for (const args of [['--help'], ['clean', '--help'], ['check', '--help'], ['--help', '--lang', 'en'], ['clean', '--help', '--lang', 'en']]) {
      const text = help(args);
      const listed = text.slice(text.search(/Kode keluar:|Exit codes:/));
      for (const code of EXIT_CODES) expect(listed).toMatch(new RegExp(`[ (]${code}[ ,]`));
    }
  });

  it('says a bad --as-of in the run`s language', () => {
    const id = runCli(['check', join(DEMO, 'kec-jatiasih.txt'), '--as-of', '2021-13-01']);
    expect(id.code).toBe(2);
    expect(id.stderr).toContain('--as-of 2021-13-01: tanggal harus berbentuk YYYY-MM-DD');
    const en = runCli(['check', join(DEMO, 'kec-jatiasih.txt'), '--as-of', '2021-13-01', '--lang', 'en']);
    expect(en.stderr).toContain('--as-of 2021-13-01: the date must be YYYY-MM-DD');
  });
});

describe("commander's complaints", () => {
  it('are said in Indonesian by default, in English with --lang en, exit 2', () => {
    const cases: [string[], string, string][] = [
      [['clean', 'x.csv'], "galat: opsi wajib '--out <dir>' belum diberikan", "error: required option '--out <dir>' not specified"],
      [['clean', 'x.csv', '--out', 'o', '--oot', 'a'], "galat: opsi '--oot' tidak dikenal\n(Maksud Anda --out?)", "error: unknown option '--oot'\n(Did you mean --out?)"],
      [['check'], "galat: argumen wajib 'input' belum diberikan", "error: missing required argument 'input'"],
      [['check', 'x.csv', '--fail-on', 'semua'], "galat: nilai 'semua' untuk opsi '--fail-on <rows>' tidak sah. Pilihan: review, rejected, any.", "error: option '--fail-on <rows>' argument 'semua' is invalid. Allowed choices are review, rejected, any."],
      [['init', 'a.yaml', 'b.yaml'], "galat: terlalu banyak argumen untuk 'init': paling banyak 1, diberikan 2.", "error: too many arguments for 'init'. Expected 1 argument but got 2."],
    ];
    for (const [args, id, en] of cases) {
      const r = runCli(args, { cwd: tmp });
      expect(r.code).toBe(2);
      expect(r.stderr.trim()).toBe(id);
      const e = runCli([...args, '--lang', 'en'], { cwd: tmp });
      expect(e.code).toBe(2);
      expect(e.stderr.trim()).toBe(en);
    }
  });
});

describe('a --config file that is not there', () => {
  it('is named, with what to do, exit 2, never a raw ENOENT', () => {
    const missing = join(tmp, 'tidak-ada.yaml');
    for (const cmd of [['check', join(DEMO, 'kec-jatiasih.txt')], ['clean', join(DEMO, 'kec-jatiasih.txt'), '--out', join(tmp, 'hasil')], ['inspect', join(DEMO, 'kec-jatiasih.txt')]]) {
      const r = runCli([...cmd, '--config', missing]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`${missing}: berkas konfigurasi (--config) tidak ditemukan`);
      expect(r.stderr).toContain(`umkm-clean init ${missing}`);
      expect(r.stderr).not.toContain('ENOENT');
    }
    const en = runCli(['check', join(DEMO, 'kec-jatiasih.txt'), '--config', missing, '--lang', 'en']);
    expect(en.code).toBe(2);
    expect(en.stderr).toContain(`${missing}: the config file (--config) does not exist`);
  });

  it('a folder given as --config is named too', () => {
    const r = runCli(['check', join(DEMO, 'kec-jatiasih.txt'), '--config', tmp, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${tmp}: is a folder, not a config file (--config)`);
  });
});

describe('a --received or --exclude list without a NIK header', () => {
  it('says a list needs only its NIK column, exit 3', () => {
    const list = join(tmp, 'sudah-terima-tanpa-judul.csv');
    // Synthetic NIKs, no header line.
    writeFileSync(list, '3275084507850001\n3275081203790002\n');
    for (const flag of ['--received', '--exclude']) {
      const r = runCli(['check', join(DEMO, 'kec-jatiasih.txt'), flag, list]);
      expect(r.code).toBe(3);
      expect(r.stderr).toContain('sudah-terima-tanpa-judul.csv: daftar ini tidak punya judul kolom NIK');
      expect(r.stderr).not.toContain('NAMA');
    }
    const en = runCli(['check', join(DEMO, 'kec-jatiasih.txt'), '--received', list, '--lang', 'en']);
    expect(en.stderr).toContain('A --received/--exclude list needs only a NIK column');
  });
});
