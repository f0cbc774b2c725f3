/**
 * Our streaming .xlsx writer read back by another implementation (exceljs): text cells as typed,
 * XML-special and control characters intact, the roll-over to a second sheet at the row limit,
 * and the ZIP CRC against zlib's.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 as zlibCrc32 } from 'node:zlib';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { cellText } from '../../src/io/read-xlsx.js';
import { columnLetters, SAMPLE_ROWS, WIDTH_MAX, WIDTH_MIN, widthFor, XlsxSheetWriter, xmlText } from '../../src/io/xlsx-writer.js';
import { crc32 } from '../../src/io/zip-writer.js';
import { packRows, unpackRows } from '../../src/io/xlsx-sheets.js';

const tmp = mkdtempSync(join(tmpdir(), 'umkm-xlsxw-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function write(name: string, header: string[], rows: string[][], maxRows?: number): Promise<string> {
  const path = join(tmp, name);
  const w = await XlsxSheetWriter.create(path, 'ditolak', header, maxRows);
  for (const r of rows) await w.addRow(r);
  await w.close();
  return path;
}

async function read(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

const values = (sheet: ExcelJS.Worksheet) => {
  const out: unknown[][] = [];
  sheet.eachRow((row) => out.push(Array.from((row.values as unknown[]).slice(1), cellText)));
  return out;
};

describe('xlsx writer', () => {
  it('writes every cell as the text it was, in a Text column, owner-only', async () => {
    const rows = [
      ['9171015505900001', "'=1+1", 'A & B <C> "D"', '  lead and trail  '],
      ['3275014101900002', 'baris\nkedua', 'tab\there', '_x0041_ stays'],
      ['3275014101900003', 'bell\u0007char', '', 'MA\u2019RUF'],
    ];
    const path = await write('plain.xlsx', ['NIK', 'NAMA', 'ALAMAT', 'KETERANGAN'], rows);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const wb = await read(path);
    const sheet = wb.worksheets[0] as ExcelJS.Worksheet;
    expect(sheet.name).toBe('ditolak');
    const got = values(sheet);
    expect(got[0]).toEqual(['NIK', 'NAMA', 'ALAMAT', 'KETERANGAN']);
    expect(got[1]).toEqual(rows[0]);
    expect(got[2]).toEqual(rows[1]);
    // An empty cell is not written; our reader decodes the _xHHHH_ escapes as Excel does.
    expect(got[3]).toEqual(['3275014101900003', 'bell\u0007char', '', 'MA\u2019RUF']);
    expect(sheet.getRow(2).getCell(1).numFmt).toBe('@');
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
  });

  it('escapes for XML the characters it must, and nothing else', () => {
    expect(xmlText('SITI AMINAH')).toBe('<t>SITI AMINAH</t>');
    expect(xmlText('A&B<C>')).toBe('<t>A&amp;B&lt;C&gt;</t>');
    expect(xmlText(' x')).toBe('<t xml:space="preserve"> x</t>');
    expect(xmlText('a\u0007b')).toBe('<t>a_x0007_b</t>');
    expect(xmlText('_x0041_')).toBe('<t>_x005F_x0041_</t>');
    expect(columnLetters(0)).toBe('A');
    expect(columnLetters(25)).toBe('Z');
    expect(columnLetters(26)).toBe('AA');
    expect(columnLetters(701)).toBe('ZZ');
    expect(columnLetters(702)).toBe('AAA');
  });

  it('continues on a second sheet, under the same header, past the row limit', async () => {
    const rows = Array.from({ length: 7 }, (_, i) => [String(i + 1), `NAMA ${i + 1}`]);
    const wb = await read(await write('rollover.xlsx', ['NO', 'NAMA'], rows, 4));
    expect(wb.worksheets.map((s) => s.name)).toEqual(['ditolak', 'ditolak 2', 'ditolak 3']);
    const all = wb.worksheets.map(values);
    expect(all.map((s) => s[0])).toEqual([['NO', 'NAMA'], ['NO', 'NAMA'], ['NO', 'NAMA']]);
    expect(all.flatMap((s) => s.slice(1))).toEqual(rows);
    expect(all.map((s) => s.length)).toEqual([4, 4, 2]);
  });

  it('prints landscape, one page wide, the header row on every page of every sheet', async () => {
    const rows = Array.from({ length: 7 }, (_, i) => [String(i + 1), `WARUNG SEMBAKO ${i + 1}`]);
    const wb = await read(await write('print.xlsx', ['NO', 'NAMA'], rows, 4));
    expect(wb.worksheets).toHaveLength(3);
    for (const sheet of wb.worksheets) {
      expect(sheet.pageSetup, sheet.name).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 });
      expect(sheet.pageSetup.printTitlesRow, sheet.name).toBe('1:1');
    }
  });

  it('sizes each column by its longest text, within bounds, the same on every sheet', async () => {
    const rows = [
      ['3275014101900002', 'SITI', 'JL. KH. NOER ALI NO. 12 RT 003 RW 005 KEL. JAKASAMPURNA KEC. BEKASI BARAT KOTA BEKASI', 'x'],
      ['3275014101900003', 'MUHAMMAD RIZKY AL-FARIZI', 'baris satu\nbaris', ''],
      ['3275014101900004', 'ANI', 'JL. MAWAR', 'y'],
    ];
    const wb = await read(await write('widths.xlsx', ['NIK', 'NAMA', 'ALAMAT', 'K'], rows, 3));
    const widths = wb.worksheets.map((s) => s.columns.map((c) => c.width));
    // 16 digits; the longer name; the address capped; a one-letter column at the floor (header and button).
    const first = [widthFor(16), widthFor(24), WIDTH_MAX, WIDTH_MIN];
    expect(widths).toEqual([first, first]);
    expect(widthFor(16)).toBeGreaterThanOrEqual(18);
  });

  it('measures only the first rows: a long row after them does not widen its column', async () => {
    const rows = Array.from({ length: SAMPLE_ROWS }, (_, i) => [String(i + 1), 'SITI']);
    rows.push(['x', 'A VERY LONG NAME THAT COMES AFTER THE SAMPLE']);
    rows.unshift(['0', 'NAMA PANJANG SEKALI']);
    const wb = await read(await write('sample.xlsx', ['NO', 'NAMA'], rows));
    const sheet = wb.worksheets[0] as ExcelJS.Worksheet;
    expect(sheet.columns.map((c) => c.width)).toEqual([widthFor(5), widthFor(19)]);
    expect(values(sheet).slice(1)).toEqual(rows);
  });

  it('computes the same CRC-32 as zlib, with or without a running value', () => {
    const a = Buffer.from('NIK,NAMA\r\n3275014101900002,SITI\r\n');
    const b = Buffer.from('ÀÉ\u2019 tail');
    expect(crc32(a)).toBe(zlibCrc32(a));
    expect(crc32(b, crc32(a))).toBe(zlibCrc32(Buffer.concat([a, b])));
  });
});

describe('rows packed for the xlsx worker', () => {
  it('come back cell for cell, empty cells, empty rows and non-ASCII included', () => {
    const rows = [['3175010101900001', 'SITI AMINAH', ''], [], ['', 'MA\u2019RUF\nBARIS 2', '=1+1', '\u{1F600}']];
    const packed = packRows(rows);
    expect(typeof packed.text).toBe('string');
    expect(unpackRows(packed)).toEqual(rows);
    expect(unpackRows(packRows([]))).toEqual([]);
  });
});
