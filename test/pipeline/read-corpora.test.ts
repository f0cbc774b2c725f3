/**
 * The reader on encoding and line-ending files nobody here wrote (../shared/corpora): the right
 * encoding, header and row count, no BOM in the first header, and the text free of mojibake.
 * Skipped when ../shared is missing (failing under CI); test/pipeline/read-dialects.test.ts checks the
 * same behaviours on our own files.
 */
import { expect, it } from 'vitest';
import { readDataRecords, sniffInput } from '../../src/io/read-input.js';
import { buildAliasIndex, type Field } from '../../src/schema/fields.js';
import { corpus, describeCorpora } from '../helpers/corpora.js';

async function read(file: string, firstHeader: string) {
  // These files have no NIK column: let their first header stand in for it.
  const aliases = buildAliasIndex({ nik: [firstHeader] });
  const required: Field[] = ['nik'];
  const plan = await sniffInput(corpus(file), 0, file, aliases, required, 'en');
  const rows: string[][] = [];
  for await (const batch of readDataRecords(plan)) for (const r of batch) rows.push(r.cells);
  return { plan, rows };
}

describeCorpora('encodings and BOMs', () => {
  it.each([
    ['csvkit/test_utf16_big.csv', 'a', 'utf-16be', 2, 'ʤ'],
    ['csvkit/test_utf16_little.csv', 'a', 'utf-16le', 2, 'ʤ'],
    ['node-csv/365-utf16le-bom-windows.csv', 'a', 'utf-16le', 1, '3'],
    ['node-csv/365-utf8-bom-windows.csv', 'a', 'utf-8', 1, '3'],
    ['csvkit/test_utf8_bom.csv', 'foo', 'utf-8', 2, 'ʤ'],
    ['csvkit/test_utf8.csv', 'foo', 'utf-8', 2, 'ʤ'],
    ['csvkit/test_latin1.csv', 'a', 'windows-1252', 2, '©'],
    ['frictionless/latin1.csv', 'id', 'windows-1252', 2, '©'],
    ['frictionless/bom.csv', 'id', 'utf-8', 2, '中国人'],
    ['papaparse/utf-8-bom-sample.csv', 'A', 'utf-8', 1, 'Z'],
    ['qsv/spendover25kdownloadSep.csv', 'Department', 'utf-8', 189, null],
    ['qsv/FCOServices_TransparencySpend_May2011.csv', 'Department', 'utf-8', 4, null],
  ] as const)('%s: header "%s" without BOM, read as %s, %i rows, last cell %s', async (file, header, encoding, rows, lastCell) => {
    const r = await read(file, header);
    expect(r.plan.encoding).toBe(encoding);
    expect(r.plan.headerCells[0]).toBe(header);
    expect(r.plan.headerLine).toBe(1);
    expect(r.rows).toHaveLength(rows);
    if (lastCell !== null) expect(r.rows.at(-1)?.at(-1)).toBe(lastCell);
  });
});

describeCorpora('preambles and UTF-16 government exports', () => {
  it('finds the header under three preamble rows', async () => {
    const r = await read('qsv/snifftest.csv', 'h1');
    expect(r.plan.headerLine).toBe(4);
    expect(r.rows).toHaveLength(3);
  });

  it('skips a comment line above the header', async () => {
    const r = await read('frictionless/skip-rows-before-headers.csv', 'id');
    expect(r.plan.headerLine).toBe(2);
    expect(r.rows.map((row) => row[1])).toEqual(['english', '中国人']);
  });

  it('reads the UTF-16LE NHS file with CRLF: 327 rows, no mojibake in the header', async () => {
    const r = await read('qsv/Inpatients_MHA_Machine_readable_dataset_1011.csv', 'Organisation_code');
    expect(r.plan.encoding).toBe('utf-16le');
    expect(r.plan.headerCells.slice(0, 2)).toEqual(['Organisation_code', 'Organisation_name']);
    expect(r.rows).toHaveLength(327);
  });
});

describeCorpora('Excel-Europe and Portuguese exports', () => {
  it('reads the ; + cp1252 + CRLF file with its accents', async () => {
    const r = await read('frictionless/table-with-accents.csv', 'Classement');
    expect(r.plan).toMatchObject({ encoding: 'windows-1252', delimiter: ';' });
    expect(r.plan.headerCells).toContain('Année');
    expect(r.rows.length).toBeGreaterThan(10);
    expect(r.rows.every((row) => row.length === r.plan.headerCells.length)).toBe(true);
  });

  it('reads ISO-8859-1 with a trailing comma', async () => {
    const r = await read('csvlint/fixtures/invalid-byte-sequence.csv', 'Data');
    expect(r.plan.encoding).toBe('windows-1252');
    expect(r.plan.headerCells).toContain('Histórico');
    expect(r.rows[1]?.[2]).toMatch(/^Transferência on line/);
  });

  it('reads CR-only line endings with a CR inside a quoted cell', async () => {
    const r = await read('csvkit/mac_newlines.csv', 'a');
    expect(r.rows).toEqual([
      ['1', '2', '3'],
      ['Once upon\ra time', '5', '6'],
    ]);
  });
});
