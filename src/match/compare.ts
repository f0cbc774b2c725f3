/**
 * Comparing a candidate pair: each field compares to a level (evidence.ts), and the levels decide
 * in two steps. The gates are rules no weight overrides: without a name that agrees, or with only
 * the name and the NIK agreeing, two rows are not proposed as one person, and rows whose NIKs no
 * typing error explains must agree strongly (name, stated birth date, and phone, address or
 * kelurahan; see passesGates). Among the pairs the gates let through, the weights (weights.ts, estimated from the
 * batch) decide: the pair's log-odds of being one person must be positive.
 *
 * Weak evidence is weak by measure, not by hand: a household shares a phone and an address,
 * common names repeat within a kelurahan, Dukcapil's default birth dates (31 December, 1 July,
 * the 15th) are shared by many, and the random pairs of the batch say how often.
 */
import { jaroWinkler } from '../normalize/jaro-winkler.js';
import { addressSimilarity } from '../normalize/address.js';
import type { BirthDate, MatchRecord } from './match-record.js';
import { type Evidence, type Levels, levelsOf, NEAR_ID_KINDS, patternOf } from './evidence.js';

export type { Evidence } from './evidence.js';
export { NEAR_ID_KINDS } from './evidence.js';

export interface BlockingOptions {
  /**
   * Also block on kelurahan + full name. A common name in a big kelurahan is a big block; with
   * strong identity required of unrelated ids, the birth-and-name keys find what this would.
   */
  readonly area: boolean;
  /**
   * Block on birth date + a name part (a typo in the rest of the name). For NIKs the whole-name
   * key and the NIK's own keys find the same pairs (one pair in 3,000 fewer on the second
   * generator), and it was the largest family: 122,000 of 1M rows' candidate pairs.
   */
  readonly birthWithNamePart: boolean;
  /**
   * Birth-and-name-part and address keys only meet within the id's first six digits (the NIK's
   * kecamatan), so that national-scale blocks of a common birth date and name part stay small.
   * Across the whole batch the birth date meets the whole folded name instead, and the phone a
   * name part.
   */
  readonly withinIdRegion: boolean;
}

export interface MatchProfile {
  /** Ids are NIKs: their date part can be read against the stated birth date (a KK typed as NIK). */
  readonly nikDates: boolean;
  /**
   * Rows whose ids no typing error or KK explains must agree strongly to be proposed (true for
   * NIKs: a NIK is checked against Dukcapil, so a wholly different one is a second identity).
   */
  readonly strongIdentityForFarId: boolean;
  /** Besides the id and the name, at least one of birth, phone or address must agree. */
  readonly requireCorroboration: boolean;
  /** Which blocking keys bring candidate pairs together (engine/match-keys.ts). */
  readonly blocking: BlockingOptions;
}

/** Kecamatan exports: the SPEC's POSSIBLE_DUPLICATE under any NIK. */
export const NIK_PROFILE: MatchProfile = {
  nikDates: true,
  strongIdentityForFarId: true,
  requireCorroboration: true,
  blocking: { area: false, birthWithNamePart: false, withinIdRegion: true },
};

/** Data whose ids may be wholly wrong in a duplicate (FEBRL): the other fields must carry it. */
export const GENERIC_PROFILE: MatchProfile = {
  nikDates: false,
  strongIdentityForFarId: false,
  requireCorroboration: true,
  blocking: { area: true, birthWithNamePart: true, withinIdRegion: false },
};

/** Positions (1-based) where two equally long ids differ, up to five. */
function differences(a: string, b: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < a.length && out.length < 5; i++) if (a.charCodeAt(i) !== b.charCodeAt(i)) out.push(i + 1);
  return out;
}

/** Positions p and p + 1 hold each other's digits. */
function swappedAt(a: string, b: string, p: number): boolean {
  return a[p - 1] === b[p] && a[p] === b[p - 1];
}

/**
 * Whether a 16-digit NIK's date part (DDMMYY, 40 added to a woman's day) is the stated birth
 * date; null when there is no date to hold it against.
 */
export function idDateFits(id: string, birth: BirthDate | null): boolean | null {
  if (!birth || id.length !== 16) return null;
  let day = Number(id.slice(6, 8));
  if (day > 40) day -= 40;
  return day === birth.day && Number(id.slice(8, 10)) === birth.month && Number(id.slice(10, 12)) === birth.year % 100;
}

/** What comparing ids needs of a row: its id, its No. KK and its stated birth date. */
export type IdFacts = Pick<MatchRecord, 'id' | 'kk' | 'birth'>;

