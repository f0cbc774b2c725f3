/**
 * Scoring a candidate pair: each field adds evidence for or against one person, in the manner of
 * Fellegi-Sunter weights (log2 of how much likelier the agreement is among true matches). Weak
 * evidence is weak: a household shares a phone and an address, common names repeat within a
 * kelurahan, and Dukcapil's default birth dates (31 December, 1 July, the 15th) say little.
 */
import { jaroWinkler } from '../normalize/jaro-winkler.js';
import type { BirthDate, MatchRecord } from './match-record.js';
import { addressSimilarity } from '../normalize/address.js';

export type Evidence =
  | { kind: 'idOneDigit'; position: number }
  | { kind: 'idTwoDigits'; positions: [number, number] }
  | { kind: 'idSwap'; position: number }
  | { kind: 'idIsKk' }
  | { kind: 'idFar' }
  | { kind: 'nameSame' }
  | { kind: 'nameSimilar'; similarity: number }
  | { kind: 'nameDifferent' }
  | { kind: 'birthSame' }
  | { kind: 'birthDefault' }
  | { kind: 'birthClose' }
  | { kind: 'birthDifferent' }
  | { kind: 'phoneSame' }
  | { kind: 'phoneDifferent' }
  | { kind: 'addressSame' }
  | { kind: 'addressSimilar' }
  | { kind: 'addressDifferent' }
  | { kind: 'areaSame' }
  | { kind: 'areaDifferent' };

export interface MatchProfile {
  /** A pair whose ids are neither near nor a KK is never one person (true for NIKs). */
  readonly requireNearId: boolean;
  /** Besides the id and the name, at least one of birth, phone or address must agree. */
  readonly requireCorroboration: boolean;
  readonly threshold: number;
  readonly weights: Readonly<Record<Evidence['kind'], number>>;
  /**
   * Also block on kelurahan + full name. Useless when a near id is required (it would only bring
   * namesakes together), and costly: a common name in a big kelurahan is a big block.
   */
  readonly blockOnArea: boolean;
  /**
   * Block birth date, phone and address within the id's first six digits (the NIK's kecamatan):
   * with a near id required, rows of two kecamatan rarely pair, and national-scale blocks of a
   * common birth date and name part stay small.
   */
  readonly blockWithinIdRegion: boolean;
}

const BASE_WEIGHTS: Record<Evidence['kind'], number> = {
  idOneDigit: 4,
  idTwoDigits: 2,
  idSwap: 4.5,
  idIsKk: 3,
  idFar: -2,
  nameSame: 5,
  nameSimilar: 3,
  nameDifferent: -6,
  birthSame: 4,
  birthDefault: 1.5,
  birthClose: 1,
  birthDifferent: -3,
  phoneSame: 2,
  phoneDifferent: -0.5,
  addressSame: 2,
  addressSimilar: 1,
  addressDifferent: -1,
  areaSame: 0.5,
  areaDifferent: -0.5,
};

/** Kecamatan exports: the SPEC's POSSIBLE_DUPLICATE, a NIK typo or a KK in the NIK column. */
export const NIK_PROFILE: MatchProfile = {
  requireNearId: true,
  requireCorroboration: true,
  threshold: 9,
  weights: BASE_WEIGHTS,
  blockOnArea: false,
  blockWithinIdRegion: true,
};

/** Data whose ids may be wholly wrong in a duplicate (FEBRL): the other fields must carry it. */
export const GENERIC_PROFILE: MatchProfile = {
  requireNearId: false,
  requireCorroboration: true,
  threshold: 7,
  weights: BASE_WEIGHTS,
  blockOnArea: true,
  blockWithinIdRegion: false,
};

export interface PairScore {
  readonly score: number;
  readonly evidence: Evidence[];
  /** Passed the profile's gates and threshold. */
  readonly match: boolean;
}

/** Positions (1-based) where two equally long ids differ, up to three. */
function differences(a: string, b: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < a.length && out.length < 3; i++) if (a.charCodeAt(i) !== b.charCodeAt(i)) out.push(i + 1);
  return out;
}

/** Id evidence close enough for a profile that requires a near id (NIKs). */
export const NEAR_ID_KINDS: ReadonlySet<Evidence['kind']> = new Set(['idOneDigit', 'idTwoDigits', 'idSwap', 'idIsKk']);

export function compareIds(a: Pick<MatchRecord, 'id' | 'kk'>, b: Pick<MatchRecord, 'id' | 'kk'>): Evidence | null {
  if (a.id === '' || b.id === '') return null;
  if ((a.kk !== '' && a.kk === b.id) || (b.kk !== '' && b.kk === a.id)) return { kind: 'idIsKk' };
  if (a.id.length !== b.id.length) return { kind: 'idFar' };
  const diff = differences(a.id, b.id);
  if (diff.length === 1) return { kind: 'idOneDigit', position: diff[0] as number };
  if (diff.length === 2) {
    const [p, q] = diff as [number, number];
    if (q === p + 1 && a.id[p - 1] === b.id[q - 1] && a.id[q - 1] === b.id[p - 1]) return { kind: 'idSwap', position: p };
    return { kind: 'idTwoDigits', positions: [p, q] };
  }
  return { kind: 'idFar' };
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

function compareBirth(a: BirthDate, b: BirthDate): Evidence {
  if (a.day === b.day && a.month === b.month && a.year === b.year) {
    return isDukcapilDefault(a) ? { kind: 'birthDefault' } : { kind: 'birthSame' };
  }
  const same = (a.day === b.day ? 1 : 0) + (a.month === b.month ? 1 : 0) + (a.year === b.year ? 1 : 0);
  const swapped = a.day === b.month && a.month === b.day && a.year === b.year;
  return same === 2 || swapped ? { kind: 'birthClose' } : { kind: 'birthDifferent' };
}

export function scorePair(a: MatchRecord, b: MatchRecord, profile: MatchProfile): PairScore {
  const evidence: Evidence[] = [];
  const id = compareIds(a, b);
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

  let score = 0;
  for (const e of evidence) score += profile.weights[e.kind];
  const kinds = new Set(evidence.map((e) => e.kind));
  const nearId = id !== null && NEAR_ID_KINDS.has(id.kind);
  const nameOk = kinds.has('nameSame') || kinds.has('nameSimilar');
  const corroborated = ['birthSame', 'birthDefault', 'phoneSame', 'addressSame', 'addressSimilar'].some((k) =>
    kinds.has(k as Evidence['kind']),
  );
  const match =
    score >= profile.threshold &&
    nameOk &&
    (!profile.requireNearId || nearId) &&
    (!profile.requireCorroboration || corroborated);
  return { score: Math.round(score * 100) / 100, evidence, match };
}

/** The score as a 0..1 figure for review.csv: 0.5 at the threshold, each point of evidence doubling the odds. */
export function scoreToProbability(score: number, profile: MatchProfile): number {
  return Math.round((1 / (1 + 2 ** (profile.threshold - score))) * 100) / 100;
}
