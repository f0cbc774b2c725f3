import { describe, expect, it } from 'vitest';
import { FIRST_COPY, LATER_COPY, NikTable, nikTableCapacity } from '../../src/engine/nik-table.js';
import { keepRank } from '../../src/match/keep-policy.js';

const VALID = keepRank(true, 5);

describe('NikTable', () => {
  it('says first copy, then the first copy ordinal for the second, then later copy', () => {
    const t = new NikTable();
    expect(t.add('3275010101900001', 0, VALID, 1)).toBe(FIRST_COPY);
    expect(t.add('3275010101900001', 4, VALID, 1)).toBe(0);
    expect(t.add('3275010101900001', 9, VALID, 1)).toBe(LATER_COPY);
    expect(t.get('3275010101900001')).toEqual({ count: 3, keeperOrd: 0, namesDiffer: false });
    expect(t.size).toBe(1);
  });

  it('tells a NIK that repeats from one that does not, and one never seen', () => {
    const t = new NikTable();
    t.add('3275010101900001', 0, VALID, 1);
    t.add('3275010101900002', 1, VALID, 1);
    t.add('3275010101900002', 2, VALID, 1);
    expect(t.repeated('3275010101900001')).toBeNull();
    expect(t.get('3275010101900001')?.count).toBe(1);
    expect(t.repeated('3275010101900002')?.count).toBe(2);
    expect(t.get('3275010101900003')).toBeNull();
  });

  it('marks a NIK whose copies carry different names, and lists only those that repeat', () => {
    const t = new NikTable();
    t.add('3275010101900001', 0, VALID, 11);
    t.add('3275010101900001', 1, VALID, 22);
    t.add('3275010101900002', 2, VALID, 11);
    t.add('3275010101900002', 3, VALID, 11);
    expect(t.get('3275010101900001')?.namesDiffer).toBe(true);
    expect(t.get('3275010101900002')?.namesDiffer).toBe(false);
    expect(t.differingNiks()).toEqual(['3275010101900001']);
  });

  it('keeps Papua NIKs above 2^53 exact and apart from their neighbours', () => {
    const t = new NikTable();
    const a = '9471010101900001';
    const b = '9471010101900000';
    expect(Number(a)).toBe(Number(b)); // as JS numbers they are one
    t.add(a, 0, VALID, 1);
    t.add(b, 1, VALID, 1);
    expect(t.get(a)?.keeperOrd).toBe(0);
    expect(t.get(b)?.keeperOrd).toBe(1);
    expect(t.size).toBe(2);
  });

  it('grows from a small capacity without losing or mixing any entry', () => {
    const t = new NikTable(4);
    const nik = (i: number) => `32750101019${String(i).padStart(5, '0')}`;
    for (let i = 0; i < 5000; i++) t.add(nik(i), i, keepRank(true, i % 13), i % 3);
    // Second copies of every tenth NIK, more complete: they take over.
    for (let i = 0; i < 5000; i += 10) t.add(nik(i), 5000 + i, keepRank(true, 12), i % 3);
    expect(t.size).toBe(5000);
    for (let i = 0; i < 5000; i++) {
      const e = t.get(nik(i));
      const secondWins = i % 10 === 0 && i % 13 !== 12;
      expect(e).toEqual({ count: i % 10 === 0 ? 2 : 1, keeperOrd: secondWins ? 5000 + i : i, namesDiffer: false });
    }
    let keepers = 0;
    t.forEachKeeper(() => keepers++);
    expect(keepers).toBe(5000);
  });

  it('is read the same over its arrays from another thread', () => {
    const t = new NikTable();
    t.add('3275010101900001', 0, keepRank(false, 9), 1);
    t.add('3275010101900001', 1, keepRank(true, 2), 2);
    const u = NikTable.fromArrays(t.arrays());
    expect(u.get('3275010101900001')).toEqual({ count: 2, keeperOrd: 1, namesDiffer: true });
    expect(u.size).toBe(1);
  });

  it('is sized to hold the expected rows without growing', () => {
    expect(nikTableCapacity(10)).toBe(1 << 16);
    expect(nikTableCapacity(1_000_000) * 0.7).toBeGreaterThanOrEqual(1_000_000);
  });
});
