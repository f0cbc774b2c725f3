/**
 * One CSV record as text, exactly as the reference writer (csv-stringify with CRLF records and
 * `quote_record_delimiter: true`) writes it, checked by a property test: a cell is quoted when it
 * holds a comma, a quote or any line break, and quotes inside are doubled. csv-stringify's default
 * with a record delimiter quotes only that delimiter, so an Alt+Enter cell (a lone LF) went out
 * unquoted and broke its row. Written here also because the general writer's per-cell option
 * checks were a tenth of a whole run.
 */
const NEEDS_QUOTES = /[",\r\n]/;
const QUOTES = /"/g;

export function csvLine(cells: readonly string[]): string {
  let line = '';
  for (let i = 0; i < cells.length; i++) {
    const v = cells[i] as string;
    if (i > 0) line += ',';
    line += NEEDS_QUOTES.test(v) ? `"${v.replace(QUOTES, '""')}"` : v;
  }
  return `${line}\r\n`;
}
