/**
 * The run's output files, written whole or not at all. Each is written in a private staging
 * folder inside --out (made by mkdtemp: owner-only, a random name nobody can plant a link at
 * beforehand), every file in it created exclusively. When the whole run succeeded, a commit
 * journal listing the renames and the removals is placed (itself by rename), then the files are
 * renamed into place, outputs of an earlier run that this one did not write are removed, and the
 * journal and the staging folder go. A run killed before the journal leaves the previous outputs;
 * one killed after it is rolled forward by the next run that opens the folder, so no reader ever
 * has to trust a mix. Files in --out that do not carry one of the tool's names are left alone.
 *
 * Why a private folder: a shared --out (a network share, /tmp) lets anyone who can write there
 * plant a symlink at a predictable temporary name (the old `.<name>.<pid>-<ms>.tmp`, or a journal
 * temp named by the PID alone) and have every NIK written through it into a file of their choice.
 * Inside a 0700 folder of our own nobody else can create anything, and rename(2) replaces a link
 * at the final name without following it.
 */
import { createHash, type Hash } from 'node:crypto';
import { constants, type WriteStream } from 'node:fs';
import { copyFile, lstat, mkdir, mkdtemp, open, readdir, readFile, realpath, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { errorCode, OutputError, UmkmError, UsageError } from '../errors.js';
import { csvDialect } from './csv-line.js';
import { type CsvStyle, DEFAULT_CSV_STYLE } from '../schema/csv-style.js';
import { neutralizeCell } from './neutralize.js';
import { isProcessAlive as isAlive, STALE_MS } from './owner-alive.js';
import { drained } from './drained.js';

export const OUTPUT_NAMES = ['submission.csv', 'rejected.csv', 'review.csv', 'audit.csv', 'summary.json', 'report.html', 'review.html'] as const;
export type OutputName = (typeof OUTPUT_NAMES)[number];
/** The outputs written whole at the end, as text (not hashed: summary.json cannot hold its own checksum, and the pages are built from it). */
export type TextOutput = 'summary.json' | 'report.html' | 'review.html';
export type CsvOutput = Exclude<OutputName, TextOutput>;

export const JOURNAL = '.umkm-clean-commit.json';

/**
 * A name a run writes in --out (a workbook sent back as an input from there would be replaced by
 * this run's own: inputs are never modified, so that is refused). Every file of such a name that
 * a run did not write itself is removed when it commits: the folder then holds this run's outputs
 * only, never a submission.xlsx of an older run beside this run's submission.csv.
 */
export function isOutputName(name: string): boolean {
  return (OUTPUT_NAMES as readonly string[]).includes(name) || /^rejected-.+\.xlsx$|^(submission|rejected|review)\.xlsx$/.test(name);
}

/** A run's staging folder: `.umkm-clean-<pid>-` and mkdtemp's six random characters. */
const STAGING = /^\.umkm-clean-(\d+)-[A-Za-z0-9]{6}$/;
/** Temporary files of versions before the staging folder, still cleaned up when their run is gone. */
const LEGACY_TEMP = /^\.([A-Za-z0-9][A-Za-z0-9._-]*\.(?:csv|json|html|xlsx))\.(\d+)-[0-9a-z]+\.tmp$/;
/** The journal while it is written, inside the staging folder. */
const JOURNAL_DRAFT = 'commit.json';
/**
 * Held (created exclusively, holding the PID) while a run lists, journals, renames and removes:
 * two runs committing into one folder at once would otherwise interleave their renames, and one
 * could remove as stale a workbook the other had just put in place.
 */
export const COMMIT_LOCK = '.umkm-clean-commit.lock';
/** How long a run waits for another run's commit (a commit takes milliseconds). */
const LOCK_WAIT_MS = 60_000;
/** A lock older than this is dropped even when its PID is alive (the PID was reused). */
const LOCK_STALE_MS = 10 * 60 * 1000;
/** Characters of CSV text gathered before they go to the file. */
const FLUSH_CHARS = 32 * 1024;
/** Bytes gathered before they go to the file. */
const WRITE_BYTES = 1024 * 1024;
/** Longest file name most file systems take (ext4, XFS, NTFS, APFS: 255 bytes). */
const NAME_MAX = 255;

/**
 * Created, never opened: fails if anything at all (a file, a symlink, even a dangling one) has the
 * name already, and never follows a link.
 */
const EXCLUSIVE = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0);

