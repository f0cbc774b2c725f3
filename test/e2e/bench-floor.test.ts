/**
 * The bench's plain-Node floors are evidence in the README and in issue notes: they must do the
 * work they claim, or the ratios they print mean nothing. Run as the bench runs them (a child
 * process on a real file): the first row per NIK kept, in the template's columns with --files,
 * audit.csv a line per row, the workbook holding the same rows as submission.csv.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/paths.js';

const tmp = mkdtempSync(join(tmpdir(), 'umkm-floor-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

// The generator's header; synthetic NIKs. Line 4 repeats line 2's NIK; a quoted address has a comma.
const input = join(tmp, 'synth.csv');
writeFileSync(
  input,
  [
    'NO,NIK,NO KK,NAMA,JK,TANGGAL LAHIR,ALAMAT,KELURAHAN,KECAMATAN,BIDANG USAHA,NO HP',
    '1,3275010101800001,3275010101080001,SITI AMINAH,P,01-01-1980,"JL. MELATI 1, RT 001/RW 002",JATIMAKMUR,PONDOKGEDE,WARUNG,081234567801',
    '2,3275010202810002,3275010202080002,BUDI SANTOSO,L,02-02-1981,JL. MAWAR 2,KOTA BARU,BEKASI BARAT,LAUNDRY,081234567802',
    '3,3275010101800001,3275010101080001,SITI AMINAH,P,01-01-1980,JL. MELATI 9,JATIMAKMUR,PONDOKGEDE,WARUNG,081234567809',
    '4,9471010303820003,9471010303080003,YOHANES WENDA,L,03-03-1982,JL. BIAK 3,HAMADI,JAYAPURA SELATAN,NOKEN,081234567803',
  ].join('\r\n') + '\r\n',
);

function floor(dir: string, ...flags: string[]): { kept: number } {
  mkdirSync(dir, { recursive: true });
  const r = spawnSync(process.execPath, [join(ROOT, 'bench', 'node-floor.mjs'), input, dir, ...flags], { encoding: 'utf8', timeout: 60_000 });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout.trim()) as { kept: number };
}

const readCsv = (path: string) => parse(readFileSync(path, 'utf8')) as string[][];

const TEMPLATE_ROWS = [
  ['NIK', 'NAMA', 'ALAMAT', 'BIDANG_USAHA', 'NO_HP', 'KELURAHAN', 'KECAMATAN'],
  ['3275010101800001', 'SITI AMINAH', 'JL. MELATI 1, RT 001/RW 002', 'WARUNG', '081234567801', 'JATIMAKMUR', 'PONDOKGEDE'],
  ['3275010202810002', 'BUDI SANTOSO', 'JL. MAWAR 2', 'LAUNDRY', '081234567802', 'KOTA BARU', 'BEKASI BARAT'],
  ['9471010303820003', 'YOHANES WENDA', 'JL. BIAK 3', 'NOKEN', '081234567803', 'HAMADI', 'JAYAPURA SELATAN'],
];

describe('bench/node-floor.mjs', () => {
  it('bare: keeps the first row per NIK with every column', () => {
    const dir = join(tmp, 'bare');
    expect(floor(dir).kept).toBe(3);
    const rows = readCsv(join(dir, 'node-floor.csv'));
    expect(rows.map((r) => r[0])).toEqual(['NO', '1', '2', '4']);
    expect(rows[1]).toHaveLength(11);
  });

  it('--files: the submission in the template columns as CSV and workbook, and a line of audit per row', async () => {
    const dir = join(tmp, 'files');
    expect(floor(dir, '--files').kept).toBe(3);
    expect(readCsv(join(dir, 'submission.csv'))).toEqual(TEMPLATE_ROWS);
    expect(readCsv(join(dir, 'audit.csv'))).toEqual([
      ['source_file', 'source_line', 'disposition', 'reason_codes', 'warnings', 'nik', 'duplicate_of'],
      ['input.csv', '2', 'accepted', '', '', '3275010101800001', ''],
      ['input.csv', '3', 'accepted', '', '', '3275010202810002', ''],
      ['input.csv', '4', 'rejected', 'DUPLICATE_NIK', '', '3275010101800001', ''],
      ['input.csv', '5', 'accepted', '', '', '9471010303820003', ''],
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'submission.xlsx'));
    const sheet = wb.worksheets[0] as ExcelJS.Worksheet;
    const cells: string[][] = [];
    sheet.eachRow((row) => cells.push((row.values as unknown[]).slice(1).map((v) => String(v))));
    expect(cells).toEqual(TEMPLATE_ROWS);
  });

  it('--files --no-xlsx: the same CSVs, no workbook', () => {
    const dir = join(tmp, 'no-xlsx');
    floor(dir, '--files', '--no-xlsx');
    expect(readCsv(join(dir, 'submission.csv'))).toEqual(TEMPLATE_ROWS);
    expect(existsSync(join(dir, 'submission.xlsx'))).toBe(false);
  });
});
