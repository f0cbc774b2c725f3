/**
 * Blocking keys for the fuzzy matcher, kept as a few numbers a row (about 52 bytes) so that pass
 * one can remember every row without keeping the row. Each family of keys brings together rows
 * that could be one person: NIKs one substitution or one adjacent swap apart (the NIK with two
 * neighbouring digits masked), a KK typed as a NIK, or a shared birth date, phone or address; and
 * in every family a shared name part, so households (same KK, phone, address, other names) and
 * people born on one day in one kecamatan (neighbouring NIK serials) rarely meet. Two families
 * need no NIK relation at all and span the whole batch: birth date with the whole folded name,
 * and phone with a name part; they find a person under a KK, a twice-mistyped or another NIK.
 */
import { GrowableF64, GrowableU32, hash32, hash32Joined } from './growable.js';
import type { BirthDate, MatchRecord } from '../match/match-record.js';
import { type BlockingOptions, compareBirth, type Evidence, type IdFacts } from '../match/compare.js';
import type { Levels } from '../match/evidence.js';

import type { RowRef } from '../match/row-ref.js';

const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8];

/** Three 32-bit values mixed into one 53-bit key. */
export function mix(a: number, b: number, c = 0): number {
  let h1 = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ b;
  h1 = Math.imul(h1 ^ (h1 >>> 13), 0xc2b2ae35) ^ c;
  h1 ^= h1 >>> 16;
  let h2 = Math.imul(b ^ 0x7f4a7c15, 0x27d4eb2f) ^ Math.imul(c, 0x165667b1) ^ a;
  h2 ^= h2 >>> 15;
  return (h1 >>> 0) * 2097152 + ((h2 >>> 0) & 0x1fffff);
}

/**
 * The 16-digit id (hi = digits 1-8, lo = digits 9-16) with digits i+1 and i+2 removed, as an exact
 * 14-digit number: two ids one substitution or one adjacent swap apart share it for some i.
 */
export function maskedId(hi: number, lo: number, i: number): number {
  if (i <= 6) {
    const a = Math.floor(hi / POW10[8 - i]!);
    const b = hi % POW10[6 - i]!;
    return (a * POW10[6 - i]! + b) * 1e8 + lo;
  }
  if (i === 7) return Math.floor(hi / 10) * 1e7 + (lo % 1e7);
  const j = i - 8;
  const c = Math.floor(lo / POW10[8 - j]!);
  const d = lo % POW10[6 - j]!;
  return hi * 1e6 + c * POW10[6 - j]! + d;
}

/** An id of digits only, padded to 16 and split in halves; null for anything else. */
export function idHalves(id: string): [number, number] | null {
  const n = id.length;
  if (n === 0 || n > 16) return null;
  let hi = 0;
  let lo = 0;
  for (let i = 0; i < n; i++) {
    const d = id.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return null;
    // Position in the id padded to 16 with leading zeros.
    if (16 - n + i < 8) hi = hi * 10 + d;
    else lo = lo * 10 + d;
  }
  return [hi, lo];
}

/** The 16 digits of an id from its two 8-digit halves: idHalves' inverse for a 16-digit id. */
export function joinHalves(hi: number, lo: number): string {
  return String(hi).padStart(8, '0') + String(lo).padStart(8, '0');
}

function prefixHash(token: string | undefined): number {
  if (!token || token.length < 2) return 0;
  return hash32(token.length <= 3 ? token : token.slice(0, 3)) || 1;
}

/** The store's arrays as plain typed arrays over shared memory, to hand to a worker thread. */
export interface KeyArrays {
  readonly idHi: Uint32Array;
  readonly idLo: Uint32Array;
  readonly kkHi: Uint32Array;
  readonly kkLo: Uint32Array;
  readonly birth: Uint32Array;
  readonly phone: Float64Array;
  readonly area: Uint32Array;
  readonly p0: Uint32Array;
  readonly p1: Uint32Array;
  readonly fullName: Uint32Array;
  readonly address: Uint32Array;
  readonly present: Uint32Array;
}

export const ROW_VALID = 1;
export const ROW_INVALID = 2;
export const NIK_REPEATED = 4;
/** Keyed without an id (a missing or malformed NIK): no id-derived keys. */
export const NO_ID = 8;

