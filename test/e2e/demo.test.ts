/**
 * `npm run demo` as a newcomer runs it: pinned to a reference date, so the README's figures and
 * screenshot are what it prints on any day (ages, hence UNDERAGE, move with today's date).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { readSummary } from '../helpers/summary-schema.js';
import { ROOT } from '../helpers/paths.js';

const tmp = mkdtempSync(join(tmpdir(), 'umkm-demo-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('npm run demo', () => {
  it('runs the binary pinned to --as-of 2021-05-20, with the figures the README shows', () => {
    const script = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts.demo as string;
    const command = script.split('&&').map((part) => part.trim()).find((part) => part.startsWith('node bin/umkm-clean.js'));
    expect(command).toBeDefined();
    const args = (command as string).split(/\s+/).slice(2);
    expect(args.join(' ')).toContain('--as-of 2021-05-20');
    // The same run, into a temporary folder instead of ./out.
    const out = args.indexOf('--out');
    args[out + 1] = join(tmp, 'out');
    const r = runCli(args);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Baris data\s+40\n/);
    expect(r.stdout).toMatch(/Diterima \(submission\.csv\)\s+19\n/);
    const summary = readSummary(tmp, 'out');
    expect(summary.options.as_of).toBe('2021-05-20');
  });
});
