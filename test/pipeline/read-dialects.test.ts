/**
 * The reader on our own dialect fixtures (test/fixtures/dialects.ts): the behaviours the ../shared
 * corpora check, on files written here, so a clone with nothing beside it still tests them. Each
 * file goes through the real reader (sniffInput, then readDataRecords) with the tool's default
 * header names; where the file has one line-ending style, csv-parse is the oracle for our tokenizer.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { tokenizeCsv } from '../../src/io/csv-tokenizer.js';
import { readDataRecords, sniffInput } from '../../src/io/read-input.js';
import { buildAliasIndex, DEFAULT_REQUIRED } from '../../src/schema/fields.js';
import { DIALECT_FIXTURES, type DialectFixture } from '../fixtures/dialects.js';

const tmp = mkdtempSync(join(tmpdir(), 'umkm-dialects-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function read(fixture: DialectFixture) {
  const path = join(tmp, fixture.name);
  writeFileSync(path, fixture.bytes);
  const plan = await sniffInput(path, 0, fixture.name, buildAliasIndex(), DEFAULT_REQUIRED, 'en');
  const records: { line: number; cells: string[] }[] = [];
  for await (const batch of readDataRecords(plan)) records.push(...batch);
  return { plan, records };
}

describe('the fixtures cover what the corpora cover', () => {
  const all = DIALECT_FIXTURES.map((f) => f.expected);
  it('every delimiter', () => {
    expect(new Set(all.map((e) => e.delimiter))).toEqual(new Set([',', ';', '\t', '|']));
  });
  it('every encoding, UTF-8 with and without BOM', () => {
    const kinds = new Set(all.map((e) => `${e.encoding}${e.bom ? '+bom' : ''}`));
    for (const kind of ['utf-8', 'utf-8+bom', 'utf-16le+bom', 'utf-16be+bom', 'windows-1252']) expect(kinds).toContain(kind);
  });
  it('files whose bytes carry CRLF, LF and CR line endings', () => {
    const texts = DIALECT_FIXTURES.map((f) => f.text);
    expect(texts.some((t) => t.includes('\r\n'))).toBe(true);
    expect(texts.some((t) => /[^\r]\n/.test(t))).toBe(true);
    expect(texts.some((t) => /\r[^\n]/.test(t))).toBe(true);
  });
  it('a Windows-1252 file whose only non-ASCII byte lies past the 256 KB sniffing sample', () => {
    const late = DIALECT_FIXTURES.find((f) => f.name === 'late-windows-1252.csv');
    expect(late?.bytes.indexOf(0x92)).toBeGreaterThan(256 * 1024);
    expect(late?.bytes.filter((b) => b >= 0x80)).toHaveLength(1);
  });
  it("a UTF-16 file larger than the reader's 256 KB reads", () => {
    const many = DIALECT_FIXTURES.find((f) => f.name === 'many-rows-utf16le.txt');
    expect(many?.bytes.length).toBeGreaterThan(256 * 1024);
  });
  it('a UTF-8 file whose 16 KB pieces (how the reader hands bytes to its decoder) end inside characters', () => {
    const long = DIALECT_FIXTURES.find((f) => f.name === 'long-cell-utf8.csv');
    const bytes = long?.bytes ?? Buffer.alloc(0);
    const cutsInside = [];
    for (let at = 16 * 1024; at < bytes.length; at += 16 * 1024) if (((bytes[at] ?? 0) & 0xc0) === 0x80) cutsInside.push(at);
    expect(cutsInside.length).toBeGreaterThan(0);
  });
});

describe.each(DIALECT_FIXTURES)('$name', (fixture) => {
  const { expected } = fixture;

  it(`sniffs ${expected.encoding}${expected.bom ? ' with BOM' : ''}, ${JSON.stringify(expected.delimiter)}, header on line ${expected.headerLine}`, async () => {
    const { plan } = await read(fixture);
    expect(plan.format).toBe('csv');
    expect(plan.encoding).toBe(expected.encoding);
    expect(plan.bom).toBe(expected.bom);
    expect(plan.delimiter).toBe(expected.delimiter);
    expect(plan.headerLine).toBe(expected.headerLine);
    // No BOM left on the first header name, no mojibake in any.
    expect(plan.headerCells).toEqual(expected.header);
    expect(Object.keys(plan.mapping.columns).sort()).toEqual([...DEFAULT_REQUIRED].sort());
  });

  it(`reads ${expected.rows.length} data record${expected.rows.length === 1 ? '' : 's'}, cell by cell`, async () => {
    const { records } = await read(fixture);
    expect(records.map((r) => r.cells)).toEqual(expected.rows);
    if (expected.lines) expect(records.map((r) => r.line)).toEqual(expected.lines);
  });

  // Mixed line endings are left out: csv-parse fixes one record delimiter per file.
  if (fixture.oracle) it('tokenizes as csv-parse does (one line-ending style)', () => {
    const text = fixture.text;
    const oracle = parse(text, { delimiter: expected.delimiter, relax_column_count: true, skip_empty_lines: false }) as string[][];
    expect(tokenizeCsv(text, expected.delimiter).map((r) => r.cells)).toEqual(oracle);
    // And the oracle agrees with what the fixture says is under the header.
    expect(oracle.slice(-expected.rows.length)).toEqual(expected.rows);
  });
});
