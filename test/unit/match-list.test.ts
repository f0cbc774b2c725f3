/** Possible duplicates kept in typed arrays: the evidence codes round-trip, the best pair per row wins. */
import { describe, expect, it } from 'vitest';
import type { Evidence, PairScore } from '../../src/match/compare.js';
import { decodeEvidence, encodeEvidence, MatchList } from '../../src/engine/match-list.js';

const everyKind: Evidence[] = [
  { kind: 'idOneDigit', position: 1 },
  { kind: 'idOneDigit', position: 16 },
  { kind: 'idTwoDigits', positions: [1, 16] },
  { kind: 'idTwoDigits', positions: [15, 16] },
  { kind: 'idSwap', position: 15 },
  { kind: 'idIsKk' },
  { kind: 'idFar' },
  { kind: 'nameSame' },
  { kind: 'nameSimilar', similarity: 0.9 },
  { kind: 'nameSimilar', similarity: 0.97 },
  { kind: 'nameSimilar', similarity: 0.29 },
  { kind: 'nameDifferent' },
  { kind: 'birthSame' },
  { kind: 'birthDefault' },
  { kind: 'birthClose' },
  { kind: 'birthDifferent' },
  { kind: 'phoneSame' },
  { kind: 'phoneDifferent' },
  { kind: 'addressSame' },
  { kind: 'addressSimilar' },
  { kind: 'addressDifferent' },
  { kind: 'areaSame' },
  { kind: 'areaDifferent' },
];

const score = (s: number, evidence: Evidence[] = [{ kind: 'idOneDigit', position: 3 }, { kind: 'nameSame' }]): PairScore => ({
  score: s,
  evidence,
  match: true,
});

describe('evidence codes', () => {
  it('give back every kind with its figure, each a distinct non-zero 16-bit number', () => {
    const codes = everyKind.map(encodeEvidence);
    for (const c of codes) {
      expect(c).toBeGreaterThan(0);
      expect(c).toBeLessThan(2 ** 16);
    }
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.map(decodeEvidence)).toEqual(everyKind);
  });

  it('keeps every similarity the scorer can write (two decimals)', () => {
    for (let k = 0; k <= 100; k++) {
      const e: Evidence = { kind: 'nameSimilar', similarity: Math.round((k / 100) * 100) / 100 };
      expect(decodeEvidence(encodeEvidence(e))).toEqual(e);
    }
  });

  it('refuses a code no evidence has', () => {
    expect(() => decodeEvidence(0)).toThrow();
    expect(() => decodeEvidence(31)).toThrow();
  });
});

describe('MatchList', () => {
  it('keeps the highest score per held row, the first of equal ones, and hands them out in row order', () => {
    const list = new MatchList();
    list.offer(9, 2, score(5));
    list.offer(4, 1, score(6, [{ kind: 'idSwap', position: 7 }, { kind: 'nameSimilar', similarity: 0.93 }, { kind: 'birthSame' }]));
    list.offer(9, 3, score(7));
    list.offer(9, 5, score(7));
    list.offer(9, 6, score(6.5));
    expect(list.size).toBe(2);
    expect([...list.entries()]).toEqual([
      { heldOrd: 4, otherOrd: 1, score: 6, evidence: [{ kind: 'idSwap', position: 7 }, { kind: 'nameSimilar', similarity: 0.93 }, { kind: 'birthSame' }] },
      { heldOrd: 9, otherOrd: 3, score: 7, evidence: [{ kind: 'idOneDigit', position: 3 }, { kind: 'nameSame' }] },
    ]);
    expect(() => list.offer(10, 1, score(9))).toThrow(/sealed/);
  });

  it('finds each row with a forward cursor, and refuses to go back', () => {
    const list = new MatchList();
    // More than the first allocation, offered out of order.
    for (let i = 3000; i > 0; i--) list.offer(i * 3, i * 3 - 1, score(i));
    const at = list.cursor();
    expect(at(0)).toBeUndefined();
    expect(at(3)?.otherOrd).toBe(2);
    expect(at(4)).toBeUndefined();
    expect(at(4500)).toMatchObject({ heldOrd: 4500, otherOrd: 4499, score: 1500 });
    expect(at(9000)?.score).toBe(3000);
    expect(at(9001)).toBeUndefined();
    expect(() => at(5)).toThrow(/order/);
  });

  it('split anywhere, the later part absorbed gives what one list offered everything gives', () => {
    // Few held rows and few distinct scores: many rows are offered in both parts, with ties.
    let seed = 7;
    const rand = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed % n;
    };
    const kinds: Evidence[] = [{ kind: 'nameSame' }, { kind: 'birthSame' }, { kind: 'phoneSame' }, { kind: 'idSwap', position: 9 }];
    const offers = Array.from({ length: 4000 }, () => ({
      held: rand(1500),
      other: rand(1500),
      result: score(rand(6), [kinds[rand(4)] as Evidence, { kind: 'idOneDigit', position: 1 + rand(16) }]),
    }));
    const one = new MatchList();
    for (const o of offers) one.offer(o.held, o.other, o.result);
    const expected = [...one.entries()];
    for (const at of [0, 1, 1234, 2000, 3999, 4000]) {
      const first = new MatchList();
      const later = new MatchList();
      for (const [i, o] of offers.entries()) (i < at ? first : later).offer(o.held, o.other, o.result);
      first.absorb(later.parts());
      expect(first.size, `split at ${at}`).toBe(one.size);
      expect([...first.entries()], `split at ${at}`).toEqual(expected);
    }
  });

  it('takes no more than one piece of evidence per field', () => {
    const seven = Array.from({ length: 7 }, (): Evidence => ({ kind: 'nameSame' }));
    expect(() => new MatchList().offer(1, 0, score(9, seven))).toThrow();
  });
});