/** Per-row key material, by row ordinal. Rows never added have no keys. */
export class MatchKeyStore {
  readonly idHi: GrowableU32;
  readonly idLo: GrowableU32;
  /** KK high half + 1; 0 when the row has no KK. */
  readonly kkHi: GrowableU32;
  readonly kkLo: GrowableU32;
  readonly birth: GrowableU32;
  readonly phone: GrowableF64;
  readonly area: GrowableU32;
  /** 3-letter prefixes of the first and the last name token. */
  readonly p0: GrowableU32;
  readonly p1: GrowableU32;
  readonly fullName: GrowableU32;
  readonly address: GrowableU32;
  /**
   * 0: no keys (no id of digits); else ROW_VALID or ROW_INVALID, plus NIK_REPEATED when another row
   * carries the same NIK (so the write pass looks up the NIK table only for those rows).
   */
  readonly present: GrowableU32;

  /**
   * capacity: the rows expected (an estimate from the file sizes). Room the rows never use costs
   * no memory (untouched pages), and a good guess saves copying every array as it doubles.
   */
  constructor(capacity = 1024) {
    const c = Math.max(1024, Math.ceil(capacity));
    this.idHi = new GrowableU32(c);
    this.idLo = new GrowableU32(c);
    this.kkHi = new GrowableU32(c);
    this.kkLo = new GrowableU32(c);
    this.birth = new GrowableU32(c);
    this.phone = new GrowableF64(c);
    this.area = new GrowableU32(c);
    this.p0 = new GrowableU32(c);
    this.p1 = new GrowableU32(c);
    this.fullName = new GrowableU32(c);
    this.address = new GrowableU32(c);
    this.present = new GrowableU32(c);
  }

  get size(): number {
    return this.present.length;
  }

  /** The arrays, in shared memory, for a worker thread to read (see fromArrays). */
  arrays(): KeyArrays {
    const u = (g: GrowableU32) => g.view();
    return {
      idHi: u(this.idHi), idLo: u(this.idLo), kkHi: u(this.kkHi), kkLo: u(this.kkLo), birth: u(this.birth),
      phone: this.phone.view(), area: u(this.area), p0: u(this.p0), p1: u(this.p1), fullName: u(this.fullName),
      address: u(this.address), present: u(this.present),
    };
  }

  /** A read-only store over arrays another thread filled. */
  static fromArrays(a: KeyArrays): MatchKeyStore {
    const s = new MatchKeyStore(1);
    const self = s as unknown as Record<keyof KeyArrays, GrowableU32 | GrowableF64>;
    for (const k of Object.keys(a) as (keyof KeyArrays)[]) {
      self[k] = k === 'phone' ? GrowableF64.over(a.phone) : GrowableU32.over(a[k] as Uint32Array);
    }
    return s;
  }

  /** Rows up to `rows` that were never added get no keys (the scan's last rows may have no NIK). */
  padTo(rows: number): void {
    while (this.present.length < rows) this.pushEmpty();
  }

  /** Records row `ord`; rows must be added or skipped in ordinal order. */
  add(ord: number, r: MatchRecord | null): void {
    while (this.present.length < ord) this.pushEmpty();
    const id = r ? idHalves(r.id) : null;
    // A row without a well-formed id can still be a person proposed twice, on strong identity
    // alone (the gates need a name and a stated birth date): it gets every key but the id's.
    if (!r || (!id && (r.name.length === 0 || !r.birth))) {
      this.pushEmpty();
      return;
    }
    const kk = idHalves(r.kk);
    this.idHi.push(id ? id[0] : 0);
    this.idLo.push(id ? id[1] : 0);
    this.kkHi.push(kk ? kk[0] + 1 : 0);
    this.kkLo.push(kk ? kk[1] : 0);
    this.birth.push(r.birth ? r.birth.year * 10000 + r.birth.month * 100 + r.birth.day : 0);
    this.phone.push(r.phone === '' ? 0 : Number(r.phone));
    this.area.push(r.area === '' ? 0 : hash32(r.area) || 1);
    this.p0.push(prefixHash(r.name[0]));
    this.p1.push(r.name.length > 1 ? prefixHash(r.name[r.name.length - 1]) : 0);
    this.fullName.push(r.name.length === 0 ? 0 : hash32Joined([...r.name].sort()) || 1);
    this.address.push(r.address.length === 0 ? 0 : hash32Joined([...r.address].sort(), 4) || 1);
    this.present.push((r.valid ? ROW_VALID : ROW_INVALID) | (id ? 0 : NO_ID));
  }

