/**
 * summary.schema.json, shipped in the package, against the summaries the built binary writes and
 * prints: clean with lists, region, decisions and a config; check --json; and a summary missing a
 * field, which must fail, so the check can fail.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { DEMO, ROOT } from '../helpers/paths.js';
import { buildZip, sampleRows, sheetXml, workbookParts } from '../helpers/zip.js';

const tmp = mkdtempSync(join(tmpdir(), 'umkm-schema-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const schema = JSON.parse(readFileSync(join(ROOT, 'summary.schema.json'), 'utf8'));
const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);
const valid = (summary: unknown) => {
  const ok = validate(summary);
  return ok ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
};

const exports = ['kec-pondokgede.csv', 'kec-bekasi-barat.csv', 'kec-jatiasih.txt', 'kec-rawalumbu.csv'].map((f) => join(DEMO, f));
const lists = ['--received', join(DEMO, 'sudah-terima-bpum-2020.csv'), '--exclude', join(DEMO, 'pengecualian-asn.csv')];

describe('summary.schema.json', () => {
  it('holds for clean (written and printed), a run with decisions and a config, and check --json', () => {
    const first = join(tmp, 'pertama');
    const r = runCli(['clean', ...exports, ...lists, '--region', '32.75', '--as-of', '2021-05-20', '--out', first, '--json']);
    expect(r.code).toBe(0);
    expect(valid(JSON.parse(r.stdout))).toEqual([]);
    expect(valid(JSON.parse(readFileSync(join(first, 'summary.json'), 'utf8')))).toEqual([]);

    const config = join(tmp, 'umkm-clean.yaml');
    expect(runCli(['init', config]).code).toBe(0);
    const second = join(tmp, 'kedua');
    const again = runCli(['clean', ...exports, '--decisions', join(first, 'review.csv'), '--config', config, '--no-xlsx', '--out', second, '--quiet', '--lang', 'en']);
    expect(again.code).toBe(0);
    const summary = JSON.parse(readFileSync(join(second, 'summary.json'), 'utf8'));
    expect(summary.lists.decisions).toHaveLength(1);
    expect(valid(summary)).toEqual([]);

    const check = runCli(['check', join(DEMO, 'kec-jatiasih.txt'), '--json']);
    expect(check.code).toBe(0);
    const checked = JSON.parse(check.stdout);
    expect(checked.manifest.outputs).toBeNull();
    expect(valid(checked)).toEqual([]);

    // A workbook among the inputs, read from the sheet --sheet names: the sheet is recorded.
    const book = join(tmp, 'kec-a.xlsx');
    writeFileSync(book, buildZip(workbookParts(sheetXml(sampleRows(2)))));
    const mixed = runCli(['check', book, join(DEMO, 'kec-jatiasih.txt'), '--sheet', 'Usulan', '--json']);
    expect(mixed.code).toBe(0);
    const both = JSON.parse(mixed.stdout);
    expect(both.files.map((f: { sheet: unknown }) => f.sheet)).toEqual([{ name: 'Usulan', number: 1 }, null]);
    expect(valid(both)).toEqual([]);
  });

  it('rejects a summary that lacks a field or changes a type', () => {
    const r = runCli(['check', join(DEMO, 'kec-jatiasih.txt'), '--json']);
    const summary = JSON.parse(r.stdout);
    delete summary.totals.rows;
    summary.files[0].header_line = '1';
    delete summary.files[0].sheet;
    expect(valid(summary)).toEqual([
      "/totals must have required property 'rows'",
      "/files/0 must have required property 'sheet'",
      '/files/0/header_line must be integer',
    ]);
  });
});
