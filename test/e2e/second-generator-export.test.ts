/** The second generator's exports, written to disk as CRLF CSV, go through the built binary. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateSecondBatch, secondGeneratorCsv } from '../../src/synth/second-generator.js';
import { runCli } from '../helpers/cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'umkm-gen2-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('check on second-generator exports', () => {
  it('reads an export without a No. KK column and one with it as one batch, and finds their duplicates', () => {
    const plain = join(tmp, 'kec-tanpa-kk.csv');
    const withKk = join(tmp, 'kec-dengan-kk.csv');
    writeFileSync(plain, secondGeneratorCsv(generateSecondBatch({ rows: 600, seed: 21 })));
    writeFileSync(withKk, secondGeneratorCsv(generateSecondBatch({ rows: 300, seed: 22, withKkColumn: true })));
    const r = runCli(['check', plain, withKk, '--json', '--region', '32.75', '--as-of', '2021-05-20']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary.totals).toMatchObject({ rows: 900, balanced: true });
    const [a, b] = summary.files as { columns: Record<string, string>; other_columns: string[]; rows: number }[];
    expect(Object.keys(a?.columns ?? {}).sort()).toEqual(['alamat', 'bidang_usaha', 'jenis_kelamin', 'kecamatan', 'kelurahan', 'nama', 'nik', 'no_hp', 'rt', 'rw', 'tanggal_lahir']);
    expect(a?.other_columns).toEqual(['NO', 'KETERANGAN']);
    expect(b?.columns.no_kk).toBe('NO. KK');
    // Exact copies, NIKs one typo apart, and the deliberately damaged NIK cells all show.
    for (const code of ['DUPLICATE_NIK', 'POSSIBLE_DUPLICATE']) expect(summary.reasons[code]).toBeGreaterThan(0);
    expect((summary.reasons.NIK_MALFORMED ?? 0) + (summary.reasons.NIK_EXCEL_MANGLED ?? 0)).toBeGreaterThan(0);
  });
});
