/**
 * The ZIP container of a workbook input, read by us, bounded, before any XML reaches exceljs.
 *
 * Why not hand the file to exceljs as it is: its streaming reader unzips with unzipper's
 * sequential parser, which trusts the local headers, checks no CRC, has no bound on what an entry
 * inflates to, copies a worksheet that comes before the shared strings (Excel's own order) whole
 * into TMPDIR, and on a damaged file leaves a promise that never settles (the process ended with
 * exit 13 and no message, its temporary files left behind). Here the central directory is read
 * from the end of the file, checked against the file's size and our limits, and each part we need
 * is inflated from its own offset with the bytes it yields counted against the size the directory
 * declares, and its CRC-32 checked at the end.
 */
import { type FileHandle, open } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createInflateRaw } from 'node:zlib';
import { errorCode, InputError } from '../errors.js';
import { crc32 } from './zip-writer.js';

/** The largest workbook file read (compressed). A kecamatan's export is a few MB; 1M rows are ~60 MB. */
export const MAX_WORKBOOK_BYTES = 256 * 1024 * 1024;
/** Parts in one archive: Excel writes a dozen or two; a workbook with many sheets and images, hundreds. */
export const MAX_ZIP_ENTRIES = 10_000;
/**
 * How many times a part may grow when inflated, past the first MiB: Apache POI's default
 * (ZipSecureFile's minimum inflate ratio 0.01). Worksheets and shared strings from Excel grow 5 to
 * 15 times; a zip bomb grows 1,000 times.
 */
export const MAX_INFLATE_RATIO = 100;
const RATIO_GRACE_BYTES = 1024 * 1024;
/** The central directory of MAX_ZIP_ENTRIES parts with long names stays well under this. */
const MAX_DIRECTORY_BYTES = 64 * 1024 * 1024;
const READ_BYTES = 256 * 1024;
const MAX32 = 0xffffffff;

export interface ZipEntry {
  /** The part's name as stored (OOXML part names: ASCII, forward slashes). */
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly crc: number;
  readonly compressedSize: number;
  /** Uncompressed size as the central directory declares it: what inflating must yield exactly. */
  readonly size: number;
  readonly localOffset: number;
}

const MIB = 1024 * 1024;

export class ZipInput {
  private constructor(
    private readonly handle: FileHandle,
    /** How the file is named in messages. */
    readonly file: string,
    /** The parts, in the order they lie in the file. */
    readonly entries: readonly ZipEntry[],
    /** Where the central directory starts: every part's data lies before it. */
    private readonly directoryStart: number,
  ) {}

  private static damaged(file: string, part: string): InputError {
    return new InputError('input.workbookDamaged', { file, part });
  }

  static async open(path: string, file: string): Promise<ZipInput> {
    let handle: FileHandle;
    try {
      handle = await open(path, 'r');
    } catch (err) {
      throw new InputError('input.unreadable', { file, detail: errorCode(err) }, { cause: err });
    }
    try {
      const size = (await handle.stat()).size;
      if (size > MAX_WORKBOOK_BYTES) {
        throw new InputError('input.workbookTooLarge', { file, size: Math.ceil(size / MIB), limit: MAX_WORKBOOK_BYTES / MIB });
      }
      const { entries, directoryStart } = await readDirectory(handle, size, file);
      return new ZipInput(handle, file, entries, directoryStart);
    } catch (err) {
      await handle.close();
      if (err instanceof InputError) throw err;
      throw new InputError('input.unreadable', { file, detail: errorCode(err) }, { cause: err });
    }
  }

  /** A part by name, compared without case (OOXML part names are case-insensitive). */
  find(name: string): ZipEntry | null {
    const want = name.toLowerCase();
    const found = this.entries.filter((e) => e.name.toLowerCase() === want);
    if (found.length > 1) throw ZipInput.damaged(this.file, `${name} ×${found.length}`);
    return found[0] ?? null;
  }

  /**
   * Refuses a part whose declared size is past `limit` bytes, or that would grow more than
   * MAX_INFLATE_RATIO times: before a byte of it is inflated.
   */
  checkSize(e: ZipEntry, limit: number): void {
    if (e.size > limit) {
      throw new InputError('input.workbookPartTooLarge', { file: this.file, part: e.name, size: Math.ceil(e.size / MIB), limit: Math.floor(limit / MIB) });
    }
    if (e.size > RATIO_GRACE_BYTES && e.size > e.compressedSize * MAX_INFLATE_RATIO) {
      throw new InputError('input.workbookRatio', {
        file: this.file,
        part: e.name,
        ratio: Math.floor(e.size / Math.max(1, e.compressedSize)),
        limit: MAX_INFLATE_RATIO,
      });
    }
  }

