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

export function normalizePhone(cell: string): PhoneValue {
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
