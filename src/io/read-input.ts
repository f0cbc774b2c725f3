/**
 * Reading one input as it really comes: sniff its encoding, delimiter and header row, then stream
 * its data records with the physical line each starts on. Only this module opens input files.
 */
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import iconv from 'iconv-lite';
import { InputError } from '../errors.js';
import { formatMessage, type Lang } from '../i18n/messages.js';
import type { AliasIndex, Field, HeaderMapping } from '../schema/fields.js';
import { CsvLimitError, CsvTokenizer, type CsvRecord, UnclosedQuoteError } from './csv-tokenizer.js';
import { type Delimiter, detectLayout, findHeader } from './detect-layout.js';
import { readXlsxRecords } from './read-xlsx.js';
import {
  detectBom,
  detectUtf16WithoutBom,
  type Encoding,
  hasBinaryMagic,
  ICONV_NAME,
  looksBinary,
  Utf8Scanner,
} from './encoding.js';

export interface InputPlan {
  /** Position among the inputs, in the order given. */
  readonly index: number;
  /** A text export, or a workbook (first worksheet). */
  readonly format: 'csv' | 'xlsx';
  readonly path: string;
  /** How the file is named in outputs and messages (source_file). */
  readonly name: string;
  readonly encoding: Encoding;
  readonly bom: boolean;
  readonly delimiter: Delimiter;
  readonly headerLine: number;
  readonly headerCells: string[];
  readonly mapping: HeaderMapping;
  readonly size: number;
  readonly mtimeMs: number;
  /** Average bytes per line in the sniffed sample (0 when unknown): for sizing per-row arrays. */
  readonly bytesPerLine: number;
}

const SAMPLE_BYTES = 256 * 1024;
const CHUNK_BYTES = 64 * 1024;
/** The encoding check reads the whole file natively: large reads, few trips to the thread pool. */
const SCAN_BYTES = 1024 * 1024;
/**
 * Records are handed on per 16 KB read: a batch lives until its last row is written, and a smaller
 * one is gone before the young generation is collected, so less garbage reaches the old one (at
 * 1M rows the write pass peaked at 820 MB with 64 KB batches, 500 MB with 16 KB).
 */
const RECORD_CHUNK_BYTES = 16 * 1024;
/** The file is read in larger pieces than that: each read is a trip through libuv's thread pool. */
const READ_BYTES = 256 * 1024;

