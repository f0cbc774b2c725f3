/**
 * summary.schema.json, shipped in the package, against the summaries the built binary writes and
 * prints. runCli checks every completed clean and check of the suite (test/helpers/summary-schema.ts);
 * here the runs that reach the most fields (lists, region, decisions, a config, check --json), and
 * the check itself failing: a summary missing a field, a run that wrote a broken summary.json, a
 * completed clean that wrote none.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { DEMO } from '../helpers/paths.js';
import { assertRunSummaries, readSummary, summaryProblems } from '../helpers/summary-schema.js';
import { buildZip, sampleRows, sheetXml, workbookParts } from '../helpers/zip.js';

const tmp = mkdtempSync(join(tmpdir(), 'umkm-schema-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const exports = ['kec-pondokgede.csv', 'kec-bekasi-barat.csv', 'kec-jatiasih.txt', 'kec-rawalumbu.csv'].map((f) => join(DEMO, f));
const lists = ['--received', join(DEMO, 'sudah-terima-bpum-2020.csv'), '--exclude', join(DEMO, 'pengecualian-asn.csv')];

describe('summary.schema.json', () => {
  it('holds for clean (written and printed), a run with decisions and a config, and check --json', () => {
    const first = join(tmp, 'pertama');
    const r = runCli(['clean', ...exports, ...lists, '--region', '32.75', '--as-of', '2021-05-20', '--out', first, '--json']);
    expect(r.code).toBe(0);
    expect(summaryProblems(JSON.parse(r.stdout))).toEqual([]);
    expect(summaryProblems(readSummary(first))).toEqual([]);

    const config = join(tmp, 'umkm-clean.yaml');
    expect(runCli(['init', config]).code).toBe(0);
    const second = join(tmp, 'kedua');
    const again = runCli(['clean', ...exports, '--decisions', join(first, 'review.csv'), '--config', config, '--no-xlsx', '--out', second, '--quiet', '--lang', 'en']);
    expect(again.code).toBe(0);
    const summary = readSummary(second);
    expect(summary.lists.decisions).toHaveLength(1);
    expect(summaryProblems(summary)).toEqual([]);

    const check = runCli(['check', join(DEMO, 'kec-jatiasih.txt'), '--json']);
    expect(check.code).toBe(0);
    const checked = JSON.parse(check.stdout);
    expect(checked.manifest.outputs).toBeNull();
    expect(summaryProblems(checked)).toEqual([]);

    // A workbook among the inputs, read from the sheet --sheet names: the sheet is recorded.
    const book = join(tmp, 'kec-a.xlsx');
    writeFileSync(book, buildZip(workbookParts(sheetXml(sampleRows(2)))));
    const mixed = runCli(['check', book, join(DEMO, 'kec-jatiasih.txt'), '--sheet', 'Usulan', '--json']);
    expect(mixed.code).toBe(0);
    const both = JSON.parse(mixed.stdout);
    expect(both.files.map((f: { sheet: unknown }) => f.sheet)).toEqual([{ name: 'Usulan', number: 1 }, null]);
    expect(summaryProblems(both)).toEqual([]);
  });

  it('rejects a summary that lacks a field or changes a type', () => {
    const r = runCli(['check', join(DEMO, 'kec-jatiasih.txt'), '--json']);
    const summary = JSON.parse(r.stdout);
    delete summary.totals.rows;
    summary.files[0].header_line = '1';
    delete summary.files[0].sheet;
    expect(summaryProblems(summary)).toEqual([
      "/totals must have required property 'rows'",
      "/files/0 must have required property 'sheet'",
      '/files/0/header_line must be integer',
    ]);
  });

  it("fails the run's own check when its summary.json or --json breaks the schema, or a completed clean wrote none", () => {
    const out = join(tmp, 'rusak');
    const args = ['clean', join(DEMO, 'kec-jatiasih.txt'), '--out', out, '--as-of', '2021-05-20', '--quiet'];
    const run = runCli(args);
    expect(run.code).toBe(0);
    const broken = readSummary(out);
    delete broken.totals.rows;
    writeFileSync(join(out, 'summary.json'), JSON.stringify(broken));
    expect(() => assertRunSummaries(args, run, tmp)).toThrow(`${join(out, 'summary.json')} breaks summary.schema.json:\n  /totals must have required property 'rows'`);
    // A relative --out is the run's working folder's.
    expect(() => assertRunSummaries([...args.slice(0, 2), '--out', 'rusak', ...args.slice(4)], run, tmp)).toThrow('/totals must have required property');

    const printed = { ...run, stdout: JSON.stringify({ ...broken, files: 'none' }) };
    expect(() => assertRunSummaries(['check', join(DEMO, 'kec-jatiasih.txt'), '--json'], printed, tmp)).toThrow('/files must be array');

    const empty = join(tmp, 'kosong');
    mkdirSync(empty);
    expect(() => assertRunSummaries(['clean', 'x.csv', '--out', empty], run, tmp)).toThrow('wrote no summary.json');
    // Not completed, or no summary of ours: nothing to check.
    expect(() => assertRunSummaries(['clean', 'x.csv', '--out', empty], { ...run, code: 3 }, tmp)).not.toThrow();
    expect(() => assertRunSummaries(['inspect', 'x.csv', '--json'], { ...run, stdout: '{"files":[]}' }, tmp)).not.toThrow();
  });
});
