/**
 * Our CSV record writer against the reference (csv-stringify, CRLF records, every line break in a
 * cell quoted): the same text for any cells, quotes, commas, line breaks and any Unicode included.
 * csv-stringify's default with a record_delimiter quotes only CRLF, so an Alt+Enter cell (a lone LF)
 * went out unquoted and broke the row: the reference here sets quote_record_delimiter.
 */
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvDialect, csvLine, excelCsvLine } from '../../src/io/csv-line.js';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 60) * 20;

const cell = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: fc.constantFrom('a', ',', '"', '\r', '\n', ' ', ';', '\t', "'", '='), maxLength: 12 }),
  fc.constantFrom('', '"', '""', ',', '\r\n', '\n', 'JL. "MAWAR" 5, RT 01', 'KP. DUKUH\r\nRT 01', 'KP. DUKUH\nRT 01', "'=1+1"),
);

describe('csvLine', () => {
  it('writes what csv-stringify writes', () => {
    fc.assert(
      fc.property(fc.array(cell, { minLength: 1, maxLength: 12 }), (cells) => {
        expect(csvLine(cells)).toBe(stringify([cells], { record_delimiter: '\r\n', quote_record_delimiter: true }));
      }),
      { numRuns: RUNS },
    );
  });

  it('quotes commas, quotes and every kind of line break', () => {
    expect(csvLine(['3275014101900002', 'SITI, S.PD', 'JL. "MAWAR"', 'A\r\nB', 'KP. DUKUH\nRT 01', ''])).toBe(
      '3275014101900002,"SITI, S.PD","JL. ""MAWAR""","A\r\nB","KP. DUKUH\nRT 01",\r\n',
    );
  });
});

describe('excelCsvLine (--csv excel)', () => {
  it('writes what csv-stringify writes with ";", quoting a comma too', () => {
    fc.assert(
      fc.property(fc.array(cell, { minLength: 1, maxLength: 12 }), (cells) => {
        const reference = stringify([cells], { delimiter: ';', record_delimiter: '\r\n', quote_record_delimiter: true, quoted_match: ',' });
        expect(excelCsvLine(cells)).toBe(reference);
      }),
      { numRuns: RUNS },
    );
  });

  it('is taken by rejected, review and audit, never by submission.csv or a non-CSV output', () => {
    for (const name of ['rejected.csv', 'review.csv', 'audit.csv']) expect(csvDialect(name, 'excel')).toMatchObject({ line: excelCsvLine, bom: '\ufeff' });
    for (const name of ['submission.csv', 'summary.json', 'report.html']) expect(csvDialect(name, 'excel')).toMatchObject({ line: csvLine, bom: '' });
    expect(csvDialect('rejected.csv', 'plain')).toMatchObject({ line: csvLine, bom: '' });
    expect(excelCsvLine(['3275014101900002', 'SITI, S.PD', 'A;B', "'=1+1"])).toBe('3275014101900002;"SITI, S.PD";"A;B";\'=1+1\r\n');
  });
});
