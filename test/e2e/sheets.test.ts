/**
 * Which worksheet of a workbook is read, through the built binary: by default the first visible tab
 * whose rows name the required columns, or the one --sheet names; what summary.json and inspect say
 * of it; the refusals (a sheet not there, a number out of range, no sheet with the columns, a blank
 * --sheet, a legacy .xls). Workbooks built here (synthetic NIKs); OpenSID's own template from
 * ../shared/corpora.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { CORPORA, describeCorpora } from '../helpers/corpora.js';
import { STACK } from '../helpers/refused.js';
import { buildZip, sampleRows, sheetsParts, sheetXml } from '../helpers/zip.js';

const tmp = mkdtempSync(join(tmpdir(), 'umkm-sheets-e2e-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const readCsv = (file: string) => parse(readFileSync(file, 'utf8'), { columns: true }) as Record<string, string>[];

/** A program sheet (notes, no people) before the people, as OpenSID's import template has it. */
const program = sheetXml([['Nama Program', 'Bantuan Produktif Usaha Mikro'], ['Asal Dana', 'Pusat']]);
/** Two people under a title row (header on line 2), and a hidden older copy of three people. */
const people = sheetXml([['DAFTAR USULAN BPUM'], ...sampleRows(2)]);
const older = sheetXml(sampleRows(3));

const book = join(tmp, 'kec-usulan.xlsx');
writeFileSync(
  book,
  buildZip(
    sheetsParts([
      { name: 'Program', data: program },
      { name: 'Usulan lama', data: older, state: 'hidden' },
      { name: 'Peserta', data: people },
    ]),
  ),
);

function fail(args: string[]): string {
  const r = runCli(args);
  expect(r.stderr).not.toMatch(STACK);
  expect(r.stdout).toBe('');
  expect(r.code, r.stderr).toBe(3);
  return r.stderr;
}

