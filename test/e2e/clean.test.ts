/** The built bin/umkm-clean.js, spawned: exit codes, stdout, stderr and the files it leaves. */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANSI, runCli, type CliResult } from '../helpers/cli.js';
import { readSummary } from '../helpers/summary-schema.js';
import { DEMO } from '../helpers/paths.js';

const tmp = mkdtempSync(join(tmpdir(), 'umkm-e2e-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const demoInputs = ['kec-pondokgede.csv', 'kec-bekasi-barat.csv', 'kec-jatiasih.txt', 'kec-rawalumbu.csv'].map((f) => join(DEMO, f));
const demoArgs = (out: string) => [
  'clean',
  ...demoInputs,
  '--received',
  join(DEMO, 'sudah-terima-bpum-2020.csv'),
  '--exclude',
  join(DEMO, 'pengecualian-asn.csv'),
  '--region',
  '32.75',
  '--as-of',
  '2021-05-20',
  '--out',
  out,
];

const readCsv = (file: string) => parse(readFileSync(file, 'utf8'), { columns: true }) as Record<string, string>[];

describe('clean on the demo exports', () => {
  const out = join(tmp, 'demo');
  let run: CliResult;
  beforeAll(() => {
    run = runCli(demoArgs(out));
  });

  it('exits 0 and prints the Indonesian summary on stdout without control codes', () => {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Ringkasan umkm-clean');
    expect(run.stdout).toMatch(/Baris data\s+40\n/);
    expect(run.stdout).toMatch(/Diterima \(submission\.csv\)\s+19\n/);
    expect(run.stdout).toContain('Semua baris tercatat di audit.csv');
    // The Excel-damaged NIK column of Rawalumbu is said once, in the table.
    expect(run.stdout.match(/kec-rawalumbu\.csv: 5 dari 5 NIK berakhir dengan 0/g)).toHaveLength(1);
    expect(run.stdout).not.toMatch(ANSI);
  });

  it('never prints a full NIK on the terminal', () => {
    expect(`${run.stdout}${run.stderr}`).not.toMatch(/\d{16}/);
    const json = runCli([...demoArgs(join(tmp, 'privacy')), '--quiet']);
    expect(json.stderr).not.toMatch(/\d{16}/);
  });

  it('accounts for every row exactly once in audit.csv', () => {
    const audit = readCsv(join(out, 'audit.csv'));
    const summary = readSummary(out);
    expect(audit).toHaveLength(summary.totals.rows);
    const keys = audit.map((r) => `${r.source_file}:${r.source_line}`);
    expect(new Set(keys).size).toBe(keys.length);
    const by = (d: string) => audit.filter((r) => r.disposition === d).length;
    expect([by('accepted'), by('rejected'), by('review')]).toEqual([
      summary.totals.accepted,
      summary.totals.rejected,
      summary.totals.review,
    ]);
    expect(readCsv(join(out, 'submission.csv'))).toHaveLength(by('accepted'));
    expect(readCsv(join(out, 'rejected.csv'))).toHaveLength(by('rejected'));
    expect(readCsv(join(out, 'review.csv'))).toHaveLength(by('review'));
  });

  it('writes the Papua NIK above 2^53 digit for digit, and one row per NIK', () => {
    const submission = readCsv(join(out, 'submission.csv'));
    expect(submission.map((r) => r.NIK)).toContain('9171015505900001');
    expect(new Set(submission.map((r) => r.NIK)).size).toBe(submission.length);
    for (const r of submission) expect(r.NIK).toMatch(/^\d{16}$/);
  });

  it('names the duplicate by file and line and keeps the analyst\'s columns', () => {
    const rejected = readCsv(join(out, 'rejected.csv'));
    const dup = rejected.find((r) => r.source_file === 'kec-pondokgede.csv' && r.source_line === '12');
    expect(dup).toMatchObject({ reason_codes: 'DUPLICATE_NIK', duplicate_of: 'kec-pondokgede.csv:5', KETERANGAN: 'USULAN ULANG' });
  });

  it('neutralises formula cells in every output', () => {
    for (const f of ['submission.csv', 'rejected.csv', 'review.csv', 'audit.csv']) {
      for (const r of readCsv(join(out, f))) {
        for (const v of Object.values(r)) expect(v, `${f}: ${v}`).not.toMatch(/^[=+@\t\r]|^-(?!\d+$)/);
      }
    }
  });

  it('records the SHA-256 of every input and output in the manifest', () => {
    const summary = readSummary(out);
    const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
    for (const name of ['submission.csv', 'rejected.csv', 'review.csv', 'audit.csv']) {
      expect(summary.manifest.outputs[name], name).toBe(sha(join(out, name)));
    }
    expect(summary.manifest.inputs.map((i: { sha256: string }) => i.sha256)).toEqual(demoInputs.map(sha));
    expect(Object.values(summary.manifest.lists)).toEqual([
      sha(join(DEMO, 'sudah-terima-bpum-2020.csv')),
      sha(join(DEMO, 'pengecualian-asn.csv')),
    ]);
    expect(summary.manifest.rules.find((r: { name: string }) => r.name === 'phone-invalid')).toEqual({
      name: 'phone-invalid',
      codes: { PHONE_INVALID: 'reject' },
    });
  });

  it('creates owner-only files, and leaves nothing temporary behind', () => {
    const names = readdirSync(out).sort();
    expect(names).toEqual([
      'audit.csv',
      'rejected-kec-bekasi-barat.xlsx',
      'rejected-kec-jatiasih.xlsx',
      'rejected-kec-pondokgede.xlsx',
      'rejected-kec-rawalumbu.xlsx',
      'rejected.csv',
      'rejected.xlsx',
      'report.html',
      'review.csv',
      'review.html',
      'review.xlsx',
      'submission.csv',
      'submission.xlsx',
      'summary.json',
    ]);
    if (process.platform !== 'win32') {
      for (const n of names) expect(statSync(join(out, n)).mode & 0o077, n).toBe(0);
    }
  });
});

describe('clean options and modes', () => {
  it('--json prints exactly summary.json on stdout', () => {
    const out = join(tmp, 'json');
    const run = runCli([...demoArgs(out), '--json']);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^umkm-clean: PERINGATAN kec-rawalumbu\.csv/);
    expect(JSON.parse(run.stdout)).toEqual(readSummary(out));
  });

  it('--quiet prints nothing but the loud warning on stderr, --lang en prints English', () => {
    const quiet = runCli([...demoArgs(join(tmp, 'quiet')), '--quiet']);
    expect(quiet).toMatchObject({ code: 0, stdout: '' });
    expect(quiet.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^umkm-clean: PERINGATAN kec-rawalumbu\.csv: 5 dari 5 NIK berakhir dengan 0 dan 1 dalam notasi ilmiah/),
    ]);
    const en = runCli([...demoArgs(join(tmp, 'en')), '--lang', 'en']);
    expect(en.stdout).toContain('umkm-clean summary');
    expect(en.stdout).toMatch(/Rejected \(rejected\.csv\)\s+18\n/);
    const rejected = readFileSync(join(tmp, 'en', 'rejected.csv'), 'utf8');
    expect(rejected).toContain('duplicate NIK: the same person is already proposed at kec-pondokgede.csv:5');
  });

  it('check writes nothing and prints the same counts', () => {
    const run = runCli(['check', ...demoInputs, '--as-of', '2021-05-20', '--json']);
    expect(run.code).toBe(0);
    const summary = JSON.parse(run.stdout);
    expect(summary.command).toBe('check');
    expect(summary.totals.rows).toBe(40);
    expect(summary.options.out).toBeNull();
  });

  it('reuses an existing --out folder: replaces its own files, leaves others alone', () => {
    const out = join(tmp, 'reuse');
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'catatan-analis.txt'), 'jangan dihapus');
    writeFileSync(join(out, 'audit.csv'), 'old');
    expect(runCli([...demoArgs(out), '--quiet']).code).toBe(0);
    expect(readFileSync(join(out, 'catatan-analis.txt'), 'utf8')).toBe('jangan dihapus');
    expect(readFileSync(join(out, 'audit.csv'), 'utf8')).toMatch(/^source_file,source_line,disposition/);
  });

  it('a failing run leaves the previous outputs as they were', () => {
    const out = join(tmp, 'keep-previous');
    expect(runCli([...demoArgs(out), '--quiet']).code).toBe(0);
    const before = readFileSync(join(out, 'audit.csv'), 'utf8');
    const run = runCli(['clean', join(DEMO, 'kec-pondokgede.csv'), join(tmp, 'does-not-exist.csv'), '--out', out]);
    expect(run.code).toBe(3);
    expect(readFileSync(join(out, 'audit.csv'), 'utf8')).toBe(before);
    expect(readdirSync(out).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});

describe('usage errors exit 2', () => {
  it.each([
    [['clean', 'x.csv'], /--out/],
    [['clean', 'x.csv', '--out', 'o', '--lang', 'jv'], /--lang/],
    [['clean', 'x.csv', '--out', 'o', '--as-of', '2021-02-30'], /YYYY-MM-DD/],
    [['clean', 'x.csv', '--out', 'o', '--frobnicate'], /galat: opsi '--frobnicate' tidak dikenal/],
    [['clean', 'x.csv', '--out', 'o', '--frobnicate', '--lang', 'en'], /error: unknown option '--frobnicate'/],
    [['frobnicate'], /galat: perintah 'frobnicate' tidak dikenal/],
  ])('%j', (args, message) => {
    const run = runCli(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).toBe('');
  });

  it('an unknown --region says what a code looks like', () => {
    const run = runCli(['check', join(DEMO, 'kec-pondokgede.csv'), '--region', '99.99']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--region 99.99: bukan kode kabupaten/kota Kemendagri. Contoh: 32.75 atau 3275');
  });

  it('a bad config lists every problem at once', () => {
    const config = join(tmp, 'bad.yaml');
    writeFileSync(config, 'required: [nama, umur]\nseverities:\n  PHONE_INVALID: loud\n');
    const run = runCli(['check', join(DEMO, 'kec-pondokgede.csv'), '--config', config, '--lang', 'en']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('invalid configuration (3 problems)');
    expect(run.stderr).toContain('required: "umur" is no field');
    expect(run.stderr).toContain('required: must include nik');
    expect(run.stderr).toContain('severities.PHONE_INVALID: "loud" must be reject, warn or off');
  });

  it('the same file twice', () => {
    const f = join(DEMO, 'kec-pondokgede.csv');
    const run = runCli(['check', f, f]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('berkas yang sama disebut dua kali');
  });

  it('no arguments shows help on stderr', () => {
    const run = runCli([]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Penggunaan: umkm-clean');
  });

  it('--help and --version exit 0', () => {
    const help = runCli(['clean', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('umkm-clean clean kec-a.csv kec-b.csv --out hasil --region 32.75');
    expect(runCli(['--version'])).toMatchObject({ code: 0, stdout: expect.stringMatching(/^\d+\.\d+\.\d+\n$/) });
  });
});

describe('inputs that cannot be used exit 3, naming file and line', () => {
  const write = (name: string, content: string | Buffer) => {
    const p = join(tmp, name);
    writeFileSync(p, content);
    return p;
  };

  it('a missing file', () => {
    const run = runCli(['check', join(tmp, 'hilang.csv')]);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('hilang.csv: berkas tidak ditemukan');
  });

  it('a folder without exports (a folder is read for the exports inside it)', () => {
    const folder = join(tmp, 'folder-tanpa-ekspor');
    mkdirSync(folder);
    write(join('folder-tanpa-ekspor', 'catatan.docx'), 'bukan ekspor');
    const run = runCli(['check', folder, '--lang', 'en']);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('folder-tanpa-ekspor: this folder holds no .csv, .txt, .tsv, .xlsx, .xls file');
  });

  it('an empty file', () => {
    const run = runCli(['check', write('kosong.csv', '')]);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('kosong.csv: berkas kosong');
  });

  it('a PDF given as an input', () => {
    const run = runCli(['check', write('usulan.pdf', Buffer.from('%PDF-1.4\n%\u00e2\u00e3\n1 0 obj\n'))]);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('usulan.pdf: bukan berkas teks');
  });

  it('a broken workbook', () => {
    const run = runCli(['check', write('usulan.xlsx', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 6, 0, 8, 0]))]);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('usulan.xlsx: bukan buku kerja Excel yang utuh');
  });

  it('a header without the phone column names the line and the column', () => {
    const f = write('tanpa-hp.csv', 'DAFTAR USULAN\nNIK,NAMA,ALAMAT,BIDANG USAHA\n3275084507850001,A,B,C\n');
    const run = runCli(['check', f, '--lang', 'en']);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('tanpa-hp.csv: no header row names the required columns. Line 2 looks most like the header but lacks: NO_HP.');
  });

  it('a quote that is never closed', () => {
    const f = write('kutip.csv', 'NIK,NAMA,ALAMAT,BIDANG USAHA,NO HP\n3275084507850001,"SITI,B,C,081234567801\n3275084507850002,X,Y,Z,081234567802\n');
    const run = runCli(['check', f]);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('kutip.csv baris 2: tanda kutip (") dibuka tetapi tidak pernah ditutup');
  });

  it('a header with no rows is a valid empty batch: exit 0, empty outputs', () => {
    const f = write('kosong-data.csv', 'NIK;NAMA;ALAMAT;BIDANG USAHA;NO HP\r\n');
    const out = join(tmp, 'empty-batch');
    const run = runCli(['clean', f, '--out', out, '--quiet']);
    expect(run.code).toBe(0);
    expect(readFileSync(join(out, 'audit.csv'), 'utf8')).toBe('source_file,source_line,disposition,reason_codes,warnings,nik,duplicate_of\r\n');
    expect(readSummary(out).totals).toMatchObject({ rows: 0, accepted: 0, balanced: true });
  });

  it('a 50 MB line (one enormous cell) is read and accounted for', () => {
    const big = 'X'.repeat(50 * 1024 * 1024);
    const f = write('baris-raksasa.csv', `NIK,NAMA,ALAMAT,BIDANG USAHA,NO HP,KETERANGAN\n3275084507850001,SITI,JL. A,WARUNG,081234567801,${big}\n3275084507850002,BUDI,JL. B,BENGKEL,081234567802,-\n`);
    const out = join(tmp, 'big-line');
    const run = runCli(['clean', f, '--out', out, '--quiet', '--as-of', '2021-05-20', '--no-xlsx']);
    expect(run.code).toBe(0);
    const audit = readCsv(join(out, 'audit.csv'));
    expect(audit.map((r) => [r.source_line, r.disposition])).toEqual([
      ['2', 'accepted'],
      ['3', 'accepted'],
    ]);
  });

  it('a UTF-8 file with a stray Windows-1252 byte', () => {
    const f = write('campur.csv', Buffer.concat([
      Buffer.from('NIK,NAMA,ALAMAT,BIDANG USAHA,NO HP\n3275084507850001,MA’RUF,B,C,081234567801\n', 'utf8'),
      Buffer.from([0x33, 0x2c, 0x4d, 0x41, 0x92, 0x52, 0x55, 0x46, 0x0a]),
    ]));
    const run = runCli(['check', f]);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('campur.csv baris 3: campuran UTF-8 dan encoding lain');
    // Far down the file, past the chunks read before it: still its own line.
    const rows = Array.from({ length: 2000 }, (_, i) => `32750845078${String(50002 + i)},SITI ${i},B,C,081234567801\n`).join('');
    const far = write('campur-jauh.csv', Buffer.concat([
      Buffer.from(`NIK,NAMA,ALAMAT,BIDANG USAHA,NO HP\n3275084507850001,MA’RUF,B,C,081234567801\n${rows}`, 'utf8'),
      Buffer.from([0x33, 0x2c, 0x4d, 0x41, 0x92, 0x52, 0x55, 0x46, 0x0a]),
    ]));
    const farRun = runCli(['check', far]);
    expect(farRun.code).toBe(3);
    expect(farRun.stderr).toContain('campur-jauh.csv baris 2003: campuran UTF-8 dan encoding lain');
  });
});
