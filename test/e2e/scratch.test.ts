/**
 * The scratch file (NIK, name and address of every row) in TMPDIR: a private folder named after
 * the run's PID, gone when the run ends however it ends, and, after a run that could not clean up
 * (SIGKILL), removed by the next run. Real child processes, each with its own TMPDIR.
 */
import { spawn } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateBatch, synthCsvLine } from '../../src/synth/generate.js';
import { runCli } from '../helpers/cli.js';
import { BIN } from '../helpers/paths.js';
import { buildZip, sampleRows, sheetXml, workbookParts } from '../helpers/zip.js';

const tmp = mkdtempSync(join(tmpdir(), 'umkm-scratch-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const isRoot = process.getuid?.() === 0;

function writeSynth(name: string, rows: number, seed: number): string {
  const b = generateBatch({ rows, seed });
  const file = join(tmp, name);
  writeFileSync(file, `${[synthCsvLine(b.header), ...b.rows.map((r) => synthCsvLine(r.cells))].join('\r\n')}\r\n`);
  return file;
}

const small = writeSynth('small.csv', 300, 1);
const large = writeSynth('large.csv', 30_000, 2);

function freshTmp(name: string): string {
  const d = join(tmp, name);
  mkdirSync(d);
  return d;
}

/** The scratch files under a TMPDIR that hold lines already. */
function scratchWithLines(root: string): string[] {
  const found: string[] = [];
  for (const d of readdirSync(root)) {
    const f = join(root, d, 'rows.spill');
    if (existsSync(f) && statSync(f).size > 0) found.push(f);
  }
  return found;
}

/** Starts `clean` on the input, waits until its scratch file has lines, then sends the signal. */
async function killMidScan(
  root: string,
  signal: NodeJS.Signals,
  input = large,
): Promise<{ code: number | null; signal: string | null; stderr: string; spill: string }> {
  const child = spawn(process.execPath, [BIN, 'clean', input, '--out', join(root, '..', `${signal}-${input.length}-out`), '--quiet', '--as-of', '2021-05-20'], {
    env: { ...process.env, TMPDIR: root },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) => child.on('exit', (code, sig) => resolve({ code, signal: sig })));
  let spill = '';
  for (let waited = 0; waited < 60_000 && !spill; waited += 10) {
    spill = scratchWithLines(root)[0] ?? '';
    if (!spill) await new Promise((r) => setTimeout(r, 10));
  }
  expect(spill, 'the run never wrote its scratch file').not.toBe('');
  child.kill(signal);
  return { ...(await exited), stderr, spill };
}

describe('scratch files', () => {
  it('of a run killed with SIGKILL are removed by the next run', async () => {
    const root = freshTmp('killed');
    const { signal, spill } = await killMidScan(root, 'SIGKILL');
    expect(signal).toBe('SIGKILL');
    // What a kill leaves: NIKs, names and addresses, in a private folder named after the dead run.
    const left = readdirSync(root);
    expect(left).toHaveLength(1);
    expect(left[0]).toMatch(/^umkm-clean-\d+-[A-Za-z0-9]{6}$/);
    expect(statSync(join(root, left[0] as string)).mode & 0o777).toBe(0o700);
    expect(statSync(spill).mode & 0o777).toBe(0o600);
    expect(readFileSync(spill, 'utf8')).toMatch(/^\d+\t\d{16}/);
    const next = runCli(['check', small, '--quiet', '--as-of', '2021-05-20'], { env: { TMPDIR: root } });
    expect(next.code, next.stderr).toBe(0);
    expect(readdirSync(root)).toEqual([]);
  }, 120_000);

  it('of a workbook input include no copy of its worksheet (exceljs copied it whole to TMPDIR)', async () => {
    const root = freshTmp('workbook');
    const book = join(tmp, 'besar.xlsx');
    writeFileSync(book, buildZip(workbookParts(sheetXml(sampleRows(40_000)))));
    const { signal } = await killMidScan(root, 'SIGKILL', book);
    expect(signal).toBe('SIGKILL');
    // Only the run's own scratch folder, which the next run removes.
    expect(readdirSync(root)).toEqual([expect.stringMatching(/^umkm-clean-\d+-[A-Za-z0-9]{6}$/)]);
    expect(runCli(['check', small, '--quiet', '--as-of', '2021-05-20'], { env: { TMPDIR: root } }).code).toBe(0);
    expect(readdirSync(root)).toEqual([]);
  }, 120_000);

  it('of live runs, of other users and of unknown folders stay; a day-old one of an old version goes', () => {
    const root = freshTmp('mixed');
    const mk = (name: string, files: string[], ageMs = 0) => {
      const d = join(root, name);
      mkdirSync(d, { mode: 0o700 });
      for (const f of files) writeFileSync(join(d, f), '0\t3275010101900001\tSITI\n');
      if (ageMs) {
        const t = (Date.now() - ageMs) / 1000;
        utimesSync(d, t, t);
      }
      return d;
    };
    const live = mk(`umkm-clean-${process.pid}-AbC123`, ['rows.spill']);
    const dead = mk('umkm-clean-999999-AbC123', ['rows.spill']);
    const others = mk('umkm-clean-999998-XyZ789', ['rows.spill']);
    if (isRoot) chownSync(others, 65534, 65534);
    const oldVersion = mk('umkm-clean-QqQ111', ['rows.spill'], 2 * 24 * 3600 * 1000);
    const oldVersionFresh = mk('umkm-clean-QqQ222', ['rows.spill']);
    const notOurs = mk('umkm-clean-QqQ333', ['notes.txt'], 2 * 24 * 3600 * 1000);
    const r = runCli(['check', small, '--quiet', '--as-of', '2021-05-20'], { env: { TMPDIR: root } });
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(live)).toBe(true);
    expect(existsSync(dead)).toBe(false);
    expect(existsSync(others)).toBe(!!isRoot);
    expect(existsSync(oldVersion)).toBe(false);
    expect(existsSync(oldVersionFresh)).toBe(true);
    expect(existsSync(notOurs)).toBe(true);
  });

  it('are gone after a run stopped with SIGINT (exit 130)', async () => {
    const root = freshTmp('interrupted');
    const { code } = await killMidScan(root, 'SIGINT');
    expect(code).toBe(130);
    expect(readdirSync(root)).toEqual([]);
  }, 120_000);

  it('are gone after a run that fails late (a quote never closed at the end of a large input)', () => {
    const root = freshTmp('failed');
    const broken = join(tmp, 'broken.csv');
    writeFileSync(broken, `${readFileSync(large, 'utf8')}3275010101900999,"SITI,JL. MERPATI,WARUNG,081234567801\r\n`);
    const r = runCli(['clean', broken, '--out', join(tmp, 'failed-out'), '--quiet', '--as-of', '2021-05-20'], { env: { TMPDIR: root } });
    expect(r.code, r.stderr).toBe(3);
    expect(readdirSync(root)).toEqual([]);
  });
});
