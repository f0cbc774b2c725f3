import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NikTable } from '../../src/engine/nik-table.js';
import { betterCandidate, type Candidate, heldOfPair, keepRank } from '../../src/match/keep-policy.js';
import { NikGroups } from '../../src/match/nik-groups.js';

const copy = (line: number, valid: boolean, completeness: number, file = 0): Candidate => ({
  ref: { file, line },
  valid,
  completeness,
});

describe('keep policy', () => {
  it('keeps a valid copy over an invalid one, however complete the invalid one is', () => {
    expect(betterCandidate(copy(2, false, 12), copy(9, true, 1)).ref.line).toBe(9);
    expect(betterCandidate(copy(9, true, 1), copy(2, false, 12)).ref.line).toBe(9);
  });

  it('among valid copies keeps the most complete, even when it comes later', () => {
    expect(betterCandidate(copy(2, true, 5), copy(9, true, 7)).ref.line).toBe(9);
    expect(betterCandidate(copy(9, true, 7), copy(2, true, 5)).ref.line).toBe(9);
  });

  it('between equally complete copies keeps the first in input order, across files too', () => {
    expect(betterCandidate(copy(9, true, 5), copy(2, true, 5)).ref.line).toBe(2);
    expect(betterCandidate(copy(2, true, 5, 1), copy(9, true, 5, 0)).ref).toEqual({ file: 0, line: 9 });
  });

  it('holds the later row of a probable pair, or the invalid one when only one is valid', () => {
    expect(heldOfPair(copy(9, true, 5), copy(2, true, 5))).toBe(true);
    expect(heldOfPair(copy(2, true, 5), copy(9, true, 5))).toBe(false);
    expect(heldOfPair(copy(2, false, 5), copy(9, true, 5))).toBe(true);
    expect(heldOfPair(copy(9, true, 5), copy(2, false, 5))).toBe(false);
  });

  it('ranks validity above any completeness', () => {
    expect(keepRank(true, 0)).toBeGreaterThan(keepRank(false, 12));
    expect(keepRank(true, 6)).toBeGreaterThan(keepRank(true, 5));
  });
});

describe('the NIK table keeps what the policy keeps', () => {
  const niks = ['3275010101900001', '9471010101900002', '3275014101900003', '1101010101900004'];

  it('for any sequence of copies, in input order, over a table that has to grow', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ nik: fc.integer({ min: 0, max: 3 }), valid: fc.boolean(), completeness: fc.integer({ min: 0, max: 12 }) }), {
          minLength: 1,
          maxLength: 60,
        }),
        (copies) => {
          // Capacity 2 makes the table grow while copies arrive.
          const table = new NikTable(2);
          const groups = new NikGroups();
          copies.forEach((c, ord) => {
            table.add(niks[c.nik] as string, ord, keepRank(c.valid, c.completeness), 7);
            groups.add(niks[c.nik] as string, copy(ord, c.valid, c.completeness), ['SITI'], 'SITI');
          });
          for (const nik of new Set(copies.map((c) => niks[c.nik] as string))) {
            const viaTable = table.get(nik)?.keeperOrd;
            const viaPolicy = copies
              .map((c, ord) => ({ ...c, ord }))
              .filter((c) => niks[c.nik] === nik)
              .map((c) => copy(c.ord, c.valid, c.completeness))
              .reduce((a, b) => betterCandidate(a, b)).ref.line;
            expect(viaTable).toBe(viaPolicy);
            const verdict = groups.verdict(nik, { file: 0, line: viaPolicy });
            expect(verdict.kind === 'keeper' || verdict.kind === 'single').toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
