/**
 * A shared --out folder, probed as another user of it would: links planted at every name a run
 * could be predicted to write, inputs reached through symlinked folders, outputs of older runs
 * left beside new ones, the folder's own mode. Real files, the built binary.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  copyFileSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { JOURNAL } from '../../src/io/output-files.js';
import { runCli } from '../helpers/cli.js';
import { readSummary } from '../helpers/summary-schema.js';
import { BIN, DEMO } from '../helpers/paths.js';

const tmp = mkdtempSync(join(tmpdir(), 'umkm-shared-'));
// Other users must reach the folders in here (the planting user, a run as nobody).
chmodSync(tmp, 0o755);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const A = join(DEMO, 'kec-pondokgede.csv');
const B = join(DEMO, 'kec-bekasi-barat.csv');
const isRoot = process.getuid?.() === 0;
const NOBODY = 65534;

function clean(args: string[]): ReturnType<typeof runCli> {
  return runCli(['clean', ...args, '--as-of', '2021-05-20', '--quiet']);
}

describe('links planted in a shared --out', () => {
  /** A folder anyone may write in, a root-only file outside it, links planted by another user. */
  function sharedFolder(name: string, links: (out: string, victim: string) => string[]): { out: string; victim: string; check: () => void } {
    const out = join(tmp, name);
    mkdirSync(out);
    chmodSync(out, 0o777);
    const victim = join(tmp, `${name}-rahasia.txt`);
    writeFileSync(victim, 'root only\n', { mode: 0o600 });
    const before = { text: readFileSync(victim, 'utf8'), mtime: statSync(victim).mtimeMs };
    const plant = `
      const { symlinkSync } = require('node:fs');
      const [victim, ...paths] = process.argv.slice(1);
      for (const p of paths) symlinkSync(victim, p);
    `;
    // Planted by another user where the machine allows it (as the issue reproduced it), else by us.
    const planted = spawnSync(process.execPath, ['-e', plant, victim, ...links(out, victim)], {
      ...(isRoot ? { uid: NOBODY, gid: NOBODY } : {}),
      encoding: 'utf8',
    });
    expect(planted.status, planted.stderr).toBe(0);
    return {
      out,
      victim,
      check: () => {
        expect(readFileSync(victim, 'utf8')).toBe(before.text);
        expect(statSync(victim).mtimeMs).toBe(before.mtime);
      },
    };
  }

  it('write nothing outside --out through them at the names the PID predicts (the journal temp was .umkm-clean-commit.json.<pid>.tmp)', () => {
    // The next PIDs, as anyone can read them.
    const lastPid = existsSync('/proc/sys/kernel/ns_last_pid') ? Number(readFileSync('/proc/sys/kernel/ns_last_pid', 'utf8')) : 0;
    const range = [lastPid + 1, lastPid + 3000] as const;
    const { out, check } = sharedFolder('bersama', (o) => {
      const paths: string[] = [];
      for (let pid = range[0]; pid <= range[1]; pid++) paths.push(join(o, `${JOURNAL}.${pid}.tmp`));
      return paths;
    });
    const child = spawnSync(process.execPath, [BIN, 'clean', A, '--out', out, '--as-of', '2021-05-20', '--quiet'], { encoding: 'utf8' });
    if (child.pid < range[0] || child.pid > range[1]) console.log(`the run's PID ${child.pid} fell outside the planted range ${range.join('-')}`);
    expect(child.stderr).toBe('');
    expect(child.status).toBe(0);
    readSummary(out);
    check();
    expect(readdirSync(out).filter((f) => /^\.umkm-clean-\d+-/.test(f))).toEqual([]);
  });

  it('write nothing through links at the fixed names (every output, the journal), and are replaced by the outputs', () => {
    const finals = ['submission.csv', 'rejected.csv', 'review.csv', 'audit.csv', 'summary.json', 'report.html', 'submission.xlsx', 'rejected.xlsx', 'review.xlsx'];
    const { out, check } = sharedFolder('bersama-tetap', (o) => [JOURNAL, ...finals].map((n) => join(o, n)));
    const r = clean([A, '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    check();
    // The outputs are this run's own files, owner-only, not links.
    for (const name of finals) expect(lstatSync(join(out, name)).isFile(), name).toBe(true);
    expect(lstatSync(join(out, 'submission.csv')).mode & 0o777).toBe(0o600);
    expect(existsSync(join(out, JOURNAL))).toBe(false);
  });

  it('a staging folder of a run that is gone is removed by the next run, unless another user owns it', () => {
    const out = join(tmp, 'sisa');
    expect(clean([A, '--out', out]).code).toBe(0);
    const dead = join(out, '.umkm-clean-999999-AbC123');
    mkdirSync(dead);
    writeFileSync(join(dead, 'submission.csv'), 'half a run');
    const theirs = join(out, '.umkm-clean-999998-XyZ789');
    mkdirSync(theirs);
    if (isRoot) chownSync(theirs, NOBODY, NOBODY);
    expect(clean([A, '--out', out]).code).toBe(0);
    expect(existsSync(dead)).toBe(false);
    expect(existsSync(theirs)).toBe(!!isRoot);
  });
});

