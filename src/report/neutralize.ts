/**
 * A cell a spreadsheet would run as a formula (=, +, -, @, tab or CR first) is written with a
 * leading apostrophe, unless it is a plain number such as -5 or +6281234567890.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?\d+(?:[.,]\d+)?$/;

export function neutralizeCell(value: string): string {
  if (!FORMULA_START.test(value) || PLAIN_NUMBER.test(value)) return value;
  return `'${value}`;
}
