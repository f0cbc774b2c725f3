/**
 * The run's output files, written whole or not at all. Each goes to a temporary name in --out;
 * when the whole run succeeded, a commit journal listing the renames is written (itself by
 * rename), then the files are renamed into place and the journal removed. A run killed before the
 * journal leaves the previous outputs; one killed after it is rolled forward by the next run that
 * opens the folder, so no reader ever has to trust a mix. Other files in --out are left alone.
 */
import { createHash, type Hash } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { once } from 'node:events';
import { UmkmError, UsageError } from '../errors.js';
import { csvLine } from './csv-line.js';
import { neutralizeCell } from './neutralize.js';

export const OUTPUT_NAMES = ['submission.csv', 'rejected.csv', 'review.csv', 'audit.csv', 'summary.json', 'report.html', 'review.html'] as const;
export type OutputName = (typeof OUTPUT_NAMES)[number];
/** The outputs written whole at the end, as text (not hashed: summary.json cannot hold its own checksum, and the pages are built from it). */
export type TextOutput = 'summary.json' | 'report.html' | 'review.html';
export type CsvOutput = Exclude<OutputName, TextOutput>;

export const JOURNAL = '.umkm-clean-commit.json';

/**
 * A name a run writes in --out (a workbook sent back as an input from there would be replaced by
 * this run's own: inputs are never modified, so that is refused).
 */
export function isOutputName(name: string): boolean {
  return (OUTPUT_NAMES as readonly string[]).includes(name) || /^rejected-.+\.xlsx$|^(submission|rejected|review)\.xlsx$/.test(name);
}
const TEMP = /^\.([A-Za-z0-9][A-Za-z0-9._-]*\.(?:csv|json|html|xlsx))\.(\d+)-[0-9a-z]+\.tmp$/;
/** Characters of CSV text gathered before they go to the file. */
const FLUSH_CHARS = 32 * 1024;
/** Bytes gathered before they go to the file. */
const WRITE_BYTES = 1024 * 1024;

class OutputWriteError extends UmkmError {
  constructor(dir: string, cause: unknown) {
    const detail = (cause as NodeJS.ErrnoException).code ?? String(cause);
    super('output.unwritable', { dir, detail }, 3, { cause });
  }
}

interface Pending {
  readonly stream: WriteStream;
  readonly temp: string;
  readonly final: string;
  /** CSV outputs only: their SHA-256 goes into the manifest. */
  readonly hash: Hash | null;
  /** Text gathered (long strings are cheap to append, costly to keep as ropes in young memory). */
  text: string;
  /** Bytes encoded and not yet handed to the stream. */
  bytes: Buffer;
  used: number;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Finishes a commit a killed run left half done, and drops temporary files of runs that are
 * gone. Returns what it did, for tests and for the curious.
 */
export async function recoverOutputs(dir: string): Promise<{ rolledForward: number; removed: number }> {
  let rolledForward = 0;
  let removed = 0;
  const journal = join(dir, JOURNAL);
  const text = await readFile(journal, 'utf8').catch(() => null);
  if (text !== null) {
    const entries = JSON.parse(text) as { temp: string; final: string }[];
    for (const e of entries) {
      // Names only, joined to this folder: a journal never points outside --out.
      const from = join(dir, e.temp.replace(/[/\\]/g, ''));
      const to = join(dir, e.final.replace(/[/\\]/g, ''));
      if (await stat(from).catch(() => null)) {
        await rename(from, to);
        rolledForward++;
      }
    }
    await rm(journal, { force: true });
  }
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    const m = TEMP.exec(name);
    if (m && !isAlive(Number(m[2]))) {
      await rm(join(dir, name), { force: true });
      removed++;
    }
  }
  return { rolledForward, removed };
}

/** Spreadsheet copies and per-file rejection workbooks: named by the run, written by others. */
const EXTRA_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*\.xlsx$/;

export class OutputFiles {
  private readonly files = new Map<OutputName, Pending>();
  private readonly extras = new Map<string, { temp: string; final: string }>();
  private failed: unknown = null;

  private constructor(readonly dir: string) {}

  static async open(dir: string): Promise<OutputFiles> {
    try {
      const st = await stat(dir).catch(() => null);
      if (st && !st.isDirectory()) throw new UsageError('usage.outIsFile', { dir });
      await mkdir(dir, { recursive: true });
      await recoverOutputs(dir);
    } catch (err) {
      if (err instanceof UmkmError) throw err;
      throw new OutputWriteError(dir, err);
    }
    const out = new OutputFiles(dir);
    const tag = `${process.pid}-${Date.now().toString(36)}`;
    for (const name of OUTPUT_NAMES) {
      const final = join(dir, name);
      const temp = join(dir, `.${name}.${tag}.tmp`);
      // Owner-only: the files carry NIKs of real people.
      const stream = createWriteStream(temp, { mode: 0o600 });
      stream.on('error', (err) => {
        out.failed ??= err;
      });
      const hash = name.endsWith('.csv') ? createHash('sha256') : null;
      out.files.set(name, { stream, temp, final, hash, text: '', bytes: Buffer.alloc(0), used: 0 });
    }
    try {
      await Promise.all([...out.files.values()].map((f) => once(f.stream, 'open')));
    } catch (err) {
      await out.abort();
      throw new OutputWriteError(dir, err);
    }
    return out;
  }

