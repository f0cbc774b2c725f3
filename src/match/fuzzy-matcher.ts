/**
 * Probable duplicates under different ids, without comparing all pairs. Blocking keys bring
 * together ids one substitution or one adjacent swap apart (the id with two neighbouring digits
 * masked: 15 keys share 14 digits), a KK typed as an id, and rows that agree on a name part plus
 * birth date, phone or address. Each block is small; an oversized block (a phone shared by a
 * whole office) is skipped and counted, so the work stays near-linear in rows.
 */
import { type MatchProfile, type PairScore, scorePair } from './compare.js';
import type { MatchRecord } from './match-record.js';
import { isBefore } from './nik-groups.js';

/** Blocks larger than this are skipped: they say nothing about identity. */
export const MAX_BLOCK = 60;

export interface MatchFound {
  /** The later (or the invalid) row, held for review. */
  readonly held: MatchRecord;
  /** The row it points at. */
  readonly other: MatchRecord;
  readonly result: PairScore;
}

export interface MatchStats {
  records: number;
  blocks: number;
  oversizedBlocks: number;
  comparisons: number;
  matches: number;
  decidedDifferent: number;
}

/** Unordered id pair, the key of an analyst's decision. */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

function prefix(token: string, n: number): string {
  return token.length <= n ? token : token.slice(0, n);
}

export function blockingKeys(r: MatchRecord): string[] {
  const keys: string[] = [];
  const id = r.id;
  if (id.length >= 6) {
    for (let i = 0; i + 1 < id.length; i++) keys.push(`i${i}:${id.slice(0, i)}${id.slice(i + 2)}`);
  }
  if (id !== '') keys.push(`k:${id}`);
  if (r.kk !== '') keys.push(`k:${r.kk}`);
  const names = new Set(r.name.filter((t) => t.length >= 2).map((t) => prefix(t, 3)));
  if (r.birth) {
    const b = `${r.birth.year}-${r.birth.month}-${r.birth.day}`;
    for (const n of names) keys.push(`b:${b}:${n}`);
  }
  if (r.phone !== '') keys.push(`p:${r.phone}`);
  if (r.address.length > 0) {
    const addr = [...r.address].sort().slice(0, 4).join(' ');
    for (const n of names) keys.push(`a:${addr}:${n}`);
  }
  if (r.area !== '') for (const n of r.name) if (n.length >= 3) keys.push(`n:${r.area}:${n}`);
  return keys;
}

/**
 * Every probable duplicate: for each later row its best earlier match. Pairs an analyst decided
 * are BEDA (different people) are never proposed again.
 */
export function findPossibleDuplicates(
  records: readonly MatchRecord[],
  profile: MatchProfile,
  different: ReadonlySet<string> = new Set(),
): { matches: Map<string, MatchFound>; stats: MatchStats } {
  const stats: MatchStats = {
    records: records.length,
    blocks: 0,
    oversizedBlocks: 0,
    comparisons: 0,
    matches: 0,
    decidedDifferent: 0,
  };
  const blocks = new Map<string, number[]>();
  records.forEach((r, index) => {
    for (const key of blockingKeys(r)) {
      const block = blocks.get(key);
      if (block) block.push(index);
      else blocks.set(key, [index]);
    }
  });
  const seen = new Set<number>();
  const best = new Map<number, { other: number; result: PairScore }>();
  const n = records.length;
  for (const block of blocks.values()) {
    if (block.length < 2) continue;
    stats.blocks++;
    if (block.length > MAX_BLOCK) {
      stats.oversizedBlocks++;
      continue;
    }
    for (let x = 0; x < block.length; x++) {
      for (let y = x + 1; y < block.length; y++) {
        const i = block[x] as number;
        const j = block[y] as number;
        const pair = i < j ? i * n + j : j * n + i;
        if (seen.has(pair)) continue;
        seen.add(pair);
        const a = records[i] as MatchRecord;
        const b = records[j] as MatchRecord;
        if (a.id !== '' && a.id === b.id) continue; // same id: the exact-NIK groups decide those
        if (a.id !== '' && b.id !== '' && different.has(pairKey(a.id, b.id))) {
          stats.decidedDifferent++;
          continue;
        }
        stats.comparisons++;
        const result = scorePair(a, b, profile);
        if (!result.match) continue;
        // The later row is held; but when only one of the two is valid, the invalid one is, so
        // the person still gets proposed through the valid copy.
        const aFirst = a.valid !== b.valid ? a.valid : isBefore(a.ref, b.ref);
        const [earlier, later] = aFirst ? [i, j] : [j, i];
        const current = best.get(later);
        if (!current || result.score > current.result.score) best.set(later, { other: earlier, result });
      }
    }
  }
  const matches = new Map<string, MatchFound>();
  for (const [later, { other, result }] of best) {
    const held = records[later] as MatchRecord;
    matches.set(`${held.ref.file}:${held.ref.line}`, { held, other: records[other] as MatchRecord, result });
  }
  stats.matches = matches.size;
  return { matches, stats };
}
