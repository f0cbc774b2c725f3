/**
 * How the CSVs meant for people are written. `plain`: UTF-8 without BOM, `,` between cells, the
 * file the ministry takes. `excel`: a UTF-8 BOM (without it Excel reads the bytes as Windows-1252
 * and `’` shows as `â€™`) and `;`, the list separator Excel uses on Indonesian Windows, whose
 * decimal separator is `,`: there a double-clicked `,` file lands in one column.
 */
export const CSV_STYLES = ['plain', 'excel'] as const;
export type CsvStyle = (typeof CSV_STYLES)[number];
export const DEFAULT_CSV_STYLE: CsvStyle = 'plain';

export function isCsvStyle(value: unknown): value is CsvStyle {
  return typeof value === 'string' && (CSV_STYLES as readonly string[]).includes(value);
}
