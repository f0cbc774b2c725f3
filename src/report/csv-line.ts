/**
 * One CSV record as text, exactly as csv-stringify writes it with `record_delimiter: '\r\n'` (the
 * reference writer, checked against it by a property test): a cell is quoted when it holds a
 * comma, a quote or a line break, and quotes inside are doubled. Written here because the
 * general writer's per-cell option checks were a tenth of a whole run.
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
