import { describe, expect, it } from 'vitest';
import { NIK_PROFILE } from '../../src/match/compare.js';
import { findPossibleDuplicates } from '../../src/engine/fuzzy-matcher.js';
import { generateBatch, toMatchRecords } from '../../src/synth/generate.js';

describe('synthetic generator', () => {
  it('is deterministic for a seed and different across seeds', () => {
    const a = generateBatch({ rows: 300, seed: 7 });
    expect(generateBatch({ rows: 300, seed: 7 })).toEqual(a);
    expect(generateBatch({ rows: 300, seed: 8 }).rows).not.toEqual(a.rows);
    expect(a.rows).toHaveLength(300);
    for (const r of a.rows) expect(r.cells).toHaveLength(a.header.length);
  });

  it('builds hard negatives of different entities and repeats of one entity', () => {
    const b = generateBatch({ rows: 2000, seed: 11 });
    for (const [x, y] of b.hardNegatives) expect(b.rows[x]?.entity).not.toBe(b.rows[y]?.entity);
    const entities = new Set(b.rows.map((r) => r.entity));
    expect(entities.size).toBeLessThan(b.rows.length);
  });

  it('the matcher finds the repeats under other NIKs and joins no hard negative (small seed)', () => {
    const { records, entity, hardNegatives } = toMatchRecords(generateBatch({ rows: 3000, seed: 3 }));
    const { matches } = findPossibleDuplicates(records, NIK_PROFILE);
    const lineOf = (m: { held: { ref: { line: number } }; other: { ref: { line: number } } }) => [m.held.ref.line, m.other.ref.line];
    const pairs = [...matches.values()].map(lineOf);
    const same = pairs.filter(([a, b]) => entity[(a as number) - 2] === entity[(b as number) - 2]);
    expect(same.length / pairs.length).toBeGreaterThanOrEqual(0.95);
    const flagged = new Set(pairs.map(([a, b]) => [a, b].sort().join('|')));
    expect(hardNegatives.filter(([a, b]) => flagged.has([a, b].sort().join('|')))).toEqual([]);
    // Every repeat under another NIK that has corroborating evidence should be found.
    const repeats = new Map<number, number[]>();
    for (const i of records.keys()) {
      const e = entity[i] as number;
      repeats.set(e, [...(repeats.get(e) ?? []), i]);
    }
    let expected = 0;
    let found = 0;
    for (const rows of repeats.values()) {
      const ids = new Set(rows.map((i) => records[i]?.id));
      if (ids.size < 2) continue;
      expected += ids.size - 1;
      found += rows.filter((i) => matches.has(i)).length;
    }
    expect(found / expected).toBeGreaterThanOrEqual(0.9);
  });
});
