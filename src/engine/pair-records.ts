/**
 * The records the scoring of candidate pairs reads: for each row in a pair, its name and address
 * tokens (read back from the scan's scratch file) kept as UTF-8 bytes off the JS heap, the rest
 * from the key store, its place from the row index. All in shared memory, so the pairs can be
 * scored on two threads over the same records.
 */
import { unpackPair } from './candidates.js';
import { sharedF64, sharedU32, sharedU8 } from './growable.js';
import { type KeyArrays, MatchKeyStore } from './match-keys.js';
import type { MatchRecord } from '../match/match-record.js';
import { RowIndex, type RowIndexArrays } from './row-index.js';
import { splitNameAndAddress } from './scratch-line.js';

export interface PairRecordArrays {
  readonly keys: KeyArrays;
  readonly index: RowIndexArrays;
  /** Per row ordinal: 1 + its place in the texts, 0 for a row in no pair. */
  readonly slot: Uint32Array;
  readonly bytes: Uint8Array;
  readonly from: Float64Array;
  readonly to: Float64Array;
}

/** A Buffer over a shared byte array (no copy), for its UTF-8 reading and writing. */
const bufferOver = (a: Uint8Array) => Buffer.from(a.buffer, a.byteOffset, a.length);

export class PairRecords {
  private bytes: Uint8Array;
  private buf: Buffer;
  private used = 0;

  private constructor(
    private readonly keys: MatchKeyStore,
    private readonly index: RowIndex,
    private readonly slot: Uint32Array,
    private readonly from: Float64Array,
    private readonly to: Float64Array,
    bytes: Uint8Array,
  ) {
    this.bytes = bytes;
    this.buf = bufferOver(bytes);
  }

  /**
   * Room for the rows of the given pairs (packed as a * 2^26 + b); their texts come with setBytes().
   * At national scale millions of rows sit in pairs: as strings they crowded the 4 GB JS heap.
   */
  static forPairs(rows: number, pairs: Float64Array, keys: MatchKeyStore, index: RowIndex): PairRecords {
    const slot = sharedU32(Math.max(1, rows));
    let wanted = 0;
    for (const p of pairs) {
      const [a, b] = unpackPair(p);
      if (slot[a] === 0) slot[a] = ++wanted;
      if (slot[b] === 0) slot[b] = ++wanted;
    }
    return new PairRecords(keys, index, slot, sharedF64(wanted), sharedF64(wanted), sharedU8(Math.max(1 << 16, wanted * 48)));
  }

  /** Records over arrays another thread filled (read only). */
  static fromArrays(a: PairRecordArrays): PairRecords {
    return new PairRecords(MatchKeyStore.fromArrays(a.keys), RowIndex.fromArrays(a.index), a.slot, a.from, a.to, a.bytes);
  }

  arrays(): PairRecordArrays {
    return { keys: this.keys.arrays(), index: this.index.arrays(), slot: this.slot, bytes: this.bytes, from: this.from, to: this.to };
  }

  /** Whether row `ord` sits in a pair. */
  wants(ord: number): boolean {
    return this.slot[ord] !== 0;
  }

  /**
   * The name and address tokens of a row that sits in a pair, as UTF-8 bytes: the scratch line's
   * bytes at nameAndAddressRange (scratch-line.ts), copied without decoding.
   */
  setBytes(ord: number, src: Uint8Array, from: number, to: number): void {
    const at = (this.slot[ord] as number) - 1;
    const need = to - from;
    if (this.used + need > this.bytes.length) {
      const next = sharedU8(Math.max(this.bytes.length * 2, this.used + need));
      next.set(this.bytes.subarray(0, this.used));
      this.bytes = next;
      this.buf = bufferOver(next);
    }
    this.bytes.set(src.subarray(from, to), this.used);
    this.from[at] = this.used;
    this.used += need;
    this.to[at] = this.used;
  }

  /** Row `ord` as a MatchRecord, or undefined for a row in no pair. */
  recordOf(ord: number): MatchRecord | undefined {
    const at = (this.slot[ord] as number) - 1;
    if (at < 0) return undefined;
    const [name, address] = splitNameAndAddress(this.buf.toString('utf8', this.from[at], this.to[at]));
    return this.keys.recordOf(ord, this.index.ref(ord), name, address);
  }
}
