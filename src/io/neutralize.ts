/**
 * A cell a spreadsheet would run as a formula (=, +, -, @, tab or CR first) is written with a
 * leading apostrophe, unless it is a plain number such as -5 or +6281234567890.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?\d+(?:[.,]\d+)?$/;

export function neutralizeCell(value: string): string {
  const c = value.charCodeAt(0);
  // = + - @ TAB CR: one look rules out nearly every cell.
  if (c !== 61 && c !== 43 && c !== 45 && c !== 64 && c !== 9 && c !== 13) return value;
  if (!FORMULA_START.test(value) || PLAIN_NUMBER.test(value)) return value;
  return `'${value}`;
}

/** The row's cells neutralised in place (a row built for output, owned by the caller); returns it. */
export function neutralizeRow(row: string[]): string[] {
  for (let i = 0; i < row.length; i++) row[i] = neutralizeCell(row[i] as string);
  return row;
}
