/**
 * Spreadsheet outputs that survive Excel: every cell a string typed as Text ("@"), so a NIK keeps
 * its 16 digits and a phone its leading 0; a frozen header, filters, sensible widths. Streamed
 * with exceljs's WorkbookWriter: rows go to disk as they come, no workbook is held in memory.
 */
import { writeFileSync } from 'node:fs';
import type ExcelJS from 'exceljs';

type ExcelModule = typeof import('exceljs');
let excel: ExcelModule | null = null;

/** exceljs is large: load it only for a run that writes workbooks, so every start stays quick. */
export async function loadExcel(): Promise<ExcelModule> {
  excel ??= ((await import('exceljs')) as unknown as { default: ExcelModule }).default;
  return excel;
}

export interface SheetColumn {
  readonly header: string;
  readonly width: number;
}

/** Widths by what a column holds: long texts wide, identifiers wide enough for 16 digits. */
export function columnWidth(header: string): number {
  const h = header.toUpperCase();
  if (/REASON|ALASAN/.test(h)) return 60;
  if (/ALAMAT|ADDRESS/.test(h)) return 40;
  if (/NAMA|NAME/.test(h)) return 28;
  if (/NIK|KTP|KK|KEPENDUDUKAN|MATCH_WITH|DUPLICATE_OF/.test(h)) return 20;
  if (/HP|TELP|PHONE|HANDPHONE/.test(h)) return 16;
  return Math.min(30, Math.max(10, header.length + 2));
}

export class XlsxSheetWriter {
  private constructor(
    private readonly workbook: ExcelJS.stream.xlsx.WorkbookWriter,
    private readonly sheet: ExcelJS.Worksheet,
  ) {}

  /** Call loadExcel() first. */
  static create(path: string, sheetName: string, headers: readonly string[]): XlsxSheetWriter {
    if (!excel) throw new Error('loadExcel() first');
    // Owner-only from the first byte: exceljs truncates the file and keeps its mode.
    writeFileSync(path, '', { mode: 0o600 });
    const workbook = new excel.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false });
    const sheet = workbook.addWorksheet(sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = headers.map((header) => ({ header, width: columnWidth(header), style: { numFmt: '@' } }));
    sheet.getRow(1).font = { bold: true };
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: Math.max(1, headers.length) } };
    return new XlsxSheetWriter(workbook, sheet);
  }

  addRow(cells: readonly string[]): void {
    this.sheet.addRow([...cells]).commit();
  }

  async close(): Promise<void> {
    this.sheet.commit();
    await this.workbook.commit();
  }
}