/**
 * How two ids relate: one or two digits apart, two neighbours swapped, two typing errors, a KK
 * column holding the other's id, one id a KK by its look (nikDates), or unrelated.
 */
export function compareIds(a: IdFacts, b: IdFacts, nikDates = true): Evidence | null {
  if (a.id === '' || b.id === '') return null;
  if ((a.kk !== '' && a.kk === b.id) || (b.kk !== '' && b.kk === a.id)) return { kind: 'idIsKk' };
  if (a.id.length !== b.id.length) return { kind: 'idFar' };
  const diff = differences(a.id, b.id);
  if (diff.length === 1) return { kind: 'idOneDigit', position: diff[0] as number };
  if (diff.length === 2) {
    const [p, q] = diff as [number, number];
    if (q === p + 1 && swappedAt(a.id, b.id, p)) return { kind: 'idSwap', position: p };
    return { kind: 'idTwoDigits', positions: [p, q] };
  }
  const twoErrors = twoTypingErrors(a.id, b.id, diff);
  if (twoErrors) return twoErrors;
  return nikDates ? kkLikeOrFar(a, b) : { kind: 'idFar' };
}

/** One id of the regency reads as a KK (its date is not its row's birth date, the other's is), or unrelated. */
function kkLikeOrFar(a: IdFacts, b: IdFacts): Evidence {
  if (a.id.length === 16 && a.id.slice(0, 4) === b.id.slice(0, 4)) {
    const fa = idDateFits(a.id, a.birth);
    const fb = idDateFits(b.id, b.birth);
    if (fa !== null && fb !== null && fa !== fb) return { kind: 'idKkLike' };
  }
  return { kind: 'idFar' };
}

/**
 * A woman's NIK (40 added to the day) and a man's, each holding its own row's birth date: two
 * people's NIKs rather than one mistyped (a family card or a mistyped date part holds no birth date).
 */
function sexesDiffer(a: IdFacts, b: IdFacts): boolean {
  if (a.id.length !== 16 || b.id.length !== 16 || idDateFits(a.id, a.birth) !== true || idDateFits(b.id, b.birth) !== true) return false;
  return Number(a.id.slice(6, 8)) > 40 !== Number(b.id.slice(6, 8)) > 40;
}

/**
 * Twins and siblings registered together: NIKs one apart in the serial (issued one after the
 * other, same birth date and kecamatan), or a man's and a woman's, with names only alike (RINA,
 * RINI; SUSANTO, SUSAN). A typo cannot be told from them, and proposing a sister as a duplicate
 * takes her grant: such a pair needs the same name.
 */
function maybeSiblings(a: IdFacts, b: IdFacts, id: Evidence | null): boolean {
  if (sexesDiffer(a, b)) return true;
  return id?.kind === 'idOneDigit' && id.position >= 13 && Math.abs(Number(a.id.slice(12)) - Number(b.id.slice(12))) === 1;
}

/** Three differing digits of which two neighbours are swapped, or four as two swaps. */
function twoTypingErrors(a: string, b: string, diff: readonly number[]): Evidence | null {
  if (diff.length === 3) {
    const [p, q, r] = diff as [number, number, number];
    if (q === p + 1 && swappedAt(a, b, p)) return { kind: 'idTwoErrors', positions: [p, r] };
    if (r === q + 1 && swappedAt(a, b, q)) return { kind: 'idTwoErrors', positions: [q, p] };
  }
  if (diff.length === 4) {
    const [p, q, r, s] = diff as [number, number, number, number];
    if (q === p + 1 && s === r + 1 && swappedAt(a, b, p) && swappedAt(a, b, r)) return { kind: 'idTwoErrors', positions: [p, r] };
  }
  return null;
}

/**
 * Token-set similarity: each token of the shorter name against its best partner in the longer,
 * averaged; a name shortened to some of its words loses a little, not all.
 */
export function nameSimilarity(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  if (a.join('') === b.join('')) return 1;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  let sum = 0;
  for (const t of short) {
    let best = 0;
    for (const u of long) {
      const s = t === u ? 1 : t.length === 1 || u.length === 1 ? (t[0] === u[0] ? 0.9 : 0) : jaroWinkler(t, u);
      if (s > best) best = s;
    }
    sum += best;
  }
  const coverage = short.length / long.length;
  const joined = jaroWinkler(a.join(''), b.join(''));
  return Math.max(joined * 0.98, (sum / short.length) * (0.9 + 0.1 * coverage));
}

