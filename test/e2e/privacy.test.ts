/**
 * Issue 16 item 5: no NIK-like value reaches a person in full, however it is damaged or wrapped,
 * and nothing from input prints as a control code. The built binary runs on synthetic exports
 * whose NIK cells, names and file names hold every variant the issue found in report.html;
 * report.html, the terminal summary, stderr and the --json summary are read as a person gets them.
 * All NIKs here are synthetic (born 01-01-1990 in Kota Bekasi's district 08, made-up serials).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliResult } from '../helpers/cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'umkm-privacy-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const FW = (s: string) => s.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
const HEADER = 'NO;NIK;NAMA;ALAMAT;BIDANG USAHA;NO HP';
const line = (no: number, nik: string, nama: string, hp = '081234567801') => `${no};${nik};${nama};JL. MAWAR NO. ${no};WARUNG;${hp}`;

/** Each value a person must never read in full, as it stands in the input. */
const A_ROWS = [
  line(1, '327508010190006', 'SITI AMINAH'), // 15 digits
  line(2, '3,27508E+15', 'DEWI LESTARI'), // Excel's scientific notation
  line(3, '3275080101900006X', 'RINA MARLINA'), // a letter at the end
  line(4, '32750801019000061', 'ANI SURYANI'), // 17 digits
  line(5, '3275080101900022', 'BUDI SANTOSO', '0213275080101900'), // a phone cell holding 16 digits
];
const B_ROWS = [
  line(1, '3275.0801.0190.007', 'YANTI'), // dots, 15 digits
  line(2, FW('3275080101900014'), 'TUTI'), // full-width digits
  line(3, '3275 0801 0190 0O23', 'SRI'), // spaces and a letter O for a zero
  line(4, '3275084101900031', 'SITI 3275080101900049'), // a NIK inside a name ...
  line(5, '3275084101900031', 'WATI 3275080101900057'), // ... quoted by NIK_CONFLICT on the other row
];
/** Five NIKs ending in 0: the loud warning, which names the file. */
const C_ROWS = [1, 2, 3, 4, 5].map((i) => line(i, `327508010190${String(i).padStart(3, '0')}0`, `NAMA ${'ABCDE'[i - 1]}`));
/** A file name holding a NIK (with _ around it, which \b does not see) and an escape code. */
const C_NAME = 'usulan_3275080101900065_\u001b[31m\u001b]0;judul\u0007.csv';
const C_SHOWN = 'usulan_327508********65_\\x1B[31m\\x1B]0;judul\\x07.csv';

/**
 * Any run of 9 or more digits (ASCII or full-width, spaces, NBSP, dots, commas or dashes between
 * them), the way a NIK-like value shows: the texts a person reads must have none.
 */
function digitRuns(text: string): string[] {
  return text.normalize('NFKC').match(/\d(?:[\s.,-]{0,3}\d){8,}/g) ?? [];
}

function write(name: string, rows: string[]): string {
  const file = join(tmp, name);
  writeFileSync(file, `${[HEADER, ...rows].join('\r\n')}\r\n`);
  return file;
}

describe('NIK-like values are masked wherever a person reads them', () => {
  let a: string;
  let b: string;
  let c: string;
  let tableRun: CliResult;
  beforeAll(() => {
    a = write('kec-a.csv', A_ROWS);
    b = write('kec-b.csv', B_ROWS);
    c = write(C_NAME, C_ROWS);
    tableRun = runCli(['clean', a, c, '--out', join(tmp, 'out-a'), '--as-of', '2021-05-20']);
  });

  it('report.html shows every variant masked: damaged NIKs, scientific notation, full-width, in names and file names', () => {
    expect(tableRun.code).toBe(0);
    const runB = runCli(['clean', b, '--out', join(tmp, 'out-b'), '--as-of', '2021-05-20', '--quiet']);
    expect(runB.code).toBe(0);
    const htmlA = readFileSync(join(tmp, 'out-a', 'report.html'), 'utf8');
    const htmlB = readFileSync(join(tmp, 'out-b', 'report.html'), 'utf8');
    expect(digitRuns(htmlA)).toEqual([]);
    expect(digitRuns(htmlB)).toEqual([]);
    // Each variant is on the page, masked: the rows did reach the report.
    for (const masked of ['*************06', '*,*****E+15', '327508********06X', '327508*********61', '021327********00', 'usulan_327508********65_']) {
      expect(htmlA, masked).toContain(masked);
    }
    for (const masked of ['****.****.****.*07', `${FW('327508')}********${FW('14')}`, '**** **** ***0 0O23', 'SITI 327508********49', 'WATI 327508********57']) {
      expect(htmlB, masked).toContain(masked);
    }
  });

  it('the terminal summary masks the file name and shows its escape codes as text', () => {
    expect(tableRun.stdout).toContain(C_SHOWN);
    expect(tableRun.stdout).toContain(`!! PERINGATAN ${C_SHOWN}: 5 dari 5 NIK berakhir dengan 0`);
    expect(tableRun.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(digitRuns(tableRun.stdout)).toEqual([]);
  });

  it('stderr (the loud warning with --quiet, an unreadable input) masks and escapes', () => {
    const quiet = runCli(['clean', c, '--out', join(tmp, 'out-c'), '--as-of', '2021-05-20', '--quiet']);
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).toContain(`umkm-clean: PERINGATAN ${C_SHOWN}`);
    const missing = runCli(['check', join(tmp, 'kec_3275080101900073\u001b[2J.csv'), '--lang', 'en']);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toContain('kec_327508********73\\x1B[2J.csv: file not found.');
    for (const r of [quiet, missing]) {
      expect(r.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
      expect(digitRuns(r.stderr)).toEqual([]);
    }
  });

  it('--json masks the texts that quote values and keeps JSON valid', () => {
    const r = runCli(['check', c, '--json', '--as-of', '2021-05-20']);
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.stdout);
    const messages: string[] = summary.files.flatMap((f: { notices: { message: string }[] }) => f.notices.map((n) => n.message));
    expect(messages.join('\n')).toContain(`PERINGATAN usulan_327508********65_\u001b[31m`);
    expect(digitRuns(messages.join('\n'))).toEqual([]);
    // The file name itself stays whole for scripts (it names the input), escaped by JSON.
    expect(summary.files[0].file).toBe(C_NAME);
    expect(r.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
  });
});
