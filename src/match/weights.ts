/**
 * The weight of each comparison level, from the batch itself (Fellegi-Sunter, estimated as Splink
 * does): u, how often a level turns up between two rows taken at random, counted over random
 * pairs of the batch; m, how often it turns up between two rows of one person, estimated by
 * expectation-maximisation over the candidate pairs the gates let through. A level's weight is
 * log2(m / u); a pair's score adds the prior log-odds that two rows of the batch are one person.
 *
 * Our own figures are the priors: pseudo-counts that a small batch (or a level it rarely shows)
 * leans on, and a large batch outweighs. Weights are held within +-CAP bits, so no single field
 * (a phone shared by a household, a rare level seen once in the sample) carries a pair alone.
 */
import { type EvidenceKind, FIELD_LEVELS, FIELDS, type Levels, type MatchField, PATTERNS, patternLevels } from './evidence.js';
import { comparePair, type MatchProfile, type PairScore, passesGates } from './compare.js';
import type { MatchRecord } from './match-record.js';

/** m (among one person's pairs) and u (among random pairs) a kota's batch shows: the priors. */
const PRIOR: Readonly<Record<EvidenceKind, { m: number; u: number }>> = {
  idOneDigit: { m: 0.3, u: 1e-7 },
  idSwap: { m: 0.12, u: 1e-8 },
  idTwoDigits: { m: 0.1, u: 1e-6 },
  idTwoErrors: { m: 0.05, u: 1e-8 },
  idIsKk: { m: 0.05, u: 1e-8 },
  idKkLike: { m: 0.1, u: 0.02 },
  idFar: { m: 0.28, u: 0.98 },
  nameSame: { m: 0.75, u: 2e-4 },
  nameSimilar: { m: 0.2, u: 3e-3 },
  nameDifferent: { m: 0.05, u: 0.9968 },
  birthSame: { m: 0.8, u: 5e-5 },
  birthDefault: { m: 0.05, u: 2e-4 },
  birthClose: { m: 0.08, u: 3e-3 },
  birthDifferent: { m: 0.07, u: 0.99675 },
  phoneSame: { m: 0.55, u: 1e-5 },
  phoneDifferent: { m: 0.45, u: 0.99999 },
  addressSame: { m: 0.6, u: 2e-3 },
  addressSimilar: { m: 0.2, u: 2e-2 },
  addressDifferent: { m: 0.2, u: 0.978 },
  areaSame: { m: 0.85, u: 0.1 },
  areaDifferent: { m: 0.15, u: 0.9 },
};

/** Pseudo-counts of the priors: pairs of one person (m), random pairs (u). */
const M_PRIOR_PAIRS = 50;
const U_PRIOR_PAIRS = 2000;
/** No level weighs more than this many bits, for or against. */
export const CAP = 16;
const MAX_ITERATIONS = 50;

export interface LevelWeight {
  readonly m: number;
  readonly u: number;
  /** log2(m / u), within +-CAP. */
  readonly weight: number;
}

export interface MatchWeights {
  readonly levels: Readonly<Record<EvidenceKind, LevelWeight>>;
  /** log2 of the prior odds that two rows of the batch are one person. */
  readonly priorBits: number;
  /** Expected pairs of one person among the candidates (EM's estimate). */
  readonly expectedMatches: number;
  readonly candidatePatterns: number;
  readonly candidatePairs: number;
  readonly randomPairs: number;
  readonly iterations: number;
}

/** What the batch gives the estimate: counts per comparison pattern (evidence.ts). */
export interface WeightsInput {
  /** Candidate pairs compared, by pattern. */
  readonly candidates: Float64Array;
  /** Random pairs compared, by pattern. */
  readonly random: Float64Array;
  /** Rows that took part: the prior is over their pairs. */
  readonly rows: number;
}

export function emptyPatternCounts(): Float64Array {
  return new Float64Array(PATTERNS);
}

const levelKinds = (f: MatchField) => FIELD_LEVELS[f] as readonly EvidenceKind[];

function levelsOfPattern(pattern: number): Levels {
  const at = patternLevels(pattern);
  const levels: Levels = {};
  FIELDS.forEach((f, i) => {
    const k = at[i] as number;
    if (k > 0) levels[f] = levelKinds(f)[k - 1];
  });
  return levels;
}

/** Per field, counts per level (index = level place + 1) over a pattern histogram, each pattern weighted. */
function levelCounts(counts: Float64Array, patterns: readonly number[], weightOf: (p: number) => number): Float64Array[] {
  const out = FIELDS.map((f) => new Float64Array(levelKinds(f).length + 1));
  for (const p of patterns) {
    const c = (counts[p] as number) * weightOf(p);
    if (c === 0) continue;
    const at = patternLevels(p);
    for (let i = 0; i < FIELDS.length; i++) {
      const field = out[i] as Float64Array;
      const k = at[i] as number;
      field[k] = (field[k] as number) + c;
    }
  }
  return out;
}

/** Per field, the share of each level with a prior's pseudo-counts; index 0 (field empty) unused. */
function shares(counts: Float64Array[], prior: (k: EvidenceKind) => number, pseudo: number): Float64Array[] {
  return FIELDS.map((f, i) => {
    const c = counts[i] as Float64Array;
    let seen = 0;
    for (let k = 1; k < c.length; k++) seen += c[k] as number;
    const s = new Float64Array(c.length);
    levelKinds(f).forEach((kind, k) => {
      s[k + 1] = ((c[k + 1] as number) + pseudo * prior(kind)) / (seen + pseudo);
    });
    return s;
  });
}

