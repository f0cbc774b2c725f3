/**
 * Random tables in random dialects and encodings through the real pipeline, checking the promises
 * every run keeps: every row in audit.csv exactly once, accepted + rejected + review = rows, each
 * NIK written is its input's digits, every output re-parses, no output cell would run as a formula.
 * PROPERTY_RUNS sets the number of cases (CI runs the default; scripts/property-nightly more).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/parse-config.js';
import { runCommand } from '../../src/pipeline/run-command.js';
import { readSummary } from '../helpers/summary-schema.js';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 60);
const tmp = mkdtempSync(join(tmpdir(), 'umkm-prop-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const HEADERS = {
  nik: ['NIK', 'No. KTP', 'NOMOR INDUK KEPENDUDUKAN'],
  nama: ['NAMA', 'Nama Lengkap', 'NAMA PEMILIK USAHA'],
  alamat: ['ALAMAT', 'Alamat KTP'],
  bidang_usaha: ['BIDANG USAHA', 'Jenis Usaha'],
  no_hp: ['NO HP', 'No. Telp/HP'],
} as const;
type Col = keyof typeof HEADERS | 'extra';

/** Text a kecamatan might type: names with apostrophes, commas, quotes, line breaks, formulas, huge cells. */
const cellText = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('SITI AMINAH', "MA'RUF", 'NUR’AINI', 'BUDI, S.PD', 'JL. "MAWAR" 5', 'KP. DUKUH\r\nRT 01', 'KP. DUKUH\nRT 02', 'WARUNG', '-', 'TIDAK ADA', '') },
  { weight: 2, arbitrary: fc.constantFrom('=1+1', '+62 812', '-A1', '@SUM(A1)', '\tTAB', '=HYPERLINK("x")') },
  // What a spreadsheet that trims or folds runs as a formula too (issue 16: LibreOffice's "trim spaces").
  { weight: 1, arbitrary: fc.constantFrom('  =1+1', '\u00a0=1+1', '\n=1+1', '\uff1d1+1', ' @SUM(1)', '\u3000\uff0bA1', "\u200b=cmd|' /C calc'!A0") },
  { weight: 2, arbitrary: fc.string({ maxLength: 20 }).map((s) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff]/g, '')) },
  { weight: 1, arbitrary: fc.constantFrom('X'.repeat(5000), 'Y '.repeat(3000)) },
);

/** A NIK as typed around its 16 digits, or no NIK at all. */
const nikCell = fc.oneof(
  {
    weight: 8,
    arbitrary: fc
      .tuple(
        fc.constantFrom('3275', '9171', '9604', '1101', '3216'),
        fc.stringMatching(/^[0-9]{12}$/),
        fc.constantFrom('plain', 'apostrophe', 'spaces', 'dots', 'formula'),
      )
      .map(([p, rest, style]) => {
        const digits = p + rest;
        const typed =
          style === 'apostrophe' ? `'${digits}` : style === 'spaces' ? digits.replace(/(\d{4})(?=\d)/g, '$1 ') :
          style === 'dots' ? digits.replace(/(\d{4})(?=\d)/g, '$1.') : style === 'formula' ? `="${digits}"` : digits;
        return { typed, digits };
      }),
  },
  { weight: 1, arbitrary: fc.constantFrom({ typed: '3,27501E+15', digits: null }, { typed: '12345', digits: null }, { typed: '-', digits: null }) },
);

const rowArb = fc.record({ nik: nikCell, nama: cellText, alamat: cellText, bidang_usaha: cellText, no_hp: cellText, extra: cellText });

const tableArb = fc.record({
  columns: fc.shuffledSubarray(['alamat', 'bidang_usaha', 'no_hp', 'extra'] as Col[], { minLength: 4, maxLength: 4 }).map((c) => ['nik', 'nama', ...c] as Col[]),
  headerPick: fc.nat(2),
  rows: fc.array(rowArb, { minLength: 0, maxLength: 25 }),
  duplicates: fc.array(fc.nat(24), { maxLength: 5 }),
  delimiter: fc.constantFrom(',', ';', '\t', '|'),
  eol: fc.constantFrom('\r\n', '\n', '\r'),
  encoding: fc.constantFrom('utf-8', 'utf-8-bom', 'utf-16le', 'windows-1252'),
  title: fc.boolean(),
  quoteAll: fc.boolean(),
});

