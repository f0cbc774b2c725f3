import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { parseDateCell, sameDay } from '../../src/normalize/date-cell.js';
import { parseNikBirth } from '../../src/normalize/nik-birth.js';
import { prepareRow } from '../../src/pipeline/prepare-row.js';
import { buildAliasIndex, mapHeader } from '../../src/schema/fields.js';
import type { PreparedRow } from '../../src/schema/row.js';
import {
  DUPLICATE_KINDS,
  generateSecondBatch,
  HARD_NEGATIVE_KINDS,
  type SecondBatch,
  secondGeneratorCsv,
} from '../../src/synth/second-generator.js';

const AS_OF = '2021-05-20';
const batch = generateSecondBatch({ rows: 6000, seed: 15 });
const withKk = generateSecondBatch({ rows: 3000, seed: 16, withKkColumn: true });

function prepared(b: SecondBatch): PreparedRow[] {
  const { columns } = mapHeader(b.header, buildAliasIndex());
  return b.rows.map((r) => prepareRow(r.cells, columns, AS_OF));
}
const rows = prepared(batch);
const pairsOf = (b: SecondBatch) => [...b.duplicateKinds].map(([key, kind]) => ({ pair: key.split('|').map(Number) as [number, number], kind }));
const digits = (r: PreparedRow) => (r.nik?.wellFormed ? r.nik.digits : null);