  /** Where a part's data starts, from its local header, which must agree with the directory. */
  private async dataStart(e: ZipEntry): Promise<number> {
    const head = Buffer.alloc(30);
    const { bytesRead } = await this.handle.read(head, 0, 30, e.localOffset);
    if (bytesRead < 30 || head.readUInt32LE(0) !== 0x04034b50) throw ZipInput.damaged(this.file, `${e.name}: local header`);
    const nameLength = head.readUInt16LE(26);
    const extraLength = head.readUInt16LE(28);
    const name = Buffer.alloc(nameLength);
    await this.handle.read(name, 0, nameLength, e.localOffset + 30);
    if (head.readUInt16LE(8) !== e.method || name.toString('utf8') !== e.name) throw ZipInput.damaged(this.file, `${e.name}: local header`);
    const start = e.localOffset + 30 + nameLength + extraLength;
    if (start + e.compressedSize > this.directoryStart) throw ZipInput.damaged(this.file, `${e.name}: data`);
    return start;
  }

  /** The compressed bytes of a part, read in pieces. */
  private async *raw(start: number, length: number, part: string): AsyncGenerator<Buffer> {
    for (let at = 0; at < length; ) {
      const buf = Buffer.allocUnsafe(Math.min(READ_BYTES, length - at));
      const { bytesRead } = await this.handle.read(buf, 0, buf.length, start + at);
      // The file got shorter under us: what the directory promised is not there.
      if (bytesRead === 0) throw ZipInput.damaged(this.file, `${part}: data`);
      at += bytesRead;
      yield bytesRead === buf.length ? buf : buf.subarray(0, bytesRead);
    }
  }

  /**
   * A part's bytes as they inflate: never more than its declared size, and exactly its declared
   * size and CRC-32 by the end, or the part is damaged (a truncated file, flipped bytes).
   */
  async *inflate(e: ZipEntry): AsyncGenerator<Buffer> {
    if (e.flags & 1) throw new InputError('input.workbookEncrypted', { file: this.file });
    if (e.method !== 0 && e.method !== 8) throw ZipInput.damaged(this.file, `${e.name}: method ${e.method}`);
    const start = await this.dataStart(e);
    let total = 0;
    let crc = 0;
    const take = (chunk: Buffer) => {
      total += chunk.length;
      if (total > e.size) throw ZipInput.damaged(this.file, `${e.name}: size`);
      crc = crc32(chunk, crc);
    };
    if (e.method === 0) {
      if (e.compressedSize !== e.size) throw ZipInput.damaged(this.file, `${e.name}: size`);
      for await (const chunk of this.raw(start, e.compressedSize, e.name)) {
        take(chunk);
        yield chunk;
      }
    } else {
      const inflater = createInflateRaw({ chunkSize: 64 * 1024 });
      const feeding = pipeline(Readable.from(this.raw(start, e.compressedSize, e.name)), inflater);
      // Its failure also reaches the loop below, through the inflater.
      feeding.catch(() => undefined);
      try {
        for await (const chunk of inflater as AsyncIterable<Buffer>) {
          take(chunk);
          yield chunk;
        }
        await feeding;
      } catch (err) {
        if (err instanceof InputError) throw err;
        // zlib's words for what is wrong ("unexpected end of file", "invalid distance too far back").
        throw new InputError('input.workbookDamaged', { file: this.file, part: `${e.name}: ${(err as Error).message}` }, { cause: err });
      } finally {
        inflater.destroy();
      }
    }
    if (total !== e.size) throw ZipInput.damaged(this.file, `${e.name}: size`);
    if (crc >>> 0 !== e.crc >>> 0) throw ZipInput.damaged(this.file, `${e.name}: CRC-32`);
  }

  async close(): Promise<void> {
    await this.handle.close().catch(() => undefined);
  }
}

async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buf = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buf, 0, length, position);
  return buf.subarray(0, bytesRead);
}

/**
 * The central directory, found through the end record at the end of the file (ZIP64 records
 * included), every field checked against the file's size.
 */
