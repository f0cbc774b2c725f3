/**
 * A scratch file of short text lines, written once and read back once: what the resolve step needs
 * of each row (its name and address tokens) without reading and parsing the inputs again. It lives
 * in the system's temporary folder, owner-only, and is removed when the run ends, however it ends.
 */
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const FLUSH_BYTES = 32 * 1024;

/** Wanted lines of one chunk read: the chunk's bytes (not reused) and each line's start and end. */
export interface LineBatch {
  readonly bytes: Buffer;
  /** Start and end (before its line feed) of each wanted line, in pairs. */
  readonly ranges: readonly number[];
}

export class SpillFile {
  private buffer: string[] = [];
  private size = 0;
  private constructor(
    private readonly dir: string,
    readonly path: string,
    private readonly stream: WriteStream,
  ) {}

  static async create(): Promise<SpillFile> {
    const dir = await mkdtemp(join(tmpdir(), 'umkm-clean-'));
    const path = join(dir, 'rows.spill');
    const stream = createWriteStream(path, { mode: 0o600 });
    await once(stream, 'open');
    return new SpillFile(dir, path, stream);
  }

  /**
   * A writer on a scratch file another thread created (the matcher's half of the scan on a worker
   * thread): it writes and closes it; removing it stays with its creator.
   */
  static async openAt(path: string): Promise<SpillFile> {
    const stream = createWriteStream(path, { mode: 0o600 });
    await once(stream, 'open');
    return new SpillFile(dirname(path), path, stream);
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
    if (this.buffer.length === 0) return;
    const text = `${this.buffer.join('\n')}\n`;
    this.buffer = [];
    this.size = 0;
    if (!this.stream.write(text)) await once(this.stream, 'drain');
  }

  async close(): Promise<void> {
    await this.flush();
    this.stream.end();
    await once(this.stream, 'close');
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
  }
}