  /** Row `ord` was keyed without an id. */
  noId(ord: number): boolean {
    return (this.present.get(ord) & NO_ID) !== 0;
  }

  /** Row `ord` (added already) shares its NIK with another row. */
  markRepeated(ord: number): void {
    this.present.set(ord, this.present.get(ord) | NIK_REPEATED);
  }

  nikRepeated(ord: number): boolean {
    return (this.present.get(ord) & NIK_REPEATED) !== 0;
  }

  /** The row's id as its 16 digits, '' when it was keyed without one. */
  idOf(ord: number): string {
    return this.noId(ord) ? '' : joinHalves(this.idHi.get(ord), this.idLo.get(ord));
  }

  /** The row's stated birth date, null when it has none. */
  birthOf(ord: number): BirthDate | null {
    const b = this.birth.get(ord);
    return b ? { year: Math.floor(b / 10000), month: Math.floor(b / 100) % 100, day: b % 100 } : null;
  }

  /**
   * The best levels rows i and j (whose ids compare as `id`) could compare to, from their keys alone: ids, birth dates,
   * phones and kelurahan exactly; the name the same when its folded tokens are (else similar at
   * best); the address the same at best when both have one.
   */
  bestLevels(i: number, j: number, id: Evidence | null, a: IdFacts, b: IdFacts): Levels {
    const levels: Levels = {};
    if (id) levels.id = id.kind;
    const ni = this.fullName.get(i);
    const nj = this.fullName.get(j);
    if (ni && nj) levels.name = ni === nj ? 'nameSame' : 'nameSimilar';
    if (a.birth && b.birth) levels.birth = compareBirth(a.birth, b.birth).kind;
    const pi = this.phone.get(i);
    const pj = this.phone.get(j);
    if (pi && pj) levels.phone = pi === pj ? 'phoneSame' : 'phoneDifferent';
    if (this.address.get(i) && this.address.get(j)) levels.address = 'addressSame';
    const ai = this.area.get(i);
    const aj = this.area.get(j);
    if (ai && aj) levels.area = ai === aj ? 'areaSame' : 'areaDifferent';
    return levels;
  }

  /** The row's No. KK as its 16 digits, '' when it has none. */
  kkOf(ord: number): string {
    const kk = this.kkHi.get(ord);
    return kk ? joinHalves(kk - 1, this.kkLo.get(ord)) : '';
  }

  /**
   * The row back as a MatchRecord, from its numbers here plus the two texts the numbers cannot
   * hold (name and address tokens, joined by spaces). The id comes back as 16 digits; the area
   * as its hash, which is all a comparison needs.
   */
  recordOf(ord: number, ref: RowRef, name: string, address: string): MatchRecord {
    const phone = this.phone.get(ord);
    const area = this.area.get(ord);
    return {
      ref,
      id: this.idOf(ord),
      kk: this.kkOf(ord),
      name: name === '' ? [] : name.split(' '),
      display: '',
      birth: this.birthOf(ord),
      // Normalised phones are 08...: the number lost only its leading 0.
      phone: phone ? `0${phone}` : '',
      address: address === '' ? [] : address.split(' '),
      area: area ? String(area) : '',
      valid: (this.present.get(ord) & ROW_VALID) !== 0,
    };
  }

  private pushEmpty(): void {
    for (const a of [this.idHi, this.idLo, this.kkHi, this.kkLo, this.birth, this.area, this.p0, this.p1, this.fullName, this.address]) {
      a.push(0);
    }
    this.phone.push(0);
    this.present.push(0);
  }
}

