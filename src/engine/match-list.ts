/**
 * The possible duplicates found, kept from the matching step to the write in typed arrays: the
 * held row, the row it points at, the score and the evidence as small codes. As objects (a Map
 * entry, a score object, an evidence array and an object per piece of evidence) they were about
 * 300 bytes a match, 150 MB of heap at ten million rows; here they are 28 bytes.
 */
import type { Evidence, PairScore } from '../match/compare.js';

/** Each kind's code (1-31). A Record, so a kind added to Evidence without a code does not compile. */
const KIND_CODE: Readonly<Record<Evidence['kind'], number>> = {
  idOneDigit: 1, idTwoDigits: 2, idSwap: 3, idIsKk: 4, idFar: 5,
  nameSame: 6, nameSimilar: 7, nameDifferent: 8,
  birthSame: 9, birthDefault: 10, birthClose: 11, birthDifferent: 12,
  phoneSame: 13, phoneDifferent: 14,
  addressSame: 15, addressSimilar: 16, addressDifferent: 17,
  areaSame: 18, areaDifferent: 19,
  idTwoErrors: 20, idKkLike: 21,
};
const KINDS: (Evidence['kind'] | undefined)[] = [];
for (const [kind, code] of Object.entries(KIND_CODE)) KINDS[code] = kind as Evidence['kind'];

/** One piece of evidence as a number below 2^16 (never 0): its kind in 5 bits, its figure above. */
export function encodeEvidence(e: Evidence): number {
  const kind = KIND_CODE[e.kind];
  let figure = 0;
  if (e.kind === 'idOneDigit' || e.kind === 'idSwap') figure = e.position;
  else if (e.kind === 'idTwoDigits' || e.kind === 'idTwoErrors') figure = e.positions[0] * 32 + e.positions[1];
  // Similarities are kept to two decimals when found, so a hundredth loses nothing.
  else if (e.kind === 'nameSimilar') figure = Math.round(e.similarity * 100);
  return kind | (figure << 5);
}

export function decodeEvidence(code: number): Evidence {
  const kind = KINDS[code & 31];
  const figure = code >>> 5;
  switch (kind) {
    case 'idOneDigit':
    case 'idSwap':
      return { kind, position: figure };
    case 'idTwoDigits':
    case 'idTwoErrors':
      return { kind, positions: [Math.floor(figure / 32), figure % 32] };
    case 'nameSimilar':
      return { kind, similarity: figure / 100 };
    case undefined:
      throw new Error(`no evidence has code ${code}`);
    default:
      return { kind } as Evidence;
  }
}

/** At most one piece per field: id, name, birth date, phone, address, kelurahan. */
const SLOTS = 6;

function encodeInto(target: Uint16Array, at: number, evidence: readonly Evidence[]): void {
  if (evidence.length > SLOTS) throw new Error('more evidence than fields');
  for (let i = 0; i < SLOTS; i++) {
    const e = evidence[i];
    target[at * SLOTS + i] = e ? encodeEvidence(e) : 0;
  }
}

/** A copy of `a` `size` long holding its first `used` entries: how both lists grow. */
function grown<T extends Uint16Array | Uint32Array | Float64Array>(a: T, size: number, used: number): T {
  const b = new (a.constructor as new (n: number) => T)(size);
  b.set(a.subarray(0, used));
  return b;
}

function decodeFrom(source: Uint16Array, at: number): Evidence[] {
  const evidence: Evidence[] = [];
  for (let i = 0; i < SLOTS; i++) {
    const code = source[at * SLOTS + i] as number;
    if (code !== 0) evidence.push(decodeEvidence(code));
  }
  return evidence;
}

export interface GatedPartsArrays {
  readonly held: Uint32Array;
  readonly other: Uint32Array;
  readonly pattern: Uint16Array;
  readonly evidence: Uint16Array;
  readonly count: number;
}

/**
 * The candidate pairs the gates let through, in the order found, before the weights are known:
 * each with its held row, the row it points at, its comparison pattern and its evidence. The
 * weights come from every pair's pattern, so the choice of the best match per held row waits
 * for all of them (see selectMatches).
 */
export class GatedPairs {
  private held = new Uint32Array(256);
  private other = new Uint32Array(256);
  private pattern = new Uint16Array(256);
  private evidence = new Uint16Array(256 * SLOTS);
  private count = 0;

  get size(): number {
    return this.count;
  }

  add(heldOrd: number, otherOrd: number, pattern: number, evidence: readonly Evidence[]): void {
    if (this.count === this.held.length) this.grow(this.count * 2);
    const at = this.count++;
    this.held[at] = heldOrd;
    this.other[at] = otherOrd;
    this.pattern[at] = pattern;
    encodeInto(this.evidence, at, evidence);
  }

  /** Another part's pairs, after this one's (the later pairs scored on another thread). */
  absorb(p: GatedPartsArrays): void {
    if (this.count + p.count > this.held.length) this.grow(this.count + p.count);
    this.held.set(p.held.subarray(0, p.count), this.count);
    this.other.set(p.other.subarray(0, p.count), this.count);
    this.pattern.set(p.pattern.subarray(0, p.count), this.count);
    this.evidence.set(p.evidence.subarray(0, p.count * SLOTS), this.count * SLOTS);
    this.count += p.count;
  }

  parts(): GatedPartsArrays {
    const n = this.count;
    return { held: this.held.slice(0, n), other: this.other.slice(0, n), pattern: this.pattern.slice(0, n), evidence: this.evidence.slice(0, n * SLOTS), count: n };
  }

