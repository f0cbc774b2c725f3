/**
 * Candidate pairs from blocking keys, one family at a time, in typed arrays: every row's keys go
 * into a hash table of chains, and each chain of 2..family.maxBlock rows yields its pairs. A longer
 * chain (a phone number of a whole office) is skipped and counted: the work stays linear.
 * Pairs come out deduplicated and sorted, packed as a * 2^26 + b (a < b < 2^26 rows).
 */
import type { KeyFamily } from './match-keys.js';

export const MAX_ROWS = 2 ** 26;

export interface CandidateStats {
  blocks: number;
  oversizedBlocks: number;
  pairs: number;
  /** Pairs each family brought (before pairs found by several families are merged). */
  byFamily: Record<string, number>;
}

function nextPow2(n: number): number {
  let p = 16;
  while (p < n) p *= 2;
  return p;
}

/** A 53-bit key spread over 32 bits: the top bits pick a bucket, the low bits a slot in it. */
function keyHash(key: number): number {
  const lo = key >>> 0;
  const hi = Math.floor(key / 4294967296);
  return Math.imul(lo ^ Math.imul(hi, 0x9e3779b1), 0x85ebca6b) >>> 0;
}

/** The rows that take part, once, rather than asking for each of them in every family. */
export function eligibleMembers(rows: number, eligible: (ord: number) => boolean): Uint32Array {
  if (rows >= MAX_ROWS) throw new RangeError(`at most ${MAX_ROWS} rows can be matched in one batch`);
  // Shared memory: a worker thread reads the same list.
  const members = new Uint32Array(new SharedArrayBuffer(Math.max(1, rows) * 4));
  let memberCount = 0;
  for (let ord = 0; ord < rows; ord++) if (eligible(ord)) members[memberCount++] = ord;
  return members.subarray(0, memberCount);
}

export function candidatePairs(
  rows: number,
  eligible: (ord: number) => boolean,
  families: readonly KeyFamily[],
): { pairs: Float64Array; stats: CandidateStats } {
  return mergePairs([familyPairs(eligibleMembers(rows, eligible), families)], families);
}

/** What a set of families yields: their pairs (unsorted, repeats included) and block counts. */
export interface FamilyPairs {
  readonly pairs: Float64Array;
  readonly blocks: number;
  readonly oversizedBlocks: number;
  readonly byFamily: Record<string, number>;
}

/**
 * The pairs of several parts (families run on different threads): sorted, each once, and the
 * counts added up, with the families in their own order.
 */
export function mergePairs(parts: readonly FamilyPairs[], families: readonly KeyFamily[]): { pairs: Float64Array; stats: CandidateStats } {
  const total = parts.reduce((n, p) => n + p.pairs.length, 0);
  const pairs = new Float64Array(total);
  let at = 0;
  for (const p of parts) {
    pairs.set(p.pairs, at);
    at += p.pairs.length;
  }
  pairs.sort();
  let unique = 0;
  for (let i = 0; i < pairs.length; i++) if (i === 0 || pairs[i] !== pairs[i - 1]) pairs[unique++] = pairs[i] as number;
  const byFamily: Record<string, number> = {};
  for (const f of families) {
    for (const p of parts) if (p.byFamily[f.name] !== undefined) byFamily[f.name] = p.byFamily[f.name] as number;
  }
  return {
    pairs: pairs.slice(0, unique),
    stats: {
      blocks: parts.reduce((n, p) => n + p.blocks, 0),
      oversizedBlocks: parts.reduce((n, p) => n + p.oversizedBlocks, 0),
      pairs: unique,
      byFamily,
    },
  };
}

