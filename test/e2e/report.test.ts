/**
 * report.html in a real headless browser (Debian's chromium): the numbers the page shows equal
 * summary.json, and a screenshot renders. CI installs chromium (.ci/run); elsewhere the test says
 * it was skipped rather than pretending.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { readSummary } from '../helpers/summary-schema.js';
import { DEMO } from '../helpers/paths.js';

const CHROMIUM = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => p && existsSync(p));
if (!CHROMIUM && process.env.CI) throw new Error('CI must have chromium: .ci/run installs it');
const tmp = mkdtempSync(join(tmpdir(), 'umkm-report-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function chromium(args: string[]): string {
  const r = spawnSync(
    CHROMIUM as string,
    [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', `--user-data-dir=${join(tmp, 'profile')}`, ...args,
    ],
    { encoding: 'utf8', timeout: 60_000 },
  );
  if (r.status !== 0) throw new Error(`chromium exited ${r.status}: ${r.stderr}`);
  return r.stdout;
}

/** What this test reads of summary.json. */
interface Summary {
  totals: { rows: number; accepted: number; rejected: number; review: number; skipped_lines: number };
  reasons: Record<string, number>;
  warnings: Record<string, number>;
  files: { file: string; rows: number }[];
}

describe.skipIf(!CHROMIUM)('report.html in headless chromium', () => {
  const out = join(tmp, 'demo');
  let summary: Summary;
  let dom = '';
  beforeAll(() => {
    const inputs = ['kec-pondokgede.csv', 'kec-bekasi-barat.csv', 'kec-jatiasih.txt', 'kec-rawalumbu.csv'].map((f) => join(DEMO, f));
    expect(runCli(['clean', ...inputs, '--region', '32.75', '--as-of', '2021-05-20', '--out', out, '--quiet']).code).toBe(0);
    summary = readSummary(out) as Summary;
    dom = chromium(['--dump-dom', pathToFileURL(join(out, 'report.html')).href]);
  });

  const testid = (id: string) => new RegExp(`data-testid="${id}"[^>]*>([^<]*)<`).exec(dom)?.[1];

  it('shows the totals of summary.json', () => {
    expect(Number(testid('rows'))).toBe(summary.totals.rows);
    expect(Number(testid('accepted'))).toBe(summary.totals.accepted);
    expect(Number(testid('rejected'))).toBe(summary.totals.rejected);
    expect(Number(testid('review'))).toBe(summary.totals.review);
    expect(Number(testid('skipped'))).toBe(summary.totals.skipped_lines);
    expect(testid('balanced')).toContain('Semua baris tercatat');
  });

  it('charts every reason with its count, and every file with its rows', () => {
    const bars = [...dom.matchAll(/<tr data-key="([A-Z_]+)">.*?data-count="(\d+)"/g)].map((m) => [m[1], Number(m[2])]);
    expect(Object.fromEntries(bars)).toEqual({ ...summary.reasons, ...summary.warnings });
    const files = [...dom.matchAll(/<tr data-file="([^"]+)">.*?data-count="(\d+)"/g)].map((m) => [m[1], Number(m[2])]);
    expect(files).toEqual(summary.files.map((f) => [f.file, f.rows]));
  });

  it('masks NIKs and carries the loud warning of the damaged file', () => {
    expect(dom).not.toMatch(/\b\d{16}\b/);
    expect(dom).toMatch(/3275\d\d\*{8}\d{2}/);
    expect(dom).toContain('PERINGATAN kec-rawalumbu.csv');
  });

  it('renders a screenshot', () => {
    const png = join(tmp, 'report.png');
    chromium(['--hide-scrollbars', '--window-size=1200,1600', `--screenshot=${png}`, pathToFileURL(join(out, 'report.html')).href]);
    const bytes = readFileSync(png);
    expect(bytes.subarray(1, 4).toString()).toBe('PNG');
    expect(bytes.readUInt32BE(16)).toBe(1200); // width from the IHDR chunk
    expect(bytes.length).toBeGreaterThan(50_000); // a page with content, not a blank one
  });
});
