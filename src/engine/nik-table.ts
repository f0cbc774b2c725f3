/**
 * Exact-NIK bookkeeping for every row, in typed arrays: per distinct NIK its count, its kept copy
 * (by the keep policy of match/keep-policy.ts, read through keepRank and outranks), and
 * whether any copy carries another name than the first. Names themselves are not kept here: only
 * the few NIKs whose names differ are looked at again (see NikGroups), so memory is about 30 bytes
 * a distinct NIK.
 */
// Shared memory, so the scan can fill the table on a worker thread and hand it over without a copy.
import { sharedU8, sharedU32 } from './growable.js';
import { outranks } from '../match/keep-policy.js';
import { idHalves, joinHalves } from './match-keys.js';

const EMPTY = 0;
/** What add() says of a row whose NIK it had not seen. */
export const FIRST_COPY = -1;
/** What add() says of a third or later copy. */
export const LATER_COPY = -2;

export interface NikEntry {
  readonly count: number;
  readonly keeperOrd: number;
  readonly namesDiffer: boolean;
}

/** The 16 digits as two exact 8-digit halves. */
export function splitNik(nik: string): [number, number] {
  // The table only ever holds well-formed NIKs: 16 digits, so idHalves never says null here.
  return idHalves(nik) as [number, number];
}

/** A table size that holds `rows` distinct NIKs without growing (load stays under 0.7). */
export function nikTableCapacity(rows: number): number {
  let c = 1 << 16;
  while (c * 0.7 < rows && c < 2 ** 27) c *= 2;
  return c;
}


export interface NikTableArrays {
  readonly hi: Uint32Array;
  readonly lo: Uint32Array;
  readonly keeper: Uint32Array;
  readonly rank: Uint8Array;
  readonly count: Uint32Array;
  readonly nameHash: Uint32Array;
  readonly differ: Uint8Array;
  readonly size: number;
}

export class NikTable {
  private capacity: number;
  private hi: Uint32Array; // high half + 1 (0 marks an empty slot)
  private lo: Uint32Array;
  private keeper: Uint32Array;
  private rank: Uint8Array;
  private count: Uint32Array;
  private nameHash: Uint32Array;
  private differ: Uint8Array;
  size = 0;

  constructor(capacity = 1 << 16) {
    this.capacity = capacity;
    this.hi = sharedU32(capacity);
    this.lo = sharedU32(capacity);
    this.keeper = sharedU32(capacity);
    this.rank = sharedU8(capacity);
    this.count = sharedU32(capacity);
    this.nameHash = sharedU32(capacity);
    this.differ = sharedU8(capacity);
  }

  /** The table's arrays, in shared memory, for another thread (see fromArrays). */
  arrays(): NikTableArrays {
    const { hi, lo, keeper, rank, count, nameHash, differ, size } = this;
    return { hi, lo, keeper, rank, count, nameHash, differ, size };
  }

  /** The table another thread filled, over the same memory. */
  static fromArrays(a: NikTableArrays): NikTable {
    const t = new NikTable(1);
    t.capacity = a.hi.length;
    t.hi = a.hi;
    t.lo = a.lo;
    t.keeper = a.keeper;
    t.rank = a.rank;
    t.count = a.count;
    t.nameHash = a.nameHash;
    t.differ = a.differ;
    t.size = a.size;
    return t;
  }

  private slotOf(hi: number, lo: number): number {
    const mask = this.capacity - 1;
    let s = (Math.imul(hi ^ Math.imul(lo, 0x9e3779b1), 0x85ebca6b) >>> 0) & mask;
    for (;;) {
      const h = this.hi[s] as number;
      if (h === EMPTY || (h === hi + 1 && this.lo[s] === lo)) return s;
      s = (s + 1) & mask;
    }
  }

  /**
   * Adds one row, in input order, with its keepRank: it becomes the kept copy when it outranks
   * the one kept so far. Returns FIRST_COPY for a NIK not seen before,
   * the first copy's ordinal when this is the second copy (so both can be marked as repeated),
   * and LATER_COPY after that.
   */
  add(nik: string, ord: number, rank: number, nameHash: number): number {
    if ((this.size + 1) * 10 > this.capacity * 7) this.grow();
    const [hi, lo] = splitNik(nik);
    const s = this.slotOf(hi, lo);
    if (this.hi[s] === EMPTY) {
      this.hi[s] = hi + 1;
      this.lo[s] = lo;
      this.keeper[s] = ord;
      this.rank[s] = rank;
      this.count[s] = 1;
      this.nameHash[s] = nameHash;
      this.size++;
      return FIRST_COPY;
    }
    const count = (this.count[s] as number) + 1;
    this.count[s] = count;
    // With one copy so far, the keeper is that copy.
    const result = count === 2 ? (this.keeper[s] as number) : LATER_COPY;
    if (outranks(rank, this.rank[s] as number)) {
      this.keeper[s] = ord;
      this.rank[s] = rank;
    }
    if (this.nameHash[s] !== nameHash) this.differ[s] = 1;
    return result;
  }

  get(nik: string): NikEntry | null {
    return this.entryAt(nik, 1);
  }

  /** The entry of a NIK that more than one row carries; null (and no entry built) for the rest. */
  repeated(nik: string): NikEntry | null {
    return this.entryAt(nik, 2);
  }

  private entryAt(nik: string, minCount: number): NikEntry | null {
    const [hi, lo] = splitNik(nik);
    const s = this.slotOf(hi, lo);
    if (this.hi[s] === EMPTY || (this.count[s] as number) < minCount) return null;
    return {
      count: this.count[s] as number,
      keeperOrd: this.keeper[s] as number,
      namesDiffer: this.differ[s] === 1,
    };
  }

  /** Calls back with the kept copy's ordinal of every distinct NIK. */
  forEachKeeper(cb: (keeperOrd: number) => void): void {
    for (let s = 0; s < this.capacity; s++) if (this.hi[s] !== EMPTY) cb(this.keeper[s] as number);
  }

  /** The NIKs (16 digits) that more than one row carries under differing names. */
  differingNiks(): string[] {
    const out: string[] = [];
    for (let s = 0; s < this.capacity; s++) {
      if (this.hi[s] === EMPTY || this.differ[s] !== 1 || (this.count[s] as number) < 2) continue;
      out.push(joinHalves((this.hi[s] as number) - 1, this.lo[s] as number));
    }
    return out;
  }

  private grow(): void {
    const old = {
      hi: this.hi, lo: this.lo, keeper: this.keeper, rank: this.rank, count: this.count,
      nameHash: this.nameHash, differ: this.differ, capacity: this.capacity,
    };
    this.capacity *= 2;
    this.hi = sharedU32(this.capacity);
    this.lo = sharedU32(this.capacity);
    this.keeper = sharedU32(this.capacity);
    this.rank = sharedU8(this.capacity);
    this.count = sharedU32(this.capacity);
    this.nameHash = sharedU32(this.capacity);
    this.differ = sharedU8(this.capacity);
    for (let i = 0; i < old.capacity; i++) {
      const h = old.hi[i] as number;
      if (h === EMPTY) continue;
      const s = this.slotOf(h - 1, old.lo[i] as number);
      this.hi[s] = h;
      this.lo[s] = old.lo[i] as number;
      this.keeper[s] = old.keeper[i] as number;
      this.rank[s] = old.rank[i] as number;
      this.count[s] = old.count[i] as number;
      this.nameHash[s] = old.nameHash[i] as number;
      this.differ[s] = old.differ[i] as number;
    }
  }
}
