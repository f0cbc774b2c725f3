/**
 * The tokenizer's bounds hold exactly, wherever the text is cut into pieces: a cell at the bound
 * is read, one character more is refused with the line the cell starts on; likewise cells per
 * record and characters per record. Small bounds at many piece sizes, then the real cell bound once.
 */
import { describe, expect, it } from 'vitest';
import { CsvLimitError, type CsvLimits, CsvTokenizer, MAX_CSV_CELLS, MAX_CSV_FIELD_CHARS, tokenizeCsv } from '../../src/io/csv-tokenizer.js';

/** Tokenizes text fed in pieces of the given size; returns the records or the limit error. */
function feed(text: string, piece: number, limits?: CsvLimits): { records: number; error: CsvLimitError | null } {
  const t = new CsvTokenizer(',', limits);
  let records = 0;
  try {
    for (let at = 0; at < text.length; at += piece) records += t.push(text.slice(at, at + piece)).length;
    records += t.end().length;
    return { records, error: null };
  } catch (err) {
    if (err instanceof CsvLimitError) return { records, error: err };
    throw err;
  }
}

const head = 'NIK,NAMA\r\n1,A\r\n';
const small: CsvLimits = { field: 1_000, record: 3_000, cells: 50 };

describe('CSV limits', () => {
  for (const piece of [1, 7, 999, 1_000, 1_001, 4_096, 100_000]) {
    it(`a cell at the bound is read, one character more is refused (pieces of ${piece})`, () => {
      expect(feed(`${head}2,${'x'.repeat(1_000)}\r\n3,B\r\n`, piece, small)).toEqual({ records: 4, error: null });
      expect(feed(`${head}2,${'x'.repeat(1_001)}\r\n3,B\r\n`, piece, small).error).toMatchObject({ kind: 'field', line: 3, limit: 1_000 });
      // Doubled quotes count once; a quoted cell names the line its quote opened on.
      expect(feed(`${head}2,"${'""'.repeat(1_000)}"\r\n`, piece, small)).toEqual({ records: 3, error: null });
      expect(feed(`${head}2,"a\nb\n${'x'.repeat(1_000)}"\r\n`, piece, small).error).toMatchObject({ kind: 'field', line: 3 });
    });

    it(`cells per record and characters per record (pieces of ${piece})`, () => {
      expect(feed(`${head}${'x,'.repeat(49)}x\r\n`, piece, small)).toEqual({ records: 3, error: null });
      expect(feed(`${head}${'x,'.repeat(50)}x\r\n`, piece, small).error).toMatchObject({ kind: 'cells', line: 3, limit: 50 });
      const cell = 'y'.repeat(1_000);
      // Three full cells and their two commas: 3,002 characters, two past the record bound.
      expect(feed(`${head}${cell},${cell},${cell}\r\n`, piece, small).error).toMatchObject({ kind: 'record', line: 3, limit: 3_000 });
      expect(feed(`${head}${cell},${cell},${cell.slice(2)}\r\n`, piece, small)).toEqual({ records: 3, error: null });
    });
  }

  it(`the real bounds: a cell of ${MAX_CSV_FIELD_CHARS.toLocaleString('en')} characters is read, one more is refused; ${MAX_CSV_CELLS.toLocaleString('en')} cells`, () => {
    const at = 'x'.repeat(MAX_CSV_FIELD_CHARS);
    expect(feed(`${head}2,${at}\r\n3,B\r\n`, 16 * 1024)).toEqual({ records: 4, error: null });
    expect(feed(`${head}2,${at}x\r\n3,B\r\n`, 16 * 1024).error).toMatchObject({ kind: 'field', line: 3, limit: MAX_CSV_FIELD_CHARS });
    expect(feed(`${head}${'x,'.repeat(MAX_CSV_CELLS - 1)}x\r\n`, 16 * 1024)).toEqual({ records: 3, error: null });
    expect(feed(`${head}${'x,'.repeat(MAX_CSV_CELLS)}x\r\n`, 16 * 1024).error).toMatchObject({ kind: 'cells', line: 3, limit: MAX_CSV_CELLS });
  }, 60_000);

  it('hold for a whole text tokenized at once (the sniffer)', () => {
    expect(() => tokenizeCsv(`${head}${'x,'.repeat(MAX_CSV_CELLS)}x\r\n`, ',')).toThrow(CsvLimitError);
    expect(tokenizeCsv(`${head}2,${'x'.repeat(200_000)}\r\n`, ',')[2]?.cells[1]).toHaveLength(200_000);
  });
});
