/**
 * The one masking function for every text a person reads that may quote a NIK: report.html, the
 * terminal (summary, progress, error messages), and the messages and quoted lines of the JSON
 * summary. The CSV and .xlsx outputs are the analyst's working files and keep every value whole.
 *
 * What counts as NIK-like: a run of decimal digits (ASCII, full-width U+FF10-FF19 or any other
 * script's) that, once the separators between digits are dropped (spaces of any kind, NBSP,
 * dots, commas, dashes and their full-width forms, at most three in a row), has 9 or more digits;
 * and a number in scientific notation with an exponent of 8 or more (what Excel shows for a NIK
 * typed as a number: 3,27508E+15). Nine digits and up catches a NIK however it is damaged
 * (15 digits after Excel, 17 after a typo, a letter at the end, spaces or dots between groups,
 * inside a name or a file name), a No. KK, a NIP and a phone number; our own texts never hold a
 * run that long (counts stay below 100,000,000; dates have 8 digits).
 *
 * What stays: of a run of 16 digits or more, the first 6 (province, regency and district where
 * the NIK was issued, which the report shows anyway as the kecamatan) and the last 2 (enough to
 * tell two rows of one file apart); of a shorter run, only the last 2. The digits between become
 * `*`, one for each, and the separators stay where they were, so the value keeps its shape:
 * 3275080101900006 -> 327508********06, "3275 0801 0190 0006" -> "3275 08** **** **06". The
 * birth date (digits 7-12) and the serial are never shown. Of a number in scientific notation
 * every mantissa digit becomes `*` (its leading digits would be the region and birth date, and it
 * has no last digits): 3,27508E+15 -> *,*****E+15.
 *
 * The function is idempotent (masked text has no run of more than 6 digits left) and keeps
 * everything that is not a digit of a masked run.
 */

const DIGIT = String.raw`\p{Nd}`;
/** Between two digits of one number: spaces (incl. NBSP and the other Unicode spaces), . , - and look-alikes. */
const SEPARATOR = String.raw`[\s.,\-\u2010-\u2015\u2212\uFE58\uFE63\uFF0C\uFF0D\uFF0E\u3001\u3002]`;
const RUN = new RegExp(`${DIGIT}(?:${SEPARATOR}{0,3}${DIGIT})*`, 'gu');
/** 3,27508E+15  3.27508e15  3E+15  ３，２７５０８Ｅ＋１５ */
const SCIENTIFIC = new RegExp(`${DIGIT}(?:[.,\\uFF0C\\uFF0E]${DIGIT}+)?\\s?[eE\\uFF25\\uFF45][+\\uFF0B]?(${DIGIT}{1,3})`, 'gu');
const IS_DIGIT = new RegExp(`^${DIGIT}$`, 'u');
const HAS_DIGIT = new RegExp(DIGIT, 'u');

/** 9 digits and more: a NIK, a No. KK, a NIP or a phone number, whatever it is wrapped in. */
export const MASK_MIN_DIGITS = 9;

function digitValue(s: string): number {
  return Number(s.normalize('NFKC').replace(/\D/g, '') || Number.NaN);
}

function maskRun(run: string): string {
  const chars = Array.from(run);
  let digits = 0;
  for (const c of chars) if (IS_DIGIT.test(c)) digits++;
  if (digits < MASK_MIN_DIGITS) return run;
  const keepHead = digits >= 16 ? 6 : 0;
  const keepTail = 2;
  let seen = 0;
  let out = '';
  for (const c of chars) {
    if (!IS_DIGIT.test(c)) {
      out += c;
      continue;
    }
    seen++;
    out += seen <= keepHead || seen > digits - keepTail ? c : '*';
  }
  return out;
}

function maskScientific(match: string, exponent: string): string {
  const e = digitValue(exponent);
  if (!(e >= MASK_MIN_DIGITS - 1)) return match;
  // Every mantissa digit; the exponent (what tells the analyst Excel did this) stays.
  const at = match.length - exponent.length;
  return match.slice(0, at).replace(new RegExp(DIGIT, 'gu'), '*') + exponent;
}

/** Masks every NIK-like value in a text meant for a person (see the module's comment). */
export function maskIds(text: string): string {
  if (!HAS_DIGIT.test(text)) return text;
  return text.replace(SCIENTIFIC, maskScientific).replace(RUN, maskRun);
}
