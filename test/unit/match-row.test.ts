/**
 * The scan splits a row's match record between two threads (address, birth date, KK and area
 * where the row is read; name tokens on the worker). Across the split the record must be the one
 * toMatchRecord makes of the same row.
 */
import { describe, expect, it } from 'vitest';
import { toMatchRecord } from '../../src/match/to-match-record.js';
import { MatchScan, matchRecordOf, matchRowOf, packRows, unpackRows } from '../../src/engine/match-scan.js';
import { prepareRow } from '../../src/pipeline/prepare-row.js';
import { buildAliasIndex, mapHeader } from '../../src/schema/fields.js';
import { generateBatch } from '../../src/synth/generate.js';

const REF = { file: 0, line: 0 };

describe('the match record across the scan threads', () => {
  it('equals toMatchRecord for every generated row, after packing for the worker', () => {
    const batch = generateBatch({ rows: 3000, seed: 11 });
    const { columns } = mapHeader(batch.header, buildAliasIndex());
    const prepared = batch.rows.map((r) => prepareRow(r.cells, columns, '2021-05-20'));
    const rows = prepared.map((p, i) => matchRowOf(i, p, i % 7 !== 0, 5));
    const across = unpackRows(packRows(rows)).map(matchRecordOf);
    const direct = prepared.map((p, i) => ({ ...toMatchRecord(p, REF, i % 7 !== 0) }));
    expect(across).toEqual(direct);
    // The generator writes dates, KKs, RT/RW and phones, so every part was exercised.
    expect(across.filter((r) => r.birth && r.kk !== '' && r.phone !== '' && r.address.some((t) => t.startsWith('RT'))).length).toBeGreaterThan(100);
  });

  it('keeps a row with no address, date, KK, phone or kelurahan empty', () => {
    const { columns } = mapHeader(['NIK', 'NAMA'], buildAliasIndex());
    const p = prepareRow(['3175010101900001', 'Hj. Siti Aminah, S.Pd'], columns, '2021-05-20');
    const across = matchRecordOf(unpackRows(packRows([matchRowOf(0, p, true, 2)]))[0]!);
    expect(across).toEqual(toMatchRecord(p, REF, true));
    expect(across).toMatchObject({ kk: '', phone: '', address: [], area: '', name: ['SITI', 'AMINAH'] });
  });

  it('marks every row whose NIK another row carries, the first copy included, and no other', async () => {
    const batch = generateBatch({ rows: 5000, seed: 5 });
    const { columns } = mapHeader(batch.header, buildAliasIndex());
    const lines: string[] = [];
    const scan = new MatchScan(16, { write: (l) => void lines.push(l), close: async () => undefined });
    const niks: string[] = [];
    batch.rows.forEach((r, ord) => {
      const p = prepareRow(r.cells, columns, '2021-05-20');
      if (!p.nik?.wellFormed) return;
      niks[ord] = p.nik.digits;
      scan.add(matchRowOf(ord, p, true, 5));
    });
    await scan.finish(batch.rows.length);
    const count = new Map<string, number>();
    for (const n of niks) if (n !== undefined) count.set(n, (count.get(n) ?? 0) + 1);
    const expected = niks.map((n) => n !== undefined && (count.get(n) as number) > 1);
    const marked = batch.rows.map((_, ord) => scan.keys.nikRepeated(ord));
    expect(marked).toEqual(Array.from({ length: batch.rows.length }, (_, i) => expected[i] === true));
    // The generator repeats NIKs (exact copies, namesakes under one NIK), some of them three times.
    expect(expected.filter(Boolean).length).toBeGreaterThan(100);
    expect([...count.values()].some((c) => c > 2)).toBe(true);
    expect(lines.length).toBe(niks.filter((n) => n !== undefined).length);
  });
});