/** The pairs of the given families over the member rows, in one thread. */
export function familyPairs(members: Uint32Array, families: readonly KeyFamily[]): FamilyPairs {
  const stats: CandidateStats = { blocks: 0, oversizedBlocks: 0, pairs: 0, byFamily: {} };
  const memberCount = members.length;
  let out = new Float64Array(1024);
  let outLength = 0;
  const emitPair = (a: number, b: number) => {
    if (outLength === out.length) {
      const next = new Float64Array(out.length * 2);
      next.set(out);
      out = next;
    }
    out[outLength++] = a < b ? a * MAX_ROWS + b : b * MAX_ROWS + a;
  };
  const chain: number[] = [];

  // Per family the keys are partitioned by hash into cache-sized buckets, then each bucket gets a
  // small hash table of chains: one table for a whole family missed the cache on nearly every row.
  // Keys are computed twice, to count them per bucket and then to place them, stably, so each
  // key's rows keep their input order: 12 bytes a key and no unpartitioned copy (at 10M rows and
  // two threads, gathering them first cost a gigabyte more at the peak).
  const BUCKET_BITS = 8;
  const BUCKETS = 1 << BUCKET_BITS;
  const bucketStart = new Int32Array(BUCKETS + 1);
  const fill = new Int32Array(BUCKETS);
  let partKey = new Float64Array(0);
  let partOrd = new Uint32Array(0);
  let nodeNext = new Int32Array(1024);
  let slotHead = new Int32Array(16);
  let current = 0;
  const count = (key: number) => {
    const b = (keyHash(key) >>> (32 - BUCKET_BITS)) + 1;
    bucketStart[b] = (bucketStart[b] as number) + 1;
  };
  const place = (key: number) => {
    const b = keyHash(key) >>> (32 - BUCKET_BITS);
    const at = fill[b] as number;
    fill[b] = at + 1;
    partKey[at] = key;
    partOrd[at] = current;
  };

  for (const family of families) {
    const before = outLength;
    bucketStart.fill(0);
    for (let m = 0; m < memberCount; m++) {
      current = members[m] as number;
      family.keys(current, count);
    }
    for (let b = 0; b < BUCKETS; b++) bucketStart[b + 1] = (bucketStart[b + 1] as number) + (bucketStart[b] as number);
    const n = bucketStart[BUCKETS] as number;
    if (n < 2) continue;
    if (partKey.length < n) {
      partKey = new Float64Array(n);
      partOrd = new Uint32Array(n);
    }
    fill.set(bucketStart.subarray(0, BUCKETS));
    for (let m = 0; m < memberCount; m++) {
      current = members[m] as number;
      family.keys(current, place);
    }
    for (let b = 0; b < BUCKETS; b++) {
      const from = bucketStart[b] as number;
      const size = (bucketStart[b + 1] as number) - from;
      if (size < 2) continue;
      // Slots hold only a chain head (node + 1; 0 = empty); each node keeps its own key.
      const capacity = nextPow2(Math.ceil(size * 1.5));
      if (slotHead.length < capacity) slotHead = new Int32Array(capacity);
      else slotHead.fill(0, 0, capacity);
      if (nodeNext.length < size) nodeNext = new Int32Array(nextPow2(size));
      const mask = capacity - 1;
      for (let j = 0; j < size; j++) {
        const key = partKey[from + j] as number;
        let slot = keyHash(key) & mask;
        for (;;) {
          const head = slotHead[slot] as number;
          if (head === 0 || partKey[from + head - 1] === key) break;
          slot = (slot + 1) & mask;
        }
        nodeNext[j] = slotHead[slot] as number;
        slotHead[slot] = j + 1;
      }
      for (let slot = 0; slot < capacity; slot++) {
        let node = slotHead[slot] as number;
        if (node === 0 || nodeNext[node - 1] === 0) continue;
        chain.length = 0;
        while (node !== 0) {
          const ord = partOrd[from + node - 1] as number;
          // A row can sit twice in one chain (two name parts with one prefix): once is enough.
          if (chain[chain.length - 1] !== ord) chain.push(ord);
          node = nodeNext[node - 1] as number;
        }
        if (chain.length < 2) continue;
        stats.blocks++;
        if (chain.length > family.maxBlock) {
          stats.oversizedBlocks++;
          continue;
        }
        for (let x = 0; x < chain.length; x++) {
          for (let y = x + 1; y < chain.length; y++) emitPair(chain[x] as number, chain[y] as number);
        }
      }
    }
    stats.byFamily[family.name] = outLength - before;
  }
  return { pairs: out.slice(0, outLength), blocks: stats.blocks, oversizedBlocks: stats.oversizedBlocks, byFamily: stats.byFamily };
}

export function unpackPair(p: number): [number, number] {
  const a = Math.floor(p / MAX_ROWS);
  return [a, p - a * MAX_ROWS];
}
