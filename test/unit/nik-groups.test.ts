import { describe, expect, it } from 'vitest';
import { betterCandidate } from '../../src/match/keep-policy.js';
import { NikGroups } from '../../src/match/nik-groups.js';
import { nameTokens } from '../../src/normalize/name.js';

const NIK = '3275084507850001';
const cand = (file: number, line: number, valid: boolean, completeness: number) => ({ ref: { file, line }, valid, completeness });

function groupOf(rows: [number, number, boolean, number, string][]) {
  const g = new NikGroups();
  for (const [file, line, valid, completeness, name] of rows) g.add(NIK, cand(file, line, valid, completeness), nameTokens(name), name);
  return g;
}

describe('keep policy', () => {
  it('prefers a valid copy, then the most complete, then the first', () => {
    expect(betterCandidate(cand(0, 2, false, 9), cand(1, 5, true, 3)).ref).toEqual({ file: 1, line: 5 });
    expect(betterCandidate(cand(0, 2, true, 5), cand(0, 9, true, 7)).ref).toEqual({ file: 0, line: 9 });
    expect(betterCandidate(cand(1, 2, true, 5), cand(0, 9, true, 5)).ref).toEqual({ file: 0, line: 9 });
  });
});

describe('NikGroups', () => {
  it('calls a lone NIK single', () => {
    expect(groupOf([[0, 2, true, 5, 'SITI AMINAH']]).verdict(NIK, { file: 0, line: 2 })).toEqual({ kind: 'single' });
  });

  it('keeps the valid later copy and points the invalid earlier one at it', () => {
    const g = groupOf([
      [0, 10, false, 4, 'RINA MARLINA'],
      [1, 4, true, 7, 'RINA MARLINA'],
    ]);
    expect(g.verdict(NIK, { file: 0, line: 10 })).toEqual({ kind: 'duplicate', keeper: { file: 1, line: 4 } });
    expect(g.verdict(NIK, { file: 1, line: 4 })).toEqual({ kind: 'keeper' });
  });

  it('treats a titled or shortened name as the same person', () => {
    const g = groupOf([
      [0, 5, true, 7, 'SITI AMINAH'],
      [0, 12, true, 7, 'HJ. SITI AMINAH, S.PD'],
      [1, 3, true, 7, 'AMINAH'],
    ]);
    expect(g.verdict(NIK, { file: 0, line: 12 })).toEqual({ kind: 'duplicate', keeper: { file: 0, line: 5 } });
    expect(g.verdict(NIK, { file: 1, line: 3 })).toEqual({ kind: 'duplicate', keeper: { file: 0, line: 5 } });
  });

  it('holds every row of a NIK used by different people, each pointing at another', () => {
    const g = groupOf([
      [0, 6, true, 7, 'BUDI SANTOSO'],
      [0, 13, true, 7, 'AGUS HARTONO'],
      [1, 2, true, 7, 'BUDI SANTOSO'],
    ]);
    expect(g.verdict(NIK, { file: 0, line: 6 })).toMatchObject({ kind: 'conflict', other: { file: 0, line: 13 }, otherName: 'AGUS HARTONO' });
    expect(g.verdict(NIK, { file: 0, line: 13 })).toMatchObject({ kind: 'conflict', other: { file: 0, line: 6 }, otherName: 'BUDI SANTOSO' });
    expect(g.verdict(NIK, { file: 1, line: 2 })).toMatchObject({ kind: 'conflict', other: { file: 0, line: 6 } });
  });
});