  /**
   * Each pair's score from its pattern (weights.ts scoreTable); those of positive odds offered to
   * a MatchList, their evidence codes copied as they are.
   */
  selectMatches(scores: Float64Array): MatchList {
    const best = new MatchList();
    for (let k = 0; k < this.count; k++) {
      const score = Math.round((scores[this.pattern[k] as number] as number) * 100) / 100;
      if (score > 0) best.offerCodes(this.held[k] as number, this.other[k] as number, score, this.evidence, k);
    }
    return best.seal();
  }

  private grow(n: number): void {
    const size = Math.max(n, 256);
    this.held = grown(this.held, size, this.count);
    this.other = grown(this.other, size, this.count);
    this.pattern = grown(this.pattern, size, this.count);
    this.evidence = grown(this.evidence, size * SLOTS, this.count * SLOTS);
  }
}

export interface StoredMatch {
  readonly heldOrd: number;
  readonly otherOrd: number;
  readonly score: number;
  readonly evidence: Evidence[];
}

export interface MatchListParts {
  readonly held: Uint32Array;
  readonly other: Uint32Array;
  readonly score: Float64Array;
  readonly evidence: Uint16Array;
  readonly count: number;
}

/**
 * The best match per held row. Filled with offer() in any order, then sealed: sorted by held
 * row, so the write pass, which goes in row order, finds each with a cursor.
 */
export class MatchList {
  private held = new Uint32Array(1024);
  private other = new Uint32Array(1024);
  private score = new Float64Array(1024);
  private evidence = new Uint16Array(1024 * SLOTS);
  private count = 0;
  /** Held row -> its slot, while offers come; dropped when sealed. */
  private slots: Map<number, number> | null = new Map();

  get size(): number {
    return this.count;
  }

  /** Keeps this pair when the held row has none yet, or a lower score. */
  offer(heldOrd: number, otherOrd: number, result: PairScore): void {
    const at = this.placeFor(heldOrd, result.score);
    if (at < 0) return;
    this.other[at] = otherOrd;
    this.score[at] = result.score;
    encodeInto(this.evidence, at, result.evidence);
  }

  /**
   * Another list's matches, as if offered after every one of this list's own: where both hold a
   * row with equal scores, this list's match stays, so the pairs scored on two threads (the
   * earlier half here) give what one thread scoring them in order gives.
   */
  absorb(p: MatchListParts): void {
    for (let k = 0; k < p.count; k++) this.offerCodes(p.held[k] as number, p.other[k] as number, p.score[k] as number, p.evidence, k);
  }

  /** offer() with the evidence already as codes: entry `from` of `codes` (SLOTS codes an entry). */
  offerCodes(heldOrd: number, otherOrd: number, score: number, codes: Uint16Array, from: number): void {
    const at = this.placeFor(heldOrd, score);
    if (at < 0) return;
    this.other[at] = otherOrd;
    this.score[at] = score;
    this.evidence.set(codes.subarray(from * SLOTS, from * SLOTS + SLOTS), at * SLOTS);
  }

  /** The matches so far as arrays, to send to another thread (before sealing). */
  parts(): MatchListParts {
    const n = this.count;
    return {
      held: this.held.slice(0, n),
      other: this.other.slice(0, n),
      score: this.score.slice(0, n),
      evidence: this.evidence.slice(0, n * SLOTS),
      count: n,
    };
  }

  /** The slot for a held row's new match, or -1 when it holds one at least as good. */
  private placeFor(heldOrd: number, score: number): number {
    const slots = this.slots;
    if (!slots) throw new Error('match list already sealed');
    let at = slots.get(heldOrd);
    if (at !== undefined) return score <= (this.score[at] as number) ? -1 : at;
    if (this.count === this.held.length) this.grow();
    at = this.count++;
    slots.set(heldOrd, at);
    this.held[at] = heldOrd;
    return at;
  }

  private grow(): void {
    const n = this.held.length * 2;
    this.held = grown(this.held, n, this.count);
    this.other = grown(this.other, n, this.count);
    this.score = grown(this.score, n, this.count);
    this.evidence = grown(this.evidence, n * SLOTS, this.count * SLOTS);
  }


  /** No more offers: the matches in held-row order. */
  seal(): this {
    const slots = this.slots;
    if (!slots) return this;
    this.slots = null;
    const n = this.count;
    // One slot per held row, so the held rows sorted give the order, and the map each one's slot.
    const held = this.held.slice(0, n).sort();
    const other = new Uint32Array(n);
    const score = new Float64Array(n);
    const evidence = new Uint16Array(n * SLOTS);
    for (let k = 0; k < n; k++) {
      const i = slots.get(held[k] as number) as number;
      other[k] = this.other[i] as number;
      score[k] = this.score[i] as number;
      evidence.set(this.evidence.subarray(i * SLOTS, i * SLOTS + SLOTS), k * SLOTS);
    }
    this.held = held;
    this.other = other;
    this.score = score;
    this.evidence = evidence;
    return this;
  }

  private entry(k: number): StoredMatch {
    return { heldOrd: this.held[k] as number, otherOrd: this.other[k] as number, score: this.score[k] as number, evidence: decodeFrom(this.evidence, k) };
  }

  /** Every match, in held-row order. */
  *entries(): Generator<StoredMatch> {
    this.seal();
    for (let k = 0; k < this.count; k++) yield this.entry(k);
  }

  /** Lookups by held row in ascending order (the write pass), each a step forward, not a search. */
  cursor(): (ord: number) => StoredMatch | undefined {
    this.seal();
    let k = 0;
    let last = -1;
    return (ord) => {
      if (ord < last) throw new Error('match cursor asked out of order');
      last = ord;
      while (k < this.count && (this.held[k] as number) < ord) k++;
      return k < this.count && this.held[k] === ord ? this.entry(k) : undefined;
    };
  }
}