function isDukcapilDefault(d: BirthDate): boolean {
  return (d.day === 31 && d.month === 12) || (d.day === 1 && d.month === 7) || d.day === 15;
}

export function compareBirth(a: BirthDate, b: BirthDate): Evidence {
  if (a.day === b.day && a.month === b.month && a.year === b.year) {
    return isDukcapilDefault(a) ? { kind: 'birthDefault' } : { kind: 'birthSame' };
  }
  const same = (a.day === b.day ? 1 : 0) + (a.month === b.month ? 1 : 0) + (a.year === b.year ? 1 : 0);
  const swapped = a.day === b.month && a.month === b.day && a.year === b.year;
  return same === 2 || swapped ? { kind: 'birthClose' } : { kind: 'birthDifferent' };
}

/**
 * The gates, on the levels of a pair. Also asked of the levels a pair could at best reach, known
 * from its keys alone (engine/fuzzy-matcher.ts), to leave pairs that cannot pass unread.
 */
export function passesGates(l: Levels, profile: MatchProfile): boolean {
  const nameOk = l.name === 'nameSame' || l.name === 'nameSimilar';
  if (!nameOk) return false;
  const birthAgrees = l.birth === 'birthSame' || l.birth === 'birthDefault';
  const addressAgrees = l.address === 'addressSame' || l.address === 'addressSimilar';
  if (profile.requireCorroboration && !(birthAgrees || l.phone === 'phoneSame' || addressAgrees)) return false;
  if (!profile.strongIdentityForFarId || (l.id !== undefined && NEAR_ID_KINDS.has(l.id))) return true;
  const phone = l.phone === 'phoneSame';
  const places = (phone ? 1 : 0) + (addressAgrees ? 1 : 0) + (l.area === 'areaSame' ? 1 : 0);
  // A KK typed as NIK: the stated birth dates agree (the KK's date part is the card's, so it
  // cannot tell a day-first cell from a month-first one: nearly agreeing dates need two places).
  if (l.id === 'idKkLike') return birthAgrees ? places >= 1 : l.birth === 'birthClose' && places >= 2;
  // Unrelated NIKs: one birth date (not Dukcapil's default), and the same folded name with a
  // place, or a similar name with the same phone and another place.
  if (l.birth !== 'birthSame') return false;
  return l.name === 'nameSame' ? places >= 1 : phone && places >= 2;
}

export interface Comparison {
  readonly evidence: Evidence[];
  /** The levels as one number (evidence.ts patternOf). */
  readonly pattern: number;
  readonly gates: boolean;
}

export function comparePair(a: MatchRecord, b: MatchRecord, profile: MatchProfile): Comparison {
  const evidence: Evidence[] = [];
  const id = compareIds(a, b, profile.nikDates);
  if (id) evidence.push(id);
  if (a.name.length > 0 && b.name.length > 0) {
    const sim = nameSimilarity(a.name, b.name);
    if (sim === 1) evidence.push({ kind: 'nameSame' });
    else if (sim >= 0.9) evidence.push({ kind: 'nameSimilar', similarity: Math.round(sim * 100) / 100 });
    else evidence.push({ kind: 'nameDifferent' });
  }
  if (a.birth && b.birth) evidence.push(compareBirth(a.birth, b.birth));
  if (a.phone !== '' && b.phone !== '') evidence.push({ kind: a.phone === b.phone ? 'phoneSame' : 'phoneDifferent' });
  if (a.address.length > 0 && b.address.length > 0) {
    const sim = addressSimilarity(a.address, b.address);
    evidence.push({ kind: sim >= 0.8 ? 'addressSame' : sim >= 0.5 ? 'addressSimilar' : 'addressDifferent' });
  }
  if (a.area !== '' && b.area !== '') evidence.push({ kind: a.area === b.area ? 'areaSame' : 'areaDifferent' });
  const levels = levelsOf(evidence);
  const siblings = profile.nikDates && levels.name === 'nameSimilar' && maybeSiblings(a, b, id);
  return { evidence, pattern: patternOf(levels), gates: !siblings && passesGates(levels, profile) };
}

export interface PairScore {
  /** log2 of the odds that the two rows are one person: the batch's prior plus each level's weight. */
  readonly score: number;
  readonly evidence: Evidence[];
  /** Passed the gates, and the odds are for one person. */
  readonly match: boolean;
}

/** The score as review.csv's 0..1 figure: the probability that the two rows are one person. */
export function scoreToProbability(score: number): number {
  return Math.round((1 / (1 + 2 ** -score)) * 100) / 100;
}
