/**
 * A streaming ZIP writer, just enough for .xlsx: entries are written one after another, each either
 * stored whole (small XML parts) or deflated as it streams (worksheets), with a data descriptor
 * after the data because its size and CRC are known only at the end. Deflate runs in Node's
 * thread pool (zlib streams), so compressing a worksheet uses the second core while the main
 * thread builds rows. ZIP64 records are written when an offset or the entry count needs them.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { createDeflateRaw, crc32 as zlibCrc32, type DeflateRaw } from 'node:zlib';

const MAX32 = 0xffffffff;

/** zlib.crc32 exists from Node 20.15; older 20.x get the table version (slower, same result). */
const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(data: Uint8Array, prev = 0): number {
  if (typeof zlibCrc32 === 'function') return zlibCrc32(data, prev);
  let c = (prev ^ MAX32) >>> 0;
  for (let i = 0; i < data.length; i++) c = (CRC_TABLE[(c ^ (data[i] as number)) & 0xff] as number) ^ (c >>> 8);
  return (c ^ MAX32) >>> 0;
}

interface EntryRecord {
  readonly name: Buffer;
  readonly method: number;
  readonly flags: number;
  readonly offset: number;
  crc: number;
  compressed: number;
  size: number;
}

/** DOS date and time of the moment the archive is made, as ZIP headers hold them. */
function dosDateTime(d: Date): { time: number; date: number } {
  const year = Math.max(1980, d.getFullYear());
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | Math.floor(d.getSeconds() / 2),
    date: ((year - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

/** A deflated entry being written: feed it bytes, then finish it. */
export class DeflatedEntry {
  constructor(
    private readonly deflate: DeflateRaw,
    private readonly entry: EntryRecord,
    /** Ends the compressed stream and writes the data descriptor. */
    readonly finish: () => Promise<void>,
  ) {}

  /** Resolves at once unless the compressor is behind (back-pressure). */
  async write(data: Buffer): Promise<void> {
    this.entry.crc = crc32(data, this.entry.crc);
    this.entry.size += data.length;
    if (!this.deflate.write(data)) await once(this.deflate, 'drain');
  }

  get uncompressedBytes(): number {
    return this.entry.size;
  }
}

export class ZipWriter {
  private readonly entries: EntryRecord[] = [];
  private offset = 0;
  private failed: unknown = null;
  private readonly stamp = dosDateTime(new Date());

  private constructor(private readonly out: WriteStream) {
    out.on('error', (err) => {
      this.failed ??= err;
    });
  }

  /**
   * Resolves when the file takes bytes again, or when it failed: a stream that failed (ENOSPC on a
   * full disk) never emits 'drain', and waiting for one hung the run forever with 0 bytes free.
   * The failure itself is reported by put(), finish() and close().
   */
  private writable(): Promise<void> {
    if (this.failed || this.out.destroyed) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        this.out.off('drain', done);
        this.out.off('error', done);
        this.out.off('close', done);
        resolve();
      };
      this.out.once('drain', done);
      this.out.once('error', done);
      this.out.once('close', done);
    });
  }

  /** Owner-only from the first byte: the workbooks carry NIKs. */
  static async create(path: string): Promise<ZipWriter> {
    const out = createWriteStream(path, { mode: 0o600 });
    await once(out, 'open');
    return new ZipWriter(out);
  }

  private async put(buf: Buffer): Promise<void> {
    if (this.failed) throw this.failed;
    this.offset += buf.length;
    if (!this.out.write(buf)) await this.writable();
    if (this.failed) throw this.failed;
  }

  private localHeader(e: EntryRecord): Buffer {
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(20, 4);
    h.writeUInt16LE(e.flags, 6);
    h.writeUInt16LE(e.method, 8);
    h.writeUInt16LE(this.stamp.time, 10);
    h.writeUInt16LE(this.stamp.date, 12);
    // A streamed entry's CRC and sizes follow its data, in the data descriptor.
    h.writeUInt32LE(e.flags & 8 ? 0 : e.crc, 14);
    h.writeUInt32LE(e.flags & 8 ? 0 : e.compressed, 18);
    h.writeUInt32LE(e.flags & 8 ? 0 : e.size, 22);
    h.writeUInt16LE(e.name.length, 26);
    h.writeUInt16LE(0, 28);
    return Buffer.concat([h, e.name]);
  }

  /** A small part, stored whole. */
  async addStored(name: string, data: Buffer | string): Promise<void> {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    const e: EntryRecord = {
      name: Buffer.from(name, 'utf8'),
      method: 0,
      flags: 0x0800,
      offset: this.offset,
      crc: crc32(bytes),
      compressed: bytes.length,
      size: bytes.length,
    };
    this.entries.push(e);
    await this.put(this.localHeader(e));
    await this.put(bytes);
  }

  /**
   * A deflated part written as it streams: write into the returned entry, then finish() it before
   * the next entry starts. Its uncompressed size must stay under 4 GiB (callers roll over).
   */
  async openDeflated(name: string): Promise<DeflatedEntry> {
    const e: EntryRecord = { name: Buffer.from(name, 'utf8'), method: 8, flags: 0x0808, offset: this.offset, crc: 0, compressed: 0, size: 0 };
    this.entries.push(e);
    await this.put(this.localHeader(e));
    // Level 1: worksheets are repetitive XML, and speed matters more than the last few per cent.
    const deflate = createDeflateRaw({ level: 1, chunkSize: 256 * 1024 });
    deflate.on('data', (chunk: Buffer) => {
      // The file failed: the rest is compressed into nothing, and finish() reports the failure.
      if (this.failed) return;
      e.compressed += chunk.length;
      this.offset += chunk.length;
      if (!this.out.write(chunk)) {
        deflate.pause();
        void this.writable().then(() => deflate.resume());
      }
    });
    const ended = once(deflate, 'end');
    return new DeflatedEntry(deflate, e, async () => {
      deflate.end();
      await ended;
      if (this.failed) throw this.failed;
      if (e.size > MAX32 || e.compressed > MAX32) throw new RangeError(`zip entry ${name} exceeds 4 GiB`);
      const d = Buffer.alloc(16);
      d.writeUInt32LE(0x08074b50, 0);
      d.writeUInt32LE(e.crc >>> 0, 4);
      d.writeUInt32LE(e.compressed, 8);
      d.writeUInt32LE(e.size, 12);
      await this.put(d);
    });
  }

  /** Writes the central directory and closes the file. */
  async close(): Promise<void> {
    const start = this.offset;
    let zip64 = this.entries.length > 0xffff;
    for (const e of this.entries) {
      const far = e.offset > MAX32;
      zip64 ||= far;
      const extra = far ? Buffer.alloc(12) : Buffer.alloc(0);
      if (far) {
        extra.writeUInt16LE(0x0001, 0);
        extra.writeUInt16LE(8, 2);
        extra.writeBigUInt64LE(BigInt(e.offset), 4);
      }
      const h = Buffer.alloc(46);
      h.writeUInt32LE(0x02014b50, 0);
      h.writeUInt16LE(far ? 45 : 20, 4);
      h.writeUInt16LE(far ? 45 : 20, 6);
      h.writeUInt16LE(e.flags, 8);
      h.writeUInt16LE(e.method, 10);
      h.writeUInt16LE(this.stamp.time, 12);
      h.writeUInt16LE(this.stamp.date, 14);
      h.writeUInt32LE(e.crc >>> 0, 16);
      h.writeUInt32LE(e.compressed, 20);
      h.writeUInt32LE(e.size, 24);
      h.writeUInt16LE(e.name.length, 28);
      h.writeUInt16LE(extra.length, 30);
      h.writeUInt32LE(far ? MAX32 : e.offset, 42);
      await this.put(Buffer.concat([h, e.name, extra]));
    }
    const size = this.offset - start;
    if (zip64 || start > MAX32 || size > MAX32) {
      const z = Buffer.alloc(56 + 20);
      const at = this.offset;
      z.writeUInt32LE(0x06064b50, 0);
      z.writeBigUInt64LE(44n, 4);
      z.writeUInt16LE(45, 12);
      z.writeUInt16LE(45, 14);
      z.writeBigUInt64LE(BigInt(this.entries.length), 24);
      z.writeBigUInt64LE(BigInt(this.entries.length), 32);
      z.writeBigUInt64LE(BigInt(size), 40);
      z.writeBigUInt64LE(BigInt(start), 48);
      z.writeUInt32LE(0x07064b50, 56);
      z.writeBigUInt64LE(BigInt(at), 64);
      z.writeUInt32LE(1, 72);
      await this.put(z);
      zip64 = true;
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(zip64 ? 0xffff : this.entries.length, 8);
    end.writeUInt16LE(zip64 ? 0xffff : this.entries.length, 10);
    end.writeUInt32LE(zip64 ? MAX32 : size, 12);
    end.writeUInt32LE(zip64 ? MAX32 : start, 16);
    await this.put(end);
    this.out.end();
    // A file that failed has closed already: its 'close' came and went.
    if (!this.out.closed) await new Promise<void>((resolve) => this.out.once('close', () => resolve()));
    if (this.failed) throw this.failed;
  }

  /** Drops the file handle after a failure; the caller removes the temporary file. */
  destroy(): void {
    this.out.destroy();
  }
}
