/**
 * Issue 16 item 7 against a real spreadsheet: LibreOffice Calc (Debian's libreoffice-calc-nogui)
 * opens every CSV output the way the issue did, with "Remove spaces" (trim) and "Evaluate
 * formulas" on, and saves it as flat ODS: no cell may come back as a formula. Issue 17: it prints
 * a 7-column submission.xlsx to PDF on one landscape page across, where the same workbook without
 * the fit takes more, and reads its header row as the rows repeated on every page. Where soffice
 * is not installed the tests say they were skipped; it is not in .ci/run (a large install).
 */
import { spawnSync } from 'node:child_process';
import ExcelJS from 'exceljs';
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

/** soffice converting files into a folder, with this suite's own profile. */
function convert(to: string, outdir: string, files: string[], infilter?: string) {
  const args = ['--headless', `-env:UserInstallation=${pathToFileURL(join(tmp, 'profile')).href}`];
  if (infilter) args.push(`--infilter=${infilter}`);
  return spawnSync(SOFFICE as string, [...args, '--convert-to', to, '--outdir', outdir, ...files], { encoding: 'utf8', timeout: 120_000 });
}

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
    const r = convert('fods', join(tmp, 'calc'), files, 'CSV:44,34,76,1,,1033,false,true,false,false,true,-1,true');
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

/** Pages of a PDF LibreOffice wrote, each with its MediaBox width and height. */
function pdfPages(path: string): { width: number; height: number }[] {
  const pdf = readFileSync(path, 'latin1');
  const pages = pdf.match(/\/Type\s*\/Page[^s]/g) ?? [];
  const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf);
  return pages.map(() => ({ width: Number(box?.[1]), height: Number(box?.[2]) }));
}

describe.skipIf(!SOFFICE)('submission.xlsx printed by LibreOffice', () => {
  it('fits its 7 columns on one landscape page across, the header row repeated on each page', async () => {
    const rows = ['NIK,NAMA,ALAMAT,BIDANG USAHA,NO HP,KELURAHAN,KECAMATAN'];
    const names = ['SITI AMINAH BINTI ABDULLAH', 'BUDI SANTOSO WIRAATMAJA', 'AGUS HARTONO SUKARDI', 'DEWI LESTARI KUSUMAWATI', 'RINI WULANDARI PRATIWI'];
    names.forEach((name, i) => {
      const nik = `3275081${i + 1}0${i + 1}8${i}000${i + 1}`;
      const address = `"JL. RAYA JATIWARINGIN GG. MASJID AL-IKHLAS NO. ${i + 1} RT 002 RW 013, DEKAT POS RONDA"`;
      rows.push(`${nik},${name},${address},WARUNG SEMBAKO DAN KEBUTUHAN POKOK,08123456780${i + 1},JATIWARINGIN,PONDOK GEDE`);
    });
    const input = join(tmp, 'print.csv');
    writeFileSync(input, `${rows.join('\r\n')}\r\n`);
    const out = join(tmp, 'print');
    const run = runCli(['clean', input, '--out', out, '--as-of', '2021-05-20', '--quiet']);
    expect(run.code, run.stderr).toBe(0);
    expect(readFileSync(join(out, 'submission.csv'), 'utf8').trimEnd().split('\r\n')).toHaveLength(6);

    // The control: the same workbook (same widths) printed at 100% instead of fitted.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(out, 'submission.xlsx'));
    (wb.worksheets[0] as ExcelJS.Worksheet).pageSetup.fitToPage = false;
    const control = join(tmp, 'control.xlsx');
    await wb.xlsx.writeFile(control);

    const pdf = join(tmp, 'pdf');
    const r = convert('pdf', pdf, [join(out, 'submission.xlsx'), control]);
    expect(r.status, r.stderr).toBe(0);
    const pages = pdfPages(join(pdf, 'submission.pdf'));
    expect(pages).toHaveLength(1);
    expect((pages[0] as { width: number }).width).toBeGreaterThan((pages[0] as { height: number }).height);
    // Without the fit the columns run onto a second page across: the fit is what keeps them whole.
    expect(pdfPages(join(pdf, 'control.pdf')).length).toBeGreaterThan(1);

    const ods = convert('fods', join(tmp, 'print-ods'), [join(out, 'submission.xlsx')]);
    expect(ods.status, ods.stderr).toBe(0);
    const xml = readFileSync(join(tmp, 'print-ods', 'submission.fods'), 'utf8');
    expect(xml).toMatch(/<table:table-header-rows>\s*<table:table-row[^>]*>[\s\S]*?NIK/);
    expect(xml).toMatch(/style:print-orientation="landscape"[^>]*style:scale-to-X="1"/);
  }, 240_000);
});
