/**
 * Hostile and damaged workbooks through the built binary: every one ends in bounded time as exit 3
 * with a message naming the file (and the line, where there is one), no stack trace, nothing left
 * in --out or in TMPDIR. The workbooks are built here, byte by byte (no committed binaries):
 * truncated and bit-flipped ones, zip bombs, lying ZIP directories, shared-string floods, cells,
 * rows and columns past Excel's limits.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, ftruncateSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { readSummary } from '../helpers/summary-schema.js';
import { refusalKit, STACK } from '../helpers/refused.js';
import { buildZip, sampleRows, sharedStringsXml, sheetXml, workbookParts, type ZipPart } from '../helpers/zip.js';

const tmp = mkdtempSync(join(tmpdir(), 'umkm-hostile-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const { scratchDir, write, expectRefused } = refusalKit(tmp);

const goodRows = sampleRows(3_000);
const good = buildZip(workbookParts(sheetXml(goodRows)));

describe('damaged workbooks', () => {
  it('a good workbook built here is read (the baseline for the damaged ones)', () => {
    const file = write('baik.xlsx', good);
    const out = join(tmp, 'good-out');
    const scratch = scratchDir();
    const r = runCli(['clean', file, '--out', out, '--as-of', '2021-05-20', '--quiet', '--no-xlsx'], { env: { TMPDIR: scratch } });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(readSummary(out).totals.rows).toBe(3_000);
    expect(readdirSync(scratch)).toEqual([]);
  });

  it('truncated anywhere, or with 8 bytes flipped anywhere: exit 3 naming the file, never 13, never a hang', () => {
    const cuts = [0.1, 0.5, 0.9, 0.99].map((f) => Math.floor(good.length * f)).concat([good.length - 30, good.length - 5]);
    for (const cut of cuts) {
      const stderr = expectRefused([write('terpotong.xlsx', good.subarray(0, cut))]);
      expect(stderr).toContain('terpotong.xlsx');
    }
    for (const f of [0.02, 0.1, 0.4, 0.8, 0.95, 0.98]) {
      const bad = Buffer.from(good);
      const at = Math.floor(bad.length * f);
      for (let i = 0; i < 8; i++) bad[at + i] = (bad[at + i] as number) ^ 0xff;
      const stderr = expectRefused([write('rusak.xlsx', bad)]);
      expect(stderr, `flipped at ${at}`).toMatch(/rusak\.xlsx: (buku kerja rusak atau terpotong|bagian .* tidak ada|bukan buku kerja Excel yang utuh \(ZIP)/);
    }
  }, 180_000);

  it('the same in check, inspect, --received and --decisions', () => {
    const bad = write('rusak-lain.xlsx', good.subarray(0, Math.floor(good.length * 0.6)));
    const csv = write('baik.csv', `${goodRows.map((r) => r.join(',')).join('\n')}\n`);
    for (const args of [
      ['check', bad, '--quiet'],
      ['inspect', bad],
      ['check', csv, '--received', bad, '--quiet'],
      ['check', csv, '--decisions', bad, '--quiet'],
    ]) {
      const scratch = scratchDir();
      const r = runCli(args, { env: { TMPDIR: scratch } });
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(3);
      expect(r.stderr).toContain('rusak-lain.xlsx: bukan buku kerja Excel yang utuh (ZIP: end of central directory)');
      expect(r.stderr).not.toMatch(STACK);
      expect(readdirSync(scratch)).toEqual([]);
    }
  }, 60_000);

  it('no worksheet, no workbook part, or no ZIP at all', () => {
    const parts = workbookParts(sheetXml(goodRows.slice(0, 5)));
    expect(expectRefused([write('tanpa-sheet.xlsx', buildZip(parts.filter((p) => !p.name.includes('worksheets'))))])).toContain(
      'tanpa-sheet.xlsx: bagian xl/worksheets/sheet1.xml tidak ada',
    );
    expect(expectRefused([write('tanpa-workbook.xlsx', buildZip(parts.filter((p) => p.name !== 'xl/workbook.xml')))])).toContain(
      'tanpa-workbook.xlsx: bagian xl/workbook.xml tidak ada',
    );
    expect(expectRefused([write('bukan-zip.xlsx', Buffer.concat([Buffer.from('PK\u0003\u0004'), randomBytes(5_000)]))])).toContain(
      'bukan-zip.xlsx: bukan buku kerja Excel yang utuh (ZIP: end of central directory)',
    );
  });
});

describe('workbook limits', () => {
  // 64 MiB of spaces inside <sheetData>: about 64 KB deflated. Built once for the two tests.
  const bombSheet = Buffer.concat([Buffer.from(sheetXml(goodRows.slice(0, 3)).replace('</sheetData></worksheet>', '')), Buffer.alloc(64 * 1024 * 1024, ' '), Buffer.from('</sheetData></worksheet>')]);

  it('a zip bomb (a worksheet that grows 1,000 times) is refused before it is inflated', () => {
    const stderr = expectRefused([write('bom.xlsx', buildZip(workbookParts(bombSheet)))], { timeout: 10_000 });
    expect(stderr).toMatch(/bom\.xlsx: bagian xl\/worksheets\/sheet1\.xml mengembang [\d.]+ kali saat dibuka \(batas 100 kali\)/);
  });

  it('a directory that understates a part is caught at the size it declared, not after the gigabytes', () => {
    const parts: ZipPart[] = workbookParts(bombSheet).map((p) => (p.name === 'xl/worksheets/sheet1.xml' ? { ...p, declaredSize: 900_000 } : p));
    expect(expectRefused([write('bohong.xlsx', buildZip(parts))], { timeout: 10_000 })).toContain(
      'bohong.xlsx: buku kerja rusak atau terpotong (xl/worksheets/sheet1.xml: size)',
    );
  });

  it('a wrong CRC-32 is damage, even when the XML reads', () => {
    const parts: ZipPart[] = workbookParts(sheetXml(goodRows)).map((p) => (p.name === 'xl/worksheets/sheet1.xml' ? { ...p, declaredCrc: 12345 } : p));
    expect(expectRefused([write('crc.xlsx', buildZip(parts))])).toContain('crc.xlsx: buku kerja rusak atau terpotong (xl/worksheets/sheet1.xml: CRC-32)');
  });

  it('20 million shared strings in a few hundred KB (the 200M-string crash, scaled) end as a message', () => {
    const sst = sharedStringsXml('<si><t/></si>'.repeat(20_000_000), 20_000_000);
    const stderr = expectRefused([write('strings.xlsx', buildZip(workbookParts(sheetXml(goodRows.slice(0, 3)), sst)))], { timeout: 10_000 });
    expect(stderr).toMatch(/strings\.xlsx: bagian xl\/sharedStrings\.xml mengembang/);
  }, 60_000);

  it("a cell past Excel's 32,767 characters: file, line, column and the limit", () => {
    const rows = sampleRows(5);
    (rows[3] as string[])[2] = 'A'.repeat(40_000);
    expect(expectRefused([write('sel-panjang.xlsx', buildZip(workbookParts(sheetXml(rows))))])).toContain(
      'sel-panjang.xlsx baris 4 kolom C: sel lebih dari 32.767 karakter (batas Excel)',
    );
  });

  it('a cell of 2 MB (incompressible, so no ratio stops it) is refused after its first MiB', () => {
    const rows = sampleRows(5);
    (rows[2] as string[])[1] = randomBytes(1_500_000).toString('base64');
    expect(expectRefused([write('sel-besar.xlsx', buildZip(workbookParts(sheetXml(rows))))])).toContain(
      'sel-besar.xlsx baris 3: satu sel berisi lebih dari 1.048.576 byte XML',
    );
    const sst = sharedStringsXml(`<si><t>x</t></si><si><t>${randomBytes(1_500_000).toString('base64')}</t></si>`, 2);
    expect(expectRefused([write('teks-besar.xlsx', buildZip(workbookParts(sheetXml(sampleRows(3)), sst)))])).toContain(
      'teks-besar.xlsx: teks bersama (shared string) ke-2 berisi lebih dari 1.048.576 byte XML',
    );
  });

  it("rows and columns past Excel's limits", () => {
    const rows = sampleRows(3);
    const tooDeep = sheetXml(rows, '<row r="1048577"><c r="A1048577" t="inlineStr"><is><t>x</t></is></c></row>');
    expect(expectRefused([write('baris.xlsx', buildZip(workbookParts(tooDeep)))])).toContain(
      'baris.xlsx baris 1.048.577: melewati batas Excel 1.048.576 baris per lembar',
    );
    const tooWide = sheetXml(rows, '<row r="5"><c r="XFE5" t="inlineStr"><is><t>x</t></is></c></row>');
    expect(expectRefused([write('kolom.xlsx', buildZip(workbookParts(tooWide)))])).toContain(
      'kolom.xlsx baris 5: kolom XFE melewati batas Excel 16.384 kolom (XFD)',
    );
  });

  it('a DOCTYPE (entity expansion) is refused', () => {
    const xml = sheetXml(sampleRows(3)).replace('<worksheet', '<!DOCTYPE lol [<!ENTITY lol "lol">]><worksheet');
    expect(expectRefused([write('doctype.xlsx', buildZip(workbookParts(xml)))])).toContain('doctype.xlsx: buku kerja rusak atau terpotong (xl/worksheets/sheet1.xml: DOCTYPE)');
  });

  it('a file past 256 MB, or with more than 10,000 parts, is refused before it is read', () => {
    const big = join(tmp, 'besar.xlsx');
    const fd = openSync(big, 'w');
    writeSync(fd, Buffer.from('PK\u0003\u0004'));
    // Sparse: nothing is written to the disk.
    ftruncateSync(fd, 257 * 1024 * 1024);
    closeSync(fd);
    expect(expectRefused([big])).toContain('besar.xlsx: buku kerja berukuran 257 MB, melebihi batas 256 MB');
    rmSync(big);
    const many: ZipPart[] = [...workbookParts(sheetXml(sampleRows(3)))];
    for (let i = 0; i < 10_001; i++) many.push({ name: `xl/media/x${i}.bin`, data: 'x', method: 0 });
    expect(expectRefused([write('banyak.xlsx', buildZip(many))])).toContain('banyak.xlsx: buku kerja berisi 10.006 bagian, melebihi batas 10.000');
  });

  it('multi-byte names survive every chunk boundary (exceljs decodes chunk by chunk; ’ came out as U+FFFD)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Usulan');
    ws.addRow(['NIK', 'NAMA', 'ALAMAT', 'BIDANG USAHA', 'NO HP']);
    const names: string[] = [];
    for (let i = 0; i < 20_000; i++) {
      names.push(`MA’RUF É ${i}`);
      ws.addRow([String(3275010101900001 + i), names[i], `JL. MERPATI ’${i}`, 'WARUNG', '081234567801']);
    }
    const file = join(tmp, 'utf8.xlsx');
    await wb.xlsx.writeFile(file);
    const out = join(tmp, 'utf8-out');
    const scratch = scratchDir();
    const r = runCli(['clean', file, '--out', out, '--as-of', '2021-05-20', '--quiet', '--no-xlsx'], { env: { TMPDIR: scratch } });
    expect(r.code, r.stderr).toBe(0);
    const seen = new Set<string>();
    for (const f of ['submission.csv', 'rejected.csv', 'review.csv']) {
      const text = readFileSync(join(out, f), 'utf8');
      expect(text, f).not.toContain('\ufffd');
      for (const row of parse(text, { columns: true }) as Record<string, string>[]) seen.add(row.NAMA as string);
    }
    expect([...seen].sort()).toEqual([...names].sort());
    expect(readdirSync(scratch)).toEqual([]);
  }, 60_000);
});
