/**
 * Issue 16 item 9: the built binary on a real pseudo-terminal (util-linux `script`, in Debian's
 * essential bsdutils) and as a child process a scheduler or a pipe runs: Ctrl+C while the spinner
 * shows, a terminal reporting 0 columns, the terminal closing under a run, SIGTERM and SIGHUP,
 * NO_COLOR, and a stdout closed by its reader. Where there is no `script`, the pseudo-terminal
 * tests say they were skipped.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { generateBatch, synthCsvLine } from '../../src/synth/generate.js';
import { runCli } from '../helpers/cli.js';
import { BIN, ROOT } from '../helpers/paths.js';
import { readSummary } from '../helpers/summary-schema.js';

const SCRIPT = ['/usr/bin/script', '/bin/script'].find((p) => existsSync(p));
const tmp = mkdtempSync(join(tmpdir(), 'umkm-terminal-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function writeSynth(name: string, rows: number, seed: number): string {
  const b = generateBatch({ rows, seed });
  const file = join(tmp, name);
  writeFileSync(file, `${[synthCsvLine(b.header), ...b.rows.map((r) => synthCsvLine(r.cells))].join('\r\n')}\r\n`);
  return file;
}

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const CSVS = ['submission.csv', 'rejected.csv', 'review.csv', 'audit.csv', 'summary.json'];
const hashes = (out: string) => CSVS.map((n) => sha(join(out, n)));
/** Temporary outputs, a commit journal, scratch folders: what a stopped run must not leave. */
const leftovers = (dir: string) => readdirSync(dir).filter((n) => n.endsWith('.tmp') || n.includes('commit') || n.startsWith('umkm-clean-'));
const SGR = /\u001b\[[0-9;]*m/;

function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, TERM: 'xterm-256color', ...extra };
  if (!('NO_COLOR' in extra)) delete env.NO_COLOR;
  delete env.FORCE_COLOR;
  return env;
}

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** A process that is gone (or a zombie nobody reaps once its parent, `script`, is gone). */
function ended(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return /^\d+ \(.*\) [ZX]/.test(stat);
  } catch {
    return true;
  }
}

