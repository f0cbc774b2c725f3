/** The cross-row rules together: their order, their severities and the links a row's outcome carries. */
import { describe, expect, it } from 'vitest';
import { CROSS_ROW_RULES, crossRowOutcome } from '../../../src/outcome/cross-row/index.js';
import { decideDisposition } from '../../../src/outcome/disposition.js';
import { BATCH_CODES } from '../../../src/schema/codes.js';
import { CTX, facts, POSSIBLE } from '../../helpers/cross-row.js';

describe('cross-row outcome', () => {
  it('covers exactly the batch codes, one rule file each', () => {
    expect(CROSS_ROW_RULES.flatMap((r) => r.codes).sort()).toEqual([...BATCH_CODES].sort());
  });

  it('rejects a copy of a NIK and links it to the kept copy', () => {
    const o = crossRowOutcome(facts({ verdict: { kind: 'duplicate', keeper: { file: 0, line: 3 } } }), CTX);
    expect(o.findings.map((f) => [f.code, f.severity])).toEqual([['DUPLICATE_NIK', 'reject']]);
    expect(decideDisposition(o.findings)).toBe('rejected');
    expect([o.duplicateOf, o.matchWith, o.matchScore, o.matchNik]).toEqual(['kec-a.csv:3', '', '', '']);
  });

  it('holds a conflict for review with the other row, the names score and its own NIK', () => {
    const verdict = { kind: 'conflict', other: { file: 1, line: 2 }, otherName: 'BUDI', score: 0.456 } as const;
    const o = crossRowOutcome(facts({ verdict }), CTX);
    expect(o.findings.map((f) => [f.code, f.severity])).toEqual([['NIK_CONFLICT', 'review']]);
    expect(decideDisposition(o.findings)).toBe('review');
    expect([o.duplicateOf, o.matchWith, o.matchScore, o.matchNik]).toEqual(['', 'kec-b.csv:2', '0.46', '3275010101900001']);
  });

  it('holds a possible duplicate with the other row, a 0..1 score and the other NIK', () => {
    const o = crossRowOutcome(facts({ possible: POSSIBLE }), CTX);
    expect(o.findings.map((f) => [f.code, f.severity])).toEqual([['POSSIBLE_DUPLICATE', 'review']]);
    expect([o.duplicateOf, o.matchWith, o.matchScore, o.matchNik]).toEqual(['', 'kec-b.csv:7', '0.94', '3275010101900002']);
    expect(o.matchEvidence).toEqual(['idOneDigit', 'nameSame', 'birthSame']);
  });

  it('lets an analyst decision replace the possible duplicate: rejected, linked to the confirmed row', () => {
    const confirmed = { other: { file: 0, line: 4 }, otherNik: '3275010101900002', list: 'review.csv' };
    const o = crossRowOutcome(facts({ possible: POSSIBLE, confirmed }), CTX);
    expect(o.findings.map((f) => f.code)).toEqual(['DUPLICATE_CONFIRMED']);
    expect(decideDisposition(o.findings)).toBe('rejected');
    expect([o.duplicateOf, o.matchWith, o.matchScore, o.matchNik]).toEqual(['kec-a.csv:4', '', '', '']);
  });

  it('gives the kept copy and a NIK carried once nothing', () => {
    expect(crossRowOutcome(facts({ verdict: { kind: 'keeper' } }), CTX).findings).toEqual([]);
    expect(crossRowOutcome(facts(), CTX)).toEqual({ findings: [], duplicateOf: '', matchWith: '', matchScore: '', matchNik: '', matchEvidence: [] });
  });
});