function quote(cell: string, delimiter: string, all: boolean): string {
  return all || cell.includes(delimiter) || /["\r\n]/.test(cell) || cell !== cell.trim() ? `"${cell.replace(/"/g, '""')}"` : cell;
}

describe('pipeline properties', () => {
  it(`keeps its promises on ${RUNS} random tables`, async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(tableArb, async (t) => {
        const dir = join(tmp, `case-${n++}`);
        const rows = [...t.rows];
        for (const d of t.duplicates) if (rows.length > 0) rows.push(rows[d % rows.length]!);
        const header = t.columns.map((c) => (c === 'extra' ? 'KETERANGAN' : HEADERS[c][t.headerPick % HEADERS[c].length]!));
        const lines: string[] = [];
        // Every row has a name, so every row is a record and must reach audit.csv.
        const data = rows.map((r) => t.columns.map((c) => (c === 'nik' ? r.nik.typed : c === 'nama' ? `N${r.nama}`.replace(/^N-$/, 'N') : r[c])));
        if (t.title) lines.push(`DAFTAR USULAN BPUM${t.delimiter}`);
        lines.push(header.map((h) => quote(h, t.delimiter, t.quoteAll)).join(t.delimiter));
        const startLine: number[] = [];
        let line = lines.length + 1;
        for (const cells of data) {
          startLine.push(line);
          const text = cells.map((c) => quote(c, t.delimiter, t.quoteAll)).join(t.delimiter);
          lines.push(text);
          line += 1 + (text.match(/\r\n|\r|\n/g)?.length ?? 0);
        }
        let text = lines.join(t.eol) + t.eol;
        let bytes: Buffer;
        if (t.encoding === 'windows-1252') {
          text = text.replace(/[^\u0000-\u00ff’]/g, '?');
          bytes = iconv.encode(text, 'win1252');
        } else if (t.encoding === 'utf-16le') bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
        else bytes = Buffer.concat([t.encoding === 'utf-8-bom' ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(text, 'utf8')]);
        const input = join(tmp, `input-${n}.csv`);
        writeFileSync(input, bytes);

        const summary = await runCommand({
          command: 'clean', inputs: [input], out: dir, received: [], exclude: [], decisions: [],
          config: DEFAULT_CONFIG, configPath: null, region: null, asOf: '2021-05-20', lang: 'id',
          tool: { name: 'umkm-clean', version: 'test' },
        });

        // Any line break outside quotes ends a record, as a spreadsheet reads it.
        const read = (name: string) =>
          parse(readFileSync(join(dir, name), 'utf8'), { columns: true, relax_column_count: false, record_delimiter: ['\r\n', '\n', '\r'] }) as Record<string, string>[];
        const audit = read('audit.csv');
        expect(audit).toHaveLength(data.length);
        expect(summary.totals.rows).toBe(data.length);
        readSummary(dir);
        expect(summary.totals.accepted + summary.totals.rejected + summary.totals.review).toBe(data.length);
        expect(audit.map((a) => Number(a.source_line))).toEqual(startLine);
        audit.forEach((a, i) => {
          const nik = rows[i]!.nik;
          if (nik.digits) expect(a.nik, `row ${i}`).toBe(nik.digits);
        });
        const submission = read('submission.csv');
        expect(submission).toHaveLength(summary.totals.accepted);
        expect(new Set(submission.map((s) => s.NIK)).size).toBe(submission.length);
        for (const s of submission) expect(rows.some((r) => r.nik.digits === s.NIK)).toBe(true);
        expect(read('rejected.csv')).toHaveLength(summary.totals.rejected);
        expect(read('review.csv')).toHaveLength(summary.totals.review);
        for (const name of ['submission.csv', 'rejected.csv', 'review.csv', 'audit.csv']) {
          for (const r of read(name)) {
            for (const v of Object.values(r)) {
              // Trimmed and folded as a spreadsheet may: no formula character first, unless a plain number.
              const seen = v.normalize('NFKC').replace(/^[\s\p{Cc}\p{Cf}]+/u, '');
              const formula = /^[\t\r\n]/.test(v) || /^[=+\-@]/.test(seen);
              expect(formula && !/^[+-]?\d+(?:[.,]\d+)?$/.test(seen.trimEnd()), `${name}: ${JSON.stringify(v)}`).toBe(false);
            }
          }
        }
        expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
      }),
      { numRuns: RUNS, seed: process.env.PROPERTY_SEED ? Number(process.env.PROPERTY_SEED) : undefined },
    );
  }, 120_000);
});
