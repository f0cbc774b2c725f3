/**
 * Conformance of our tokenizer on corpora nobody here wrote (../shared/corpora): csv-spectrum's
 * expected JSON, PapaParse's input->output vectors, and csv-parse (the reference reader) as an
 * oracle on every single-line-ending file of the dialect suites. Skipped when ../shared is missing
 * (failing under CI); test/pipeline/read-dialects.test.ts checks the same behaviours on our own files.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { expect, it } from 'vitest';
import { tokenizeCsv } from '../../src/io/csv-tokenizer.js';
import { corporaTable, corpus, describeCorpora } from '../helpers/corpora.js';

describeCorpora('csv-spectrum', () => {
  const dir = corpus('csv-spectrum');
  const names = corporaTable('csv-spectrum', () => readdirSync(join(dir, 'csvs')).filter((f) => f.endsWith('.csv')));
  it('has its cases', () => expect(names.length).toBeGreaterThanOrEqual(12));
  for (const name of names) {
    it(name, () => {
      const text = readFileSync(join(dir, 'csvs', name), 'utf8');
      const json = JSON.parse(readFileSync(join(dir, 'json', name.replace(/\.csv$/, '.json')), 'utf8')) as unknown;
      const expected = (Array.isArray(json) ? json : [json]) as Record<string, string>[];
      const [header, ...rows] = tokenizeCsv(text, ',').map((r) => r.cells);
      const got = rows.map((cells) => Object.fromEntries((header ?? []).map((h, i) => [h, cells[i] ?? ''])));
      if (name === 'location_coordinates.csv') {
        // Upstream's JSON gives another phone number than its own CSV holds; every other cell must match.
        expect(got[0]?.['Contact Phone Number']).toBe('2095257564');
        (got[0] as Record<string, string>)['Contact Phone Number'] = expected[0]?.['Contact Phone Number'] ?? '';
      }
      expect(got).toEqual(expected);
    });
  }
});

interface Vector {
  suite: string;
  description: string;
  input: string;
  config: Record<string, unknown>;
  expected: { data: string[][]; errors: unknown[]; meta?: { delimiter?: string } };
}

describeCorpora('PapaParse vectors (RFC 4180 cases: no options but the delimiter, no errors expected)', () => {
  const vectors = corporaTable(
    'PapaParse vectors',
    () => JSON.parse(readFileSync(corpus('papaparse', 'papaparse-test-vectors.json'), 'utf8')) as Vector[],
  );
  // Left out, on purpose: vectors about Papa's delimiter guessing (our sniffer looks for the header
  // instead) and "Mixed slash n and slash r" (Papa keeps a lone CR inside a cell when the file
  // began with LF; we end the record on every line break, since merged kecamatan files mix them).
  const fit = vectors.filter((v) => {
    const keys = Object.keys(v.config);
    const delimiter = v.config.delimiter;
    return (
      v.expected.errors.length === 0 &&
      !/guess/i.test(v.description) &&
      !/Mixed slash n and slash r/.test(v.description) &&
      (keys.length === 0 || (keys.length === 1 && typeof delimiter === 'string' && /^[^\r\n"]$/.test(delimiter)))
    );
  });
  it('has enough vectors to matter', () => expect(fit.length).toBeGreaterThanOrEqual(50));
  for (const v of fit) {
    it(`${v.suite}: ${v.description}`, () => {
      const delimiter = (v.config.delimiter as string | undefined) ?? v.expected.meta?.delimiter ?? ',';
      let expected = v.expected.data;
      // Papa reports a line break at the very end as one more empty row; we do not.
      const last = expected[expected.length - 1];
      if (/[\r\n]$/.test(v.input) && last?.length === 1 && last[0] === '') expected = expected.slice(0, -1);
      if (v.input === '') expected = [];
      // The BOM is the decoder's business in the reader; strip it here as the reader does.
      expect(tokenizeCsv(v.input.replace(/^\uFEFF/, ''), delimiter).map((r) => r.cells)).toEqual(expected);
    });
  }
});

describeCorpora('csv-parse as oracle on dialect files with one line-ending style', () => {
  const files = [
    ['csv-spectrum/csvs/newlines_crlf.csv', ','],
    ['csv-spectrum/csvs/quotes_and_newlines.csv', ','],
    ['univocity/correctness.csv', ','],
    ['csvkit/bad.csv', ','],
    ['csvkit/dummy.tsv', '\t'],
    ['csvkit/test_locale.csv', ','],
    ['csvkit/test_no_leading_zeroes.csv', ','],
    ['frictionless/table-delimiter.csv', ';'],
    ['frictionless/doublequote.csv', ','],
    ['frictionless/leading-zeros.csv', ','],
    ['frictionless/issue-1009-semicolon.csv', ';'],
    ['qsv/progetti_sample_10.csv', ';'],
    ['qsv/House.csv', ','],
    ['csvlint/fixtures/crlf-line-endings.csv', ','],
    ['csvlint/fixtures/lf-line-endings.csv', ','],
    ['csvlint/fixtures/cr-line-endings.csv', ','],
  ] as const;
  for (const [file, delimiter] of files) {
    it(file, () => {
      const text = readFileSync(corpus(file), 'utf8').replace(/^\uFEFF/, '');
      const oracle = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: false, relax_quotes: true }) as string[][];
      expect(tokenizeCsv(text, delimiter).map((r) => r.cells)).toEqual(oracle);
    });
  }
});
