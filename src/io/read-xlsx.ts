/**
 * Workbooks as inputs (a kecamatan's .xlsx, or a corrected rejection workbook sent back): the
 * first worksheet, streamed row by row with exceljs, every cell turned into the text a CSV export
 * would hold. A NIK stored as a number has already lost its 16th digit inside Excel, so it comes
 * out in scientific notation and the NIK_EXCEL_MANGLED rule says so.
 */
import type { CsvRecord } from './csv-tokenizer.js';
import { loadExcel } from './xlsx-writer.js';

const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * OOXML writes characters XML cannot hold as _xHHHH_ (and a literal "_x" as _x005F_x); Excel
 * decodes them, exceljs does not, so we do.
 */
function decodeXmlEscapes(value: string): string {
  return value.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** One cell as text. Exported for tests: the conversions are the contract. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.includes('_x') ? decodeXmlEscapes(value) : value;
  if (typeof value === 'number') {
    // Excel keeps 15 significant digits: a 16-digit identifier stored as a number is damaged.
    if (Number.isInteger(value) && Math.abs(value) >= 1e15) return value.toExponential(5).toUpperCase();
    return String(value);
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return `${pad2(value.getUTCDate())}/${pad2(value.getUTCMonth() + 1)}/${value.getUTCFullYear()}`;
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; result?: unknown; formula?: string; text?: unknown; error?: string };
    if (Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('');
    if ('result' in v || 'formula' in v) return cellText(v.result);
    if (v.text !== undefined) return cellText(v.text);
    if (v.error !== undefined) return '';
  }
  return String(value);
}

/** Rows of the first worksheet, in batches, with their spreadsheet row number as the line. */
export async function* readXlsxRecords(path: string, batchSize = 512): AsyncGenerator<CsvRecord[]> {
  const excel = await loadExcel();
  const reader = new excel.stream.xlsx.WorkbookReader(path, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'emit',
  });
  let batch: CsvRecord[] = [];
  for await (const sheet of reader) {
    for await (const row of sheet as AsyncIterable<{ number: number; values: unknown[] }>) {
      const values = Array.isArray(row.values) ? row.values.slice(1) : [];
      const cells: string[] = [];
      for (let i = 0; i < values.length; i++) cells.push(cellText(values[i]));
      batch.push({ line: row.number, cells });
      if (batch.length >= batchSize) {
        yield batch;
        batch = [];
      }
    }
    break; // the first worksheet is the data; others are notes and pivots
  }
  if (batch.length > 0) yield batch;
}