interface Pending {
  readonly stream: WriteStream;
  readonly temp: string;
  readonly final: string;
  /** CSV outputs only: their SHA-256 goes into the manifest. */
  readonly hash: Hash | null;
  /** CSV outputs only: a record as text, in the file's dialect. */
  readonly line: (cells: readonly string[]) => string;
  /** Text gathered (long strings are cheap to append, costly to keep as ropes in young memory). */
  text: string;
  /** Bytes encoded and not yet handed to the stream. */
  bytes: Buffer;
  used: number;
}

/** The folder a path names, created (with its missing parents) owner-only when it is not there. */
async function makeFolder(dir: string): Promise<void> {
  try {
    await mkdir(dir, { mode: 0o700 });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      if (!(await stat(dir)).isDirectory()) throw Object.assign(new Error(`${dir} is not a folder`), { code: 'ENOTDIR' });
      return;
    }
    const parent = dirname(dir);
    if (code !== 'ENOENT' || parent === dir) throw err;
    await makeFolder(parent);
    // Once more, now that the parent is there. A second ENOENT is the answer: /proc says its
    // children do not exist and refuses to make them, and Node's own mkdir({ recursive: true })
    // retries that forever (`--out /proc/x` hung for ten minutes).
    await mkdir(dir, { mode: 0o700 }).catch(async (again: NodeJS.ErrnoException) => {
      if (again.code !== 'EEXIST' || !(await stat(dir)).isDirectory()) throw again;
    });
  }
}

/** The same folder, whichever path names it (symlinks, `..`, bind mounts): by device and inode. */
function sameNode(a: { dev: number; ino: number }, b: { dev: number; ino: number }): boolean {
  return a.dev === b.dev && a.ino === b.ino;
}

/**
 * Refuses a run that would replace or remove one of its own inputs: an input (or a list) whose
 * folder is --out and whose name is one the run writes. Compared on the real folders, by device
 * and inode, both for the path as given and for the file it resolves to, so a symlinked folder
 * (`--out hasil` with the input given as `link-to-hasil/rejected.csv`), a symlinked file or `..`
 * cannot slip past.
 */
export async function assertInputsOutsideOutput(outDir: string, files: readonly string[], shownDir: string): Promise<void> {
  const out = await stat(outDir).catch(() => null);
  if (!out?.isDirectory()) return;
  const inOut = async (folder: string, name: string) => {
    if (!isOutputName(name) && !isOutputName(name.toLowerCase())) return false;
    const st = await stat(folder).catch(() => null);
    return st !== null && sameNode(st, out);
  };
  for (const file of files) {
    const given = resolve(file);
    const real = await realpath(given).catch(() => null);
    if ((await inOut(dirname(given), basename(given))) || (real !== null && (await inOut(dirname(real), basename(real))))) {
      throw new UsageError('usage.outIsInput', { dir: shownDir, file });
    }
  }
}

/** A journal's file name, if it is one a journal may name: a plain name of the tool's own. */
function ownName(value: unknown): string | null {
  return typeof value === 'string' && !/[/\\]/.test(value) && isOutputName(value) ? value : null;
}

async function removeIfFile(path: string): Promise<boolean> {
  const st = await lstat(path).catch(() => null);
  // A folder of an output's name is somebody's own; a file or a link is the tool's to replace.
  if (!st || st.isDirectory()) return false;
  await rm(path, { force: true });
  return true;
}

