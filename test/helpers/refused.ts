/**
 * What every refused hostile input must keep, for the CSV and workbook suites alike: exit 3, no
 * stack trace, nothing on stdout, in bounded time, and nothing of the run left in --out or TMPDIR.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { runCli } from './cli.js';

/** A stack trace on stderr: "    at fn (file:line:col)". */
export const STACK = /\n\s+at \S/;

export function refusalKit(tmp: string) {
  let n = 0;
  /** A fresh private TMPDIR per run, so what a run leaves there is seen. */
  const scratchDir = (): string => {
    const d = join(tmp, `scratch-${n++}`);
    mkdirSync(d);
    return d;
  };
  const write = (name: string, bytes: Buffer | string): string => {
    const file = join(tmp, name);
    writeFileSync(file, bytes);
    return file;
  };
  /** Runs `clean` on the inputs into a new --out with its own TMPDIR; checks the promises and returns stderr. */
  const expectRefused = (args: string[], opts: { timeout?: number } = {}): string => {
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
  };
  return { scratchDir, write, expectRefused };
}
