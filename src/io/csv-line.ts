/**
 * One CSV record as text, exactly as the reference writer (csv-stringify with CRLF records and
 * `quote_record_delimiter: true`) writes it, checked by a property test: a cell is quoted when it
 * holds a comma, a quote or any line break, and quotes inside are doubled. csv-stringify's default
 * with a record delimiter quotes only that delimiter, so an Alt+Enter cell (a lone LF) went out
 * unquoted and broke its row. Written here also because the general writer's per-cell option
 * checks were a tenth of a whole run.
 */
import type { CsvStyle } from '../schema/csv-style.js';

const QUOTES = /"/g;

function lineWriter(delimiter: string, needsQuotes: RegExp): (cells: readonly string[]) => string {
  return (cells) => {
    let line = '';
    for (let i = 0; i < cells.length; i++) {
      const v = cells[i] as string;
      if (i > 0) line += delimiter;
      line += needsQuotes.test(v) ? `"${v.replace(QUOTES, '""')}"` : v;
    }
    return `${line}\r\n`;
  };
}

export const csvLine = lineWriter(',', /[",\r\n]/);

/**
 * The `excel` style's record: `;` between cells, CRLF as Excel on Windows writes it. A cell with a
 * comma is quoted too, so the file splits the same whichever separator a reader (a sniffer, an
 * Excel set to another locale) takes it for.
 */
export const excelCsvLine = lineWriter(';', /[",;\r\n]/);

export interface CsvDialect {
  readonly line: (cells: readonly string[]) => string;
  /** Written before the first record. */
  readonly bom: string;
}

const PLAIN: CsvDialect = { line: csvLine, bom: '' };
const EXCEL: CsvDialect = { line: excelCsvLine, bom: '\ufeff' };

/**
 * The outputs the `excel` style changes: every CSV a person opens, but never submission.csv. That
 * file goes to the ministry, which takes the plain one, and the analyst reads it in
 * submission.xlsx. Formula neutralising is the same in both styles.
 */
export const EXCEL_STYLED = ['rejected.csv', 'review.csv', 'audit.csv'] as const;

/** The dialect of one output file (any other than those above is written plain). */
export function csvDialect(name: string, style: CsvStyle): CsvDialect {
  return style === 'excel' && (EXCEL_STYLED as readonly string[]).includes(name) ? EXCEL : PLAIN;
}
