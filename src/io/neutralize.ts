/**
 * A cell a spreadsheet would run as a formula is written with a leading apostrophe, unless it is a
 * plain number such as -5 or +6281234567890 (the SPEC's "other than a plain number"). Per OWASP's
 * CSV injection guidance a formula starts with = + - @ TAB or CR; this also counts what a
 * spreadsheet sees as that start once it trims the cell or folds its characters:
 * - a cell starting with TAB, CR or LF (prefixed whatever follows);
 * - leading white space of any kind (spaces, NBSP, U+3000 and the other Unicode spaces, line and
 *   paragraph separators), control and invisible format characters (zero-width space, BOM,
 *   bidi marks) before a formula character: LibreOffice's "trim spaces" import turns
 *   "  =1+1" into a live formula;
 * - look-alikes that fold to = + - @ under NFKC (full-width ＝ ＋ － ＠, the small forms ﹦ ﹢ ﹣ ﹫,
 *   superscript and subscript ⁺ ₊ ...) and the minus sign, hyphens and dashes U+2010-2015, U+2212.
 * DDE payloads (=cmd|' /C calc'!A0, @SUM(1+1)*cmd|...) start with one of these and are covered.
 * A plain number is one after that trimming and folding: optional sign, digits, at most one
 * decimal point or comma (-5, +6281234567890, 3,5, ＋６２８１２...); it is left as it is.
 */
const PLAIN_NUMBER = /^[+-]?\d+(?:[.,]\d+)?$/;
/** Not seen by a spreadsheet that trims: white space, controls, invisible format characters. */
const IGNORABLE = /^[\s\p{Cc}\p{Cf}]$/u;
const FORMULA_CHARS = '=+-@';
/** Dashes and minus signs NFKC leaves alone but a reader takes for a minus. */
const DASHES = /^[\u2010-\u2015\u2212\u2796\u2795\uFE58]$/u;

function isFormulaStart(c: string): boolean {
  if (FORMULA_CHARS.includes(c) || DASHES.test(c)) return true;
  const folded = c.normalize('NFKC').trimStart();
  return folded !== '' && FORMULA_CHARS.includes(folded[0] as string);
}

/** The value as a spreadsheet that trims and folds would read it, when it starts with a formula character. */
function formulaStart(value: string): boolean {
  for (const c of value) {
    const code = c.charCodeAt(0);
    if (code > 32 && code < 127) return FORMULA_CHARS.includes(c);
    // Latin-1 letters up to Hebrew: no space, no format character, no look-alike.
    if (code >= 0xc0 && code < 0x600) return false;
    if (IGNORABLE.test(c)) continue;
    return isFormulaStart(c);
  }
  return false;
}

/** Printable ASCII other than the space folds and trims to itself. */
const NEEDS_FOLDING = /[^\x21-\x7e]/;

function isPlainNumber(value: string): boolean {
  if (PLAIN_NUMBER.test(value)) return true;
  if (!NEEDS_FOLDING.test(value)) return false;
  return PLAIN_NUMBER.test(value.normalize('NFKC').replace(/^[\s\p{Cc}\p{Cf}]+|[\s\p{Cc}\p{Cf}]+$/gu, ''));
}

export function neutralizeCell(value: string): string {
  const c = value.charCodeAt(0);
  // One look rules out nearly every cell: a printable ASCII character other than = + - @ and the space.
  if (c > 32 && c < 127 && c !== 61 && c !== 43 && c !== 45 && c !== 64) return value;
  if (value === '') return value;
  // TAB, CR, LF first: a formula or a broken cell in any spreadsheet, number or not; = and @ are never a number.
  if (c === 9 || c === 13 || c === 10 || c === 61 || c === 64) return `'${value}`;
  if (c === 43 || c === 45) return isPlainNumber(value) ? value : `'${value}`;
  return formulaStart(value) && !isPlainNumber(value) ? `'${value}` : value;
}

/** The row's cells neutralised in place (a row built for output, owned by the caller); returns it. */
export function neutralizeRow(row: string[]): string[] {
  for (let i = 0; i < row.length; i++) row[i] = neutralizeCell(row[i] as string);
  return row;
}
