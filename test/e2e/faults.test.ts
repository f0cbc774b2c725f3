/**
 * Faults, with real child processes: SIGKILL at random moments of a run must leave either the
 * previous complete outputs or the new complete outputs (after the next run's roll-forward of a
 * commit journal), never a mix; SIGINT stops cleanly with exit 130 and changes nothing.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOURNAL, recoverOutputs } from '../../src/io/output-files.js';
import { generateBatch, synthCsvLine } from '../../src/synth/generate.js';
import { runCli } from '../helpers/cli.js';
import { readSummary } from '../helpers/summary-schema.js';
import { BIN } from '../helpers/paths.js';

const KILLS = Number(process.env.KILL_RUNS ?? 50);
const tmp = mkdtempSync(join(tmpdir(), 'umkm-faults-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function writeSynth(name: string, rows: number, seed: number): string {
  const b = generateBatch({ rows, seed });
  const file = join(tmp, name);
  writeFileSync(file, [synthCsvLine(b.header), ...b.rows.map((r) => synthCsvLine(r.cells))].join('\r\n') + '\r\n');
  return file;
}

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const CSVS = ['submission.csv', 'rejected.csv', 'review.csv', 'audit.csv'];

/** The five files agree with each other: summary.json's checksums are those of the CSVs beside it. */
function consistentRun(out: string): { rows: number } {
  const summary = readSummary(out);
  for (const name of CSVS) expect(sha(join(out, name)), name).toBe(summary.manifest.outputs[name]);
  return { rows: summary.totals.rows };
}

function runAndSignal(args: string[], signal: NodeJS.Signals, afterMs: number): Promise<{ code: number | null; signal: string | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill(signal), afterMs);
    child.on('exit', (code, sig) => {
      clearTimeout(timer);
      resolve({ code, signal: sig, stderr });
    });
  });
}

describe('faults', () => {
  let small: string;
  let large: string;
  let fullRunMs = 0;
  beforeAll(() => {
    small = writeSynth('small.csv', 300, 1);
    large = writeSynth('large.csv', 20_000, 2);
    const t = performance.now();
    expect(runCli(['clean', large, '--out', join(tmp, 'timing'), '--quiet', '--as-of', '2021-05-20']).code).toBe(0);
    fullRunMs = performance.now() - t;
  });

  it(`SIGKILL at ${KILLS} random moments never leaves a mix of two runs`, async () => {
    const out = join(tmp, 'killed');
    expect(runCli(['clean', small, '--out', out, '--quiet', '--as-of', '2021-05-20']).code).toBe(0);
    const seen = { previous: 0, next: 0, rolledForward: 0 };
    for (let k = 0; k < KILLS; k++) {
      const delay = Math.random() * fullRunMs * 1.1;
      await runAndSignal(['clean', large, '--out', out, '--quiet', '--as-of', '2021-05-20'], 'SIGKILL', delay);
      // What the next run does first when it opens the folder.
      if (existsSync(join(out, JOURNAL))) seen.rolledForward++;
      await recoverOutputs(out);
      const { rows } = consistentRun(out);
      expect([300, 20_000]).toContain(rows);
      if (rows === 300) seen.previous++;
      else seen.next++;
      // No temporary file, staging folder or journal of the killed run is left.
      expect(readdirSync(out).filter((n) => n.endsWith('.tmp') || n.startsWith('.umkm-clean-'))).toEqual([]);
      // Back to the previous outputs, so every kill starts from the same state.
      if (rows !== 300) expect(runCli(['clean', small, '--out', out, '--quiet', '--as-of', '2021-05-20']).code).toBe(0);
    }
    console.log(`kills: ${KILLS}; previous outputs kept ${seen.previous}, new outputs complete ${seen.next}, journal rolled forward ${seen.rolledForward}`);
    expect(seen.previous + seen.next).toBe(KILLS);
  }, 300_000);

  it('SIGINT stops with exit 130, a message, and the previous outputs untouched', async () => {
    const out = join(tmp, 'interrupted');
    expect(runCli(['clean', small, '--out', out, '--quiet', '--as-of', '2021-05-20']).code).toBe(0);
    const before = CSVS.map((n) => sha(join(out, n)));
    const r = await runAndSignal(['clean', large, '--out', out, '--as-of', '2021-05-20'], 'SIGINT', Math.max(400, fullRunMs / 3));
    expect(r.code).toBe(130);
    expect(r.stderr).toContain('Dihentikan. Tidak ada berkas hasil yang diubah.');
    expect(CSVS.map((n) => sha(join(out, n)))).toEqual(before);
    expect(readdirSync(out).filter((n) => n.endsWith('.tmp') || n.startsWith('.umkm-clean-'))).toEqual([]);
  });

  it('an --out that cannot be created is a clear error (exit 3) and writes nothing', () => {
    // Root may write anywhere, so an unwritable folder is made by putting it under a plain file.
    const file = join(tmp, 'a-file.txt');
    writeFileSync(file, 'x');
    const r = runCli(['clean', small, '--out', join(file, 'hasil'), '--as-of', '2021-05-20']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/hasil: hasil tidak dapat ditulis \(ENOTDIR\)\. Tidak ada berkas hasil yang diubah\./);
    expect(r.stdout).toBe('');
  });
});

