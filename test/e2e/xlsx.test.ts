/**
 * The .xlsx outputs opened with a spreadsheet reader (exceljs): NIKs are 16-digit text equal to
 * audit.csv (a Papua NIK above 2^53 included), phones keep their leading 0, the header is frozen
 * and filtered, each kecamatan's workbook holds exactly its own rejected rows, and every workbook
 * is set to print (issue #17).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { readSummary } from '../helpers/summary-schema.js';
import { DEMO } from '../helpers/paths.js';

const tmp = mkdtempSync(join(tmpdir(), 'umkm-xlsx-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const out = join(tmp, 'demo');
const files = ['kec-pondokgede.csv', 'kec-bekasi-barat.csv', 'kec-jatiasih.txt', 'kec-rawalumbu.csv'];

async function readSheet(name: string): Promise<{ sheet: ExcelJS.Worksheet; rows: Record<string, unknown>[] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(out, name));
  const sheet = wb.worksheets[0] as ExcelJS.Worksheet;
  const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  const rows: Record<string, unknown>[] = [];
  sheet.eachRow((row, i) => {
    if (i === 1) return;
    rows.push(Object.fromEntries(header.map((h, c) => [h, row.getCell(c + 1).value ?? ''])));
  });
  return { sheet, rows };
}
const readCsv = (name: string) => parse(readFileSync(join(out, name), 'utf8'), { columns: true }) as Record<string, string>[];

describe('spreadsheet outputs', () => {
  beforeAll(() => {
    expect(runCli(['clean', ...files.map((f) => join(DEMO, f)), '--region', '32.75', '--as-of', '2021-05-20', '--out', out, '--quiet']).code).toBe(0);
  });

  it('submission.xlsx holds the accepted NIKs of audit.csv as 16-digit text, phones with their 0', async () => {
    const { sheet, rows } = await readSheet('submission.xlsx');
    const accepted = readCsv('audit.csv').filter((r) => r.disposition === 'accepted').map((r) => r.nik);
    expect(rows.map((r) => r.NIK)).toEqual(accepted);
    expect(rows.map((r) => r.NIK)).toContain('9171015505900001');
    for (const r of rows) {
      expect(typeof r.NIK).toBe('string');
      expect(r.NIK).toMatch(/^\d{16}$/);
      expect(r.NO_HP).toMatch(/^08\d+$/);
    }
    expect(sheet.getRow(2).getCell(1).numFmt).toBe('@');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
  });

  it('every workbook prints landscape, one page wide, its header on each page, columns as wide as their texts', async () => {
    const names = ['submission.xlsx', 'rejected.xlsx', 'review.xlsx', 'rejected-kec-pondokgede.xlsx'];
    for (const name of names) {
      const { sheet } = await readSheet(name);
      expect(sheet.pageSetup, name).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
      expect(sheet.pageSetup.printTitlesRow, name).toBe('1:1');
    }
    const { sheet, rows } = await readSheet('submission.xlsx');
    const width = (column: string) => sheet.getColumn((sheet.getRow(1).values as unknown[]).indexOf(column)).width as number;
    // A 16-digit NIK fits its column; the longest address is wider than the short phone column.
    expect(width('NIK')).toBeGreaterThanOrEqual(18);
    expect(width('ALAMAT')).toBeGreaterThan(width('NO_HP'));
    const longest = Math.max(...rows.map((r) => String(r.ALAMAT).length));
    expect(width('ALAMAT')).toBeGreaterThanOrEqual(Math.min(longest, 48));
  });

  it('rejected.xlsx and review.xlsx carry the same rows as their CSVs', async () => {
    for (const name of ['rejected', 'review']) {
      const { rows } = await readSheet(`${name}.xlsx`);
      const csv = readCsv(`${name}.csv`);
      expect(rows.map((r) => [r.source_file, String(r.source_line), r.reason_codes])).toEqual(
        csv.map((r) => [r.source_file, r.source_line, r.reason_codes]),
      );
    }
  });

  it('each kecamatan gets a workbook with exactly its own rejected rows', async () => {
    const rejected = readCsv('rejected.csv');
    for (const f of files) {
      const book = `rejected-${f.replace(/\.[a-z]+$/, '')}.xlsx`;
      const { rows } = await readSheet(book);
      const own = rejected.filter((r) => r.source_file === f);
      expect(rows.map((r) => String(r.source_line)), book).toEqual(own.map((r) => r.source_line));
      expect(new Set(rows.map((r) => r.source_file))).toEqual(new Set([f]));
    }
  });

  it('with one input, its own workbook has the rows of rejected.xlsx; without rejected rows there is none', async () => {
    const one = join(tmp, 'one');
    const input = join(DEMO, files[1] as string);
    expect(runCli(['clean', input, '--region', '32.75', '--as-of', '2021-05-20', '--out', one, '--quiet']).code).toBe(0);
    const own = readFileSync(join(one, 'rejected-kec-bekasi-barat.xlsx'));
    expect(own.equals(readFileSync(join(one, 'rejected.xlsx')))).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(own as unknown as ExcelJS.Buffer);
    const lines: string[] = [];
    wb.worksheets[0]?.eachRow((row, i) => i > 1 && lines.push(String(row.getCell(2).value)));
    const rejected = parse(readFileSync(join(one, 'rejected.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    expect(rejected.length).toBeGreaterThan(0);
    expect(lines).toEqual(rejected.map((r) => r.source_line));
    const summary = readSummary(one);
    expect(summary.manifest.workbooks).toEqual(['submission.xlsx', 'rejected.xlsx', 'review.xlsx', 'rejected-kec-bekasi-barat.xlsx']);

    // Only accepted rows: no rejection workbook to send back.
    const clean = join(tmp, 'clean-input.csv');
    writeFileSync(clean, 'NIK,NAMA,ALAMAT,BIDANG USAHA,NO HP\r\n3275014101800001,SITI AMINAH,JL. MAWAR 1,WARUNG,081234567890\r\n');
    const none = join(tmp, 'none');
    expect(runCli(['clean', clean, '--as-of', '2021-05-20', '--out', none, '--quiet']).code).toBe(0);
    expect(readSummary(none).manifest.workbooks).toEqual(['submission.xlsx', 'rejected.xlsx', 'review.xlsx']);
  });

  it('--no-xlsx writes the CSVs only', () => {
    const plain = join(tmp, 'plain');
    expect(runCli(['clean', join(DEMO, files[0] as string), '--out', plain, '--quiet', '--no-xlsx']).code).toBe(0);
    const summary = readSummary(plain);
    expect(summary.manifest.workbooks).toEqual([]);
  });
});
