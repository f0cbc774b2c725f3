/**
 * The tokenizer's bounds hold exactly, wherever the text is cut into pieces: a cell of exactly
 * MAX_CSV_FIELD_CHARS is read, one more character is refused with the line the cell starts on;
 * likewise cells per record and characters per record.
 */
import { describe, expect, it } from 'vitest';
import { CsvLimitError, CsvTokenizer, MAX_CSV_CELLS, MAX_CSV_FIELD_CHARS, MAX_CSV_RECORD_CHARS, tokenizeCsv } from '../../src/io/csv-tokenizer.js';

/** Tokenizes text fed in pieces of the given size; returns the records or the limit error. */
function feed(text: string, piece: number): { records: number; error: CsvLimitError | null } {
  const t = new CsvTokenizer(',');
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

describe('CSV limits', () => {
  for (const piece of [16 * 1024, 100_003, 3 * MAX_CSV_FIELD_CHARS]) {
    it(`a cell at the limit is read, one character more is refused (pieces of ${piece})`, () => {
      expect(feed(`${head}2,${'x'.repeat(MAX_CSV_FIELD_CHARS)}\r\n3,B\r\n`, piece)).toEqual({ records: 4, error: null });
      const over = feed(`${head}2,${'x'.repeat(MAX_CSV_FIELD_CHARS + 1)}\r\n3,B\r\n`, piece).error;
      expect(over).toMatchObject({ kind: 'field', line: 3, limit: MAX_CSV_FIELD_CHARS });
      // A quoted cell over the limit names the line its quote opened on, line breaks inside or not.
      const quoted = feed(`${head}2,"a\nb\n${'x'.repeat(MAX_CSV_FIELD_CHARS)}"\r\n`, piece).error;
      expect(quoted).toMatchObject({ kind: 'field', line: 3 });
    });

    it(`cells per record and characters per record (pieces of ${piece})`, () => {
      expect(feed(`${head}${'x,'.repeat(MAX_CSV_CELLS - 1)}x\r\n`, piece)).toEqual({ records: 3, error: null });
      expect(feed(`${head}${'x,'.repeat(MAX_CSV_CELLS)}x\r\n`, piece).error).toMatchObject({ kind: 'cells', line: 3, limit: MAX_CSV_CELLS });
      const cell = 'y'.repeat(MAX_CSV_FIELD_CHARS);
      const eight = Array.from({ length: 8 }, () => cell).join(',');
      // Eight full cells and their seven commas: past the record limit by 7.
      expect(feed(`${head}${eight}\r\n`, piece).error).toMatchObject({ kind: 'record', line: 3, limit: MAX_CSV_RECORD_CHARS });
      expect(feed(`${head}${eight.slice(0, MAX_CSV_RECORD_CHARS)}\r\n`, piece)).toEqual({ records: 3, error: null });
    });
  }

  it('holds for a whole text tokenized at once (the sniffer)', () => {
    expect(() => tokenizeCsv(`${head}2,${'x'.repeat(MAX_CSV_FIELD_CHARS + 1)}\r\n`, ',')).toThrow(CsvLimitError);
    expect(tokenizeCsv(`${head}2,${'x'.repeat(70_000)}\r\n`, ',')[2]?.cells[1]).toHaveLength(70_000);
  });
});
