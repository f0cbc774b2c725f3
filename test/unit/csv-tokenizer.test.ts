import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvTokenizer, tokenizeCsv, UnclosedQuoteError } from '../../src/io/csv-tokenizer.js';

const cells = (text: string, d = ',') => tokenizeCsv(text, d).map((r) => r.cells);
const lines = (text: string, d = ',') => tokenizeCsv(text, d).map((r) => r.line);

describe('CsvTokenizer', () => {
  it('splits simple records and keeps every cell a string', () => {
    expect(cells('a,b\n1,0812\n')).toEqual([['a', 'b'], ['1', '0812']]);
  });

  it('reads a last record without a line break', () => {
    expect(cells('a,b\n1,2')).toEqual([['a', 'b'], ['1', '2']]);
  });

  it('treats CR, LF and CRLF each as one line break, mixed in one file', () => {
    expect(cells('a\r\nb\nc\rd')).toEqual([['a'], ['b'], ['c'], ['d']]);
    expect(lines('a\r\nb\nc\rd')).toEqual([1, 2, 3, 4]);
  });

  it('gives the physical line where a record with a quoted line break starts', () => {
    const text = 'h1,h2\r\n1,"KP. DUKUH\r\nRT 01"\r\n2,x\r\n';
    expect(tokenizeCsv(text, ',')).toEqual([
      { line: 1, cells: ['h1', 'h2'] },
      { line: 2, cells: ['1', 'KP. DUKUH\r\nRT 01'] },
      { line: 4, cells: ['2', 'x'] },
    ]);
  });

  it('keeps blank lines as records of one empty cell so callers can count them', () => {
    expect(tokenizeCsv('a\n\nb\n', ',')).toEqual([
      { line: 1, cells: ['a'] },
      { line: 2, cells: [''] },
      { line: 3, cells: ['b'] },
    ]);
  });

  it('unescapes doubled quotes and keeps delimiters inside quotes', () => {
    expect(cells('"say ""hi""","a,b",""\n')).toEqual([['say "hi"', 'a,b', '']]);
  });

  it('keeps text after a closing quote, as spreadsheets do', () => {
    expect(cells('"abc"def,x\n')).toEqual([['abcdef', 'x']]);
  });

  it('keeps a quote inside an unquoted cell as text', () => {
    expect(cells("MA'RUF,5\" PIPE\n")).toEqual([["MA'RUF", '5" PIPE']]);
  });

  it('reads ragged rows as they are', () => {
    expect(cells('a,b,c\n1\n1,2,3,4\n')).toEqual([['a', 'b', 'c'], ['1'], ['1', '2', '3', '4']]);
  });

  it('honours other delimiters', () => {
    expect(cells('a;b\t|c\n', ';')).toEqual([['a', 'b\t|c']]);
    expect(cells('a\tb\n', '\t')).toEqual([['a', 'b']]);
  });

  it('gives the same records whatever the chunk boundaries', () => {
    const text = 'NIK;NAMA\r\n"3275;01"  ;"X\r\nY ""Z""" \r\n\r\nlast;row';
    const whole = tokenizeCsv(text, ';');
    for (let size = 1; size <= 7; size++) {
      const t = new CsvTokenizer(';');
      const got = [];
      for (let i = 0; i < text.length; i += size) got.push(...t.push(text.slice(i, i + size)));
      got.push(...t.end());
      expect(got, `chunk size ${size}`).toEqual(whole);
    }
  });

  it('reads a line in one split exactly as character by character, whatever the text', () => {
    // Fed one character at a time no whole line is ever in a chunk, so the split never runs:
    // that is the character loop alone, the reference here.
    const pieces = ['a', 'b', ' ', ',', ';', '"', '""', '\r', '\n', '\r\n', '\t', '\u00a0', 'x"y', '\r\r'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), fc.integer({ min: 2, max: 9 }), (parts, size) => {
        const text = parts.join('');
        const feed = (step: number) => {
          const t = new CsvTokenizer(',');
          const got = [];
          for (let i = 0; i < text.length; i += step) got.push(...t.push(text.slice(i, i + step)));
          try {
            got.push(...t.end());
          } catch (e) {
            return String(e);
          }
          return got;
        };
        const reference = feed(1);
        expect(feed(text.length || 1)).toEqual(reference);
        expect(feed(size)).toEqual(reference);
      }),
      { numRuns: 3000 },
    );
  });

  it('throws with the opening line when a quote is never closed', () => {
    const t = new CsvTokenizer(',');
    t.push('a,b\n1,"never closed\n2,3\n');
    expect(() => t.end()).toThrow(UnclosedQuoteError);
    try {
      t.end();
    } catch (e) {
      expect((e as UnclosedQuoteError).line).toBe(2);
    }
  });
});

describe('spaces after a closing quote', () => {
  it('drops them before a delimiter or line break, keeps them before text', () => {
    expect(cells('"A"  ,"B" \n"C" D\n')).toEqual([['A', 'B'], ['C D']]);
  });
});