/** Carries out a commit journal; returns the renames done. */
async function rollForward(dir: string, text: string): Promise<number> {
  let done = 0;
  let journal: unknown;
  try {
    journal = JSON.parse(text);
  } catch {
    return 0; // not written by a run (journals are placed whole, by rename): nothing to finish
  }
  if (Array.isArray(journal)) {
    // Versions before the staging folder: temporary names beside the outputs.
    for (const e of journal as { temp?: unknown; final?: unknown }[]) {
      const final = ownName(e?.final);
      if (!final || typeof e.temp !== 'string' || !LEGACY_TEMP.test(e.temp)) continue;
      const from = join(dir, e.temp);
      if (await stat(from).catch(() => null)) {
        await rename(from, join(dir, final));
        done++;
      }
    }
    return done;
  }
  const j = journal as { staging?: unknown; files?: unknown; remove?: unknown };
  if (typeof j.staging !== 'string' || !STAGING.test(j.staging)) return 0;
  for (const name of Array.isArray(j.files) ? j.files : []) {
    const final = ownName(name);
    if (!final) continue;
    try {
      await rename(join(dir, j.staging, final), join(dir, final));
      done++;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err; // renamed before the kill
    }
  }
  for (const name of Array.isArray(j.remove) ? j.remove : []) {
    const stale = ownName(name);
    if (stale) await removeIfFile(join(dir, stale));
  }
  await rm(join(dir, j.staging), { recursive: true, force: true });
  return done;
}

/** The staging folder a journal belongs to, when its run is still alive (it is committing now). */
function liveOwner(text: string): boolean {
  try {
    const m = STAGING.exec((JSON.parse(text) as { staging?: string }).staging ?? '');
    return m !== null && Number(m[1]) !== process.pid && isAlive(Number(m[1]));
  } catch {
    return false;
  }
}

/**
 * Takes the folder's commit lock, waiting while a live run holds it; a lock left by a run that is
 * gone (or a link planted at its name) is removed. Returns a function that releases it.
 */
async function lockCommits(dir: string): Promise<() => Promise<void>> {
  const path = join(dir, COMMIT_LOCK);
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      const handle = await open(path, EXCLUSIVE, 0o600);
      try {
        await handle.writeFile(`${process.pid}\n`);
      } finally {
        await handle.close();
      }
      return () => rm(path, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const st = await lstat(path).catch(() => null);
    if (!st) continue;
    const pid = st.isFile() ? Number((await readFile(path, 'utf8').catch(() => '')).trim()) : Number.NaN;
    if (!isAlive(pid) || pid === process.pid || Date.now() - st.mtimeMs > LOCK_STALE_MS) {
      await rm(path, { recursive: true, force: true });
      continue;
    }
    if (Date.now() > deadline) throw new OutputError('output.locked', { dir, pid });
    await new Promise((r) => setTimeout(r, 25));
  }
}

/**
 * Finishes a commit a killed run left half done, and drops the staging folders and temporary
 * files of runs that are gone. Returns what it did, for tests and for the curious.
 */
export async function recoverOutputs(dir: string): Promise<{ rolledForward: number; removed: number }> {
  let rolledForward = 0;
  let removed = 0;
  const journal = join(dir, JOURNAL);
  const jst = await lstat(journal).catch(() => null);
  if (jst) {
    // Only a plain file is a journal: a link planted at the name is removed, never followed.
    const text = jst.isFile() ? await readFile(journal, 'utf8').catch(() => '') : '';
    // Another run's commit in progress is that run's to finish.
    if (!liveOwner(text)) {
      const unlock = await lockCommits(dir);
      try {
        // Still there once the lock is ours (another opener may have finished it meanwhile).
        if (await lstat(journal).catch(() => null)) rolledForward = await rollForward(dir, text);
        if (jst.isDirectory()) await rm(journal, { recursive: true, force: true });
        else await rm(journal, { force: true });
      } finally {
        await unlock();
      }
    }
  }
  const uid = process.getuid?.();
  const now = Date.now();
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    const staging = STAGING.exec(name);
    if (staging) {
      const st = await lstat(join(dir, name)).catch(() => null);
      // Only a folder of ours: someone else's folder of that name is theirs.
      if (!st?.isDirectory() || (uid !== undefined && st.uid !== uid)) continue;
      if (!isAlive(Number(staging[1])) || now - st.mtimeMs > STALE_MS) {
        await rm(join(dir, name), { recursive: true, force: true });
        removed++;
      }
      continue;
    }
    const m = LEGACY_TEMP.exec(name);
    if (m && !isAlive(Number(m[2]))) {
      await rm(join(dir, name), { force: true });
      removed++;
    }
  }
  return { rolledForward, removed };
}

