/**
 * Typed arrays that grow by doubling: per-row facts kept between passes live off the JS heap,
 * a few bytes a row, so a 30-million-row run fits without raising Node's heap limit. Their memory
 * is shared (SharedArrayBuffer), so a worker thread can read them without a copy. Room made for
 * growth and never written costs no memory (the pages are never touched), so they are not trimmed:
 * a trimmed copy cost a second copy of every array at the end of the scan.
 */
/** Typed arrays over shared memory (zeroed, like any new typed array). */
export const sharedU8 = (n: number) => new Uint8Array(new SharedArrayBuffer(n));
export const sharedU32 = (n: number) => new Uint32Array(new SharedArrayBuffer(n * 4));
export const sharedF64 = (n: number) => new Float64Array(new SharedArrayBuffer(n * 8));

/** A typed array over shared memory that grows by doubling; `make` gives one of n elements. */
class SharedGrowable<A extends Uint32Array | Float64Array> {
  protected data: A;
  length = 0;

  constructor(
    private readonly make: (n: number) => A,
    capacity: number,
  ) {
    this.data = make(capacity);
  }

  /** Takes over an array filled elsewhere (another thread's key store), all of it in use. */
  protected adopt(data: A): this {
    this.data = data;
    this.length = data.length;
    return this;
  }

  push(v: number): void {
    if (this.length === this.data.length) {
      const next = this.make(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }

  get(i: number): number {
    return this.data[i] as number;
  }

  set(i: number, v: number): void {
    this.data[i] = v;
  }

  /** The values pushed so far (shared memory: no copy). */
  view(): A {
    return this.data.subarray(0, this.length) as A;
  }
}

export class GrowableU32 extends SharedGrowable<Uint32Array> {
  constructor(capacity = 1024) {
    super(sharedU32, capacity);
  }

  /** A view over an array filled elsewhere (another thread's key store). */
  static over(data: Uint32Array): GrowableU32 {
    return new GrowableU32(1).adopt(data);
  }
}

export class GrowableF64 extends SharedGrowable<Float64Array> {
  constructor(capacity = 1024) {
    super(sharedF64, capacity);
  }

  static over(data: Float64Array): GrowableF64 {
    return new GrowableF64(1).adopt(data);
  }
}

/** One bit per row ordinal, growing as ordinals come: a yes/no fact about every row in 1/8 byte. */
export class GrowableBits {
  private words = new Uint32Array(1024);

  set(i: number): void {
    const w = i >>> 5;
    if (w >= this.words.length) {
      const next = new Uint32Array(Math.max(this.words.length * 2, w + 1));
      next.set(this.words);
      this.words = next;
    }
    this.words[w] = (this.words[w] as number) | (1 << (i & 31));
  }

  has(i: number): boolean {
    const w = i >>> 5;
    return w < this.words.length && ((this.words[w] as number) & (1 << (i & 31))) !== 0;
  }
}

/** FNV-1a, 32 bits: block keys need spread, not secrecy; a collision costs one extra comparison. */
export function hash32(s: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** hash32 of the first `limit` tokens joined by single spaces, without building the joined text. */
export function hash32Joined(tokens: readonly string[], limit = tokens.length): number {
  let h = 0x811c9dc5;
  const n = Math.min(limit, tokens.length);
  for (let t = 0; t < n; t++) {
    if (t > 0) h = Math.imul(h ^ 32, 0x01000193);
    const s = tokens[t] as string;
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  }
  return h >>> 0;
}
