/**
 * --csv excel (issue #17) through the built binary: the CSVs a person opens get a UTF-8 BOM and
 * `;` (Excel's list separator on Indonesian Windows), the same cells as the plain run, formulas
 * still neutralised; submission.csv stays the ministry's plain file byte for byte; the config's
 * `csv` key and the flag over it; and a review.csv in that dialect, edited as Excel saves it,
 * read back by --decisions.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { DEMO } from '../helpers/paths.js';

const tmp = mkdtempSync(join(tmpdir(), 'umkm-excel-csv-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const BOM = '\ufeff';
const inputs = ['kec-pondokgede.csv', 'kec-bekasi-barat.csv', 'kec-jatiasih.txt', 'kec-rawalumbu.csv'].map((f) => join(DEMO, f));
const run = (out: string, extra: string[] = [], files = inputs) =>
  runCli(['clean', ...files, '--region', '32.75', '--as-of', '2021-05-20', '--out', out, '--quiet', ...extra]);

const text = (out: string, file: string) => readFileSync(join(out, file), 'utf8');
const rowsOf = (content: string, delimiter: string) => parse(content, { delimiter, bom: true, relax_column_count: true }) as string[][];
const PEOPLE_CSVS = ['rejected.csv', 'review.csv', 'audit.csv'];

describe('--csv excel', () => {
  const plain = join(tmp, 'plain');
  const excel = join(tmp, 'excel');
  beforeAll(() => {
    const a = run(plain);
    expect(a.code, a.stderr).toBe(0);
    const b = run(excel, ['--csv', 'excel']);
    expect(b.code, b.stderr).toBe(0);
  });

  it('writes rejected, review and audit with a BOM, ";" and CRLF, holding the plain run cell for cell', () => {
    for (const f of PEOPLE_CSVS) {
      const got = text(excel, f);
      expect(got.startsWith(BOM), f).toBe(true);
      expect(got.slice(1, 40), f).toMatch(/^source_file;source_line;/);
      // CRLF after every record: no bare LF outside a quoted cell.
      expect(got.endsWith('\r\n'), f).toBe(true);
      expect(rowsOf(got, ';'), f).toEqual(rowsOf(text(plain, f), ','));
    }
    // The demo's reasons carry commas and its names a ’: both come through.
    expect(text(excel, 'rejected.csv')).toMatch(/;"[^"]*, [^"]*";/);
  });

  it('leaves submission.csv the plain file the ministry takes, byte for byte', () => {
    expect(readFileSync(join(excel, 'submission.csv'))).toEqual(readFileSync(join(plain, 'submission.csv')));
    expect(text(excel, 'submission.csv').startsWith('NIK,NAMA,')).toBe(true);
  });

  it('records the style in summary.json, and the manifest hashes the bytes as written (BOM included)', () => {
    const summary = JSON.parse(text(excel, 'summary.json'));
    expect(summary.options.csv).toBe('excel');
    expect(JSON.parse(text(plain, 'summary.json')).options.csv).toBe('plain');
    for (const f of [...PEOPLE_CSVS, 'submission.csv']) {
      expect(summary.manifest.outputs[f], f).toBe(createHash('sha256').update(readFileSync(join(excel, f))).digest('hex'));
    }
    // No csv key in the config: the recorded config is the one a plain run records.
    expect(summary.manifest.config).toEqual(JSON.parse(text(plain, 'summary.json')).manifest.config);
  });

  it('still neutralises cells a spreadsheet would run as formulas', () => {
    const input = join(tmp, 'formula.csv');
    writeFileSync(
      input,
      'NIK;NAMA;ALAMAT;BIDANG USAHA;NO HP\r\n3275;"=HYPERLINK(""http://x.example"";""klik"")";@SUM(1);+A1;-2+3\r\n',
    );
    const out = join(tmp, 'formula');
    const r = runCli(['clean', input, '--as-of', '2021-05-20', '--out', out, '--quiet', '--no-xlsx', '--csv', 'excel']);
    expect(r.code, r.stderr).toBe(0);
    const [, row] = rowsOf(text(out, 'rejected.csv'), ';');
    expect(row?.slice(5, 10)).toEqual(['3275', '\'=HYPERLINK("http://x.example";"klik")', "'@SUM(1)", "'+A1", "'-2+3"]);
  });

  it('is read back by --decisions after an edit saved the way Excel saves it (BOM, ";", CRLF)', () => {
    const rows = rowsOf(text(excel, 'review.csv'), ';');
    const header = rows[0] as string[];
    const at = (name: string) => header.indexOf(name);
    const held = rows.find((r) => r[at('source_file')] === 'kec-bekasi-barat.csv' && r[at('source_line')] === '10') as string[];
    expect(held[at('reason_codes')]).toBe('POSSIBLE_DUPLICATE');
    held[at('decision')] = 'SAMA';
    const edited = join(tmp, 'keputusan.csv');
    writeFileSync(edited, BOM + stringify(rows, { delimiter: ';', record_delimiter: '\r\n' }));
    const out = join(tmp, 'decided');
    const r = run(out, ['--csv', 'excel', '--decisions', edited]);
    expect(r.code, r.stderr).toBe(0);
    const audit = rowsOf(text(out, 'audit.csv'), ';');
    const line = audit.find((a) => a[0] === 'kec-bekasi-barat.csv' && a[1] === '10');
    expect(line?.slice(2, 4)).toEqual(['rejected', 'DUPLICATE_CONFIRMED']);
    const summary = JSON.parse(text(out, 'summary.json'));
    expect(summary.lists.decisions).toEqual([{ file: 'keputusan.csv', sama: 1, beda: 0, notices: [] }]);
  });
});

describe('the csv key in --config', () => {
  const input = [join(DEMO, 'kec-pondokgede.csv')];

  it('sets the style; --csv on the command line wins over it', () => {
    const config = join(tmp, 'excel.yaml');
    writeFileSync(config, 'csv: excel\n');
    const fromConfig = join(tmp, 'from-config');
    expect(run(fromConfig, ['--config', config, '--no-xlsx'], input).code).toBe(0);
    expect(text(fromConfig, 'audit.csv').startsWith(`${BOM}source_file;`)).toBe(true);
    expect(JSON.parse(text(fromConfig, 'summary.json')).manifest.config.csv).toBe('excel');
    const overridden = join(tmp, 'overridden');
    expect(run(overridden, ['--config', config, '--no-xlsx', '--csv', 'plain'], input).code).toBe(0);
    expect(text(overridden, 'audit.csv').startsWith('source_file,')).toBe(true);
    expect(JSON.parse(text(overridden, 'summary.json')).options.csv).toBe('plain');
  });

  it('refuses a value it does not know, in the config (exit 2, naming the key) and on the command line', () => {
    const config = join(tmp, 'bad.yaml');
    writeFileSync(config, 'csv: xls\n');
    const bad = run(join(tmp, 'bad'), ['--config', config], input);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('csv: "xls" harus salah satu dari: plain, excel');
    expect(bad.stderr).not.toMatch(/\n\s+at /);
    const flag = run(join(tmp, 'bad-flag'), ['--csv', 'xls', '--lang', 'en'], input);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain("argument 'xls' is invalid. Allowed choices are plain, excel.");
  });

  it('is explained in the config init writes and in the help, in both languages', () => {
    const file = join(tmp, 'init.yaml');
    expect(runCli(['init', file]).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toMatch(/# csv: plain\n$/);
    expect(runCli(['clean', '--help']).stdout).toMatch(/--csv <style>[\s\S]*BOM\s+UTF-8/);
    expect(runCli(['clean', '--help', '--lang', 'en']).stdout).toMatch(/--csv <style>[\s\S]*UTF-8\s+BOM/);
  });
});