async function until(what: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (what()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return what();
}

interface TerminalRun {
  /** What the terminal showed, stdout and stderr together as a person sees them (capped). */
  screen(): string;
  type(keys: string): void;
  /** The umkm-clean process inside the terminal. */
  readonly pid: () => number;
  /** The terminal's exit: `script -e` returns the program's exit status. */
  readonly exit: Promise<{ code: number | null; signal: string | null }>;
  close(): void;
}

const started: TerminalRun[] = [];
afterEach(() => {
  // Whatever a failing test left running is stopped here, by its own pid.
  for (const run of started.splice(0)) {
    run.close();
    const pid = run.pid();
    if (pid > 0 && !ended(pid)) process.kill(pid, 'SIGKILL');
  }
});

/** Runs the binary on a pseudo-terminal of the given width (rows 24), as an analyst would. */
function inTerminal(args: string[], cols: number, env: Record<string, string> = {}): TerminalRun {
  const pidFile = join(tmp, `pid-${Math.random().toString(36).slice(2)}`);
  const command = `stty cols ${cols} rows 24; echo $$ > ${quote(pidFile)}; exec ${quote(process.execPath)} ${quote(BIN)} ${args.map(quote).join(' ')}`;
  const child = spawn(SCRIPT as string, ['-qec', command, '/dev/null'], { cwd: ROOT, env: childEnv(env), stdio: ['pipe', 'pipe', 'pipe'] });
  let screen = '';
  let dropped = 0;
  const keep = (d: Buffer) => {
    screen += d.toString('utf8');
    if (screen.length > 1_000_000) {
      dropped += screen.length - 200_000;
      screen = screen.slice(-200_000);
    }
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  child.stdin.on('error', () => {});
  const exit = new Promise<{ code: number | null; signal: string | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  const run: TerminalRun = {
    screen: () => (dropped > 0 ? `[${dropped} characters dropped]` : '') + screen,
    type: (keys) => child.stdin.write(keys),
    pid: () => {
      try {
        return Number(readFileSync(pidFile, 'utf8').trim()) || 0;
      } catch {
        return 0;
      }
    },
    exit,
    close: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
  started.push(run);
  return run;
}

let large: string;
let small: string;
beforeAll(() => {
  small = writeSynth('small.csv', 15, 1);
  large = writeSynth('large.csv', 60_000, 2);
});

describe.skipIf(!SCRIPT)('on a terminal', () => {
  /** An --out folder holding a previous run's complete outputs. */
  function previousOutputs(name: string): string {
    const out = join(tmp, name);
    expect(runCli(['clean', small, '--out', out, '--quiet', '--as-of', '2021-05-20']).code).toBe(0);
    return out;
  }

  it('Ctrl+C while the spinner shows stops the run: exit 130, a message, the previous outputs untouched', async () => {
    const out = previousOutputs('ctrl-c');
    const before = hashes(out);
    const run = inTerminal(['clean', large, '--out', out, '--as-of', '2021-05-20'], 100);
    expect(await until(() => run.screen().includes('Memeriksa large.csv'), 20_000), run.screen()).toBe(true);
    run.type('\u0003');
    const result = await Promise.race([run.exit, new Promise<null>((r) => setTimeout(() => r(null), 20_000))]);
    expect(result, `Ctrl+C was ignored; the terminal showed: ${run.screen().slice(-400)}`).toEqual({ code: 130, signal: null });
    expect(run.screen()).toContain('Dihentikan. Tidak ada berkas hasil yang diubah.');
    expect(hashes(out)).toEqual(before);
    expect(leftovers(out)).toEqual([]);
  }, 60_000);

  it('a terminal of 0 columns: no spinner, the run ends and prints its summary', async () => {
    const out = join(tmp, 'zero-columns');
    const run = inTerminal(['clean', small, '--out', out, '--as-of', '2021-05-20'], 0);
    const result = await Promise.race([run.exit, new Promise<null>((r) => setTimeout(() => r(null), 20_000))]);
    expect(result, `still running after 20 s; the terminal showed ${run.screen().length} characters ending ${JSON.stringify(run.screen().slice(-120))}`).toEqual({
      code: 0,
      signal: null,
    });
    expect(run.screen()).toContain('Ringkasan umkm-clean');
    readSummary(out);
    // No cursor movement: the summary and nothing drawn over it.
    expect(run.screen()).not.toMatch(/\u001b\[\d*[ABK]/);
  }, 40_000);

  for (const cols of [100, 0]) {
    it(`the terminal closing under a run (${cols} columns) ends it: SIGHUP, the previous outputs and no scratch left`, async () => {
      const out = previousOutputs(`hangup-${cols}`);
      const before = hashes(out);
      const scratch = join(tmp, `scratch-hangup-${cols}`);
      mkdirSync(scratch);
      const run = inTerminal(['clean', large, '--out', out, '--as-of', '2021-05-20'], cols, { TMPDIR: scratch });
      // Under way: its scratch folder exists.
      expect(await until(() => readdirSync(scratch).length > 0 && run.pid() > 0, 20_000)).toBe(true);
      const pid = run.pid();
      run.close();
      expect(await until(() => ended(pid), 20_000), `umkm-clean (pid ${pid}) still runs after its terminal closed`).toBe(true);
      expect(hashes(out)).toEqual(before);
      expect(leftovers(out)).toEqual([]);
      expect(readdirSync(scratch)).toEqual([]);
    }, 60_000);
  }

  it('NO_COLOR: the spinner and the messages draw no colour', async () => {
    const out = join(tmp, 'no-color');
    const run = inTerminal(['clean', large, '--out', out, '--as-of', '2021-05-20'], 100, { NO_COLOR: '1' });
    // A few frames of the spinner, then Ctrl+C for the (otherwise red) message.
    expect(await until(() => (run.screen().match(/Memeriksa large\.csv/g) ?? []).length >= 3, 30_000), run.screen()).toBe(true);
    run.type('\u0003');
    const result = await Promise.race([run.exit, new Promise<null>((r) => setTimeout(() => r(null), 20_000))]);
    expect(result).toEqual({ code: 130, signal: null });
    expect(run.screen()).toContain('umkm-clean: Dihentikan.');
    expect(run.screen().match(SGR)).toBeNull();
  }, 60_000);
});

describe('signals and closed pipes, without a terminal', () => {
  for (const [signal, code, word] of [
    ['SIGTERM', 143, 'SIGTERM'],
    ['SIGHUP', 129, 'SIGHUP'],
  ] as const) {
    it(`${signal} stops a run like Ctrl+C: exit ${code}, a message, previous outputs kept, scratch removed`, async () => {
      const out = join(tmp, `signal-${signal}`);
      expect(runCli(['clean', small, '--out', out, '--quiet', '--as-of', '2021-05-20']).code).toBe(0);
      const before = hashes(out);
      const scratch = join(tmp, `scratch-${signal}`);
      mkdirSync(scratch);
      const child = spawn(process.execPath, [BIN, 'clean', large, '--out', out, '--as-of', '2021-05-20'], {
        env: childEnv({ TMPDIR: scratch }),
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += d));
      child.stdout.resume();
      const exit = new Promise<{ code: number | null; signal: string | null }>((r) => child.on('exit', (c, s) => r({ code: c, signal: s })));
      try {
        expect(await until(() => readdirSync(scratch).length > 0, 20_000)).toBe(true);
        child.kill(signal);
        expect(await exit).toEqual({ code, signal: null });
      } finally {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      }
      expect(stderr).toContain(`Dihentikan oleh sinyal ${word}. Tidak ada berkas hasil yang diubah.`);
      expect(hashes(out)).toEqual(before);
      expect(leftovers(out)).toEqual([]);
      expect(readdirSync(scratch)).toEqual([]);
    }, 60_000);
  }

  it('a run that cannot stop (a mkdir under /proc that never returns) still ends after SIGTERM, with its code and message', async () => {
    if (!existsSync('/proc/self')) return;
    const child = spawn(process.execPath, [BIN, 'clean', small, '--out', `/proc/umkm-clean-${process.pid}`, '--as-of', '2021-05-20'], {
      env: childEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.resume();
    const exit = new Promise<{ code: number | null; signal: string | null }>((r) => child.on('exit', (c, s) => r({ code: c, signal: s })));
    try {
      await new Promise((r) => setTimeout(r, 1500));
      if (child.exitCode !== null) {
        // Fixed at the source (an unwritable --out is exit 3 at once): nothing left to stop.
        expect(child.exitCode).toBe(3);
        return;
      }
      const t0 = Date.now();
      child.kill('SIGTERM');
      const result = await Promise.race([exit, new Promise<null>((r) => setTimeout(() => r(null), 20_000))]);
      expect(result, 'still running 20 s after SIGTERM').not.toBeNull();
      expect(Date.now() - t0).toBeLessThan(15_000);
      // On a loaded machine the run may end on its own (exit 3) as the signal arrives, or the signal
      // may land while the modules load (the launcher's own line): either way an end with its message.
      if (result?.code === 3) expect(stderr).toContain('/proc/umkm-clean-');
      else {
        expect(result).toEqual({ code: 143, signal: null });
        expect(stderr).toMatch(/Dihentikan oleh sinyal SIGTERM\.|umkm-clean: Dihentikan \/ stopped\./);
      }
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  }, 40_000);

  it('a stdout closed by its reader (`clean --help | head -1`) ends quietly, never with an EPIPE stack trace', async () => {
    for (const args of [['clean', '--help'], ['clean', '--help'], ['check', small, '--json', '--as-of', '2021-05-20'], ['inspect', small]]) {
      const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
      // The reader is gone before the first write, as `head` is after its line: every write meets EPIPE.
      child.stdout.destroy();
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += d));
      const code = await new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
      expect({ args, stderr, code }).toEqual({ args, stderr: '', code: 0 });
    }
    // And as the issue ran it, through a shell pipe.
    const piped = spawnSync('sh', ['-c', `${quote(process.execPath)} ${quote(BIN)} clean --help | head -1`], { encoding: 'utf8' });
    expect(piped.stdout).toMatch(/^Penggunaan: umkm-clean clean/);
    expect(piped.stderr).toBe('');
  });

  it('a stdout that cannot be written for another reason (a full disk) is exit 3 with a message', () => {
    const r = spawnSync('sh', ['-c', `${quote(process.execPath)} ${quote(BIN)} check ${quote(small)} --json --as-of 2021-05-20 > /dev/full`], { encoding: 'utf8' });
    expect(r.status).toBe(3);
    expect(r.stderr).toBe('umkm-clean: stdout: ringkasan tidak dapat ditulis (ENOSPC).\n');
  });
});