describe('generateSecondBatch', () => {
  it('gives the same batch for a seed, another for another seed, and exactly the rows asked for', () => {
    const again = generateSecondBatch({ rows: 6000, seed: 15 });
    expect(again.rows).toEqual(batch.rows);
    expect(again.hardNegatives).toEqual(batch.hardNegatives);
    expect(again.hardNegativeKinds).toEqual(batch.hardNegativeKinds);
    expect([...again.duplicateKinds]).toEqual([...batch.duplicateKinds]);
    expect(generateSecondBatch({ rows: 6000, seed: 17 }).rows).not.toEqual(batch.rows);
    expect(batch.rows).toHaveLength(6000);
    expect(generateSecondBatch({ rows: 7, seed: 1 }).rows).toHaveLength(7);
  });

  it("writes a header the tool's aliases map, without a No. KK column unless asked", () => {
    const aliases = buildAliasIndex();
    const fields = Object.keys(mapHeader(batch.header, aliases).columns).sort();
    expect(fields).toEqual(['alamat', 'bidang_usaha', 'jenis_kelamin', 'kecamatan', 'kelurahan', 'nama', 'nik', 'no_hp', 'rt', 'rw', 'tanggal_lahir']);
    expect(Object.keys(mapHeader(withKk.header, aliases).columns)).toContain('no_kk');
    expect(batch.rows.every((r) => r.cells.length === batch.header.length)).toBe(true);
  });

  it('gives every row a well-formed NIK except a small, deliberately damaged share', () => {
    const damaged = rows.filter((r) => !r.nik?.wellFormed);
    expect(damaged.length).toBeGreaterThan(0);
    expect(damaged.length / rows.length).toBeLessThan(0.025);
    for (const r of damaged) {
      const shape = r.nik === null ? 'empty' : r.nik.excelMangled ? 'scientific' : `${r.nik.digits.length} digits`;
      expect(['empty', 'scientific', '15 digits', '17 digits']).toContain(shape);
    }
    // The rest are real numbers: most carry a birth date, and the phone and name are there.
    expect(rows.filter((r) => r.birth !== null).length / rows.length).toBeGreaterThan(0.9);
    expect(rows.filter((r) => r.phone?.valid).length / rows.length).toBeGreaterThan(0.9);
  });

  it('never gives one NIK to two people by accident', () => {
    const owner = new Map<string, number>();
    rows.forEach((r, i) => {
      const d = digits(r);
      if (d === null) return;
      const entity = batch.rows[i]?.entity as number;
      expect(owner.get(d) ?? entity, `NIK on row ${i}`).toBe(entity);
      owner.set(d, entity);
    });
  });

  it('labels every pair of one person under different NIKs, and only those', () => {
    const labelled = pairsOf(batch);
    for (const { pair, kind } of labelled) {
      const [i, j] = pair;
      expect(i).toBeLessThan(j);
      expect(batch.rows[i]?.entity).toBe(batch.rows[j]?.entity);
      expect(rows[i]?.nik?.digits).not.toBe(rows[j]?.nik?.digits);
      expect(DUPLICATE_KINDS).toContain(kind);
    }
    expect(new Set(labelled.map((l) => l.kind))).toEqual(new Set(DUPLICATE_KINDS));
    // Completeness: no pair of one person under two numbers is left without a label.
    const byEntity = new Map<number, number[]>();
    batch.rows.forEach((r, i) => {
      byEntity.set(r.entity, [...(byEntity.get(r.entity) ?? []), i]);
    });
    let unlabelled = 0;
    for (const group of byEntity.values()) {
      for (const [x, i] of group.entries()) {
        for (const j of group.slice(x + 1)) {
          if (rows[i]?.nik?.digits !== rows[j]?.nik?.digits && !batch.duplicateKinds.has(`${i}|${j}`)) unlabelled++;
        }
      }
    }
    expect(unlabelled).toBe(0);
  });

  it('types a family card where the NIK belongs: a recent issue date that is not the stated birth date', () => {
    const kk = pairsOf(batch).filter((l) => l.kind === 'kk-as-nik');
    expect(kk.length).toBeGreaterThan(20);
    for (const { pair } of kk) {
      const card = pair.map((i) => rows[i] as PreparedRow).filter((r) => (r.birth?.year ?? 0) >= 2010);
      expect(card).toHaveLength(1); // the other row is the person's own NIK: an adult's
      const [r] = card as [PreparedRow];
      const d = r.nik?.digits as string;
      expect(d.slice(0, 4)).toBe('3275');
      expect(Number(d.slice(6, 8))).toBeLessThanOrEqual(31); // no +40 on a card
      const nikDate = parseNikBirth(d, AS_OF);
      const stated = parseDateCell(r.values.tanggal_lahir);
      expect(stated.some((s) => nikDate && sameDay(s, nikDate.day, nikDate.month, nikDate.year))).toBe(false);
    }
  });

  it('makes a two-typo NIK of one wrong serial digit and two swapped digits before it', () => {
    const twoTypos = pairsOf(batch).filter((l) => l.kind === 'two-typos');
    expect(twoTypos.length).toBeGreaterThan(5);
    for (const { pair } of twoTypos) {
      const [a, b] = pair.map((i) => digits(rows[i] as PreparedRow) as string) as [string, string];
      const differ = [...a].map((c, k) => (c === b[k] ? -1 : k)).filter((k) => k >= 0);
      expect(differ.filter((k) => k >= 12)).toHaveLength(1);
      const swapped = differ.filter((k) => k < 12);
      expect(swapped).toHaveLength(2);
      expect(swapped[1]).toBe((swapped[0] as number) + 1);
    }
  });

  it('puts the card in a No. KK column too when the export has one', () => {
    const col = withKk.header.indexOf('NO. KK');
    const kkRows = prepared(withKk);
    const kk = pairsOf(withKk).filter((l) => l.kind === 'kk-as-nik');
    expect(kk.length).toBeGreaterThan(5);
    for (const { pair } of kk) {
      const card = pair.find((i) => (kkRows[i]?.birth?.year ?? 0) >= 2010) as number;
      const cell = (withKk.rows[card]?.cells[col] ?? '').replace(/\D/g, '');
      if (cell.length === 16) expect(cell).toBe(kkRows[card]?.nik?.digits);
    }
  });

  it('builds hard negatives of different people, of every kind, that look alike', () => {
    expect(batch.hardNegativeKinds).toHaveLength(batch.hardNegatives.length);
    expect(new Set(batch.hardNegativeKinds)).toEqual(new Set(HARD_NEGATIVE_KINDS));
    batch.hardNegatives.forEach(([i, j], n) => {
      const kind = batch.hardNegativeKinds[n];
      expect(batch.rows[i]?.entity, `${kind} ${i}|${j}`).not.toBe(batch.rows[j]?.entity);
      const [a, b] = [digits(rows[i] as PreparedRow), digits(rows[j] as PreparedRow)];
      if (a === null || b === null) return;
      if (kind !== 'namesake') expect(a.slice(0, 6), 'one family card, one region').toBe(b.slice(0, 6));
      const birth = (d: string) => `${Number(d.slice(6, 8)) % 40}-${d.slice(8, 12)}`;
      if (kind === 'twins') {
        expect(birth(a)).toBe(birth(b));
        expect(Math.abs(Number(a.slice(12)) - Number(b.slice(12)))).toBe(1);
      }
      if (kind === 'siblings' || kind === 'namesake') expect(a.slice(10, 12)).not.toBe(b.slice(10, 12));
    });
  });
});

describe('secondGeneratorCsv', () => {
  it('writes the header and rows as CSV with CRLF that a parser reads back cell for cell', () => {
    const text = secondGeneratorCsv(batch);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(/[^\r]\n/.test(text)).toBe(false);
    const back = parse(text, { relax_column_count: false }) as string[][];
    expect(back).toEqual([[...batch.header], ...batch.rows.map((r) => r.cells)]);
  });

  it('quotes cells holding a comma, a quote or a line break', () => {
    const text = secondGeneratorCsv({ header: ['NAMA', 'ALAMAT'], rows: [{ cells: ['SITI, S.PD', 'JL. "MAWAR"\nNO 5'], entity: 0 }] });
    expect(text).toBe('NAMA,ALAMAT\r\n"SITI, S.PD","JL. ""MAWAR""\nNO 5"\r\n');
  });
});