async function statInput(path: string, name: string) {
  try {
    const st = await stat(path);
    if (st.isDirectory()) throw new InputError('input.isDirectory', { file: name });
    return st;
  } catch (err) {
    if (err instanceof InputError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError('input.notFound', { file: name }, { cause: err });
    throw new InputError('input.unreadable', { file: name, detail: code ?? String(err) }, { cause: err });
  }
}

async function readHead(path: string, name: string, bytes: number): Promise<Uint8Array> {
  try {
    const fh = await open(path, 'r');
    try {
      const buf = Buffer.alloc(bytes);
      const { bytesRead } = await fh.read(buf, 0, bytes, 0);
      return buf.subarray(0, bytesRead);
    } finally {
      await fh.close();
    }
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError('input.unreadable', { file: name, detail: code ?? String(err) }, { cause: err });
  }
}

/** Without a BOM, the whole file decides: one Windows-1252 ’ on row 2,000 is still Windows-1252. */
async function scanUtf8(path: string, name: string): Promise<Encoding> {
  const scanner = new Utf8Scanner();
  // One buffer read into again and again: a fresh megabyte per read (a stream's way) cost more
  // than checking it (10M rows, 1.5 GB: 2.8 s).
  const buf = Buffer.allocUnsafe(SCAN_BYTES);
  try {
    const fh = await open(path, 'r');
    try {
      for (let n = (await fh.read(buf, 0, buf.length, null)).bytesRead; n > 0; n = (await fh.read(buf, 0, buf.length, null)).bytesRead) {
        scanner.push(buf.subarray(0, n));
      }
    } finally {
      await fh.close();
    }
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError('input.unreadable', { file: name, detail: code ?? String(err) }, { cause: err });
  }
  scanner.end();
  if (scanner.invalid === 0) return 'utf-8';
  if (!scanner.hasMultibyte) return 'windows-1252';
  throw new InputError('input.badUtf8', { file: name, line: await lineAt(path, scanner.firstInvalidOffset) });
}

/** The physical line (1-based) a byte offset falls on: read again, only for the message. */
async function lineAt(path: string, offset: number): Promise<number> {
  let line = 1;
  if (offset <= 0) return line;
  // end is inclusive: the bytes before the offset.
  for await (const chunk of createReadStream(path, { highWaterMark: CHUNK_BYTES, end: offset - 1 })) {
    const buf = chunk as Buffer;
    for (let i = buf.indexOf(10); i >= 0; i = buf.indexOf(10, i + 1)) line++;
  }
  return line;
}

export async function sniffInput(
  path: string,
  index: number,
  name: string,
  aliases: AliasIndex,
  required: readonly Field[],
  lang: Lang,
): Promise<InputPlan> {
  const st = await statInput(path, name);
  if (st.size === 0) throw new InputError('input.empty', { file: name });
  const head = await readHead(path, name, SAMPLE_BYTES);
  const bom = detectBom(head);
  let encoding: Encoding;
  if (bom) encoding = bom.encoding;
  else {
    // Magic numbers first: a zip (.xlsx) header has NULs that look like UTF-16.
    if (isZip(head) && /\.xlsx$/i.test(path)) return sniffWorkbook(path, index, name, aliases, required, lang, st);
    if (hasBinaryMagic(head)) throw new InputError('input.binary', { file: name });
    const utf16 = detectUtf16WithoutBom(head);
    if (utf16) encoding = utf16;
    else if (looksBinary(head)) throw new InputError('input.binary', { file: name });
    else encoding = await scanUtf8(path, name);
  }
  let sample = iconv.decode(Buffer.from(head), ICONV_NAME[encoding], { stripBOM: true });
  if (head.length === SAMPLE_BYTES) {
    // Drop the last, possibly cut, line of the sample.
    const cut = Math.max(sample.lastIndexOf('\n'), sample.lastIndexOf('\r'));
    if (cut > 0) sample = sample.slice(0, cut + 1);
  }
  if (sample.trim() === '') throw new InputError('input.empty', { file: name });
  let layout: ReturnType<typeof detectLayout>;
  try {
    layout = detectLayout(sample, aliases, required);
  } catch (err) {
    throw limitError(err, name);
  }
  if (!layout.ok) throw noHeader(name, layout, lang);
  return {
    index,
    format: 'csv',
    path,
    name,
    encoding,
    bom: bom !== null,
    delimiter: layout.delimiter,
    headerLine: layout.headerLine,
    headerCells: layout.headerCells,
    mapping: layout.mapping,
    size: st.size,
    mtimeMs: st.mtimeMs,
    bytesPerLine: head.length / Math.max(1, lineBreaks(sample)),
  };
}

/** A record past the tokenizer's bounds as the run's typed error, naming the file and line. */
function limitError(err: unknown, file: string): unknown {
  if (!(err instanceof CsvLimitError)) return err;
  const key = err.kind === 'field' ? 'input.fieldTooLong' : err.kind === 'record' ? 'input.recordTooLong' : 'input.tooManyCells';
  return new InputError(key, { file, line: err.line, limit: err.limit }, { cause: err });
}

function lineBreaks(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

function isZip(head: Uint8Array): boolean {
  return head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
}

function noHeader(name: string, layout: { best: { line: number; missing: Field[] } | null }, lang: Lang): InputError {
  const detail = layout.best
    ? formatMessage(lang, 'input.noHeader.best', {
        line: layout.best.line,
        missing: layout.best.missing.map((f) => f.toUpperCase()).join(', '),
      })
    : formatMessage(lang, 'input.noHeader.none');
  return new InputError('input.noHeader', { file: name, detail });
}

async function sniffWorkbook(
  path: string,
  index: number,
  name: string,
  aliases: AliasIndex,
  required: readonly Field[],
  lang: Lang,
  st: { size: number; mtimeMs: number },
): Promise<InputPlan> {
  const head: CsvRecord[] = [];
  try {
    for await (const batch of readXlsxRecords(path, name, 100)) {
      head.push(...batch);
      if (head.length >= 100) break;
    }
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError('input.badWorkbook', { file: name, detail: (err as Error).message.split('\n')[0] ?? 'xlsx' }, { cause: err });
  }
  const layout = findHeader(head, aliases, required);
  if (!layout.ok) throw noHeader(name, layout, lang);
  return {
    index,
    format: 'xlsx',
    path,
    name,
    encoding: 'utf-8',
    bom: false,
    delimiter: ',',
    headerLine: layout.headerLine,
    headerCells: layout.headerCells,
    mapping: layout.mapping,
    size: st.size,
    mtimeMs: st.mtimeMs,
    bytesPerLine: 0,
  };
}

/**
 * Streams the records below the header, in batches (one per chunk read). Title rows above the
 * header are passed over; they are not records.
 */
export async function* readDataRecords(
  plan: InputPlan,
  signal?: AbortSignal,
  /** Bytes read so far in this call, for progress. */
  onBytes?: (bytes: number) => void,
  /**
   * Every byte of the file, in order, as it is read: the manifest's SHA-256 is taken from the
   * read the records come from, not from a read of its own.
   */
  onFileBytes?: (bytes: Buffer) => void,
): AsyncGenerator<CsvRecord[]> {
  signal?.throwIfAborted();
  const st = await statInput(plan.path, plan.name);
  if (st.size !== plan.size || st.mtimeMs !== plan.mtimeMs) throw new InputError('input.changed', { file: plan.name });
  if (plan.format === 'xlsx') {
    // A workbook is unzipped by exceljs from its path: its bytes are read once more for the
    // checksum (workbooks are kecamatan-sized; large batches come as CSV).
    if (onFileBytes) {
      try {
        for await (const chunk of createReadStream(plan.path, { highWaterMark: READ_BYTES, signal })) onFileBytes(chunk as Buffer);
      } catch (err) {
        if (signal?.aborted) throw err;
        const code = (err as NodeJS.ErrnoException).code;
        throw new InputError('input.unreadable', { file: plan.name, detail: code ?? String(err) }, { cause: err });
      }
    }
    // The workbook is unzipped as it streams: its progress is the whole file, once.
    onBytes?.(plan.size);
    for await (const batch of readXlsxRecords(plan.path, plan.name)) {
      signal?.throwIfAborted();
      const below = batch.filter((r) => r.line > plan.headerLine);
      if (below.length > 0) yield below;
    }
    return;
  }
  const decoder = iconv.getDecoder(ICONV_NAME[plan.encoding], { stripBOM: true });
  const tokenizer = new CsvTokenizer(plan.delimiter);
  const headerLine = plan.headerLine;
  const below = (records: CsvRecord[]) => {
    if (records.length === 0 || (records[0] as CsvRecord).line > headerLine) return records;
    return records.filter((r) => r.line > headerLine);
  };
  try {
    const stream = createReadStream(plan.path, { highWaterMark: READ_BYTES, signal });
    for await (const chunk of stream) {
      const buf = chunk as Buffer;
      onFileBytes?.(buf);
      for (let at = 0; at < buf.length; at += RECORD_CHUNK_BYTES) {
        const piece = buf.subarray(at, Math.min(buf.length, at + RECORD_CHUNK_BYTES));
        onBytes?.(piece.length);
        const records = below(tokenizer.push(decoder.write(piece)));
        if (records.length > 0) yield records;
      }
    }
    const tail = decoder.end();
    const records = below([...(tail ? tokenizer.push(tail) : []), ...tokenizer.end()]);
    if (records.length > 0) yield records;
  } catch (err) {
    if (err instanceof UnclosedQuoteError) {
      throw new InputError('input.unclosedQuote', { file: plan.name, line: err.line }, { cause: err });
    }
    if (err instanceof CsvLimitError) throw limitError(err, plan.name);
    if ((err as Error).name === 'AbortError') throw err;
    if (err instanceof InputError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code) throw new InputError('input.unreadable', { file: plan.name, detail: code }, { cause: err });
    throw err;
  }
}
