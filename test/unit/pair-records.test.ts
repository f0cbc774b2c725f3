/**
 * The records scoring reads for rows in candidate pairs: names and addresses copied in as the
 * scratch line's bytes come back as the tokens they were, multi-byte text included, past the
 * first allocation (the names are long enough to make it grow); rows in no pair have no record.
 */
import { describe, expect, it } from 'vitest';
import { MAX_ROWS } from '../../src/engine/candidates.js';
import { MatchKeyStore } from '../../src/engine/match-keys.js';
import { PairRecords } from '../../src/engine/pair-records.js';
import { RowIndex } from '../../src/engine/row-index.js';

describe('PairRecords', () => {
  it('gives back each paired row with the name and address copied in as bytes', () => {
    const rows = 6000;
    const keys = new MatchKeyStore(rows);
    const index = new RowIndex(rows);
    for (let ord = 0; ord < rows; ord++) {
      index.add(ord < 3000 ? 0 : 1, ord + 2);
      keys.add(ord, {
        ref: { file: 0, line: 0 }, id: String(3275010101900000 + ord), kk: '', name: [], display: '', birth: null,
        phone: '', address: [], area: '', valid: ord % 5 !== 0,
      });
    }
    // Every even row pairs with the next odd one; rows from 4000 on are in no pair.
    const pairs = new Float64Array(Array.from({ length: 2000 }, (_, i) => 2 * i * MAX_ROWS + 2 * i + 1));
    const records = PairRecords.forPairs(rows, pairs, keys, index);
    const nameOf = (ord: number) => (ord % 3 === 0 ? `MA\u2019RUF ${'É'.repeat(60 + (ord % 40))} \u{1F600}` : `SITI AMINAH ${ord}`);
    for (let ord = 0; ord < rows; ord++) {
      if (!records.wants(ord)) continue;
      const line = Buffer.from(`${ord}\tX\t1\t7\t${nameOf(ord)}\tJL MERPATI ${ord} RT${ord % 9}\tNAMA`, 'utf8');
      const tabs = [...line.keys()].filter((i) => line[i] === 9);
      records.setBytes(ord, line, (tabs[3] as number) + 1, tabs[5] as number);
    }
    expect(records.wants(3999)).toBe(true);
    expect(records.wants(4000)).toBe(false);
    expect(records.recordOf(4000)).toBeUndefined();
    for (const ord of [0, 1, 2, 3, 1234, 2999, 3000, 3999]) {
      expect(records.recordOf(ord), String(ord)).toMatchObject({
        ref: { file: ord < 3000 ? 0 : 1, line: ord + 2 },
        id: String(3275010101900000 + ord),
        name: nameOf(ord).split(' '),
        address: ['JL', 'MERPATI', String(ord), `RT${ord % 9}`],
        valid: ord % 5 !== 0,
      });
    }
    // The same records read over the shared arrays, as the scoring worker reads them.
    const there = PairRecords.fromArrays(records.arrays());
    expect(there.recordOf(3999)).toEqual(records.recordOf(3999));
  });
});
