/**
 * Full disks and folders that cannot be written, through the built binary: every write error
 * ends as exit 3 with a message naming the file and what to do, in seconds, never a hang, never a
 * stack trace, and the previous outputs stay whole. The full disk is a small tmpfs, mounted here
 * where the machine allows it (root); elsewhere those tests are skipped with a line saying so.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateBatch, synthCsvLine } from '../../src/synth/generate.js';
import { runCli } from '../helpers/cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'umkm-disk-'));
chmodSync(tmp, 0o755);
const mounts: string[] = [];
afterAll(() => {
  for (const m of mounts) spawnSync('umount', ['-l', m]);
  rmSync(tmp, { recursive: true, force: true });
});

function writeSynth(name: string, rows: number, seed: number): string {
  const b = generateBatch({ rows, seed });
  const file = join(tmp, name);
  writeFileSync(file, `${[synthCsvLine(b.header), ...b.rows.map((r) => synthCsvLine(r.cells))].join('\r\n')}\r\n`, { mode: 0o644 });
  return file;
}

const small = writeSynth('small.csv', 300, 1);
const large = writeSynth('large.csv', 5_000, 2);

/** A tmpfs of the given size at a new folder, or null where mounting is not allowed. */
function mountTmpfs(name: string, size: string): string | null {
  const dir = join(tmp, name);
  mkdirSync(dir);
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=0755`, 'tmpfs', dir], { encoding: 'utf8' });
  if (r.status !== 0) return null;
  mounts.push(dir);
  return dir;
}

/** Fills a file system until `leave` bytes are free (0: until a one-byte write fails). */
function fill(dir: string, leave: number): string {
  const file = join(dir, `filler-${Math.random().toString(36).slice(2)}`);
  const fd = openSync(file, 'w');
  try {
    for (let chunk = 64 * 1024; chunk >= 1; chunk = Math.floor(chunk / 2)) {
      const buf = Buffer.alloc(chunk, 0x61);
      try {
        for (;;) {
          const free = Number(spawnSync('df', ['-B1', '--output=avail', dir], { encoding: 'utf8' }).stdout.split('\n')[1]);
          if (leave > 0 && free - chunk < leave) break;
          writeSync(fd, buf);
        }
      } catch {
        // ENOSPC at this size: go on with smaller pieces.
      }
    }
  } finally {
    closeSync(fd);
  }
  return file;
}

const probe = mountTmpfs('probe', '64k');
if (!probe) console.log('full-disk tests skipped: this machine does not allow mounting a tmpfs here (root and CAP_SYS_ADMIN needed)');
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const STACK = /\n\s+at \S/;

describe.skipIf(!probe)('a full disk under --out', () => {
  for (const thread of ['1', '0']) {
    it(`with 0 bytes and with a few KB free: exit 3 naming the file, previous outputs whole (workbooks ${thread === '1' ? 'on their worker' : 'on the main thread'})`, () => {
      const disk = mountTmpfs(`out-${thread}`, '1m') as string;
      const out = join(disk, 'hasil');
      const env = { UMKM_CLEAN_XLSX_THREAD: thread };
      expect(runCli(['clean', small, '--out', out, '--quiet', '--as-of', '2021-05-20'], { env }).code).toBe(0);
      const previous = Object.fromEntries(readdirSync(out).map((f) => [f, sha(join(out, f))]));
      for (const leave of [0, 8 * 1024, 48 * 1024]) {
        const filler = fill(disk, leave);
        const t = performance.now();
        const r = runCli(['clean', large, '--out', out, '--quiet', '--as-of', '2021-05-20'], { env });
        expect(performance.now() - t, `${leave} bytes free: the run must not hang`).toBeLessThan(30_000);
        expect(r.stderr).not.toMatch(STACK);
        expect(r.code, `${leave} bytes free: ${r.stderr}`).toBe(3);
        expect(r.stderr).toMatch(/hasil(\/[\w.-]+)?: (berkas hasil|hasil) tidak dapat ditulis \(ENOSPC\)\. Tidak ada berkas hasil yang diubah\. Disk penuh/);
        expect(Object.fromEntries(readdirSync(out).map((f) => [f, sha(join(out, f))]))).toEqual(previous);
        rmSync(filler);
      }
    }, 180_000);
  }

  it('a full TMPDIR (the scratch file) is exit 3 naming it, for clean and check, with the scan on one thread or two', () => {
    const disk = mountTmpfs('scratch', '64k') as string;
    fill(disk, 0);
    // '0' puts the scan's matcher half, which writes the scratch file, on its worker thread.
    for (const [args, minRows] of [
      [['clean', large, '--out', join(tmp, 'scratch-out')], '1000000000'],
      [['check', large], '1000000000'],
      [['clean', large, '--out', join(tmp, 'scratch-out')], '0'],
      [['check', large], '0'],
    ] as const) {
      const r = runCli([...args, '--quiet', '--as-of', '2021-05-20'], { env: { TMPDIR: disk, UMKM_CLEAN_PARALLEL_MIN_ROWS: minRows } });
      expect(r.stderr).not.toMatch(STACK);
      expect(r.code, r.stderr).toBe(3);
      expect(r.stderr).toContain(`${disk}: berkas kerja sementara tidak dapat ditulis (ENOSPC). Tidak ada berkas hasil yang diubah. Kosongkan ruang`);
      expect(readdirSync(disk).filter((f) => f.startsWith('umkm-clean-'))).toEqual([]);
    }
    expect(readdirSync(join(tmp, 'scratch-out'))).toEqual([]);
  });
});

describe('folders that cannot be written', () => {
  it.skipIf(!existsSync('/proc/self'))('--out /proc/forbidden fails in seconds with exit 3 (Node\'s recursive mkdir loops there)', () => {
    const t = performance.now();
    const r = runCli(['clean', small, '--out', '/proc/forbidden', '--quiet', '--as-of', '2021-05-20']);
    expect(performance.now() - t).toBeLessThan(15_000);
    expect(r.code, r.stderr).toBe(3);
    expect(r.stderr).toContain('/proc/forbidden: hasil tidak dapat ditulis (ENOENT). Tidak ada berkas hasil yang diubah.');
  });

  it.skipIf(process.getuid?.() !== 0)('an --out another user owns is exit 3 with what to do, for a run as nobody', () => {
    const owned = join(tmp, 'milik-root');
    mkdirSync(owned, { mode: 0o755 });
    const r = spawnSync(process.execPath, [join(import.meta.dirname, '..', '..', 'bin', 'umkm-clean.js'), 'clean', small, '--out', join(owned, 'hasil'), '--quiet', '--as-of', '2021-05-20'], {
      uid: 65534,
      gid: 65534,
      encoding: 'utf8',
      env: { ...process.env, TMPDIR: tmpdir() },
      timeout: 60_000,
    });
    expect(r.status, r.stderr).toBe(3);
    expect(r.stderr).toContain('hasil: hasil tidak dapat ditulis (EACCES). Tidak ada berkas hasil yang diubah. Tidak ada izin menulis di sana');
  });
});