  /** Adds a row, its cells neutralised; returns a promise only when the gathered text goes to the file. */
  writeRow(name: CsvOutput, row: readonly string[]): Promise<void> | undefined {
    return this.writeNeutralRow(name, row.map(neutralizeCell));
  }

  /**
   * Adds a row whose cells the caller has neutralised already (the sink does it once for the CSV
   * and the workbook copy of a row).
   */
  writeNeutralRow(name: CsvOutput, row: readonly string[]): Promise<void> | undefined {
    const f = this.files.get(name) as Pending;
    f.text += csvLine(row);
    if (f.text.length < FLUSH_CHARS) return undefined;
    const text = f.text;
    f.text = '';
    return this.write(f, text);
  }

  private async write(f: Pending, text: string): Promise<void> {
    if (this.failed) throw new OutputWriteError(this.dir, this.failed);
    // Encoded into the file's buffer, which goes to the file (and the hash) when full: a write call
    // per megabyte instead of one per 32 KB of text (each call costs stream and thread-pool work).
    if (f.used + text.length * 3 > f.bytes.length) await this.drain(f, text.length * 3);
    f.used += f.bytes.write(text, f.used, 'utf8');
  }

  /** Sends the buffer's bytes on and starts a new buffer with room for at least `room` bytes. */
  private async drain(f: Pending, room: number): Promise<void> {
    const full = f.bytes.subarray(0, f.used);
    // The stream keeps the buffer until it is written: the next text goes into a new one.
    f.bytes = Buffer.allocUnsafe(Math.max(WRITE_BYTES, room));
    f.used = 0;
    if (full.length === 0) return;
    // Encoded once for both: SHA-256 of a buffer runs at over 1 GB/s here, cheaper than copying the
    // bytes to another thread to hash them there.
    f.hash?.update(full);
    if (!f.stream.write(full)) await once(f.stream, 'drain');
  }

  private async flush(f: Pending): Promise<void> {
    if (f.text !== '') {
      const text = f.text;
      f.text = '';
      await this.write(f, text);
    }
    await this.drain(f, 0);
  }

  /** SHA-256 of each CSV output (call once, after the last row). */
  async digests(): Promise<Record<CsvOutput, string>> {
    const out = {} as Record<CsvOutput, string>;
    for (const [name, f] of this.files) {
      if (name === 'summary.json' || name === 'report.html' || name === 'review.html') continue;
      await this.flush(f);
      if (f.hash) out[name] = f.hash.digest('hex');
    }
    return out;
  }

  /**
   * A temporary path for another output file (a workbook) that joins this run's commit: renamed
   * into place with the others, or dropped with them.
   */
  reserve(name: string): string {
    if (!EXTRA_NAME.test(name) || this.extras.has(name)) throw new Error(`bad or repeated output name ${name}`);
    const temp = join(this.dir, `.${name}.${process.pid}-${Date.now().toString(36)}.tmp`);
    this.extras.set(name, { temp, final: join(this.dir, name) });
    return temp;
  }

  /**
   * Another extra file with the same bytes as one written already (and closed): a copy made by the
   * file system instead of a second file built the same way.
   */
  async reserveCopy(name: string, of: string): Promise<void> {
    const source = this.extras.get(of);
    if (!source) throw new Error(`no output ${of} to copy`);
    const temp = this.reserve(name);
    try {
      await copyFile(source.temp, temp);
    } catch (err) {
      throw new OutputWriteError(this.dir, err);
    }
  }

  /** Names of the extra files reserved so far. */
  get extraNames(): string[] {
    return [...this.extras.keys()];
  }

  async writeText(name: TextOutput, text: string): Promise<void> {
    await this.write(this.files.get(name) as Pending, text);
  }

  /** Flushes, closes, journals and renames every file into place. */
  async commit(): Promise<void> {
    try {
      for (const f of this.files.values()) await this.flush(f);
      await Promise.all(
        [...this.files.values()].map(async (f) => {
          f.stream.end();
          await once(f.stream, 'close');
        }),
      );
      if (this.failed) throw this.failed;
      const entries = [...this.files.values(), ...this.extras.values()].map((f) => ({
        temp: f.temp.slice(this.dir.length + 1),
        final: f.final.slice(this.dir.length + 1),
      }));
      const journal = join(this.dir, JOURNAL);
      await writeFile(`${journal}.${process.pid}.tmp`, JSON.stringify(entries), { mode: 0o600 });
      await rename(`${journal}.${process.pid}.tmp`, journal);
      for (const f of [...this.files.values(), ...this.extras.values()]) await rename(f.temp, f.final);
      await rm(journal, { force: true });
    } catch (err) {
      await this.abort();
      if (err instanceof UmkmError) throw err;
      throw new OutputWriteError(this.dir, err);
    }
  }

  /** Drops every temporary file; the previous outputs stay as they were. */
  async abort(): Promise<void> {
    await Promise.all(
      [...this.files.values()].map(async (f) => {
        if (!f.stream.closed) {
          f.stream.destroy();
          await once(f.stream, 'close').catch(() => undefined);
        }
        await rm(f.temp, { force: true });
      }),
    );
    await Promise.all([...this.extras.values()].map((f) => rm(f.temp, { force: true })));
  }
}
