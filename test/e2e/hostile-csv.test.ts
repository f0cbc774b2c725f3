/**
 * Hostile CSVs through the built binary: a line of 1 GB, a quote never closed in a large file, a
 * row of 20,000 cells or 180 MB end in bounded time as exit 3 with file and line, no stack trace,
 * nothing left in --out or TMPDIR; a 240-character input name just works. Built here, not committed.
 */
import { closeSync, ftruncateSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { sampleRows } from '../helpers/zip.js';

const tmp = mkdtempSync(join(tmpdir(), 'umkm-hostile-csv-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

let n = 0;
/** A fresh private TMPDIR per run, so what a run leaves there is seen. */
function scratchDir(): string {
  const d = join(tmp, `scratch-${n++}`);
  mkdirSync(d);
  return d;
}

function write(name: string, bytes: Buffer | string): string {
  const file = join(tmp, name);
  writeFileSync(file, bytes);
  return file;
}

/** A stack trace on stderr: "    at fn (file:line:col)". */
const STACK = /\n\s+at \S/;

/**
 * Runs `clean` on the inputs into a new --out with its own TMPDIR; checks the promises every
 * failure keeps and returns stderr.
 */
function expectRefused(args: string[], opts: { timeout?: number } = {}): string {
  const out = join(tmp, `out-${n++}`);
  const scratch = scratchDir();
  const t = performance.now();
  const r = runCli(['clean', ...args, '--out', out, '--as-of', '2021-05-20', '--quiet'], { env: { TMPDIR: scratch } });
  const ms = performance.now() - t;
  expect(r.stderr).not.toMatch(STACK);
  expect(r.code, r.stderr).toBe(3);
  expect(r.stdout).toBe('');
  expect(ms).toBeLessThan(opts.timeout ?? 20_000);
  // Nothing of the run is left: no temporary files in --out, no scratch or exceljs copies in TMPDIR.
  expect(readdirSync(out)).toEqual([]);
  expect(readdirSync(scratch)).toEqual([]);
  return r.stderr;
}

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
      expect(JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')).manifest.workbooks).toContain(workbooks[0]);
    }
  });
});