/** Spreadsheet copies and per-file rejection workbooks: named by the run, written by others. */
const EXTRA_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*\.xlsx$/;

/**
 * A file name the file system takes: one too long for it (a rejection workbook named after an
 * input of 250 characters) is cut, and a hash of the whole name keeps two such names apart.
 */
function fittingName(name: string): string {
  if (Buffer.byteLength(name) <= NAME_MAX) return name;
  const ext = name.endsWith('.xlsx') ? '.xlsx' : '';
  const tag = createHash('sha256').update(name).digest('hex').slice(0, 8);
  return `${name.slice(0, NAME_MAX - ext.length - tag.length - 1)}-${tag}${ext}`;
}

/**
 * Where a workbook reserved by this run will end up, from its path in the staging folder: for
 * messages, which name the file the analyst knows.
 */
export function finalPathOf(temp: string): string {
  const folder = dirname(temp);
  return STAGING.test(basename(folder)) ? join(dirname(folder), basename(temp)) : temp;
}

/** Ends a stream and waits until its file is closed; rejects with the stream's error, if any. */
function closed(stream: WriteStream): Promise<void> {
  if (!stream.writableEnded && !stream.destroyed) stream.end();
  return new Promise((resolve, reject) => {
    const settle = () => (stream.errored ? reject(stream.errored) : resolve());
    if (stream.closed) settle();
    else stream.once('close', settle);
  });
}

export class OutputFiles {
  private readonly files = new Map<OutputName, Pending>();
  private readonly extras = new Map<string, { temp: string; final: string }>();
  /** The first write that failed, and the output it was for. */
  private failed: { err: unknown; file: string } | null = null;

  private constructor(
    readonly dir: string,
    /** The private folder this run's files are written in. */
    private readonly staging: string,
  ) {}

  /** `style` is the dialect of the CSVs meant for people (see csvDialect). */
  static async open(dir: string, style: CsvStyle = DEFAULT_CSV_STYLE): Promise<OutputFiles> {
    let staging: string;
    try {
      const st = await stat(dir).catch(() => null);
      if (st && !st.isDirectory()) throw new UsageError('usage.outIsFile', { dir });
      await makeFolder(dir);
      await recoverOutputs(dir);
      // Owner-only and named at random by mkdtemp, which refuses to reuse a name.
      staging = await mkdtemp(join(dir, `.umkm-clean-${process.pid}-`));
    } catch (err) {
      if (err instanceof UmkmError) throw err;
      throw new OutputError('output.unwritable', { dir, detail: errorCode(err) }, { cause: err });
    }
    const out = new OutputFiles(dir, staging);
    try {
      for (const name of OUTPUT_NAMES) {
        const temp = join(staging, name);
        // Owner-only: the files carry NIKs of real people.
        const handle = await open(temp, EXCLUSIVE, 0o600);
        const stream = handle.createWriteStream();
        stream.on('error', (err) => {
          out.failed ??= { err, file: join(dir, name) };
        });
        const hash = name.endsWith('.csv') ? createHash('sha256') : null;
        const { line, bom } = csvDialect(name, style);
        out.files.set(name, { stream, temp, final: join(dir, name), hash, line, text: bom, bytes: Buffer.alloc(0), used: 0 });
      }
    } catch (err) {
      await out.abort();
      throw new OutputError('output.unwritable', { dir, detail: errorCode(err) }, { cause: err });
    }
    return out;
  }

  /** The error to throw for a failed write: typed, naming the file, exit 3. */
  private writeError(err: unknown, file: string): UmkmError {
    if (err instanceof UmkmError) return err;
    const first = this.failed ?? { err, file };
    return new OutputError('output.writeFailed', { file: first.file, detail: errorCode(first.err) }, { cause: first.err });
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
    f.text += f.line(row);
    if (f.text.length < FLUSH_CHARS) return undefined;
    const text = f.text;
    f.text = '';
    return this.write(f, text);
  }

