/**
 * The one-pass address tokenizer against the regular expressions it replaced (kept here as the
 * oracle): the same tokens for random strings built from the characters that matter (RT, RW,
 * digits, zeros, slashes, dots, underscores, every kind of space) and for real-looking addresses.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addressTokens } from '../../src/normalize/address.js';
import { generateBatch } from '../../src/synth/generate.js';

const SYNONYMS = new Map<string, string>(
  Object.entries({
    JALAN: 'JL', JLN: 'JL', JL: 'JL', KAMPUNG: 'KP', KAMP: 'KP', KP: 'KP', PERUMAHAN: 'PERUM', PERUM: 'PERUM',
    PRM: 'PERUM', GANG: 'GG', GG: 'GG', KOMPLEK: 'KOMP', KOMPLEKS: 'KOMP', KOMP: 'KOMP', KOMPL: 'KOMP',
    DUSUN: 'DSN', DSN: 'DSN', DS: 'DSN', BLOK: 'BLK', BLK: 'BLK',
  }),
);
const DROP = new Set(['NO', 'NOMOR', 'NOMER']);

function oracle(address: string): string[] {
  let v = address.toUpperCase();
  v = v.replace(/\bRT\.?\s*0*(\d+)\s*\/\s*(?:RW\.?\s*)?0*(\d+)/g, ' RT$1 RW$2 ');
  v = v.replace(/\b(RT|RW)\.?\s*0*(\d+)/g, ' $1$2 ');
  return v
    .replace(/[^A-Z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter((t) => t !== '' && !DROP.has(t))
    .map((t) => SYNONYMS.get(t) ?? t.replace(/^0+(?=\d)/, ''));
}

const pieces = [
  'RT', 'RW', 'rt', 'Rw', 'R', 'T', 'W', '0', '00', '5', '12', '007', '/', ' / ', '.', ' ', '  ', '_', '-', ',',
  '\t', '\u00a0', '\u2003', '\u3000', '\ufeff', 'A', 'JL', 'JALAN', 'NO', 'KP.', 'É', 'ß', '5A', 'XRT',
];

describe('addressTokens', () => {
  it('gives what the two regular expressions gave, for random strings of the characters that matter', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 14 }), (parts) => {
        const s = parts.join('');
        expect(addressTokens(s)).toEqual(oracle(s));
      }),
      { numRuns: 20_000 },
    );
  });

  it('gives what they gave for any string at all, and for generated addresses', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (s) => {
        expect(addressTokens(s)).toEqual(oracle(s));
      }),
      { numRuns: 5_000 },
    );
    for (const row of generateBatch({ rows: 2000, seed: 5 }).rows) {
      const address = row.cells[6] as string;
      expect(addressTokens(address)).toEqual(oracle(address));
    }
  });

  it('reads the spellings kecamatan use', () => {
    expect(addressTokens('Jl. Merpati No. 5 RT 002/RW 003')).toEqual(['JL', 'MERPATI', '5', 'RT2', 'RW3']);
    expect(addressTokens('KP. DUKUH RT 01/04')).toEqual(['KP', 'DUKUH', 'RT1', 'RW4']);
    expect(addressTokens('RT5RT06 rw.000')).toEqual(['RT5', 'RT06', 'RW0']);
    expect(addressTokens('RT 3/4RT 5')).toEqual(['RT3', 'RW4', 'RT5']);
  });
});
