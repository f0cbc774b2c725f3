/**
 * A scratch file of short text lines, written once and read back once: what the resolve step needs
 * of each row (its name and address tokens) without reading and parsing the inputs again. It holds
 * NIKs, names and addresses, so it lives in a private folder (owner-only, a random name, created
 * exclusively) under the system's temporary folder, named after the run's PID, and is removed
 * when the run ends however it ends: by the run itself (a normal end, an error, an abort through
 * the run's AbortSignal), at process exit, and, for a run that could do neither (SIGKILL, a power
 * cut), by the next run, which removes the folders of runs that are gone.
 */
import { createReadStream, rmSync, type WriteStream } from 'node:fs';
import { constants } from 'node:fs';
import { lstat, mkdtemp, open, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { errorCode, OutputError, UmkmError } from '../errors.js';
import { isProcessAlive, STALE_MS } from './owner-alive.js';
import { drained } from './drained.js';

const FLUSH_BYTES = 32 * 1024;
/** A scratch folder: `umkm-clean-<pid>-` and mkdtemp's six random characters. */
export const SCRATCH_PREFIX = 'umkm-clean-';
const SCRATCH = /^umkm-clean-(\d+)-[A-Za-z0-9]{6}$/;
/** Folders of versions before the PID was in the name: removed once they are a day old. */
const LEGACY_SCRATCH = /^umkm-clean-[A-Za-z0-9]{6}$/;
const SCRATCH_FILE = 'rows.spill';

/**
 * Removes the scratch folders of runs that are gone: their PID is no running process, or they are
 * older than a day. Only folders of ours (same user), only of our name. Returns how many.
 */
export async function removeStaleScratch(root: string = tmpdir()): Promise<number> {
  const uid = process.getuid?.();
  const now = Date.now();
  let removed = 0;
  for (const name of await readdir(root).catch(() => [] as string[])) {
    const m = SCRATCH.exec(name);
    if (!m && !LEGACY_SCRATCH.test(name)) continue;
    const path = join(root, name);
    const st = await lstat(path).catch(() => null);
    if (!st?.isDirectory() || (uid !== undefined && st.uid !== uid)) continue;
    const old = now - st.mtimeMs > STALE_MS;
    if (m ? isProcessAlive(Number(m[1])) && !old : !old) continue;
    if (!m) {
      // An old-style name says nothing of its owner: only a folder holding nothing but a scratch file.
      const inside = await readdir(path).catch(() => ['?']);
      if (inside.some((f) => f !== SCRATCH_FILE)) continue;
    }
    await rm(path, { recursive: true, force: true }).catch(() => undefined);
    removed++;
  }
  return removed;
}

/** A failed write of the scratch file as the run's typed error: exit 3, naming the folder. */
function scratchError(err: unknown, dir: string): UmkmError {
  if (err instanceof UmkmError) return err;
  return new OutputError('scratch.writeFailed', { dir, detail: errorCode(err) }, { cause: err });
}

/** Wanted lines of one chunk read: the chunk's bytes (not reused) and each line's start and end. */
export interface LineBatch {
  readonly bytes: Buffer;
  /** Start and end (before its line feed) of each wanted line, in pairs. */
  readonly ranges: readonly number[];
}

export class SpillFile {
  private buffer: string[] = [];
  private size = 0;
  private failed: unknown = null;
  private readonly onExit: (() => void) | null;
  private constructor(
    private readonly dir: string,
    readonly path: string,
    private readonly stream: WriteStream,
    /** Whether this side made the folder and removes it (the worker's writer does not). */
    owner: boolean,
  ) {
    stream.on('error', (err) => {
      this.failed ??= err;
    });
    // The last resort for a process that ends without unwinding (process.exit): gone before it ends.
    this.onExit = owner ? () => rmSync(dir, { recursive: true, force: true }) : null;
    if (this.onExit) process.on('exit', this.onExit);
  }

  static async create(): Promise<SpillFile> {
    const root = tmpdir();
    await removeStaleScratch(root);
    let dir: string | null = null;
    try {
      dir = await mkdtemp(join(root, `${SCRATCH_PREFIX}${process.pid}-`));
      const path = join(dir, SCRATCH_FILE);
      const handle = await open(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0), 0o600);
      return new SpillFile(dir, path, handle.createWriteStream(), true);
    } catch (err) {
      if (dir) await rm(dir, { recursive: true, force: true }).catch(() => undefined);
      throw scratchError(err, root);
    }
  }

  /**
   * A writer on a scratch file another thread created (the matcher's half of the scan on a worker
   * thread): it writes and closes it; removing it stays with its creator.
   */
  static async openAt(path: string): Promise<SpillFile> {
    try {
      const handle = await open(path, constants.O_WRONLY | constants.O_TRUNC | (constants.O_NOFOLLOW ?? 0));
      return new SpillFile(dirname(path), path, handle.createWriteStream(), false);
    } catch (err) {
      throw scratchError(err, dirname(dirname(path)));
    }
  }

  /**
   * One line; the caller keeps tabs and line breaks out of the fields. Returns a promise only
   * when the gathered lines go to the file.
   */
  write(line: string): Promise<void> | undefined {
    this.buffer.push(line);
    this.size += line.length + 1;
    return this.size >= FLUSH_BYTES ? this.flush() : undefined;
  }

  private async flush(): Promise<void> {
    if (this.failed) throw scratchError(this.failed, dirname(this.dir));
    if (this.buffer.length === 0) return;
    const text = `${this.buffer.join('\n')}\n`;
    this.buffer = [];
    this.size = 0;
    try {
      if (!this.stream.write(text)) await drained(this.stream, 'the scratch file');
    } catch (err) {
      throw scratchError(this.failed ?? err, dirname(this.dir));
    }
  }

  async close(): Promise<void> {
    await this.flush();
    if (!this.stream.writableEnded) this.stream.end();
    await new Promise<void>((resolve) => (this.stream.closed ? resolve() : this.stream.once('close', () => resolve())));
    if (this.failed) throw scratchError(this.failed, dirname(this.dir));
  }

  /**
   * The lines, in the order written, that `wanted` accepts, a batch per chunk read: the chunk's
   * bytes and where each wanted line starts and ends in them. `wanted` sees each line as bytes
   * [start, end) before its line feed, so lines not wanted (most of them) are never decoded, and a
   * caller can copy fields as bytes without decoding the wanted ones either.
   */
  async *linesWhere(wanted: (bytes: Buffer, start: number, end: number) => boolean): AsyncGenerator<LineBatch> {
    let carry: Buffer | null = null;
    for await (const chunk of createReadStream(this.path, { highWaterMark: 256 * 1024 })) {
      const buf: Buffer = carry ? Buffer.concat([carry, chunk as Buffer]) : (chunk as Buffer);
      const ranges: number[] = [];
      let start = 0;
      for (let nl = buf.indexOf(10, start); nl >= 0; nl = buf.indexOf(10, start)) {
        if (wanted(buf, start, nl)) ranges.push(start, nl);
        start = nl + 1;
      }
      // The unfinished last line: copied, so the chunk it came from can go.
      carry = start < buf.length ? Buffer.from(buf.subarray(start)) : null;
      if (ranges.length > 0) yield { bytes: buf, ranges };
    }
    // Every line is written with its line feed, so nothing is left unless the file was cut.
    if (carry) throw new Error(`scratch file ${this.path} ends inside a line`);
  }

  async remove(): Promise<void> {
    if (!this.stream.closed) this.stream.destroy();
    await rm(this.dir, { recursive: true, force: true });
    if (this.onExit) process.off('exit', this.onExit);
  }
}
