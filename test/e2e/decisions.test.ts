/**
 * The review round trip, as an analyst does it: run, fill the decision column of review.csv,
 * run again with --decisions, and see the dispositions change.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { readSummary } from '../helpers/summary-schema.js';
import { DEMO } from '../helpers/paths.js';

const tmp = mkdtempSync(join(tmpdir(), 'umkm-decisions-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const inputs = ['kec-pondokgede.csv', 'kec-bekasi-barat.csv', 'kec-jatiasih.txt'].map((f) => join(DEMO, f));
const run = (out: string, extra: string[] = []) =>
  runCli(['clean', ...inputs, '--region', '32.75', '--as-of', '2021-05-20', '--out', out, '--quiet', ...extra]);

type Row = Record<string, string>;
const read = (file: string) => parse(readFileSync(file, 'utf8'), { columns: true }) as Row[];
const audit = (out: string, file: string, line: string) =>
  read(join(out, 'audit.csv')).find((r) => r.source_file === file && r.source_line === line);

/** Fills decision for the POSSIBLE_DUPLICATE row held at bekasi-barat line 10, like a spreadsheet edit. */
function decide(out: string, decision: string): string {
  const rows = read(join(out, 'review.csv'));
  const held = rows.find((r) => r.source_file === 'kec-bekasi-barat.csv' && r.source_line === '10');
  expect(held).toMatchObject({ reason_codes: 'POSSIBLE_DUPLICATE', match_with: 'kec-pondokgede.csv:5', match_nik: '3275084507850001', decision: '' });
  (held as Row).decision = decision;
  const file = join(tmp, `review-${decision}.csv`);
  writeFileSync(file, stringify(rows, { header: true }));
  return file;
}

describe('review round trip', () => {
  const first = join(tmp, 'first');

  it('first run holds the later row of a probable pair and passes the earlier', () => {
    expect(run(first).code).toBe(0);
    expect(audit(first, 'kec-bekasi-barat.csv', '10')).toMatchObject({ disposition: 'review', reason_codes: 'POSSIBLE_DUPLICATE' });
    expect(audit(first, 'kec-pondokgede.csv', '5')).toMatchObject({ disposition: 'accepted' });
  });

  it('SAMA rejects the held row as a duplicate of the other', () => {
    const out = join(tmp, 'sama');
    expect(run(out, ['--decisions', decide(first, 'SAMA')]).code).toBe(0);
    expect(audit(out, 'kec-bekasi-barat.csv', '10')).toMatchObject({
      disposition: 'rejected',
      reason_codes: 'DUPLICATE_CONFIRMED',
      duplicate_of: 'kec-pondokgede.csv:5',
    });
    expect(audit(out, 'kec-pondokgede.csv', '5')).toMatchObject({ disposition: 'accepted' });
    const summary = readSummary(out);
    expect(summary.lists.decisions).toEqual([{ file: 'review-SAMA.csv', sama: 1, beda: 0, notices: [] }]);
  });

  it('BEDA accepts both and does not ask again, even when the rows move', () => {
    const decisions = decide(first, 'BEDA');
    const out = join(tmp, 'beda');
    expect(run(out, ['--decisions', decisions]).code).toBe(0);
    expect(audit(out, 'kec-bekasi-barat.csv', '10')).toMatchObject({ disposition: 'accepted', reason_codes: '' });
    expect(audit(out, 'kec-pondokgede.csv', '5')).toMatchObject({ disposition: 'accepted' });
    // Re-exported in another order: the decision is keyed by the NIK pair, not by file and line.
    const reordered = runCli([
      'clean', inputs[2] as string, inputs[1] as string, inputs[0] as string,
      '--as-of', '2021-05-20', '--out', join(tmp, 'beda-reordered'), '--quiet', '--decisions', decisions,
    ]);
    expect(reordered.code).toBe(0);
    const review = read(join(tmp, 'beda-reordered', 'review.csv'));
    expect(review.filter((r) => (r.reason_codes ?? '').includes('POSSIBLE_DUPLICATE') && r.match_nik === '3275084507850001')).toEqual([]);
    expect(review.filter((r) => r.NIK === '3275084507850001' || r['No. KTP'] === '3275084507850010')).toEqual([]);
  });

  it('a file without a decision column is refused with exit 3', () => {
    const run2 = run(join(tmp, 'bad'), ['--decisions', join(DEMO, 'pengecualian-asn.csv')]);
    expect(run2.code).toBe(3);
    expect(run2.stderr).toContain('tidak ada kolom match_nik dan decision');
  });
});
