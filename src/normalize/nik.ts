/**
 * NIK normalisation. A NIK is a string from end to end: Papua NIKs (91..96) exceed 2^53, and a
 * JS number would silently change their last digits.
 */

export interface NikValue {
  /** The cell as typed, trimmed. */
  readonly raw: string;
  /** After dropping separators, apostrophe and ="..." wrapper; may still be malformed. */
  readonly digits: string;
  /** Exactly 16 digits. */
  readonly wellFormed: boolean;
  /** Scientific notation from Excel (3.27501E+15, 3,27501E+15): the digits are gone for good. */
  readonly excelMangled: boolean;
}

const SCIENTIFIC = /^[0-9]+(?:[.,][0-9]+)?[eE]\+?[0-9]+$/;
const SEPARATORS = /[\s.\-\u00a0\u200b]/g;
const SIXTEEN_DIGITS = /^[0-9]{16}$/;

/** Strips what spreadsheets put around an identifier to keep it text: ="...", a leading apostrophe. */
export function unwrapSpreadsheetText(value: string): string {
  let v = value.trim();
  const formula = /^="(.*)"$/.exec(v);
  if (formula) v = (formula[1] ?? '').trim();
  if (/^['‘’`]/.test(v)) v = v.slice(1).trim();
  return v;
}

/** Exactly 16 ASCII digits: most cells are, and need none of the unwrapping below. */
function isSixteenDigits(s: string): boolean {
  if (s.length !== 16) return false;
  for (let i = 0; i < 16; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

export function normalizeNik(cell: string): NikValue {
  if (isSixteenDigits(cell)) return { raw: cell, digits: cell, wellFormed: true, excelMangled: false };
  const raw = cell.trim();
  const unwrapped = unwrapSpreadsheetText(raw);
  if (SCIENTIFIC.test(unwrapped)) {
    return { raw, digits: unwrapped, wellFormed: false, excelMangled: true };
  }
  const digits = unwrapped.replace(SEPARATORS, '');
  return { raw, digits, wellFormed: SIXTEEN_DIGITS.test(digits), excelMangled: false };
}

/** Number of digit characters, for the malformed-NIK message. */
export function countDigits(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) n++;
  }
  return n;
}
