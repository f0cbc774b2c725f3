/**
 * The one-pass name tokenizer against the chain of regular expressions it replaced (kept here as
 * the oracle, over the same word lists): the same tokens for random strings of the characters that matter (apostrophes,
 * commas, dots, every kind of space, titles, degrees, MUHAMMAD spellings, old spellings, letters
 * that change length when upper-cased) and for generated names.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEGREES, MUHAMMAD, nameTokens, PREFIX_TITLES } from '../../src/normalize/name.js';
import { generateBatch } from '../../src/synth/generate.js';

const fold = (t: string) =>
  /OE|J|CH/.test(t)
    ? t.replace(/OE/g, 'U').replace(/DJ/g, 'J').replace(/TJ/g, 'C').replace(/NJ/g, 'NY').replace(/SJ/g, 'SY').replace(/CH/g, 'KH').replace(/J/g, 'Y')
    : t;
const bare = (t: string) => t.replace(/[^A-Z0-9]/g, '');

function oracle(name: string): string[] {
  let v = name.toUpperCase().replace(/['‘’`]/g, '');
  const comma = v.indexOf(',');
  if (comma > 0) v = v.slice(0, comma);
  const words = v.split(/\s+/).filter((w) => bare(w) !== '');
  while (words.length > 1 && PREFIX_TITLES.has(bare(words[0] ?? ''))) words.shift();
  while (words.length > 1 && DEGREES.has(bare(words[words.length - 1] ?? ''))) words.pop();
  const tokens: string[] = [];
  for (const w of words) {
    for (const part of w.split(/[^A-Z0-9]+/)) if (part !== '') tokens.push(MUHAMMAD.has(part) ? 'MUHAMMAD' : fold(part));
  }
  return tokens;
}

const pieces = [
  'SITI', 'aminah', 'H.', 'Hj', 'DR', 'S.Pd', 'S.PD.', 'M.M', 'MA', 'M.', 'Moh', 'MUHAMMAD', 'SOEHARTO', 'Djoko', 'Tjahjo',
  'ma', "'", '‘', '’', '`', ',', ', ', '.', '-', '/', '(', ')', ' ', '  ', '\t', '\n', '\u00a0', '\u2003', '\u3000', '\ufeff',
  '0', '7', 'é', 'ß', 'ﬁ', 'İ', 'X',
];

describe('nameTokens', () => {
  it('gives what the regular expressions gave, for random strings of the characters that matter', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), (parts) => {
        const name = parts.join('');
        expect(nameTokens(name)).toEqual(oracle(name));
      }),
      { numRuns: 30_000 },
    );
  });

  it('gives what they gave for any text and for generated names', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), (name) => {
        expect(nameTokens(name)).toEqual(oracle(name));
      }),
      { numRuns: 5_000 },
    );
    const names = generateBatch({ rows: 5000, seed: 3 }).rows.map((r) => r.cells[3] as string);
    for (const name of names) expect(nameTokens(name), name).toEqual(oracle(name));
  });
});
