/**
 * KECAMATAN and KELURAHAN by their official names (issue 17), through the built binary: with
 * --region the submission (CSV and workbook) writes the Kemendagri names and audit.csv keeps what
 * was typed after its seven columns; without --region both files are as they were.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { GOLDEN } from '../helpers/paths.js';

const tmp = mkdtempSync(join(tmpdir(), 'umkm-names-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const input = join(GOLDEN, 'official-names', 'kec-campur.csv');

function clean(name: string, ...extra: string[]): string {
  const out = join(tmp, name);
  const run = runCli(['clean', input, '--as-of', '2021-05-20', '--out', out, '--quiet', ...extra]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return out;
}
const rows = (file: string) => parse(readFileSync(file, 'utf8')) as string[][];
const byNik = (out: string) => new Map(rows(join(out, 'submission.csv')).map((r) => [r[0], [r[5], r[6]]]));

describe('official place names', () => {
  it('with --region: the submission writes them, audit.csv keeps the cells as typed', async () => {
    const out = clean('region', '--region', '3275');
    const submitted = byNik(out);
    expect(submitted.get('3275080101900001')).toEqual(['JATIBENING BARU', 'PONDOKGEDE']);
    expect(submitted.get('3275020909980009')).toEqual(['KOTABARU', 'BEKASI BARAT']);
    // A kelurahan of another kecamatan, a kecamatan of another region: as typed.
    expect(submitted.get('3275020303920003')).toEqual(['HARAPAN JAYA', 'BEKASI BARAT']);
    expect(submitted.get('3275100505940005')).toEqual(['JATIKARYA', 'CIBUBUR']);

    const audit = rows(join(out, 'audit.csv'));
    expect(audit[0]).toEqual(['source_file', 'source_line', 'disposition', 'reason_codes', 'warnings', 'nik', 'duplicate_of', 'kecamatan_typed', 'kelurahan_typed']);
    expect(audit.find((r) => r[1] === '2')?.slice(7)).toEqual(['KEC. PONDOKGEDE', 'KEL. JATI BENING BARU']);
    expect(audit.find((r) => r[1] === '8')?.slice(7)).toEqual(['RAWA LUMBU', "'=BOJONG MENTENG"]);
    for (const r of audit) expect(r).toHaveLength(9);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(out, 'submission.xlsx'));
    const sheet = wb.worksheets[0] as ExcelJS.Worksheet;
    const cells: string[][] = [];
    // A trailing empty cell is no cell in a workbook: read the place columns by position.
    sheet.eachRow((row) => cells.push([6, 7].map((c) => String(row.getCell(c).value ?? ''))));
    expect(cells).toEqual(rows(join(out, 'submission.csv')).map((r) => r.slice(5)));
  });

  it('without --region: the names as typed and audit.csv in its seven columns, as before', () => {
    const out = clean('plain');
    const submitted = byNik(out);
    expect(submitted.get('3275080101900001')).toEqual(['KEL. JATI BENING BARU', 'KEC. PONDOKGEDE']);
    expect(submitted.get('3275020909980009')).toEqual(['kota baru', 'bekasi barat']);
    const audit = rows(join(out, 'audit.csv'));
    expect(audit[0]).toEqual(['source_file', 'source_line', 'disposition', 'reason_codes', 'warnings', 'nik', 'duplicate_of']);
    for (const r of audit) expect(r).toHaveLength(7);
  });
});