/**
 * A family of blocking keys: keys(ord, out) writes the keys of row `ord` into out from index 0
 * (at most keysPerRow of them) and says how many. Into an array rather than through a callback:
 * a key is a 53-bit number, which a call may have to box on the heap. Blocks larger than maxBlock are skipped; the id families may be larger than
 * those of evidence shared by households and namesakes (birth date, phone, address), where a big
 * block says nothing.
 */
export interface KeyFamily {
  readonly name: string;
  readonly maxBlock: number;
  /** At most this many keys a row: sizes the candidate step's memory, never changes its pairs. */
  readonly keysPerRow: number;
  keys(ord: number, out: Float64Array): number;
}

/** Largest block of a NIK-derived family, and of the others. */
export const MAX_ID_BLOCK = 60;
export const MAX_EVIDENCE_BLOCK = 16;


export function keyFamilies(s: MatchKeyStore, options: BlockingOptions): KeyFamily[] {
  const scope = (ord: number, tag: number) => (options.withinIdRegion ? Math.floor(s.idHi.get(ord) / 100) * 1000 + tag : tag);
  const hasId = (ord: number) => (s.present.get(ord) & NO_ID) === 0;
  /** A key per name prefix, two at most, written at out[n]; returns the new count. */
  const withPrefixes = (ord: number, base: number, tag: number, out: Float64Array, n: number) => {
    const p0 = s.p0.get(ord);
    const p1 = s.p1.get(ord);
    if (p0) out[n++] = mix(base >>> 0, Math.floor(base / 4294967296) ^ tag, p0);
    if (p1 && p1 !== p0) out[n++] = mix(base >>> 0, Math.floor(base / 4294967296) ^ tag, p1);
    return n;
  };
  const families: KeyFamily[] = [];
  // withPrefixes gives a key per name prefix, two at most.
  const add = (name: string, maxBlock: number, keys: KeyFamily['keys'], keysPerRow = 2) => families.push({ name, maxBlock, keysPerRow, keys });
  for (let i = 0; i < 15; i++) {
    add(`nik-mask-${i + 1}-${i + 2}`, MAX_ID_BLOCK, (ord, out) =>
      hasId(ord) ? withPrefixes(ord, maskedId(s.idHi.get(ord), s.idLo.get(ord), i), 1 + i, out, 0) : 0,
    );
  }
  // A KK typed in the NIK column: one row's id meets another row's KK.
  add('kk-as-nik', MAX_ID_BLOCK, (ord, out) => {
    const n = hasId(ord) ? withPrefixes(ord, s.idHi.get(ord) * 1e8 + s.idLo.get(ord), 100, out, 0) : 0;
    const kk = s.kkHi.get(ord);
    return kk ? withPrefixes(ord, (kk - 1) * 1e8 + s.kkLo.get(ord), 100, out, n) : n;
  }, 4);
  if (options.birthWithNamePart) {
    add('birth', MAX_EVIDENCE_BLOCK, (ord, out) => {
      const b = s.birth.get(ord);
      return b ? withPrefixes(ord, b, scope(ord, 200), out, 0) : 0;
    });
  }
  // Across the whole batch: one person's stated birth date and folded name (a KK or a wholly
  // other NIK typed for them carries another region), and their phone with a name part.
  add('birth-name', MAX_EVIDENCE_BLOCK, (ord, out) => {
    const b = s.birth.get(ord);
    const n = s.fullName.get(ord);
    if (!b || !n) return 0;
    out[0] = mix(b, n, 600);
    return 1;
  }, 1);
  add('phone', MAX_EVIDENCE_BLOCK, (ord, out) => {
    const p = s.phone.get(ord);
    return p ? withPrefixes(ord, p, 300, out, 0) : 0;
  });
  add('address', MAX_EVIDENCE_BLOCK, (ord, out) => {
    const a = s.address.get(ord);
    return a ? withPrefixes(ord, a, scope(ord, 400), out, 0) : 0;
  });
  if (options.area) {
    add('area-name', MAX_EVIDENCE_BLOCK, (ord, out) => {
      const a = s.area.get(ord);
      const n = s.fullName.get(ord);
      if (!a || !n) return 0;
      out[0] = mix(a, n, 500);
      return 1;
    }, 1);
  }
  return families;
}
