/**
 * Hostile CSVs through the built binary: a line of 1 GB, a quote never closed in a large file, a
 * row of 20,000 cells or 180 MB end in bounded time as exit 3 with file and line, no stack trace,
 * nothing left in --out or TMPDIR; a 240-character input name just works. Built here, not committed.
 */
import { closeSync, ftruncateSync, mkdtempSync, openSync, readdirSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { readSummary } from '../helpers/summary-schema.js';
import { refusalKit } from '../helpers/refused.js';
import { sampleRows } from '../helpers/zip.js';

const tmp = mkdtempSync(join(tmpdir(), 'umkm-hostile-csv-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const { write, expectRefused } = refusalKit(tmp);

describe('CSV limits', () => {
  /** 200 good rows first: the sniffer's first 8 KB look like text, as a real export's would. */
  const lead = `${sampleRows(200).map((r) => r.join(',')).join('\r\n')}\r\n`;

  it('a line of 1 GB ends as exit 3 with file and line, in seconds, without reading the line into memory', () => {
    const file = join(tmp, 'satu-giga.csv');
    const fd = openSync(file, 'w');
    writeSync(fd, `${lead}3275010101900999,`);
    // The rest of the line: 1 GB, sparse (zeros read back fast), then one more row.
    ftruncateSync(fd, 1024 * 1024 * 1024);
    writeSync(fd, '\r\n3275010101900998,BUDI,JL. DUKUH 1,BENGKEL,081234567802\r\n', 1024 * 1024 * 1024);
    closeSync(fd);
    try {
      expect(expectRefused([file], { timeout: 30_000 })).toContain('satu-giga.csv baris 202: satu sel lebih dari 67.108.864 karakter');
    } finally {
      rmSync(file);
    }
  }, 60_000);

  it('a quote never closed in a file of 70 MB stops at the cell bound and names the line it opened on', () => {
    const block = `${sampleRows(40_000).slice(1).map((r) => r.join(',')).join('\r\n')}\r\n`;
    const file = write('kutip.csv', `${lead}3275010101900999,"SITI AMINAH,JL. MERPATI,WARUNG,081234567801\r\n${block.repeat(Math.ceil((70 * 1024 * 1024) / block.length))}`);
    try {
      expect(expectRefused([file], { timeout: 30_000 })).toContain(
        'kutip.csv baris 202: satu sel lebih dari 67.108.864 karakter. Biasanya tanda kutip (") yang tidak ditutup',
      );
    } finally {
      rmSync(file);
    }
  }, 60_000);

  it('a row of 20,000 cells, and a row of 180 MB in cells under the cell bound', () => {
    const wide = write('lebar.csv', `${lead}${'x,'.repeat(20_000)}x\r\n`);
    expect(expectRefused([wide])).toContain('lebar.csv baris 202: lebih dari 16.384 sel dalam satu baris');
    // Three cells of 60 MiB (sparse: zeros), each under the cell bound, together past the record's.
    const file = join(tmp, 'panjang.csv');
    const fd = openSync(file, 'w');
    let at = writeSync(fd, `${lead}3275010101900999,`);
    for (let i = 0; i < 3; i++) {
      at += 60 * 1024 * 1024;
      at += writeSync(fd, i < 2 ? ',' : '\r\n', at);
    }
    closeSync(fd);
    try {
      expect(expectRefused([file], { timeout: 30_000 })).toContain('panjang.csv baris 202: satu baris data lebih dari 134.217.728 karakter');
    } finally {
      rmSync(file);
    }
  }, 60_000);

  it('an input whose name is 240 or 250 characters long runs, its rejection workbook named to fit', () => {
    for (const length of [240, 250]) {
      const name = `${'k'.repeat(length - 4)}.csv`;
      const file = write(name, `${sampleRows(3).map((r) => r.join(',')).join('\r\n')}\r\n3275010101900999,,,WARUNG,081234567801\r\n`);
      const out = join(tmp, `panjang-${length}`);
      const r = runCli(['clean', file, '--out', out, '--as-of', '2021-05-20', '--quiet']);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const workbooks = readdirSync(out).filter((f) => f.startsWith('rejected-'));
      expect(workbooks).toHaveLength(1);
      expect(Buffer.byteLength(workbooks[0] as string)).toBeLessThanOrEqual(255);
      expect(readSummary(out).manifest.workbooks).toContain(workbooks[0]);
    }
  });
});