describe('inputs inside --out', () => {
  it('are refused through a symlinked folder or a symlinked file, and left untouched', () => {
    const real = join(tmp, 'hasil');
    expect(clean([A, B, '--out', real]).code).toBe(0);
    const link = join(tmp, 'tautan');
    symlinkSync(real, link);
    const fileLink = join(tmp, 'perbaikan.csv');
    symlinkSync(join(real, 'rejected.csv'), fileLink);
    const before = sha(join(real, 'rejected.csv'));
    for (const [input, out] of [
      [join(link, 'rejected.csv'), real],
      [join(real, 'rejected.csv'), link],
      [join(link, '..', 'hasil', 'rejected.csv'), link],
      [fileLink, real],
    ] as const) {
      const r = clean([input, '--out', out]);
      expect(r.code, `${input} --out ${out}: ${r.stderr}`).toBe(2);
      expect(r.stderr).toContain(`folder keluaran akan menimpa berkas masukan ${input}`);
      expect(sha(join(real, 'rejected.csv'))).toBe(before);
    }
    // A list is an input too.
    const r = runCli(['clean', A, '--out', real, '--received', join(link, 'submission.csv'), '--as-of', '2021-05-20', '--quiet']);
    expect(r.code).toBe(2);
  });
});

describe('outputs of earlier runs', () => {
  it("are removed when a run commits: the folder holds this run's outputs only, all in its manifest", () => {
    const out = join(tmp, 'berganti');
    expect(clean([A, B, '--out', out]).code).toBe(0);
    writeFileSync(join(out, 'catatan.txt'), 'mine');
    const xlsx = () => readdirSync(out).filter((f) => f.endsWith('.xlsx')).sort();
    expect(xlsx()).toEqual(['rejected-kec-bekasi-barat.xlsx', 'rejected-kec-pondokgede.xlsx', 'rejected.xlsx', 'review.xlsx', 'submission.xlsx']);

    // Without the workbooks: the old ones (of another batch) must not sit beside the new CSVs.
    expect(clean([A, '--out', out, '--no-xlsx']).code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['audit.csv', 'catatan.txt', 'rejected.csv', 'report.html', 'review.csv', 'review.html', 'submission.csv', 'summary.json']);

    // A batch without kec-bekasi-barat: its rejection workbook goes.
    expect(clean([A, B, '--out', out]).code).toBe(0);
    expect(clean([A, '--out', out]).code).toBe(0);
    expect(xlsx()).toEqual(['rejected-kec-pondokgede.xlsx', 'rejected.xlsx', 'review.xlsx', 'submission.xlsx']);
    const manifest = readSummary(out).manifest;
    expect([...manifest.workbooks].sort()).toEqual(xlsx());
    expect(readFileSync(join(out, 'catatan.txt'), 'utf8')).toBe('mine');
  });

  it("a folder of an output name is somebody's, and stays", () => {
    const out = join(tmp, 'folder-nama');
    expect(clean([A, '--out', out]).code).toBe(0);
    mkdirSync(join(out, 'rejected-arsip.xlsx'));
    copyFileSync(A, join(out, 'rejected-arsip.xlsx', 'isi.csv'));
    expect(clean([A, '--out', out, '--no-xlsx']).code).toBe(0);
    expect(existsSync(join(out, 'rejected-arsip.xlsx', 'isi.csv'))).toBe(true);
  });
});

describe('runs committing into one folder at once', () => {
  it('leave one run\'s complete outputs, never a mix (one with workbooks, one without, ten times)', async () => {
    const out = join(tmp, 'serentak');
    const run = (args: string[]) =>
      new Promise<number | null>((resolve) => {
        const child = spawn(process.execPath, [BIN, 'clean', ...args, '--out', out, '--as-of', '2021-05-20', '--quiet'], { stdio: 'ignore' });
        child.on('exit', (code) => resolve(code));
      });
    for (let k = 0; k < 10; k++) {
      expect(await Promise.all([run([A, B]), run([A, '--no-xlsx'])])).toEqual([0, 0]);
      const summary = readSummary(out);
      for (const name of ['submission.csv', 'rejected.csv', 'review.csv', 'audit.csv']) expect(sha(join(out, name)), name).toBe(summary.manifest.outputs[name]);
      expect(readdirSync(out).filter((f) => f.endsWith('.xlsx')).sort()).toEqual([...summary.manifest.workbooks].sort());
      expect(readdirSync(out).filter((f) => f.startsWith('.'))).toEqual([]);
    }
  }, 300_000);
});

describe('the folder itself', () => {
  it('is created owner-only (0700), its missing parents too, whatever the umask', () => {
    const out = join(tmp, 'baru', 'dalam', 'hasil');
    const r = spawnSync('sh', ['-c', 'umask 000; exec "$0" "$@"', process.execPath, BIN, 'clean', A, '--out', out, '--as-of', '2021-05-20', '--quiet'], {
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    readSummary(out);
    for (const d of [join(tmp, 'baru'), join(tmp, 'baru', 'dalam'), out]) expect(statSync(d).mode & 0o777, d).toBe(0o700);
    for (const f of readdirSync(out)) expect(statSync(join(out, f)).mode & 0o777, f).toBe(0o600);
  });
});
