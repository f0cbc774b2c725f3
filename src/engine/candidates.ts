/**
 * Candidate pairs from blocking keys, one family at a time, in typed arrays: every row's keys go
 * into a hash table of chains, and each chain of 2..family.maxBlock rows yields its pairs. A longer
 * chain (a phone number of a whole office) is skipped and counted: the work stays linear.
 * Pairs come out deduplicated and sorted, packed as a * 2^26 + b (a < b < 2^26 rows).
 */
import { sharedU32 } from './growable.js';
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
  const members = sharedU32(Math.max(1, rows));
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

/**
 * Keys one thread holds at a time (12 bytes each, about 290 MB): a family that could give more is
 * done in windows over its buckets, its keys computed once per window. At 10M rows only the
 * KK-as-NIK family (up to four keys a row) takes two windows; at 30M rows each thread would
 * otherwise hold 1.4 GB.
 */
export const KEY_BUDGET = 24 * 1024 * 1024;

/** The pairs of the given families over the member rows, in one thread. */
export function familyPairs(members: Uint32Array, families: readonly KeyFamily[], keyBudget = KEY_BUDGET): FamilyPairs {
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
  /** Slots of the current bucket's table whose chain has two or more nodes. */
  const blockSlots: number[] = [];

  // Per family the keys are partitioned by hash into cache-sized buckets, then each bucket gets a
  // small hash table of chains: one table for a whole family missed the cache on nearly every row.
  // Each key is computed once and appended to its bucket's list of fixed-size chunks, so each
  // key's rows keep their input order: 12 bytes a key plus a chunk of slack per bucket, and no
  // copy of the whole family (at 10M rows and two threads, gathering one first cost a gigabyte
  // more at the peak; computing every key twice to count them first cost a tenth of the step).
  const BUCKET_BITS = 8;
  const BUCKETS = 1 << BUCKET_BITS;
  const chunks = new KeyChunks(BUCKETS);
  let partKey = new Float64Array(1024);
  let partOrd = new Uint32Array(1024);
  let nodeNext = new Int32Array(1024);
  let slotHead = new Int32Array(16);
  let fromBucket = 0;
  let toBucket = BUCKETS;
  let rowKeys = new Float64Array(4);

  for (const family of families) {
    const before = outLength;
    const windows = Math.min(BUCKETS, Math.max(1, Math.ceil((memberCount * family.keysPerRow) / keyBudget)));
    let keysSeen = 0;
    for (let w = 0; w < windows; w++) {
      fromBucket = Math.floor((w * BUCKETS) / windows);
      toBucket = Math.floor(((w + 1) * BUCKETS) / windows);
      chunks.clear();
      if (rowKeys.length < family.keysPerRow) rowKeys = new Float64Array(family.keysPerRow);
      for (let m = 0; m < memberCount; m++) {
        const ord = members[m] as number;
        const n = family.keys(ord, rowKeys);
        for (let k = 0; k < n; k++) {
          const key = rowKeys[k] as number;
          const b = keyHash(key) >>> (32 - BUCKET_BITS);
          if (b >= fromBucket && b < toBucket) chunks.append(b, key, ord);
        }
      }
      keysSeen += chunks.total;
      emitBlocks(family);
    }
    // A family with fewer than two keys in all yields nothing and is left out of the counts.
    if (keysSeen >= 2) stats.byFamily[family.name] = outLength - before;
  }
  return { pairs: out.slice(0, outLength), blocks: stats.blocks, oversizedBlocks: stats.oversizedBlocks, byFamily: stats.byFamily };

  /** The blocks of the buckets in the current window, in bucket order. */
  function emitBlocks(family: KeyFamily): void {
    for (let b = fromBucket; b < toBucket; b++) {
      const size = chunks.sizeOf(b);
      if (size < 2) continue;
      // The bucket's keys, in input order, side by side.
      if (partKey.length < size) {
        partKey = new Float64Array(nextPow2(size));
        partOrd = new Uint32Array(nextPow2(size));
      }
      chunks.copyOut(b, partKey, partOrd);
      // Slots hold only a chain head (node + 1; 0 = empty); each node keeps its own key.
      const capacity = nextPow2(Math.ceil(size * 1.5));
      if (slotHead.length < capacity) slotHead = new Int32Array(capacity);
      else slotHead.fill(0, 0, capacity);
      if (nodeNext.length < size) nodeNext = new Int32Array(nextPow2(size));
      const mask = capacity - 1;
      blockSlots.length = 0;
      for (let j = 0; j < size; j++) {
        const key = partKey[j] as number;
        let slot = keyHash(key) & mask;
        for (;;) {
          const head = slotHead[slot] as number;
          if (head === 0 || partKey[head - 1] === key) break;
          slot = (slot + 1) & mask;
        }
        const head = slotHead[slot] as number;
        // A chain that had one node gets its second: a block, visited below. Most keys stay
        // alone, so only these slots are visited, not every slot of the table.
        if (head !== 0 && nodeNext[head - 1] === 0) blockSlots.push(slot);
        nodeNext[j] = head;
        slotHead[slot] = j + 1;
      }
      for (const slot of blockSlots) {
        let node = slotHead[slot] as number;
        chain.length = 0;
        while (node !== 0) {
          const ord = partOrd[node - 1] as number;
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
  }
}

const CHUNK_SHIFT = 9;
const SLAB_SHIFT = 11;

/**
 * Keys with their rows, appended per bucket into chunks of CHUNK entries taken from slabs that
 * are never copied: appending is the only way in, so input order is kept within a bucket.
 */
class KeyChunks {
  private static readonly CHUNK = 1 << CHUNK_SHIFT;
  private static readonly SLAB_CHUNKS = 1 << SLAB_SHIFT;
  private readonly slabKeys: Float64Array[] = [];
  private readonly slabOrds: Uint32Array[] = [];
  /** Per chunk: the next chunk of its bucket, -1 at the end. */
  private next = new Int32Array(1024);
  private used = 0;
  private readonly head: Int32Array;
  private readonly tail: Int32Array;
  /** Entries in each bucket's last chunk, and in the whole bucket. */
  private readonly tailFill: Int32Array;
  private readonly size: Int32Array;
  total = 0;

  constructor(buckets: number) {
    this.head = new Int32Array(buckets);
    this.tail = new Int32Array(buckets);
    this.tailFill = new Int32Array(buckets);
    this.size = new Int32Array(buckets);
    this.clear();
  }

  /** Empties every bucket; the slabs stay for the next family. */
  clear(): void {
    this.head.fill(-1);
    this.tail.fill(-1);
    this.tailFill.fill(0);
    this.size.fill(0);
    this.used = 0;
    this.total = 0;
  }

  private newChunk(): number {
    const c = this.used++;
    const slab = Math.floor(c / KeyChunks.SLAB_CHUNKS);
    if (slab === this.slabKeys.length) {
      this.slabKeys.push(new Float64Array(KeyChunks.SLAB_CHUNKS * KeyChunks.CHUNK));
      this.slabOrds.push(new Uint32Array(KeyChunks.SLAB_CHUNKS * KeyChunks.CHUNK));
    }
    if (c === this.next.length) {
      const grown = new Int32Array(this.next.length * 2);
      grown.set(this.next);
      this.next = grown;
    }
    this.next[c] = -1;
    return c;
  }

  append(bucket: number, key: number, ord: number): void {
    let chunk = this.tail[bucket] as number;
    let fill = this.tailFill[bucket] as number;
    if (chunk < 0 || fill === KeyChunks.CHUNK) {
      const c = this.newChunk();
      if (chunk < 0) this.head[bucket] = c;
      else this.next[chunk] = c;
      this.tail[bucket] = chunk = c;
      fill = 0;
    }
    // Chunk and slab sizes are powers of two: shifts and masks, not division.
    const slab = chunk >>> SLAB_SHIFT;
    const at = ((chunk & (KeyChunks.SLAB_CHUNKS - 1)) << CHUNK_SHIFT) + fill;
    (this.slabKeys[slab] as Float64Array)[at] = key;
    (this.slabOrds[slab] as Uint32Array)[at] = ord;
    this.tailFill[bucket] = fill + 1;
    this.size[bucket] = (this.size[bucket] as number) + 1;
    this.total++;
  }

  sizeOf(bucket: number): number {
    return this.size[bucket] as number;
  }

  /** The bucket's entries in the order appended, from index 0. */
  copyOut(bucket: number, keys: Float64Array, ords: Uint32Array): void {
    let left = this.size[bucket] as number;
    let to = 0;
    for (let chunk = this.head[bucket] as number; chunk >= 0 && left > 0; chunk = this.next[chunk] as number) {
      const n = Math.min(left, KeyChunks.CHUNK);
      const slab = chunk >>> SLAB_SHIFT;
      const at = (chunk & (KeyChunks.SLAB_CHUNKS - 1)) << CHUNK_SHIFT;
      keys.set((this.slabKeys[slab] as Float64Array).subarray(at, at + n), to);
      ords.set((this.slabOrds[slab] as Uint32Array).subarray(at, at + n), to);
      to += n;
      left -= n;
    }
  }
}

export function unpackPair(p: number): [number, number] {
  const a = Math.floor(p / MAX_ROWS);
  return [a, p - a * MAX_ROWS];
}
