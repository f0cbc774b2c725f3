/**
 * The checks a workbook passes before exceljs sees it: the XML scanner's counts and bounds, the
 * same whatever the chunking (comments and CDATA that look like cells are not cells), and the ZIP
 * reader on ZIP64 records. Real bytes; the built workbooks are read back through readXlsxRecords.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { MAX_SHARED_STRINGS, readXlsxRecords, XmlBounds } from '../../src/io/read-xlsx.js';
import { buildZip, sampleRows, sheetXml, workbookParts } from '../helpers/zip.js';

const tmp = mkdtempSync(join(tmpdir(), 'umkm-bounds-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Feeds XML to a scanner in pieces of `piece` bytes; returns the message key it refused with, or null. */
function scan(kind: 'sheet' | 'sst', xml: string | Buffer, piece: number): string | null {
  const bytes = typeof xml === 'string' ? Buffer.from(xml) : xml;
  const b = new XmlBounds(kind, 'x.xlsx', 'part.xml');
  try {
    for (let at = 0; at < bytes.length; at += piece) b.push(bytes.subarray(at, at + piece));
    b.end();
    return null;
  } catch (err) {
    if (err instanceof InputError) return `${err.key} ${JSON.stringify(err.params)}`;
    throw err;
  }
}

describe('XmlBounds', () => {
  it(`counts shared strings to ${MAX_SHARED_STRINGS.toLocaleString('en')}, and refuses one more`, () => {
    const b = new XmlBounds('sst', 'x.xlsx', 'xl/sharedStrings.xml');
    const block = Buffer.from('<si/>'.repeat(1_000_000));
    b.push(Buffer.from('<sst>'));
    for (let i = 0; i < MAX_SHARED_STRINGS / 1_000_000; i++) b.push(block);
    expect(() => b.push(Buffer.from('<si><t>one more</t></si>'))).toThrow(/10,000,000 distinct texts/);
  });

  it('finds the same things however the bytes are cut, and is not fooled by comments, CDATA or quoted >', () => {
    const decoys =
      '<!-- <row r="99999999"><c r="ZZZZ1"> --><row r="2" spans="1:2"><c r="A2" t="inlineStr" x="a>b"><is><t><![CDATA[<c r="ZZZZ2">]]></t></is></c></row>';
    const ok = `<?xml version="1.0"?><worksheet><sheetData>${decoys}</sheetData></worksheet>`;
    const bad = `<?xml version="1.0"?><worksheet><sheetData>${decoys}<row r="3"><c r="XFE3"/></row></sheetData></worksheet>`;
    for (const piece of [1, 2, 3, 7, 64, 100_000]) {
      expect(scan('sheet', ok, piece), `pieces of ${piece}`).toBeNull();
      expect(scan('sheet', bad, piece), `pieces of ${piece}`).toBe('input.workbookColumns {"file":"x.xlsx","line":3,"column":"XFE","limit":16384}');
    }
    // Namespace prefixes (the OpenXML SDK's x:c) are the same elements.
    expect(scan('sheet', '<x:worksheet><x:sheetData><x:row r="1048577"/></x:sheetData></x:worksheet>', 5)).toMatch(/^input.workbookRows/);
    // A comment or tag left open at the end of the part is damage.
    expect(scan('sheet', '<worksheet><!-- never closed', 4)).toMatch(/^input.workbookDamaged/);
  });

  it('measures a cell from its start tag to its end tag, across chunks', () => {
    const cell = (n: number) => `<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>${'x'.repeat(n)}</t></is></c></row></sheetData></worksheet>`;
    expect(scan('sheet', cell(1024 * 1024 - 100), 65_536)).toBeNull();
    expect(scan('sheet', cell(1024 * 1024), 65_536)).toMatch(/^input.workbookCellTooLarge \{"file":"x.xlsx","line":1/);
  });
});

describe('ZIP64 workbooks', () => {
  it('are read like any other', async () => {
    const rows = sampleRows(50);
    const file = join(tmp, 'zip64.xlsx');
    writeFileSync(file, buildZip(workbookParts(sheetXml(rows)), { zip64: true }));
    const got: string[][] = [];
    for await (const batch of readXlsxRecords(file, 'zip64.xlsx')) for (const r of batch) got.push(r.cells);
    expect(got).toEqual(rows);
  });
});
