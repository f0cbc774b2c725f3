/**
 * report.html in the language's conventions: counts with its thousands separator, the run's time
 * in local time with its zone, the options as a table a person reads, a legend for the stacked
 * bars, and why probable-duplicate pairs outnumber the rows held. Rendered from a real summary of
 * the built binary, with the counts of a kota's batch put in.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderHtmlReport } from '../../src/report/html-report.js';
import type { SummaryJson } from '../../src/report/summary-json.js';
import { runCli } from '../helpers/cli.js';
import { readSummary } from '../helpers/summary-schema.js';
import { DEMO } from '../helpers/paths.js';

const tmp = mkdtempSync(join(tmpdir(), 'umkm-report-locale-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const exports = ['kec-pondokgede.csv', 'kec-bekasi-barat.csv', 'kec-jatiasih.txt', 'kec-rawalumbu.csv'].map((f) => join(DEMO, f));

describe('report.html', () => {
  const out = join(tmp, 'hasil');
  const run = runCli(['clean', ...exports, '--region', '32.75', '--as-of', '2021-05-20', '--out', out, '--quiet']);
  const summary = readSummary(out) as SummaryJson;
  const big: SummaryJson = {
    ...summary,
    started_at: '2026-12-02T03:09:43.704Z',
    totals: { ...summary.totals, rows: 66_000, accepted: 50_000, rejected: 5_975, review: 10_025 },
    matching: { ...summary.matching, possible_duplicates: 15_201 },
  };

  it('writes counts as the language does, and the time in local time with its zone', () => {
    expect(run.code).toBe(0);
    const id = renderHtmlReport(big, new Map(), 'id', 'Asia/Jakarta');
    expect(id).toContain('data-testid="rows" data-count="66000">66.000<');
    expect(id).toContain('data-testid="review" data-count="10025">10.025<');
    expect(id).toContain('>2 Desember 2026 pukul 10.09.43 WIB</time>');
    const en = renderHtmlReport(big, new Map(), 'en', 'Asia/Jakarta');
    expect(en).toContain('data-testid="rows" data-count="66000">66,000<');
    expect(en).toMatch(/>2 December 2026 at 10:09:43 GMT\+7<\/time>/);
  });

  it('says why probable-duplicate pairs outnumber the rows held, where the numbers stand', () => {
    const en = renderHtmlReport(big, new Map(), 'en');
    expect(en).toContain('Probable-duplicate pairs found: 15,201 (one row can match several others');
    expect(en).toContain('rows held for review: 10,025.');
    expect(renderHtmlReport(big, new Map(), 'id')).toContain('Pasangan kemungkinan duplikat yang ditemukan: 15.201');
  });

  it('shows the options as a table and the stacked bars with a legend (the file the binary wrote)', () => {
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    const options = /<table data-testid="options">(.*?)<\/table>/s.exec(html)?.[1] ?? '';
    expect(options).toContain('<th>--as-of</th><td>2021-05-20</td>');
    expect(options).toContain('<th>--region</th><td>32.75 KOTA BEKASI</td>');
    expect(options).toContain('<th>--received</th><td>—</td>');
    expect(options).toContain('<th>--xlsx</th><td>ya</td>');
    expect(options).toContain(`<th>berkas masukan</th><td>${exports.join('<br>')}</td>`);
    expect(options).not.toContain('&quot;');
    expect(html).toMatch(/data-testid="legend"><span class="key a"><\/span> Diterima <span class="key r"><\/span> Ditolak <span class="key v"><\/span> Perlu diperiksa/);
    expect(html).toMatch(/<time datetime="[^"]+">\d{1,2} [A-Z][a-z]+ \d{4} pukul \d{2}\.\d{2}\.\d{2} \S+<\/time>/);
  });
});
