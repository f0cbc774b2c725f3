/** Every golden folder through the pipeline in-process; outputs must equal expected/ exactly. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/io/read-config.js';
import { DEFAULT_CONFIG } from '../../src/config/parse-config.js';
import { loadRegion } from '../../src/io/load-regions.js';
import { runCommand } from '../../src/pipeline/run-command.js';
import { EXPECTED_FILES, loadGoldenCases, readExpected, stableSummary, writeExpected } from '../helpers/golden.js';
import { assertSummary } from '../helpers/summary-schema.js';

const update = process.env.UPDATE_GOLDEN === '1';
const tmp = mkdtempSync(join(tmpdir(), 'umkm-golden-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe.each(loadGoldenCases())('golden case $name', (c) => {
  it('writes exactly the expected files', async () => {
    const out = join(tmp, c.name);
    const summary = await runCommand({
      command: 'clean',
      inputs: c.inputs,
      out,
      received: c.received,
      exclude: c.exclude,
      decisions: c.decisions,
      config: c.config ? await loadConfig(c.config) : DEFAULT_CONFIG,
      configPath: c.config,
      region: c.region ? await loadRegion(c.region) : null,
      asOf: c.asOf,
      lang: c.lang,
      tool: { name: 'umkm-clean', version: 'test' },
    });
    // The promise every run keeps, whatever the case.
    expect(summary.totals.accepted + summary.totals.rejected + summary.totals.review).toBe(summary.totals.rows);
    const audit = readFileSync(join(out, 'audit.csv'), 'utf8').trimEnd().split('\r\n');
    expect(audit.length - 1).toBe(summary.totals.rows);

    for (const name of EXPECTED_FILES) {
      const got = readFileSync(join(out, name), 'utf8');
      if (update) writeExpected(c, name, name === 'summary.json' ? `${JSON.stringify(stableSummary(got), null, 2)}\n` : got);
      if (name === 'summary.json') {
        assertSummary(JSON.parse(got), `golden case ${c.name}'s summary.json`);
        expect(stableSummary(got), name).toEqual(JSON.parse(readExpected(c, name)));
      } else expect(got, name).toBe(readExpected(c, name));
    }
  });
});