describe('commit journal', () => {
  it('a run killed after placing its journal is finished by the next opener: renames, then stale outputs removed', async () => {
    const out = mkdtempSync(join(tmpdir(), 'umkm-journal-'));
    try {
      const staging = '.umkm-clean-999997-AbCdEf';
      mkdirSync(join(out, staging));
      writeFileSync(join(out, staging, 'audit.csv'), 'new audit');
      writeFileSync(join(out, 'audit.csv'), 'old audit');
      // submission.csv was renamed before the kill; submission.xlsx is an older run's, to go.
      writeFileSync(join(out, 'submission.csv'), 'new submission');
      writeFileSync(join(out, 'submission.xlsx'), 'old workbook');
      writeFileSync(join(out, 'catatan.txt'), 'mine');
      writeFileSync(
        join(out, JOURNAL),
        JSON.stringify({ staging, files: ['audit.csv', 'submission.csv'], remove: ['submission.xlsx'] }),
      );
      expect(await recoverOutputs(out)).toEqual({ rolledForward: 1, removed: 0 });
      expect(readFileSync(join(out, 'audit.csv'), 'utf8')).toBe('new audit');
      expect(readdirSync(out).sort()).toEqual(['audit.csv', 'catatan.txt', 'submission.csv']);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('a journal planted by someone else moves nothing out of --out, touches no other name, and is dropped', async () => {
    const root = mkdtempSync(join(tmpdir(), 'umkm-journal-'));
    const out = join(root, 'hasil');
    mkdirSync(out);
    try {
      writeFileSync(join(root, 'elsewhere.txt'), 'keep');
      writeFileSync(join(out, 'catatan.txt'), 'mine');
      for (const journal of [
        { staging: '../', files: ['elsewhere.txt'], remove: ['../elsewhere.txt'] },
        { staging: '.umkm-clean-999996-AbCdEf', files: ['../elsewhere.txt', 'catatan.txt'], remove: ['catatan.txt', '/etc/passwd'] },
        [{ temp: '../elsewhere.txt', final: 'audit.csv' }, { temp: '.x.999999-a.tmp', final: 'catatan.txt' }],
        'not json',
      ]) {
        writeFileSync(join(out, JOURNAL), typeof journal === 'string' ? journal : JSON.stringify(journal));
        expect((await recoverOutputs(out)).rolledForward).toBe(0);
        expect(readFileSync(join(root, 'elsewhere.txt'), 'utf8')).toBe('keep');
        expect(readdirSync(out)).toEqual(['catatan.txt']);
      }
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('a run killed between journal and renames is rolled forward by the next opener', async () => {
    const out = mkdtempSync(join(tmpdir(), 'umkm-journal-'));
    try {
      writeFileSync(join(out, 'audit.csv'), 'old');
      writeFileSync(join(out, 'summary.json'), 'old');
      writeFileSync(join(out, '.audit.csv.999999-x.tmp'), 'new audit');
      writeFileSync(join(out, 'catatan.txt'), 'mine');
      // summary.json was renamed before the kill; audit.csv was not.
      writeFileSync(join(out, 'summary.json'), 'new summary');
      writeFileSync(
        join(out, JOURNAL),
        JSON.stringify([
          { temp: '.audit.csv.999999-x.tmp', final: 'audit.csv' },
          { temp: '.summary.json.999999-x.tmp', final: 'summary.json' },
        ]),
      );
      writeFileSync(join(out, '.rejected.csv.999998-y.tmp'), 'a dead run without a journal');
      expect(await recoverOutputs(out)).toEqual({ rolledForward: 1, removed: 1 });
      expect(readFileSync(join(out, 'audit.csv'), 'utf8')).toBe('new audit');
      expect(readFileSync(join(out, 'summary.json'), 'utf8')).toBe('new summary');
      expect(readdirSync(out).sort()).toEqual(['audit.csv', 'catatan.txt', 'summary.json']);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
