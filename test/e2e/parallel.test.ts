/**
 * Candidate pairs found on two threads (the built worker) are exactly those found on one: the same
 * bytes in every CSV output and the same matching counts, on a generated batch with fuzzy
 * duplicates. UMKM_CLEAN_PARALLEL_MIN_ROWS moves the threshold so a small batch takes either path.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateBatch, SYNTH_HEADER, synthCsvLine } from '../../src/synth/generate.js';
import { runCli } from '../helpers/cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'umkm-parallel-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('candidate pairs on two threads', () => {
  it('give the outputs one thread gives', () => {
    const batch = generateBatch({ rows: 4000, seed: 20210520 });
    const input = join(tmp, 'usulan.csv');
    writeFileSync(input, [synthCsvLine([...SYNTH_HEADER]), ...batch.rows.map((r) => synthCsvLine(r.cells))].join('\r\n') + '\r\n');
    const run = (out: string, minRows: string) => {
      const r = runCli(['clean', input, '--out', join(tmp, out), '--quiet', '--no-xlsx', '--as-of', '2021-05-20'], {
        env: { UMKM_CLEAN_PARALLEL_MIN_ROWS: minRows },
      });
      expect(r.code, r.stderr).toBe(0);
      return JSON.parse(readFileSync(join(tmp, out, 'summary.json'), 'utf8')) as { matching: Record<string, unknown> };
    };
    const one = run('one', '1000000000');
    const two = run('two', '0');
    expect(one.matching.threads).toBe(1);
    expect(two.matching.threads).toBe(2);
    expect(one.matching.possible_duplicates).toBeGreaterThan(50);
    expect({ ...two.matching, threads: 1 }).toEqual(one.matching);
    for (const f of ['submission.csv', 'rejected.csv', 'review.csv', 'audit.csv']) {
      expect(readFileSync(join(tmp, 'two', f), 'utf8'), f).toBe(readFileSync(join(tmp, 'one', f), 'utf8'));
    }
  });
});