async function readDirectory(handle: FileHandle, size: number, file: string): Promise<{ entries: ZipEntry[]; directoryStart: number }> {
  const damaged = (part: string) => new InputError('input.workbookDamaged', { file, part });
  // The end record is 22 bytes and a comment of at most 65,535.
  const tailLength = Math.min(size, 22 + 0xffff);
  const tail = await readAt(handle, size - tailLength, tailLength);
  let end = -1;
  for (let p = tail.length - 22; p >= 0; p--) {
    // The one whose comment runs exactly to the end of the file: a signature inside a comment is not it.
    if (tail.readUInt32LE(p) === 0x06054b50 && p + 22 + tail.readUInt16LE(p + 20) === tail.length) {
      end = p;
      break;
    }
  }
  // No end record: the file was cut short (or is no ZIP at all): not a complete workbook.
  if (end < 0) throw new InputError('input.badWorkbook', { file, detail: 'ZIP: end of central directory' });
  const endAt = size - tailLength + end;
  let count = tail.readUInt16LE(end + 10);
  let directorySize = tail.readUInt32LE(end + 12);
  let directoryStart = tail.readUInt32LE(end + 16);
  let directoryEnd = endAt;
  if (count === 0xffff || directorySize === MAX32 || directoryStart === MAX32) {
    // ZIP64: a locator just before the end record points at the ZIP64 end record.
    const locator = end >= 20 ? tail.subarray(end - 20, end) : await readAt(handle, endAt - 20, 20);
    if (locator.length < 20 || locator.readUInt32LE(0) !== 0x07064b50) throw damaged('ZIP64: locator');
    const at = Number(locator.readBigUInt64LE(8));
    const record = at + 56 <= endAt - 20 ? await readAt(handle, at, 56) : Buffer.alloc(0);
    if (record.length < 56 || record.readUInt32LE(0) !== 0x06064b50) throw damaged('ZIP64: end of central directory');
    count = Number(record.readBigUInt64LE(32));
    directorySize = Number(record.readBigUInt64LE(40));
    directoryStart = Number(record.readBigUInt64LE(48));
    directoryEnd = at;
  }
  if (count > MAX_ZIP_ENTRIES) throw new InputError('input.workbookEntries', { file, count, limit: MAX_ZIP_ENTRIES });
  if (directoryStart + directorySize > directoryEnd || directorySize > MAX_DIRECTORY_BYTES) throw damaged('ZIP: central directory');
  const dir = await readAt(handle, directoryStart, directorySize);
  if (dir.length < directorySize) throw damaged('ZIP: central directory');
  const entries: ZipEntry[] = [];
  let p = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > dir.length || dir.readUInt32LE(p) !== 0x02014b50) throw damaged('ZIP: central directory');
    const nameLength = dir.readUInt16LE(p + 28);
    const extraLength = dir.readUInt16LE(p + 30);
    const commentLength = dir.readUInt16LE(p + 32);
    const next = p + 46 + nameLength + extraLength + commentLength;
    if (next > dir.length) throw damaged('ZIP: central directory');
    const flags = dir.readUInt16LE(p + 8);
    const name = dir.toString(flags & 0x800 ? 'utf8' : 'latin1', p + 46, p + 46 + nameLength);
    let compressedSize = dir.readUInt32LE(p + 20);
    let uncompressed = dir.readUInt32LE(p + 24);
    let localOffset = dir.readUInt32LE(p + 42);
    if (compressedSize === MAX32 || uncompressed === MAX32 || localOffset === MAX32) {
      // The ZIP64 extra field holds, in this order, the fields that did not fit.
      const extra = dir.subarray(p + 46 + nameLength, p + 46 + nameLength + extraLength);
      let found = false;
      for (let q = 0; q + 4 <= extra.length; ) {
        const id = extra.readUInt16LE(q);
        const len = extra.readUInt16LE(q + 2);
        if (id === 0x0001) {
          let r = q + 4;
          const take = () => {
            if (r + 8 > q + 4 + len || r + 8 > extra.length) throw damaged(`${name}: ZIP64 extra field`);
            const v = Number(extra.readBigUInt64LE(r));
            r += 8;
            return v;
          };
          if (uncompressed === MAX32) uncompressed = take();
          if (compressedSize === MAX32) compressedSize = take();
          if (localOffset === MAX32) localOffset = take();
          found = true;
          break;
        }
        q += 4 + len;
      }
      if (!found) throw damaged(`${name}: ZIP64 extra field`);
    }
    if (localOffset + 30 > directoryStart || localOffset + compressedSize > directoryStart) throw damaged(`${name}: offset`);
    entries.push({
      name,
      method: dir.readUInt16LE(p + 10),
      flags,
      crc: dir.readUInt32LE(p + 16),
      compressedSize,
      size: uncompressed,
      localOffset,
    });
    p = next;
  }
  entries.sort((a, b) => a.localOffset - b.localOffset);
  return { entries, directoryStart };
}