  private async write(f: Pending, text: string): Promise<void> {
    if (this.failed) throw this.writeError(this.failed.err, this.failed.file);
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
    if (this.failed) throw this.writeError(this.failed.err, this.failed.file);
    try {
      if (!f.stream.write(full)) await drained(f.stream, 'the file');
    } catch (err) {
      throw this.writeError(err, f.final);
    }
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
   * into place with the others, or dropped with them. It lies in this run's private folder, under
   * the name it will have (cut to fit when the file system would refuse it).
   */
  reserve(name: string): string {
    const fitted = fittingName(name);
    if (!EXTRA_NAME.test(fitted) || this.extras.has(fitted)) throw new Error(`bad or repeated output name ${name}`);
    const temp = join(this.staging, fitted);
    this.extras.set(fitted, { temp, final: join(this.dir, fitted) });
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
      await copyFile(source.temp, temp, constants.COPYFILE_EXCL);
    } catch (err) {
      throw new OutputError('output.writeFailed', { file: finalPathOf(temp), detail: errorCode(err) }, { cause: err });
    }
  }

  /** Names of the extra files reserved so far. */
  get extraNames(): string[] {
    return [...this.extras.keys()];
  }

  async writeText(name: TextOutput, text: string): Promise<void> {
    await this.write(this.files.get(name) as Pending, text);
  }

  /**
   * Flushes, closes, journals and renames every file into place, and removes the files of the
   * tool's names that this run did not write (outputs of an earlier run).
   */
  async commit(): Promise<void> {
    // The file being worked on, for the message if that step fails.
    let current = this.dir;
    let unlock: (() => Promise<void>) | null = null;
    try {
      for (const f of this.files.values()) await this.flush(f);
      for (const f of this.files.values()) {
        try {
          await closed(f.stream);
        } catch (err) {
          throw this.writeError(err, f.final);
        }
      }
      if (this.failed) throw this.writeError(this.failed.err, this.failed.file);
      current = join(this.dir, COMMIT_LOCK);
      unlock = await lockCommits(this.dir);
      current = this.dir;
      const written = [...this.files.values(), ...this.extras.values()].map((f) => basename(f.final));
      const stale: string[] = [];
      for (const name of await readdir(this.dir)) {
        if (isOutputName(name) && !written.includes(name) && !(await lstat(join(this.dir, name))).isDirectory()) stale.push(name);
      }
      current = join(this.dir, JOURNAL);
      const draft = join(this.staging, JOURNAL_DRAFT);
      const handle = await open(draft, EXCLUSIVE, 0o600);
      try {
        await handle.writeFile(JSON.stringify({ staging: basename(this.staging), files: written, remove: stale }));
      } finally {
        await handle.close();
      }
      await rename(draft, join(this.dir, JOURNAL));
      for (const name of written) {
        current = join(this.dir, name);
        await rename(join(this.staging, name), current);
      }
      for (const name of stale) {
        current = join(this.dir, name);
        await removeIfFile(current);
      }
      current = this.dir;
      await rm(join(this.dir, JOURNAL), { force: true });
      await unlock();
      unlock = null;
      await rm(this.staging, { recursive: true, force: true });
    } catch (err) {
      await this.abort();
      await unlock?.().catch(() => undefined);
      if (err instanceof UmkmError) throw err;
      throw new OutputError('output.writeFailed', { file: current, detail: errorCode(err) }, { cause: err });
    }
  }

  /**
   * Drops this run's files; the previous outputs stay as they were. Once the journal is placed the
   * commit is the next run's to finish, so the staging folder stays for it.
   */
  async abort(): Promise<void> {
    await Promise.all(
      [...this.files.values()].map(async (f) => {
        if (!f.stream.closed) {
          f.stream.destroy();
          await new Promise<void>((r) => (f.stream.closed ? r() : f.stream.once('close', () => r())));
        }
      }),
    );
    const journal = await readFile(join(this.dir, JOURNAL), 'utf8').catch(() => '');
    if (journal.includes(`"${basename(this.staging)}"`)) return;
    await rm(this.staging, { recursive: true, force: true }).catch(() => undefined);
  }
}
