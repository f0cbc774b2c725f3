/**
 * The package as a user gets it: `npm pack` from a checkout without dist/ (the prepack script must
 * build it), the tarball installed into a temporary prefix, and the installed `umkm-clean` run from
 * another folder: --help, and a clean of the demo exports.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, ROOT } from '../helpers/paths.js';
import { readSummary } from '../helpers/summary-schema.js';

const tmp = mkdtempSync(join(tmpdir(), 'umkm-package-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const isWindows = process.platform === 'win32';
// Node's own folder first, so the installed shim's `#!/usr/bin/env node` finds this Node.
const env: NodeJS.ProcessEnv = { ...process.env, PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH ?? ''}` };
delete env.NO_COLOR;
delete env.FORCE_COLOR;

function run(command: string, args: readonly string[], cwd: string) {
  const r = spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout: 240_000, shell: isWindows });
  return { code: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '', error: r.error };
}

/** What a clean checkout holds: no dist/, no node_modules of its own (linked, as `npm ci` would fill it). */
const SKIPPED = new Set(['node_modules', 'dist', '.git', 'test', 'bench', 'out']);

describe('the packed tarball, installed', () => {
  const checkout = join(tmp, 'checkout');
  const packs = join(tmp, 'packs');
  const prefix = join(tmp, 'prefix');
  const elsewhere = join(tmp, 'elsewhere');
  let packed: { filename: string; files: { path: string }[] };
  let installed: ReturnType<typeof run>;

  beforeAll(() => {
    mkdirSync(checkout);
    for (const entry of readdirSync(ROOT)) {
      if (!SKIPPED.has(entry)) cpSync(join(ROOT, entry), join(checkout, entry), { recursive: true });
    }
    symlinkSync(join(ROOT, 'node_modules'), join(checkout, 'node_modules'), isWindows ? 'junction' : 'dir');
    mkdirSync(packs);
    mkdirSync(prefix);
    mkdirSync(elsewhere);
    const pack = run('npm', ['pack', '--json', '--pack-destination', packs], checkout);
    if (pack.code !== 0) throw new Error(`npm pack failed (${pack.code}): ${pack.stderr}`);
    // prepack's own output (tsc) may come before npm's JSON on stdout.
    const json = pack.stdout.slice(pack.stdout.indexOf('\n[') + 1 || pack.stdout.indexOf('['));
    [packed] = JSON.parse(json);
    installed = run(
      'npm',
      ['install', '--prefix', prefix, '--prefer-offline', '--no-audit', '--no-fund', '--omit=dev', join(packs, packed.filename)],
      elsewhere,
    );
  }, 300_000);

  it('prepack builds dist/ into the tarball, with the workers the binary starts', () => {
    const paths = packed.files.map((f) => f.path);
    for (const file of ['package.json', 'bin/umkm-clean.js', 'dist/cli/main.js', 'dist/engine/match-scan-worker.js', 'dist/io/xlsx-worker.js', 'README.md', 'LICENSE', 'CHANGELOG.md', 'summary.schema.json']) {
      expect(paths).toContain(file);
    }
    // Neither sources nor tests, nor source maps pointing at sources the package does not hold.
    expect(paths.filter((p) => p.startsWith('src/') || p.startsWith('test/') || p.endsWith('.map'))).toEqual([]);
  });

  it('installs, and the installed umkm-clean answers --help from another folder', () => {
    expect(installed.stderr).not.toMatch(/ERR!/);
    expect(installed.code).toBe(0);
    const bin = join(prefix, 'node_modules', '.bin', isWindows ? 'umkm-clean.cmd' : 'umkm-clean');
    expect(existsSync(bin)).toBe(true);
    const help = run(bin, ['--help'], elsewhere);
    expect(help.stderr).toBe('');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('umkm-clean');
    expect(help.stdout).toContain('clean');
  });

  it('cleans the demo exports from another folder', () => {
    const bin = join(prefix, 'node_modules', '.bin', isWindows ? 'umkm-clean.cmd' : 'umkm-clean');
    const inputs = ['kec-pondokgede.csv', 'kec-bekasi-barat.csv', 'kec-jatiasih.txt', 'kec-rawalumbu.csv'].map((f) => join(DEMO, f));
    const r = run(
      bin,
      [
        'clean',
        ...inputs,
        '--received',
        join(DEMO, 'sudah-terima-bpum-2020.csv'),
        '--exclude',
        join(DEMO, 'pengecualian-asn.csv'),
        '--region',
        '32.75',
        '--as-of',
        '2021-05-20',
        '--out',
        'hasil',
        '--json',
      ],
      elsewhere,
    );
    // With --json the Excel-damaged NIK column of Rawalumbu is said on stderr, and only that.
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringContaining('kec-rawalumbu.csv: 5 dari 5 NIK berakhir dengan 0')]);
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary.totals).toMatchObject({ rows: 40, accepted: 19 });
    const written = readSummary(elsewhere, 'hasil');
    expect(written.totals).toEqual(summary.totals);
    for (const f of ['submission.csv', 'submission.xlsx', 'report.html', 'review.html']) expect(existsSync(join(elsewhere, 'hasil', f))).toBe(true);
  });
});
