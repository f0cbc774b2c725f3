import { describe, expect, it } from 'vitest';
import { NikGroups } from '../../../src/match/nik-groups.js';
import { nikConflict } from '../../../src/outcome/cross-row/nik-conflict.js';
import { CTX, facts } from '../../helpers/cross-row.js';

const NIK = '3275010101900001';
const copy = (file: number, line: number) => ({ ref: { file, line }, valid: true, completeness: 7 });

describe('nik-conflict', () => {
  it('holds every row of a NIK that names two different people, each pointing at the other', () => {
    const groups = new NikGroups();
    groups.add(NIK, copy(0, 2), ['SITI', 'AMINAH'], 'SITI AMINAH');
    groups.add(NIK, copy(1, 5), ['BUDI', 'SANTOSO'], 'Budi Santoso');
    const first = nikConflict.check(facts({ verdict: groups.verdict(NIK, { file: 0, line: 2 }) }), CTX);
    const second = nikConflict.check(facts({ verdict: groups.verdict(NIK, { file: 1, line: 5 }) }), CTX);
    expect(first).toEqual([{ code: 'NIK_CONFLICT', field: 'nik', params: { other: 'kec-b.csv:5', name: 'Budi Santoso' } }]);
    expect(second).toEqual([{ code: 'NIK_CONFLICT', field: 'nik', params: { other: 'kec-a.csv:2', name: 'SITI AMINAH' } }]);
  });

  it('is no conflict when the names are one person written two ways (shortened, with a title)', () => {
    const groups = new NikGroups();
    groups.add(NIK, copy(0, 2), ['SITI', 'AMINAH'], 'SITI AMINAH');
    groups.add(NIK, copy(0, 9), ['SITI'], 'HJ. SITI');
    expect(nikConflict.check(facts({ verdict: groups.verdict(NIK, { file: 0, line: 9 }) }), CTX)).toEqual([]);
    expect(groups.verdict(NIK, { file: 0, line: 9 })).toEqual({ kind: 'duplicate', keeper: { file: 0, line: 2 } });
  });
});