const clamp = (w: number) => Math.max(-CAP, Math.min(CAP, w));

function weightsOf(m: Float64Array[], u: Float64Array[]): Float64Array[] {
  return FIELDS.map((_, i) => (m[i] as Float64Array).map((mk, k) => (k === 0 ? 0 : clamp(Math.log2(mk / ((u[i] as Float64Array)[k] as number))))));
}

function patternBits(w: Float64Array[], pattern: number): number {
  const at = patternLevels(pattern);
  let bits = 0;
  for (let i = 0; i < FIELDS.length; i++) bits += (w[i] as Float64Array)[at[i] as number] as number;
  return bits;
}

/** The patterns the gates let through, per profile (computed once). */
const gateCache = new WeakMap<MatchProfile, Uint8Array>();
export function gatedPatterns(profile: MatchProfile): Uint8Array {
  let g = gateCache.get(profile);
  if (!g) {
    g = new Uint8Array(PATTERNS);
    for (let p = 0; p < PATTERNS; p++) g[p] = passesGates(levelsOfPattern(p), profile) ? 1 : 0;
    gateCache.set(profile, g);
  }
  return g;
}

/**
 * The weights for a batch. EM keeps u (from the random pairs) and re-estimates m and the prior
 * from the candidate pairs the gates let through: a pair the gates stop is two people whatever
 * the weights, and counting it would teach m what households and namesakes look like.
 */
export function estimateWeights(input: WeightsInput, profile: MatchProfile): MatchWeights {
  const gated = gatedPatterns(profile);
  const present: number[] = [];
  let candidatePairs = 0;
  for (let p = 0; p < PATTERNS; p++) {
    const c = input.candidates[p] as number;
    if (c > 0 && gated[p] === 1) present.push(p);
    candidatePairs += c;
  }
  const randomPatterns: number[] = [];
  let randomPairs = 0;
  for (let p = 0; p < PATTERNS; p++) {
    if ((input.random[p] as number) > 0) randomPatterns.push(p);
    randomPairs += input.random[p] as number;
  }
  const u = shares(levelCounts(input.random, randomPatterns, () => 1), (k) => PRIOR[k].u, U_PRIOR_PAIRS);
  const allPairs = Math.max(1, (input.rows * (input.rows - 1)) / 2);
  // Before the data speaks: about one row in a hundred repeats a person.
  const priorMatches = Math.max(1, input.rows / 200);
  let m = shares(FIELDS.map((f) => new Float64Array(levelKinds(f).length + 1)), (k) => PRIOR[k].m, 1);
  let expected = priorMatches;
  let iterations = 0;
  let post = new Map<number, number>();
  for (; iterations < MAX_ITERATIONS; iterations++) {
    const w = weightsOf(m, u);
    const lambda = Math.min(0.5, expected / allPairs);
    const prior = Math.log2(lambda / (1 - lambda));
    post = new Map(present.map((p) => [p, 1 / (1 + 2 ** -(prior + patternBits(w, p)))]));
    let next = 0;
    for (const p of present) next += (input.candidates[p] as number) * (post.get(p) as number);
    const nextM = shares(levelCounts(input.candidates, present, (p) => post.get(p) as number), (k) => PRIOR[k].m, M_PRIOR_PAIRS);
    const moved = Math.max(...nextM.flatMap((s, i) => [...s].map((v, k) => Math.abs(v - ((m[i] as Float64Array)[k] as number)))));
    m = nextM;
    // One pseudo-pair, so a batch without a likely pair still has odds to state.
    const stable = moved < 1e-6 && Math.abs(next + 1 - expected) < 1e-3;
    expected = next + 1;
    if (stable) break;
  }
  const w = weightsOf(m, u);
  const lambda = Math.min(0.5, expected / allPairs);
  const levels = {} as Record<EvidenceKind, LevelWeight>;
  FIELDS.forEach((f, i) => {
    levelKinds(f).forEach((kind, k) => {
      levels[kind] = { m: (m[i] as Float64Array)[k + 1] as number, u: (u[i] as Float64Array)[k + 1] as number, weight: (w[i] as Float64Array)[k + 1] as number };
    });
  });
  return {
    levels,
    priorBits: Math.log2(lambda / (1 - lambda)),
    expectedMatches: expected,
    candidatePatterns: present.length,
    candidatePairs,
    randomPairs,
    iterations,
  };
}

/** Our priors alone (a batch with nothing to estimate from). */
export function priorWeights(rows: number, profile: MatchProfile): MatchWeights {
  return estimateWeights({ candidates: emptyPatternCounts(), random: emptyPatternCounts(), rows }, profile);
}

/** A pair's score (log2 odds of one person) from its pattern, as a table over every pattern. */
export function scoreTable(weights: MatchWeights): Float64Array {
  const table = new Float64Array(PATTERNS);
  const w = FIELDS.map((f) => Float64Array.from([0, ...levelKinds(f).map((k) => weights.levels[k].weight)]));
  for (let p = 0; p < PATTERNS; p++) table[p] = weights.priorBits + patternBits(w, p);
  return table;
}

/** A pair compared and scored under a batch's weights: one person when the gates pass and the odds are for it. */
export function scorePair(a: MatchRecord, b: MatchRecord, profile: MatchProfile, weights: MatchWeights): PairScore {
  const c = comparePair(a, b, profile);
  let bits = weights.priorBits;
  for (const e of c.evidence) bits += weights.levels[e.kind].weight;
  const score = Math.round(bits * 100) / 100;
  return { score, evidence: c.evidence, match: c.gates && score > 0 };
}
