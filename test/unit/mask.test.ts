import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shown, shownLines, terminalSafe, terminalSafeJson } from '../../src/cli/terminal-text.js';
import { escapeHtml } from '../../src/report/html-report.js';
import { maskIds } from '../../src/report/mask.js';

/** Synthetic: Kota Bekasi (32 75 08), born 01-01-90, serial 0006. Never a real NIK. */
const NIK = '3275080101900006';
const FW = (s: string) => s.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));

/** Every digit of the value that is not one of the kept ones must be gone from the text. */
function hidesBirthDate(text: string): boolean {
  const digits = text.normalize('NFKC').replace(/\D/g, '');
  return !digits.includes('010190') && !digits.includes('01019');
}

describe('maskIds: one masking function for every NIK-like value a person reads', () => {
  it('masks every variant of a NIK the issue found in full in report.html', () => {
    const cases: [string, string][] = [
      // Bare, 16 digits: first 6 (region) and last 2 stay.
      [NIK, '327508********06'],
      // A NIK_MALFORMED reason quoting 15 digits: only the last 2 stay.
      ['NIK "327508010190006" harus 16 angka: terbaca 15 angka', 'NIK "*************06" harus 16 angka: terbaca 15 angka'],
      // Scientific notation as Excel shows it, with a comma or a dot, with or without the plus.
      ['NIK 3,27508E+15 rusak oleh Excel', 'NIK *,*****E+15 rusak oleh Excel'],
      ['3.27508E+15', '*.*****E+15'],
      ['3.27508010190006e15', '*.**************e15'],
      // A letter at the end, 17 digits.
      ['3275020101810000X', '327502********00X'],
      ['32750801019000061', '327508*********61'],
      // Separators between the digits: space, dot, dash, NBSP, and mixed.
      ['3275 0801 0190 0006', '3275 08** **** **06'],
      ['3275.0801.0190.0006', '3275.08**.****.**06'],
      ['3275-0801-0190-0006', '3275-08**-****-**06'],
      ['3275\u00a00801\u00a00190\u00a00006', '3275\u00a008**\u00a0****\u00a0**06'],
      ['32.75.08 010190 0006', '32.75.08 ****** **06'],
      // Full-width digits, alone and mixed with ASCII.
      [FW(NIK), `${FW('327508')}********${FW('06')}`],
      [`3275${FW('080101900006')}`, `3275${FW('08')}********${FW('06')}`],
      // Inside a name, a file name, the Excel wrappers.
      [`SITI AMINAH ${NIK}`, 'SITI AMINAH 327508********06'],
      [`SITI${NIK}AMINAH`, 'SITI327508********06AMINAH'],
      [`kec-${NIK}.csv`, 'kec-327508********06.csv'],
      [`="${NIK}"`, '="327508********06"'],
      [`'${NIK}`, "'327508********06"],
    ];
    for (const [input, masked] of cases) {
      expect(maskIds(input), JSON.stringify(input)).toBe(masked);
      expect(hidesBirthDate(maskIds(input)), input).toBe(true);
      // Idempotent: masking twice changes nothing.
      expect(maskIds(maskIds(input)), input).toBe(masked);
    }
  });

  it('masks No. KK, NIP and phone numbers (9 digits and more) and leaves our own numbers alone', () => {
    expect(maskIds('NIP. 19700101 199003 1 001')).toBe('NIP. 197001** ****** * *01');
    expect(maskIds('nomor HP "081234567890" bukan nomor Indonesia')).toBe('nomor HP "**********90" bukan nomor Indonesia');
    expect(maskIds('812345678')).toBe('*******78');
    for (const ours of [
      '12345678',
      '2021-05-20',
      '5 dari 1.000.000 NIK berakhir dengan 0',
      'kec-a.csv:12',
      'umur 16 tahun per 2021-05-20',
      'NIK beda 2 digit (posisi 3, 15)',
      'nama mirip (0,93)',
      '1.5E+3',
      'digit 7-12 NIK (991399)',
      '2026-12-01T03:04:05.123Z',
    ]) {
      expect(maskIds(ours), ours).toBe(ours);
    }
  });

  it('never leaves 9 digits of any run in a row (property)', () => {
    const sep = fc.constantFrom('', '', '', ' ', '.', '-', '\u00a0', ',', '\u3000', '\uff0e');
    const digit = fc.oneof(fc.integer({ min: 0, max: 9 }).map(String), fc.integer({ min: 0, max: 9 }).map((d) => FW(String(d))));
    const number = fc.array(fc.tuple(digit, sep), { minLength: 9, maxLength: 24 }).map((parts) => parts.map(([d, s]) => d + s).join(''));
    fc.assert(
      fc.property(fc.string({ maxLength: 8 }), number, fc.string({ maxLength: 8 }), (before, n, after) => {
        const masked = maskIds(before + n + after);
        // Whatever stays of the number: at most 6 digits in a row, once separators are dropped.
        const runs = masked.normalize('NFKC').replace(/[\s.,-]/g, '').match(/\d+/g) ?? [];
        const fromNumber = n.normalize('NFKC').replace(/\D/g, '');
        for (const r of runs) if (r.length >= 9) expect(fromNumber).not.toContain(r);
        expect(maskIds(masked)).toBe(masked);
      }),
      { numRuns: 500 },
    );
  });

  it('masks in report.html: every value passes through escapeHtml', () => {
    expect(escapeHtml(`<b>NIK "${NIK.slice(0, 15)}" & ${FW(NIK)}</b>`)).toBe(
      `&lt;b&gt;NIK &quot;*************00&quot; &amp; ${FW('327508')}********${FW('06')}&lt;/b&gt;`,
    );
  });
});

describe('terminal-safe text', () => {
  it('shows control characters and escape codes as escapes, and nothing else changes', () => {
    expect(terminalSafe('kec-\u001b[2J\u001b[31mA.csv')).toBe('kec-\\x1B[2J\\x1B[31mA.csv');
    expect(terminalSafe('a\rb\nc\td\u0007e\u007f')).toBe('a\\rb\\nc\\td\\x07e\\x7F');
    // C1 CSI, the bidi override (Trojan Source) and the line separator.
    expect(terminalSafe('x\u009b2Jy\u202egnp.exe\u2028z')).toBe('x\\x9B2Jy\\u{202E}gnp.exe\\u{2028}z');
    expect(terminalSafe("MA’RUF ÖZİL 名前 ✓")).toBe("MA’RUF ÖZİL 名前 ✓");
    expect(terminalSafe(terminalSafe('\u001b[31m'))).toBe('\\x1B[31m');
  });

  it('masks and escapes in one go for whatever came from input', () => {
    expect(shown(`\u001b]0;${NIK}\u0007.csv`)).toBe('\\x1B]0;327508********06\\x07.csv');
    expect(shownLines(`first ${NIK}\nsecond \u001b[1m`)).toBe('first 327508********06\nsecond \\x1B[1m');
  });

  it('escapes C1 and bidi controls in JSON without changing the value', () => {
    const value = { file: 'a\u009b2J\u202e\u2028\u001b.csv' };
    const json = terminalSafeJson(JSON.stringify(value));
    expect(json).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202e\u2028]/);
    expect(JSON.parse(json)).toEqual(value);
  });
});
