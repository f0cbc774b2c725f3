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
import { readWorkbookSheets, readXlsxRecords } from './read-xlsx.js';
import { chooseSheet, searchedSheets, sheetList, type WorkbookSheet } from './workbook-sheets.js';
import type { ZipEntry } from './zip-input.js';
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
  /** A text export, or a workbook (one of its worksheets). */
  readonly format: 'csv' | 'xlsx';
  /** The worksheet read, for a workbook: its tab's name and position (1-based); null for text. */
  readonly sheet: { readonly name: string; readonly number: number } | null;
  /** That worksheet's part in the ZIP (xl/worksheets/sheet2.xml); null for text. */
  readonly sheetPart: string | null;
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
  /** --sheet: which worksheet of a workbook (a name or a number); a text export has none. */
  sheet: string | null = null,
): Promise<InputPlan> {
  const st = await statInput(path, name);
  if (st.size === 0) throw new InputError('input.empty', { file: name });
  const head = await readHead(path, name, SAMPLE_BYTES);
  const bom = detectBom(head);
  let encoding: Encoding;
  if (bom) encoding = bom.encoding;
  else {
    // Magic numbers first: a zip (.xlsx) header has NULs that look like UTF-16.
    if (isZip(head) && /\.xlsx$/i.test(path)) return sniffWorkbook(path, index, name, aliases, required, lang, st, sheet);
    if (isOle2(head)) {
      // Excel keeps a password-protected .xlsx in the old compound container too.
      throw new InputError(/\.xlsx$/i.test(path) ? 'input.workbookEncrypted' : 'input.legacyXls', { file: name });
    }
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
    sheet: null,
    sheetPart: null,
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

/** The compound file of Excel 97-2003 (.xls), and of an .xlsx locked with a password. */
function isOle2(head: Uint8Array): boolean {
  return head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0;
}

/** The row that came closest to a header (on which sheet, for a workbook), or that none named a column. */
function closestHeader(lang: Lang, best: { line: number; missing: Field[]; sheet?: WorkbookSheet } | null): string {
  if (!best) return formatMessage(lang, 'input.noHeader.none');
  const missing = best.missing.map((f) => f.toUpperCase()).join(', ');
  if (best.sheet) return formatMessage(lang, 'input.noHeader.bestSheet', { sheet: best.sheet.name, line: best.line, missing });
  return formatMessage(lang, 'input.noHeader.best', { line: best.line, missing });
}

function noHeader(name: string, layout: { best: { line: number; missing: Field[] } | null }, lang: Lang): InputError {
  return new InputError('input.noHeader', { file: name, detail: closestHeader(lang, layout.best) });
}

/** Worksheets the default search reads at most: each costs a read of the shared strings. */
const MAX_SHEETS_SEARCHED = 20;

/** Rows a header is looked for in (detect-layout.ts searches as many). */
const HEAD_ROWS = 100;

async function sheetHead(path: string, name: string, sheet: WorkbookSheet): Promise<CsvRecord[]> {
  const head: CsvRecord[] = [];
  try {
    for await (const batch of readXlsxRecords(path, name, HEAD_ROWS, (sheet.part as ZipEntry).name)) {
      head.push(...batch);
      if (head.length >= HEAD_ROWS) break;
    }
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError('input.badWorkbook', { file: name, detail: (err as Error).message.split('\n')[0] ?? 'xlsx' }, { cause: err });
  }
  return head;
}

/**
 * A workbook's header: on the sheet --sheet names, or on the first visible worksheet (in tab
 * order) whose rows name the required columns. Failing that, the message names the sheets read
 * and the closest row, with its sheet.
 */
async function sniffWorkbook(
  path: string,
  index: number,
  name: string,
  aliases: AliasIndex,
  required: readonly Field[],
  lang: Lang,
  st: { size: number; mtimeMs: number },
  wanted: string | null,
): Promise<InputPlan> {
  const sheets = await readWorkbookSheets(path, name);
  const pool = wanted === null ? searchedSheets(sheets) : [chooseSheet(sheets, wanted, name)];
  const candidates = pool.slice(0, MAX_SHEETS_SEARCHED);
  let best: { sheet: WorkbookSheet; line: number; missing: Field[] } | null = null;
  for (const sheet of candidates) {
    const layout = findHeader(await sheetHead(path, name, sheet), aliases, required);
    if (layout.ok) {
      return {
        index,
        format: 'xlsx',
        sheet: { name: sheet.name, number: sheet.number },
        sheetPart: (sheet.part as ZipEntry).name,
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
    if (layout.best && (!best || layout.best.missing.length < best.missing.length)) best = { sheet, ...layout.best };
  }
  if (candidates.length === 0) throw new InputError('input.workbookMissingPart', { file: name, part: 'xl/worksheets/sheet1.xml' });
  // Worksheets past the search's bound are counted, not read: "(+3)".
  const searched = sheetList(candidates) + (pool.length > candidates.length ? ` (+${pool.length - candidates.length})` : '');
  throw new InputError('input.noHeaderWorkbook', { file: name, searched, sheets: sheetList(sheets), detail: closestHeader(lang, best) });
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
    for await (const batch of readXlsxRecords(plan.path, plan.name, undefined, plan.sheetPart)) {
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
