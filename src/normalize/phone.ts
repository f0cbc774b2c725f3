/** Indonesian phone numbers as kecamatan sheets hold them: +62, 62, separators, Excel's lost 0. */
import { unwrapSpreadsheetText } from './nik.js';

const SEPARATORS = /[+\-().\s\u00a0]/g;
const MOBILE = /^08[1-9][0-9]{7,10}$/;

export interface PhoneValue {
  readonly raw: string;
  /** Written as 08...; '' when nothing usable is left. */
  readonly normalized: string;
  readonly valid: boolean;
}

/** 08[1-9] and 10-13 digits, nothing else: already a mobile number as we write it. */
function isPlainMobile(s: string): boolean {
  const n = s.length;
  if (n < 10 || n > 13 || s.charCodeAt(0) !== 48 || s.charCodeAt(1) !== 56) return false;
  const third = s.charCodeAt(2);
  if (third < 49 || third > 57) return false;
  for (let i = 3; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

export function normalizePhone(cell: string): PhoneValue {
  if (isPlainMobile(cell)) return { raw: cell, normalized: cell, valid: true };
  const raw = cell.trim();
  let v = unwrapSpreadsheetText(raw).replace(SEPARATORS, '');
  // +62 0812... happens: the 0 after the country code is dropped too.
  if (v.startsWith('620')) v = v.slice(2);
  else if (v.startsWith('62')) v = '0' + v.slice(2);
  // Excel read 0812... as a number and dropped the 0: 9-12 digits starting with 8.
  else if (/^8[0-9]{8,11}$/.test(v)) v = '0' + v;
  const valid = MOBILE.test(v);
  return { raw, normalized: valid ? v : '', valid };
}