describe('the worksheet read from a workbook', () => {
  it('by default is the first visible tab whose rows name the required columns, and summary.json says which', () => {
    const out = join(tmp, 'default');
    const csv = join(tmp, 'kec-b.csv');
    writeFileSync(csv, 'NIK,NAMA,ALAMAT,BIDANG USAHA,NO HP\r\n3275010101909101,BUDI,JL. DUKUH 1,BENGKEL,081234567890\r\n');
    const r = runCli(['clean', book, csv, '--out', out, '--quiet', '--no-xlsx', '--as-of', '2021-05-20']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary.options.sheet).toBeNull();
    expect(summary.files.map((f: { sheet: unknown; header_line: number; rows: number }) => [f.sheet, f.header_line, f.rows])).toEqual([
      [{ name: 'Peserta', number: 3 }, 2, 2],
      [null, 1, 1],
    ]);
    expect(readCsv(join(out, 'audit.csv')).map((a) => `${a.source_file}:${a.source_line}`)).toEqual(['kec-usulan.xlsx:3', 'kec-usulan.xlsx:4', 'kec-b.csv:2']);
    // report.html names the sheet beside its workbook.
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain('<td>kec-usulan.xlsx <span class="sheet">(lembar 3: Peserta)</span></td>');
  });

  it('is the one --sheet names, by name (a hidden one too) or by number, for every workbook, with CSV inputs read as ever', () => {
    const csv = join(tmp, 'kec-b.csv');
    const byName = JSON.parse(runCli(['check', book, csv, '--sheet', 'usulan LAMA', '--json']).stdout);
    expect(byName.options.sheet).toBe('usulan LAMA');
    expect(byName.files.map((f: { sheet: unknown; rows: number }) => [f.sheet, f.rows])).toEqual([
      [{ name: 'Usulan lama', number: 2 }, 3],
      [null, 1],
    ]);
    const byNumber = runCli(['check', book, '--sheet', '3', '--lang', 'en']);
    expect(byNumber.code).toBe(0);
    expect(byNumber.stdout).toContain('kec-usulan.xlsx sheet "Peserta" (3): 2 rows');
  });

  it('shows in inspect, text and JSON', () => {
    const text = runCli(['inspect', book, '--lang', 'en']);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('  sheet: "Peserta" (3)\n');
    const json = JSON.parse(runCli(['inspect', book, '--sheet', '2', '--json']).stdout);
    expect(json[0]).toMatchObject({ sheet: { name: 'Usulan lama', number: 2 }, headerLine: 1, records: 3 });
  });

  it('refuses a sheet that is not there, or a number out of range, listing the sheets (exit 3)', () => {
    const list = '1 "Program", 2 "Usulan lama", 3 "Peserta"';
    expect(fail(['check', book, '--sheet', 'Data'])).toContain(`kec-usulan.xlsx: tidak ada lembar "Data" (--sheet). Lembar yang ada: ${list}.`);
    expect(fail(['check', book, '--sheet', '4', '--lang', 'en'])).toContain(`kec-usulan.xlsx: there is no sheet number 4 (--sheet); this workbook has 3: ${list}.`);
  });

  it('names the sheets searched and the closest row when no sheet has the required columns (exit 3)', () => {
    const lacking = join(tmp, 'kec-tanpa-hp.xlsx');
    const noPhone = sheetXml([['NIK', 'NAMA', 'ALAMAT', 'BIDANG USAHA']]);
    writeFileSync(lacking, buildZip(sheetsParts([{ name: 'Program', data: program }, { name: 'Peserta', data: noPhone }])));
    const said = fail(['check', lacking, '--lang', 'en']);
    expect(said).toContain('kec-tanpa-hp.xlsx: no sheet has a header row naming the required columns (sheets searched: 1 "Program", 2 "Peserta").');
    expect(said).toContain('Sheet "Peserta" line 1 looks most like the header but lacks: NO_HP.');
    expect(said).toContain('--sheet');
    // A sheet named with --sheet is the only one read.
    expect(fail(['check', lacking, '--sheet', 'Program', '--lang', 'en'])).toContain('(sheets searched: 1 "Program")');
  });

  it('refuses a blank --sheet as a usage error (exit 2)', () => {
    const r = runCli(['check', book, '--sheet', ' ', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--sheet: give the name of a sheet or its number');
  });
});

describe('a legacy .xls', () => {
  // The first bytes of an OLE2 compound file, as Excel 97-2003 writes one.
  const ole2 = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);

  it('is refused saying .xlsx and CSV are read, and how to save it as one; an OLE2 file named .xlsx is a locked workbook', () => {
    const xls = join(tmp, 'kec-lama.xls');
    writeFileSync(xls, ole2);
    const id = fail(['check', xls]);
    expect(id).toContain('kec-lama.xls: buku kerja Excel 97-2003 (.xls) tidak dapat dibaca; .xlsx dan CSV dapat.');
    expect(id).toContain('"Excel Workbook (*.xlsx)"');
    expect(id).not.toContain('mungkin .xlsx');
    expect(fail(['check', xls, '--lang', 'en'])).toContain('kec-lama.xls: an Excel 97-2003 workbook (.xls) cannot be read; .xlsx and CSV can.');
    // In a folder given as the input it is not passed over in silence: the run stops on it.
    const folder = join(tmp, 'usulan-lama');
    mkdirSync(folder);
    writeFileSync(join(folder, 'kec-lama.xls'), ole2);
    expect(fail(['check', folder])).toContain('kec-lama.xls: buku kerja Excel 97-2003 (.xls) tidak dapat dibaca');
    const locked = join(tmp, 'kec-dikunci.xlsx');
    writeFileSync(locked, ole2);
    expect(fail(['check', locked, '--lang', 'en'])).toContain('kec-dikunci.xlsx: the workbook is locked with a password.');
  });
});

describeCorpora("OpenSID's import template (people on the second tab)", () => {
  const template = join(CORPORA, 'indonesia', 'opensid', 'original', 'format_impor_program_bantuan.xlsx');

  it('is read from its "Peserta" tab when the required columns are there, and named with its sheet when they are not', () => {
    const config = join(tmp, 'opensid.yaml');
    writeFileSync(config, 'required: [nik, nama, alamat]\n');
    const r = runCli(['check', template, '--config', config, '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).files[0]).toMatchObject({ sheet: { name: 'Peserta', number: 2 }, header_line: 1, rows: 2 });
    const said = fail(['check', template, '--lang', 'en']);
    expect(said).toContain('(sheets searched: 1 "Program", 2 "Peserta")');
    expect(said).toContain('Sheet "Peserta" line 1 looks most like the header but lacks: BIDANG_USAHA, NO_HP.');
  });
});
