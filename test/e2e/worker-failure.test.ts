/**
 * A worker that fails is never hidden. The built package is copied and its candidate and scoring
 * worker modules replaced by ones that throw, as a broken install or a bug would: the run still
 * gives exactly the outputs of a sound one (the work runs on the main thread), and it says so, on
 * stderr and in summary.json, with threads reporting what really ran.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateBatch, SYNTH_HEADER, synthCsvLine } from '../../src/synth/generate.js';
import { ROOT } from '../helpers/paths.js';
import { readSummary } from '../helpers/summary-schema.js';

const tmp = mkdtempSync(join(tmpdir(), 'umkm-worker-failure-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function install(into: string, broken: readonly string[]): string {
  cpSync(join(ROOT, 'bin'), join(into, 'bin'), { recursive: true });
  cpSync(join(ROOT, 'dist'), join(into, 'dist'), { recursive: true });
  cpSync(join(ROOT, 'package.json'), join(into, 'package.json'));
  symlinkSync(join(ROOT, 'node_modules'), join(into, 'node_modules'), 'dir');
  for (const w of broken) writeFileSync(join(into, 'dist', 'engine', w), "throw new Error('worker broken on purpose');\n");
  return join(into, 'bin', 'umkm-clean.js');
}

describe('a failing worker', () => {
  it('leaves the outputs as a sound run makes them, and is said on stderr and in summary.json', () => {
    const batch = generateBatch({ rows: 3000, seed: 20210520 });
    const input = join(tmp, 'usulan.csv');
    writeFileSync(input, [synthCsvLine([...SYNTH_HEADER]), ...batch.rows.map((r) => synthCsvLine(r.cells))].join('\r\n') + '\r\n');
    const run = (bin: string, out: string) => {
      const r = spawnSync(process.execPath, [bin, 'clean', input, '--out', join(tmp, out), '--quiet', '--no-xlsx', '--as-of', '2021-05-20'], {
        encoding: 'utf8',
        env: { ...process.env, UMKM_CLEAN_PARALLEL_MIN_ROWS: '0' },
        timeout: 60_000,
      });
      expect(r.status, r.stderr).toBe(0);
      const summary = readSummary(tmp, out) as {
        threads: { scan: number; match: number };
        worker_fallbacks?: string[];
        matching: { possible_duplicates: number };
      };
      return { stderr: r.stderr, summary };
    };
    const sound = run(install(join(tmp, 'sound'), []), 'out-sound');
    const broken = run(install(join(tmp, 'broken'), ['candidates-worker.js', 'score-worker.js']), 'out-broken');

    expect(sound.summary.threads).toEqual({ scan: 2, match: 2 });
    expect(sound.summary.worker_fallbacks).toBeUndefined();
    expect(sound.stderr).toBe('');
    expect(sound.summary.matching.possible_duplicates).toBeGreaterThan(20);

    expect(broken.summary.threads).toEqual({ scan: 2, match: 1 });
    expect(broken.summary.worker_fallbacks).toHaveLength(2);
    expect(broken.summary.worker_fallbacks?.join('\n')).toMatch(/worker broken on purpose/);
    expect(broken.stderr).toMatch(/Thread kedua untuk pencarian pasangan calon gagal \(worker broken on purpose\)/);
    expect(broken.stderr).toMatch(/Thread kedua untuk penilaian pasangan gagal/);
    for (const f of ['submission.csv', 'rejected.csv', 'review.csv', 'audit.csv']) {
      expect(readFileSync(join(tmp, 'out-broken', f), 'utf8'), f).toBe(readFileSync(join(tmp, 'out-sound', f), 'utf8'));
    }
  });

  it('stops the run with exit 1 and says which worker, without a stack trace, when the scan worker fails', () => {
    const bin = install(join(tmp, 'broken-scan'), ['match-scan-worker.js']);
    const input = join(tmp, 'usulan.csv');
    const out = join(tmp, 'out-broken-scan');
    const r = spawnSync(process.execPath, [bin, 'clean', input, '--out', out, '--quiet', '--no-xlsx', '--as-of', '2021-05-20'], {
      encoding: 'utf8',
      env: { ...process.env, UMKM_CLEAN_PARALLEL_MIN_ROWS: '0' },
      timeout: 60_000,
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(
      'umkm-clean: Thread kedua (scan) gagal: worker broken on purpose. Tidak ada berkas hasil yang diubah. Laporkan ke pengembang bersama perintah yang dijalankan.\n',
    );
    expect(existsSync(join(out, 'submission.csv'))).toBe(false);
  });
});
