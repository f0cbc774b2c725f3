/** review.html's model from outcomes: pairs beside their other row, conflicts as groups, earlier decisions as decided. */
import { describe, expect, it } from 'vitest';
import type { DecisionEntry } from '../../src/io/read-decisions.js';
import { pairKey } from '../../src/match/pair-key.js';
import type { RowOutcome } from '../../src/outcome/row-outcome.js';
import { MAX_REVIEW_ITEMS, ReviewPageCollector } from '../../src/report/review-page-model.js';
import type { RatedFinding } from '../../src/rules/types.js';
import type { Field } from '../../src/schema/fields.js';
import { BASE, row } from '../helpers/rows.js';

const META = { manifestId: 'run-1', generatedAt: '2021-05-20T01:00:00.000Z', inputs: ['kec-a.csv'] };

function outcome(line: number, values: Partial<Record<Field, string>>, over: Partial<RowOutcome> = {}): RowOutcome {
  return {
    fileIndex: 0,
    sourceFile: 'kec-a.csv',
    sourceLine: line,
    cells: [],
    row: row({ ...BASE, kecamatan: 'JATIASIH', ...values }),
    findings: [],
    disposition: 'accepted',
    duplicateOf: '',
    matchWith: '',
    matchScore: '',
    matchNik: '',
    matchEvidence: [],
    matchPartner: false,
    place: null,
    ...over,
  };
}

const finding = (code: RatedFinding['code'], severity: RatedFinding['severity'], params: RatedFinding['params'] = {}): RatedFinding => ({ code, severity, params });

describe('review page model', () => {
  it('puts a probable duplicate beside the row it points at, even one that comes later', () => {
    const c = new ReviewPageCollector(new Map());
    const held = outcome(3, { nik: '3275010101900002', nama: 'SITI AMINA' }, {
      disposition: 'review',
      findings: [finding('POSSIBLE_DUPLICATE', 'review', { why: 'NIK beda 1 digit (posisi 16); nama mirip (0,97)' })],
      matchWith: 'kec-a.csv:9',
      matchScore: '0.97',
      matchNik: '3275010101900001',
      matchEvidence: ['idOneDigit', 'nameSimilar'],
    });
    c.add(held);
    c.add(outcome(9, { nik: '3275010101900001', nama: 'SITI AMINAH', no_hp: '+62 812-3456-7801' }, { matchPartner: true }));
    c.add(outcome(10, { nik: '3275010101900009' }));
    const m = c.model(META);
    expect(m.fields).toContain('NAMA');
    expect(m.omitted).toBe(0);
    expect(m.items).toHaveLength(1);
    const item = m.items[0];
    expect(item).toMatchObject({
      id: 'kec-a.csv:3',
      code: 'POSSIBLE_DUPLICATE',
      kecamatan: 'JATIASIH',
      score: '0.97',
      evidence: 'NIK beda 1 digit (posisi 16); nama mirip (0,97)',
      evidenceKinds: ['idOneDigit', 'nameSimilar'],
      nik: '3275010101900002',
      matchNik: '3275010101900001',
    });
    expect(item?.held.values.NAMA).toBe('SITI AMINA');
    expect(item?.others).toEqual([{ ref: 'kec-a.csv:9', values: expect.objectContaining({ NIK: '3275010101900001', NAMA: 'SITI AMINAH', NO_HP: '081234567801' }) }]);
  });

  it('shows the rows of a NIK carried by different people as one group', () => {
    const c = new ReviewPageCollector(new Map());
    const conflict = (line: number, nama: string, other: string) =>
      outcome(line, { nik: '3275010101900001', nama }, { disposition: 'review', findings: [finding('NIK_CONFLICT', 'review', { other, name: '' })], matchScore: '0.41', matchNik: '3275010101900001' });
    c.add(conflict(2, 'SITI AMINAH', 'kec-a.csv:5'));
    c.add(conflict(5, 'BUDI SANTOSO', 'kec-a.csv:2'));
    c.add(conflict(7, 'AGUS', 'kec-a.csv:2'));
    const [item] = c.model(META).items;
    expect(item?.code).toBe('NIK_CONFLICT');
    expect(item?.held.ref).toBe('kec-a.csv:2');
    expect(item?.others.map((o) => o.values.NAMA)).toEqual(['BUDI SANTOSO', 'AGUS']);
    expect([item?.nik, item?.matchNik]).toEqual(['3275010101900001', '3275010101900001']);
  });

  it('shows pairs an analyst already decided as decided: SAMA from the confirmed row, BEDA from both NIKs', () => {
    const decisions = new Map<string, DecisionEntry>([
      [pairKey('3275010101900001', '3275010101900002'), { decision: 'SAMA', list: 'keputusan.csv' }],
      [pairKey('3275010101900003', '3275010101900004'), { decision: 'BEDA', list: 'keputusan.csv' }],
    ]);
    const c = new ReviewPageCollector(decisions);
    c.add(outcome(2, { nik: '3275010101900001', nama: 'SITI AMINAH' }));
    c.add(outcome(3, { nik: '3275010101900004', nama: 'AGUS' }));
    c.add(
      outcome(4, { nik: '3275010101900002', nama: 'SITI AMINAH' }, {
        disposition: 'rejected',
        findings: [finding('DUPLICATE_CONFIRMED', 'reject', { other: 'kec-a.csv:2', otherNik: '3275010101900001', list: 'keputusan.csv' })],
        duplicateOf: 'kec-a.csv:2',
      }),
    );
    c.add(outcome(6, { nik: '3275010101900003', nama: 'AGUS SALIM' }));
    const items = c.model(META).items;
    expect(items.map((i) => [i.id, i.decision, i.nik, i.matchNik, i.others[0]?.ref])).toEqual([
      ['kec-a.csv:4', 'SAMA', '3275010101900002', '3275010101900001', 'kec-a.csv:2'],
      ['kec-a.csv:6', 'BEDA', '3275010101900003', '3275010101900004', 'kec-a.csv:3'],
    ]);
  });

  it('holds at most MAX_REVIEW_ITEMS items and counts the rest', () => {
    const c = new ReviewPageCollector(new Map());
    for (let i = 0; i < MAX_REVIEW_ITEMS + 3; i++) {
      c.add(
        outcome(i + 2, { nik: String(3275010101900000 + i) }, {
          disposition: 'review',
          findings: [finding('POSSIBLE_DUPLICATE', 'review', { why: 'x' })],
          matchWith: 'kec-a.csv:1',
        }),
      );
    }
    const m = c.model(META);
    expect(m.items).toHaveLength(MAX_REVIEW_ITEMS);
    expect(m.omitted).toBe(3);
  });
});
