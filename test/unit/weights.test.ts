/**
 * The weights a batch estimates (match/weights.ts): u from random pairs, m by EM over the gated
 * candidate pairs, our figures as priors a small batch leans on and a large one outweighs.
 */
import { describe, expect, it } from 'vitest';
import { NIK_PROFILE } from '../../src/match/compare.js';
import { type Levels, patternOf } from '../../src/match/evidence.js';
import { CAP, emptyPatternCounts, estimateWeights, priorWeights, scoreTable } from '../../src/match/weights.js';

const counts = (entries: [Levels, number][]) => {
  const c = emptyPatternCounts();
  for (const [levels, n] of entries) c[patternOf(levels)] = (c[patternOf(levels)] as number) + n;
  return c;
};
const TYPO: Levels = { id: 'idOneDigit', name: 'nameSame', birth: 'birthSame', phone: 'phoneSame', address: 'addressSame', area: 'areaSame' };
const HOUSEHOLD: Levels = { id: 'idFar', name: 'nameDifferent', birth: 'birthDifferent', phone: 'phoneSame', address: 'addressSame', area: 'areaSame' };
const RANDOM: Levels = { id: 'idFar', name: 'nameDifferent', birth: 'birthDifferent', phone: 'phoneDifferent', address: 'addressDifferent', area: 'areaDifferent' };

describe('estimateWeights', () => {
  it('takes u from the random pairs and keeps every weight within the cap', () => {
    const w = estimateWeights({ candidates: counts([[TYPO, 10]]), random: counts([[RANDOM, 9_990], [{ ...RANDOM, area: 'areaSame' }, 10_000]]), rows: 100_000 }, NIK_PROFILE);
    // Half the random pairs share a kelurahan here: agreement on it says little.
    expect(w.levels.areaSame.u).toBeGreaterThan(0.45);
    expect(w.levels.areaSame.weight).toBeLessThan(1);
    for (const l of Object.values(w.levels)) expect(Math.abs(l.weight)).toBeLessThanOrEqual(CAP);
    expect(w.randomPairs).toBe(19_990);
  });

  it('learns m from the pairs the gates let through, and not from households', () => {
    const priors = priorWeights(100_000, NIK_PROFILE);
    // Many one-digit typos whose phones differ: m(phoneDifferent) among one person's pairs rises.
    const phoneless = { ...TYPO, phone: 'phoneDifferent' } as Levels;
    const w = estimateWeights({ candidates: counts([[phoneless, 5_000], [HOUSEHOLD, 50_000]]), random: counts([[RANDOM, 10_000]]), rows: 100_000 }, NIK_PROFILE);
    expect(w.levels.phoneDifferent.m).toBeGreaterThan(priors.levels.phoneDifferent.m);
    expect(w.levels.phoneDifferent.weight).toBeGreaterThan(priors.levels.phoneDifferent.weight);
    // The households fail the gates (another name): they teach m nothing about differing names.
    expect(w.levels.nameDifferent.m).toBeLessThanOrEqual(priors.levels.nameDifferent.m);
    expect(w.expectedMatches).toBeGreaterThan(4_900);
    expect(w.expectedMatches).toBeLessThan(5_100);
  });

  it('leans on the priors in a small batch', () => {
    const w = estimateWeights({ candidates: counts([[TYPO, 2]]), random: counts([[RANDOM, 3]]), rows: 40 }, NIK_PROFILE);
    const p = priorWeights(40, NIK_PROFILE);
    expect(w.levels.nameSame.m).toBeCloseTo(p.levels.nameSame.m, 1);
    expect(w.levels.birthSame.u).toBeCloseTo(p.levels.birthSame.u, 3);
  });

  it('scores a pattern as the prior plus its levels, stricter in a larger batch', () => {
    const small = priorWeights(1_000, NIK_PROFILE);
    const large = priorWeights(10_000_000, NIK_PROFILE);
    const p = patternOf(TYPO);
    const bits = (w: typeof small) => w.priorBits + Object.values(TYPO).reduce((s, k) => s + w.levels[k as keyof typeof w.levels].weight, 0);
    expect(scoreTable(small)[p]).toBeCloseTo(bits(small), 6);
    expect(scoreTable(large)[p]).toBeLessThan(scoreTable(small)[p] as number);
    expect(scoreTable(large)[p]).toBeGreaterThan(0);
  });
});
