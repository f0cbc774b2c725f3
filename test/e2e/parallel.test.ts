/**
 * Work moved to worker threads gives what one thread gives. The scan's matcher half and the
 * candidate pairs on a second thread: the same bytes in every CSV output and the same matching
 * counts, on a generated batch with fuzzy duplicates (UMKM_CLEAN_PARALLEL_MIN_ROWS moves the
 * threshold so a small batch takes either path).
 * Workbooks built on the worker: the same rows as built on the main thread (UMKM_CLEAN_XLSX_THREAD=0).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { generateBatch, SYNTH_HEADER, synthCsvLine } from '../../src/synth/generate.js';
import { runCli } from '../helpers/cli.js';
import { readSummary } from '../helpers/summary-schema.js';

const tmp = mkdtempSync(join(tmpdir(), 'umkm-parallel-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('scan and candidate pairs on two threads', () => {
  it('give the outputs one thread gives', () => {
    const batch = generateBatch({ rows: 4000, seed: 20210520 });
    const input = join(tmp, 'usulan.csv');
    writeFileSync(input, [synthCsvLine([...SYNTH_HEADER]), ...batch.rows.map((r) => synthCsvLine(r.cells))].join('\r\n') + '\r\n');
    const run = (out: string, minRows: string) => {
      const r = runCli(['clean', input, '--out', join(tmp, out), '--quiet', '--no-xlsx', '--as-of', '2021-05-20'], {
        env: { UMKM_CLEAN_PARALLEL_MIN_ROWS: minRows },
      });
      expect(r.code, r.stderr).toBe(0);
      return readSummary(tmp, out) as {
        matching: Record<string, unknown>;
        threads: { scan: number; match: number };
      };
    };
    const one = run('one', '1000000000');
    const two = run('two', '0');
    expect(one.threads).toEqual({ scan: 1, match: 1 });
    expect(two.threads).toEqual({ scan: 2, match: 2 });
    expect(one.matching.possible_duplicates).toBeGreaterThan(50);
    expect(two.matching).toEqual(one.matching);
    for (const f of ['submission.csv', 'rejected.csv', 'review.csv', 'audit.csv']) {
      expect(readFileSync(join(tmp, 'two', f), 'utf8'), f).toBe(readFileSync(join(tmp, 'one', f), 'utf8'));
    }
  });
});

describe('workbooks built on a worker thread', () => {
  it('hold the rows the same workbooks built on the main thread hold', async () => {
    const batch = generateBatch({ rows: 1500, seed: 7 });
    const input = join(tmp, 'kec.csv');
    writeFileSync(input, [synthCsvLine([...SYNTH_HEADER]), ...batch.rows.map((r) => synthCsvLine(r.cells))].join('\r\n') + '\r\n');
    const sheetRows = async (out: string, book: string) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(join(tmp, out, book));
      const rows: unknown[][] = [];
      wb.worksheets[0]?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
      return rows;
    };
    for (const [out, thread] of [['main', '0'], ['worker', '1']] as const) {
      const r = runCli(['clean', input, '--out', join(tmp, out), '--quiet', '--as-of', '2021-05-20'], { env: { UMKM_CLEAN_XLSX_THREAD: thread } });
      expect(r.code, r.stderr).toBe(0);
    }
    for (const book of ['submission.xlsx', 'rejected.xlsx', 'review.xlsx', 'rejected-kec.xlsx']) {
      const main = await sheetRows('main', book);
      expect(main.length, book).toBeGreaterThan(1);
      expect(await sheetRows('worker', book), book).toEqual(main);
    }
  });
});
