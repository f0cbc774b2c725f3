/**
 * Workbooks as inputs: a kecamatan's .xlsx (title row, a NIK typed as a number, a date cell, a
 * phone that lost its 0) and a corrected rejection workbook sent back, through the built binary.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { cellText } from '../../src/io/read-xlsx.js';
import { runCli } from '../helpers/cli.js';
import { readSummary } from '../helpers/summary-schema.js';
import { DEMO } from '../helpers/paths.js';

const tmp = mkdtempSync(join(tmpdir(), 'umkm-xlsx-in-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const readCsv = (file: string) => parse(readFileSync(file, 'utf8'), { columns: true }) as Record<string, string>[];

describe('cellText', () => {
  it('turns workbook cells into the text a CSV export would hold', () => {
    expect(cellText('3275084507850001')).toBe('3275084507850001');
    expect(cellText(3275084507850000)).toBe('3.27508E+15');
    expect(cellText(81234567801)).toBe('81234567801');
    expect(cellText(new Date(Date.UTC(1985, 6, 5)))).toBe('05/07/1985');
    expect(cellText({ richText: [{ text: 'SITI ' }, { text: 'AMINAH' }] })).toBe('SITI AMINAH');
    expect(cellText({ formula: 'A1', result: 'X' })).toBe('X');
    expect(cellText(null)).toBe('');
  });
});

describe('xlsx inputs', () => {
  it('reads a kecamatan workbook: title row, text and number NIKs, dates, phones without their 0', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Usulan');
    ws.addRow(['DAFTAR USULAN BPUM KECAMATAN PONDOK GEDE']);
    ws.addRow(['NO', 'NIK', 'NAMA', 'ALAMAT', 'BIDANG USAHA', 'NO HP', 'TANGGAL LAHIR']);
    ws.addRow([1, '3275084507850001', 'SITI AMINAH', 'JL. MERPATI 5', 'WARUNG', 81234567801, new Date(Date.UTC(1985, 6, 5))]);
    ws.addRow([2, 3275081203800002, 'BUDI SANTOSO', 'JL. DUKUH 1', 'BENGKEL', '081234567802', '12/03/1980']);
    const file = join(tmp, 'kec-pondokgede.xlsx');
    await wb.xlsx.writeFile(file);
    const out = join(tmp, 'out');
    const r = runCli(['clean', file, '--out', out, '--quiet', '--as-of', '2021-05-20', '--no-xlsx']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const audit = readCsv(join(out, 'audit.csv'));
    expect(audit.map((a) => [a.source_line, a.disposition, a.reason_codes, a.nik])).toEqual([
      ['3', 'accepted', '', '3275084507850001'],
      ['4', 'rejected', 'NIK_EXCEL_MANGLED', '3.27508E+15'],
    ]);
    expect(readCsv(join(out, 'submission.csv'))[0]).toMatchObject({ NIK: '3275084507850001', NO_HP: '081234567801' });
    const summary = readSummary(out);
    expect(summary.files[0]).toMatchObject({ format: 'xlsx', header_line: 2, rows: 2 });
  });

  it('takes a corrected rejection workbook back as an input', async () => {
    const first = join(tmp, 'first');
    const inputs = ['kec-pondokgede.csv', 'kec-bekasi-barat.csv', 'kec-jatiasih.txt'].map((f) => join(DEMO, f));
    expect(runCli(['clean', ...inputs, '--as-of', '2021-05-20', '--out', first, '--quiet']).code).toBe(0);
    // The kecamatan opens its own workbook, fills Bambang's address, saves, sends it back.
    const book = join(first, 'rejected-kec-jatiasih.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(book);
    const ws = wb.worksheets[0] as ExcelJS.Worksheet;
    const header = (ws.getRow(1).values as unknown[]).map(String);
    let fixedRow = 0;
    ws.eachRow((row, n) => {
      if (n > 1 && String(row.getCell(header.indexOf('source_line')).value) === '6') {
        row.getCell(header.indexOf('ALAMAT')).value = 'JL. JATILUHUR RAYA 4';
        fixedRow = n;
      }
    });
    expect(fixedRow).toBeGreaterThan(1);
    const back = join(tmp, 'perbaikan-jatiasih.xlsx');
    await wb.xlsx.writeFile(back);
    const second = join(tmp, 'second');
    expect(runCli(['clean', back, '--as-of', '2021-05-20', '--out', second, '--quiet', '--no-xlsx']).code).toBe(0);
    const accepted = readCsv(join(second, 'submission.csv'));
    expect(accepted).toContainEqual(expect.objectContaining({ NIK: '3275101508700004', ALAMAT: 'JL. JATILUHUR RAYA 4' }));
  });
});
