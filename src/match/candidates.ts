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
  let p = 1024;
  while (p < n) p *= 2;
  return p;
}

export function candidatePairs(
  rows: number,
  eligible: (ord: number) => boolean,
  families: readonly KeyFamily[],
): { pairs: Float64Array; stats: CandidateStats } {
  if (rows >= MAX_ROWS) throw new RangeError(`at most ${MAX_ROWS} rows can be matched in one batch`);
  const stats: CandidateStats = { blocks: 0, oversizedBlocks: 0, pairs: 0, byFamily: {} };
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

  for (const family of families) {
    const before = outLength;
    // Count the keys first, so the tables are sized once.
    let nodes = 0;
    const count = () => {
      nodes++;
    };
    for (let ord = 0; ord < rows; ord++) if (eligible(ord)) family.keys(ord, count);
    if (nodes < 2) continue;
    // Slots hold only a chain head; each node keeps its own key: 4 bytes a slot, 20 a key.
    const capacity = nextPow2(Math.ceil(nodes * 1.5));
    const mask = capacity - 1;
    const slotHead = new Int32Array(capacity); // node + 1; 0 = empty
    const nodeKey = new Float64Array(nodes);
    const nodeOrd = new Uint32Array(nodes);
    const nodeNext = new Int32Array(nodes); // node + 1; 0 = end
    let n = 0;
    let current = 0;
    const insert = (key: number) => {
      const lo = key >>> 0;
      const hi = Math.floor(key / 4294967296);
      let s = (Math.imul(lo ^ Math.imul(hi, 0x9e3779b1), 0x85ebca6b) >>> 0) & mask;
      for (;;) {
        const head = slotHead[s] as number;
        if (head === 0 || nodeKey[head - 1] === key) break;
        s = (s + 1) & mask;
      }
      nodeKey[n] = key;
      nodeOrd[n] = current;
      nodeNext[n] = slotHead[s] as number;
      slotHead[s] = ++n;
    };
    for (let ord = 0; ord < rows; ord++) {
      if (!eligible(ord)) continue;
      current = ord;
      family.keys(ord, insert);
    }
    for (let s = 0; s < capacity; s++) {
      let node = slotHead[s] as number;
      if (node === 0 || nodeNext[node - 1] === 0) continue;
      chain.length = 0;
      while (node !== 0) {
        const ord = nodeOrd[node - 1] as number;
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
    stats.byFamily[family.name] = outLength - before;
  }
  const pairs = out.subarray(0, outLength).sort();
  let unique = 0;
  for (let i = 0; i < pairs.length; i++) if (i === 0 || pairs[i] !== pairs[i - 1]) pairs[unique++] = pairs[i] as number;
  stats.pairs = unique;
  return { pairs: pairs.slice(0, unique), stats };
}

export function unpackPair(p: number): [number, number] {
  const a = Math.floor(p / MAX_ROWS);
  return [a, p - a * MAX_ROWS];
}
