/**
 * A workbook's tabs and which one --sheet means: tabs read from real bytes (workbooks built here,
 * their parts stored in the reverse of the tabs' order), the choice on those tabs.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { chooseSheet, listSheets, searchedSheets, type WorkbookSheet } from '../../src/io/workbook-sheets.js';
import { ZipInput } from '../../src/io/zip-input.js';
import { buildZip, HEADER, sheetsParts, sheetXml, type ZipPart } from '../helpers/zip.js';

const tmp = mkdtempSync(join(tmpdir(), 'umkm-sheets-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

let n = 0;
async function tabsOf(parts: ZipPart[]): Promise<WorkbookSheet[]> {
  const file = join(tmp, `wb-${n++}.xlsx`);
  writeFileSync(file, buildZip(parts));
  const zip = await ZipInput.open(file, 'wb.xlsx');
  try {
    return await listSheets(zip, 1024 * 1024);
  } finally {
    await zip.close();
  }
}

const data = sheetXml([HEADER]);
const tabs = (...names: string[]): WorkbookSheet[] =>
  names.map((name, i) => ({ name, number: i + 1, part: { name: `xl/worksheets/sheet${i + 1}.xml` } as WorkbookSheet['part'], hidden: false }));

/** The error chooseSheet throws, as its key and parameters. */
function refusal(sheets: readonly WorkbookSheet[], wanted: string): { key: string; params: unknown } {
  try {
    chooseSheet(sheets, wanted, 'kec-a.xlsx');
  } catch (err) {
    if (err instanceof InputError) return { key: err.key, params: err.params };
    throw err;
  }
  throw new Error(`--sheet ${wanted} was taken`);
}

describe('listSheets', () => {
  it("gives the tabs in workbook.xml's order with their parts, not the ZIP's order", async () => {
    const sheets = await tabsOf(
      sheetsParts([
        { name: 'Program', data },
        { name: 'P&K "lama"', data, state: 'hidden' },
        { name: 'Grafik', data: '<chartsheet/>', chart: true },
        { name: 'Peserta', data },
      ]),
    );
    expect(sheets.map((s) => [s.number, s.name, s.part?.name ?? null, s.hidden])).toEqual([
      [1, 'Program', 'xl/worksheets/sheet4.xml', false],
      [2, 'P&K "lama"', 'xl/worksheets/sheet3.xml', true],
      [3, 'Grafik', null, false],
      [4, 'Peserta', 'xl/worksheets/sheet1.xml', false],
    ]);
  });

  it('reads absolute relationship targets, and falls back to the worksheet parts when the relationships are missing', async () => {
    const parts = sheetsParts([{ name: 'Usulan', data }]).map((p) =>
      p.name === 'xl/_rels/workbook.xml.rels' ? { ...p, data: String(p.data).replace('Target="worksheets/', 'Target="/xl/worksheets/') } : p,
    );
    expect((await tabsOf(parts)).map((s) => [s.name, s.part?.name])).toEqual([['Usulan', 'xl/worksheets/sheet1.xml']]);
    const bare = parts.filter((p) => p.name !== 'xl/_rels/workbook.xml.rels');
    expect((await tabsOf(bare)).map((s) => [s.number, s.name, s.part?.name])).toEqual([[1, 'sheet1', 'xl/worksheets/sheet1.xml']]);
  });
});

describe('chooseSheet', () => {
  const sheets = tabs('Program', 'Peserta', 'Catatan');

  it('takes a name ignoring case, or a tab number', () => {
    expect(chooseSheet(sheets, 'peserta', 'kec-a.xlsx').number).toBe(2);
    expect(chooseSheet(sheets, ' Peserta ', 'kec-a.xlsx').number).toBe(2);
    expect(chooseSheet(sheets, '3', 'kec-a.xlsx').name).toBe('Catatan');
    expect(chooseSheet(sheets, '01', 'kec-a.xlsx').name).toBe('Program');
  });

  it('takes a tab named "2" before the second tab', () => {
    expect(chooseSheet(tabs('2', 'Usulan'), '2', 'kec-a.xlsx')).toMatchObject({ name: '2', number: 1 });
  });

  it('refuses a name that is not there and a number out of range, listing the sheets there are', () => {
    const list = '1 "Program", 2 "Peserta", 3 "Catatan"';
    expect(refusal(sheets, 'Data')).toEqual({ key: 'input.sheetNotFound', params: { file: 'kec-a.xlsx', sheet: 'Data', sheets: list } });
    expect(refusal(sheets, '4')).toEqual({ key: 'input.sheetOutOfRange', params: { file: 'kec-a.xlsx', number: '4', count: 3, sheets: list } });
    expect(refusal(sheets, '0').key).toBe('input.sheetOutOfRange');
  });

  it('refuses a chart sheet', () => {
    const withChart = [...sheets, { name: 'Grafik', number: 4, part: null, hidden: false }];
    expect(refusal(withChart, 'grafik').key).toBe('input.sheetNotWorksheet');
  });

  it('lists at most 20 sheets in a message', () => {
    const many = tabs(...Array.from({ length: 25 }, (_, i) => `Kel ${i + 1}`));
    expect(refusal(many, 'Data').params).toMatchObject({ sheets: expect.stringMatching(/20 "Kel 20", \+5$/) });
  });
});

describe('searchedSheets', () => {
  it('searches the visible worksheets, and the hidden ones only when there is no other', () => {
    const [a, b, c] = tabs('Lama', 'Usulan', 'Grafik') as [WorkbookSheet, WorkbookSheet, WorkbookSheet];
    const hidden = { ...a, hidden: true };
    const chart = { ...c, part: null };
    expect(searchedSheets([hidden, b, chart]).map((s) => s.name)).toEqual(['Usulan']);
    expect(searchedSheets([hidden, chart]).map((s) => s.name)).toEqual(['Lama']);
  });
});
