/**
 * Workbooks as inputs (a kecamatan's .xlsx, or a corrected rejection workbook sent back): one
 * worksheet (workbook-sheets.ts says which), streamed row by row with exceljs, every cell turned
 * into the text a CSV export would hold. A NIK stored as a number has already lost its 16th digit
 * inside Excel, so it comes out in scientific notation and the NIK_EXCEL_MANGLED rule says so.
 *
 * A workbook is a ZIP of XML parts, and a hostile or damaged one must end as a message naming the
 * file, in bounded time and memory, never as a hang, a crash or gigabytes in TMPDIR. So exceljs
 * never reads the file itself: zip-input.ts reads the container (sizes, ratio, CRC-32), the XML of
 * the parts exceljs needs passes XmlBounds here (rows, columns, cell and shared-string sizes,
 * Excel's own limits where Excel has one), and exceljs gets those parts re-packed as a small
 * stored ZIP stream in the order it reads best (relationships, workbook, styles and shared strings
 * before the worksheet, so it never copies the worksheet to a temporary file). Its reading is
 * raced against that stream's failure, so no promise of its can leave the run waiting.
 */
import { Readable } from 'node:stream';
import { InputError, UmkmError } from '../errors.js';
import type { CsvRecord } from './csv-tokenizer.js';
import { columnLetters, EXCEL_MAX_ROWS, loadExcel } from './xlsx-writer.js';
import { listSheets, type WorkbookSheet } from './workbook-sheets.js';
import { type ZipEntry, ZipInput } from './zip-input.js';
import { crc32 as zipCrc32 } from './zip-writer.js';

/** Excel's limits: characters in a cell, columns in a sheet (XFD). Rows: EXCEL_MAX_ROWS. */
export const EXCEL_MAX_CELL_CHARS = 32_767;
export const EXCEL_MAX_COLUMNS = 16_384;
/** The worksheet's XML, inflated: a full 1,048,576-row export of 20 columns is about 1 GB. */
export const MAX_SHEET_XML_BYTES = 2 * 1024 * 1024 * 1024 - 1;
/** The shared strings' XML, inflated, and their count (every distinct text of the workbook). */
export const MAX_SHARED_STRINGS_XML_BYTES = 256 * 1024 * 1024;
export const MAX_SHARED_STRINGS = 10_000_000;
/** The workbook, relationship and style parts, inflated. */
export const MAX_PART_XML_BYTES = 32 * 1024 * 1024;
/**
 * The XML of one cell (`<c>...</c>`) or one shared string (`<si>...</si>`): room for 32,767
 * characters escaped and split into formatted runs, far short of what would strain memory.
 */
export const MAX_CELL_XML_BYTES = 1024 * 1024;
/** One start tag: a cell's or row's tag is a few dozen bytes. */
const MAX_TAG_BYTES = 64 * 1024;

const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * OOXML writes characters XML cannot hold as _xHHHH_ (and a literal "_x" as _x005F_x); Excel
 * decodes them, exceljs does not, so we do.
 */
function decodeXmlEscapes(value: string): string {
  return value.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** One cell as text. Exported for tests: the conversions are the contract. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.includes('_x') ? decodeXmlEscapes(value) : value;
  if (typeof value === 'number') {
    // Excel keeps 15 significant digits: a 16-digit identifier stored as a number is damaged.
    if (Number.isInteger(value) && Math.abs(value) >= 1e15) return value.toExponential(5).toUpperCase();
    return String(value);
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return `${pad2(value.getUTCDate())}/${pad2(value.getUTCMonth() + 1)}/${value.getUTCFullYear()}`;
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; result?: unknown; formula?: string; text?: unknown; error?: string };
    if (Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('');
    if ('result' in v || 'formula' in v) return cellText(v.result);
    if (v.text !== undefined) return cellText(v.text);
    if (v.error !== undefined) return '';
  }
  return String(value);
}


/** Where the scanner is: in text and tags, or inside a comment, CDATA or processing instruction. */
const Mode = { Text: 0, Comment: 1, Cdata: 2, Instruction: 3 } as const;
type Mode = (typeof Mode)[keyof typeof Mode];

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const QUOT = 0x22;
const APOS = 0x27;
const COMMENT_END = Buffer.from('-->');
const CDATA_END = Buffer.from(']]>');
const PI_END = Buffer.from('?>');

function isSpace(b: number | undefined): boolean {
  return b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d;
}

/**
 * Checks a part's XML against our limits as its bytes stream by, before exceljs parses them. A
 * byte scanner, not a parser: it finds tags with indexOf (text between them is skipped natively),
 * knows comments, CDATA and processing instructions, refuses a DOCTYPE (entity expansion), and for
 * the worksheet reads each row's and cell's `r` reference; for the shared strings it counts them.
 * A cell or shared string is measured from its start tag to its end tag, and checked as soon as a
 * chunk ends inside it, so a 1.5 GB cell is refused after its first MiB.
 */
export class XmlBounds {
  /** Absolute offset of the first byte not yet consumed (the carry's first byte). */
  private offset = 0;
  private carry: Buffer | null = null;
  private mode: Mode = Mode.Text;
  private rows = 0;
  private line = 0;
  private strings = 0;
  /** Where the open cell or shared string started, -1 when none is open. */
  private open = -1;

  constructor(
    private readonly kind: 'sheet' | 'sst' | 'other',
    private readonly file: string,
    private readonly part: string,
  ) {}

  push(chunk: Buffer): void {
    const b = this.carry ? Buffer.concat([this.carry, chunk]) : chunk;
    const base = this.offset;
    let pos = 0;
    let keep = b.length;
    scan: while (pos < b.length) {
      switch (this.mode) {
        case Mode.Text: {
          const lt = b.indexOf(LT, pos);
          if (lt < 0) {
            pos = b.length;
            break;
          }
          const next = b[lt + 1];
          if (next === undefined || (next === 0x21 && b.length - lt < 9)) {
            // Too few bytes to tell a tag from a comment or CDATA: wait for the next chunk.
            keep = lt;
            break scan;
          }
          if (next === 0x21 /* ! */) {
            if (b[lt + 2] === 0x2d && b[lt + 3] === 0x2d) {
              this.mode = Mode.Comment;
              pos = lt + 4;
            } else if (b.toString('latin1', lt, lt + 9) === '<![CDATA[') {
              this.mode = Mode.Cdata;
              pos = lt + 9;
            } else {
              // <!DOCTYPE and its entities: no part of a workbook has one, and exceljs's parser
              // must never see one.
              throw new InputError('input.workbookDamaged', { file: this.file, part: `${this.part}: DOCTYPE` });
            }
            continue;
          }
          if (next === 0x3f /* ? */) {
            this.mode = Mode.Instruction;
            pos = lt + 2;
            continue;
          }
          // The name, after an optional '/' and a namespace prefix (x:c, as the OpenXML SDK
          // writes). Only c, row and si matter; any other markup ends where the next '<' starts
          // (a '<' never appears inside a tag), so its end need not be found.
          const closing = next === SLASH;
          let nameStart = closing ? lt + 2 : lt + 1;
          let i = nameStart;
          for (; i < b.length && i - lt < 64; i++) {
            const c = b[i] as number;
            if (c === GT || c === SLASH || isSpace(c)) break;
            if (c === 0x3a /* : */) nameStart = i + 1;
          }
          if (i >= b.length) {
            keep = lt;
            break scan;
          }
          const element = this.kind === 'other' ? NONE : elementOf(b, nameStart, i, this.kind);
          if (element === NONE) {
            pos = i;
            break;
          }
          if (closing) {
            this.close(base + lt);
            pos = i;
            break;
          }
          const gt = tagEnd(b, i);
          if (gt < 0) {
            if (b.length - lt > MAX_TAG_BYTES) this.tooLarge();
            keep = lt;
            break scan;
          }
          this.openTag(element, b, lt, i, gt, base);
          pos = gt + 1;
          break;
        }
        case Mode.Comment:
        case Mode.Cdata:
        case Mode.Instruction: {
          const term = this.mode === Mode.Comment ? COMMENT_END : this.mode === Mode.Cdata ? CDATA_END : PI_END;
          const at = b.indexOf(term, pos);
          if (at < 0) {
            // The terminator may start in the last bytes: keep them.
            keep = Math.max(pos, b.length - term.length + 1);
            break scan;
          }
          pos = at + term.length;
          this.mode = Mode.Text;
          break;
        }
      }
    }
    this.carry = keep < b.length ? Buffer.from(b.subarray(keep)) : null;
    this.offset = base + keep;
    // Still inside a cell or shared string at the end of the chunk: it must not grow past its bound.
    if (this.open >= 0 && base + b.length - this.open > MAX_CELL_XML_BYTES) this.tooLarge();
  }

  /** At the end of the part: nothing may be left half open. */
  end(): void {
    if (this.carry || this.mode !== Mode.Text) {
      throw new InputError('input.workbookDamaged', { file: this.file, part: `${this.part}: XML` });
    }
  }

  private tooLarge(): never {
    if (this.kind === 'sst') {
      throw new InputError('input.workbookStringTooLarge', { file: this.file, index: this.strings, limit: MAX_CELL_XML_BYTES });
    }
    throw new InputError('input.workbookCellTooLarge', { file: this.file, line: this.line, limit: MAX_CELL_XML_BYTES });
  }

  /** The start tag of a cell, row or shared string: '<' at lt, its name ending at nameEnd, '>' at gt. */
  private openTag(element: number, b: Buffer, lt: number, nameEnd: number, gt: number, base: number): void {
    const selfClosing = b[gt - 1] === SLASH;
    if (element === SI) {
      if (++this.strings > MAX_SHARED_STRINGS) {
        throw new InputError('input.workbookSharedStrings', { file: this.file, limit: MAX_SHARED_STRINGS });
      }
      if (!selfClosing) this.open = base + lt;
      return;
    }
    const r = attributeR(b, nameEnd, gt);
    if (element === ROW) {
      const row = r < 0 ? -1 : digitsAt(b, r);
      this.line = row >= 0 ? row : this.line + 1;
      if (++this.rows > EXCEL_MAX_ROWS || this.line > EXCEL_MAX_ROWS) {
        throw new InputError('input.workbookRows', { file: this.file, line: Math.max(this.line, this.rows), limit: EXCEL_MAX_ROWS });
      }
      return;
    }
    if (r >= 0) {
      // A cell reference: column letters, then the row number.
      let column = 0;
      let j = r;
      for (; j < gt; j++) {
        const c = (b[j] as number) | 0x20; // lower case
        if (c < 0x61 || c > 0x7a) break;
        if (column <= EXCEL_MAX_COLUMNS) column = column * 26 + (c - 0x60);
      }
      if (column > EXCEL_MAX_COLUMNS) {
        const letters = b.toString('latin1', r, Math.min(j, r + 8)).toUpperCase();
        throw new InputError('input.workbookColumns', { file: this.file, line: this.line, column: letters, limit: EXCEL_MAX_COLUMNS });
      }
      const row = digitsAt(b, j);
      if (row > EXCEL_MAX_ROWS) throw new InputError('input.workbookRows', { file: this.file, line: row, limit: EXCEL_MAX_ROWS });
    }
    if (!selfClosing) this.open = base + lt;
  }

  private close(end: number): void {
    if (this.open >= 0 && end - this.open > MAX_CELL_XML_BYTES) this.tooLarge();
    this.open = -1;
  }
}

/** The '>' that ends the tag whose name starts at `from`, outside quoted attribute values; -1 if not in b. */
function tagEnd(b: Buffer, from: number): number {
  let quote = 0;
  for (let i = from; i < b.length; i++) {
    const c = b[i] as number;
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === GT) return i;
    else if (c === QUOT || c === APOS) quote = c;
  }
  return -1;
}

/** Where the value of a tag's `r` attribute (a row number or a cell reference) starts; -1 if none. */
function attributeR(b: Buffer, from: number, gt: number): number {
  for (let i = from; i < gt - 1; i++) {
    if (b[i] !== 0x72 /* r */ || !isSpace(b[i - 1])) continue;
    let j = i + 1;
    while (isSpace(b[j])) j++;
    if (b[j] !== 0x3d /* = */) continue;
    j++;
    while (isSpace(b[j])) j++;
    return b[j] === QUOT || b[j] === APOS ? j + 1 : -1;
  }
  return -1;
}

/** The decimal number at b[at] (at most 12 digits), -1 when there is none. */
function digitsAt(b: Buffer, at: number): number {
  let n = 0;
  let i = at;
  for (; i < at + 12; i++) {
    const c = b[i] as number;
    if (c < 0x30 || c > 0x39) break;
    n = n * 10 + (c - 0x30);
  }
  return i === at ? -1 : n;
}

const NONE = 0;
const CELL = 1;
const ROW = 2;
const SI = 3;

/** Which of the elements XmlBounds measures a name is (c and row in a worksheet, si in shared strings). */
function elementOf(b: Buffer, start: number, end: number, kind: 'sheet' | 'sst'): number {
  const length = end - start;
  if (kind === 'sst') return length === 2 && b[start] === 0x73 && b[start + 1] === 0x69 ? SI : NONE;
  if (length === 1) return b[start] === 0x63 ? CELL : NONE;
  return length === 3 && b[start] === 0x72 && b[start + 1] === 0x6f && b[start + 2] === 0x77 ? ROW : NONE;
}

/** The bytes before a UTF-8 sequence cut at the chunk's end (exceljs decodes chunk by chunk). */
function utf8Cut(b: Buffer): number {
  for (let i = b.length - 1; i >= Math.max(0, b.length - 3); i--) {
    const c = b[i] as number;
    if (c < 0x80) return b.length;
    if (c >= 0xc0) {
      const need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
      return b.length - i >= need ? b.length : i;
    }
  }
  return b.length;
}

/** The header of a stored (uncompressed) ZIP entry whose size and CRC-32 are known. */
function storedHeader(name: string, crc: number, size: number): Buffer {
  const n = Buffer.from(name, 'utf8');
  const h = Buffer.alloc(30);
  h.writeUInt32LE(0x04034b50, 0);
  h.writeUInt16LE(20, 4);
  h.writeUInt16LE(0x0800, 6);
  h.writeUInt32LE(crc >>> 0, 14);
  h.writeUInt32LE(size, 18);
  h.writeUInt32LE(size, 22);
  h.writeUInt16LE(n.length, 26);
  return Buffer.concat([h, n]);
}

const EMPTY_RELS = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>';
const EMPTY_SST = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>';

interface Part {
  /** The name exceljs knows the part by. */
  readonly name: string;
  /** The part in the file, or the text that stands in for an optional part it lacks. */
  readonly entry: ZipEntry | string;
  readonly kind: 'sheet' | 'sst' | 'other';
}

/**
 * The parts exceljs needs, in the order it needs them, each checked against its size limit: the
 * worksheet is the part given (read-input.ts chose the sheet), or else the first tab's.
 */
async function chooseParts(zip: ZipInput, sheetPart: string | null): Promise<Part[]> {
  const sheet = sheetPart === null ? ((await listSheets(zip, MAX_PART_XML_BYTES)).find((s) => s.part)?.part ?? null) : zip.find(sheetPart);
  if (!sheet) throw new InputError('input.workbookMissingPart', { file: zip.file, part: sheetPart ?? 'xl/worksheets/sheet1.xml' });
  const workbook = zip.find('xl/workbook.xml');
  if (!workbook) throw new InputError('input.workbookMissingPart', { file: zip.file, part: 'xl/workbook.xml' });
  const rels = zip.find('xl/_rels/workbook.xml.rels');
  const styles = zip.find('xl/styles.xml');
  const strings = zip.find('xl/sharedStrings.xml');
  const parts: Part[] = [
    { name: 'xl/_rels/workbook.xml.rels', entry: rels ?? EMPTY_RELS, kind: 'other' },
    { name: 'xl/workbook.xml', entry: workbook, kind: 'other' },
  ];
  if (styles) parts.push({ name: 'xl/styles.xml', entry: styles, kind: 'other' });
  parts.push({ name: 'xl/sharedStrings.xml', entry: strings ?? EMPTY_SST, kind: 'sst' });
  // Under the one name exceljs reads a worksheet by (sheet<N>.xml), whatever the file calls it.
  parts.push({ name: 'xl/worksheets/sheet1.xml', entry: sheet, kind: 'sheet' });
  for (const p of parts) {
    if (typeof p.entry === 'string') continue;
    zip.checkSize(p.entry, p.kind === 'sheet' ? MAX_SHEET_XML_BYTES : p.kind === 'sst' ? MAX_SHARED_STRINGS_XML_BYTES : MAX_PART_XML_BYTES);
  }
  return parts;
}

/** The parts as one stored ZIP stream, each part's XML checked by XmlBounds before it goes on. */
async function* storedZip(zip: ZipInput, parts: readonly Part[], fed: Part[]): AsyncGenerator<Buffer> {
  for (const p of parts) {
    fed.push(p);
    if (typeof p.entry === 'string') {
      const bytes = Buffer.from(p.entry, 'utf8');
      yield storedHeader(p.name, zipCrc32(bytes), bytes.length);
      yield bytes;
      continue;
    }
    yield storedHeader(p.name, p.entry.crc, p.entry.size);
    const bounds = new XmlBounds(p.kind, zip.file, p.entry.name);
    let cut: Buffer | null = null;
    const inflating = zip.inflate(p.entry);
    for await (const chunk of inflating) {
      try {
        bounds.push(chunk);
      } catch (limit) {
        // Damage inflates to garbage that can look like a row past Excel's limit: the rest of the
        // part (bounded by its declared size) decides whether to say "damaged" instead.
        for await (const _ of inflating) {
          // only its size and CRC-32 are wanted
        }
        throw limit;
      }
      const b: Buffer = cut ? Buffer.concat([cut, chunk]) : chunk;
      // Whole characters only: exceljs decodes each chunk on its own, and a character cut in two
      // came out as two U+FFFD (a name like MA’RUF garbled at every 16 KB of a large sheet).
      const at = utf8Cut(b);
      cut = at < b.length ? Buffer.from(b.subarray(at)) : null;
      if (at > 0) yield b.subarray(0, at);
    }
    if (cut) yield cut;
    bounds.end();
  }
  // An empty end-of-central-directory record: the sequential reader stops there.
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  yield end;
}

/**
 * Anything exceljs throws (malformed XML) as the run's typed error. Flipped bytes inflate to XML
 * that fails to parse before the part's CRC-32 is reached: the parts handed to exceljs so far are
 * checked whole first, so damage is called damage.
 */
async function readError(err: unknown, zip: ZipInput, fed: readonly Part[]): Promise<unknown> {
  if (err instanceof UmkmError) return err;
  for (const p of fed) {
    if (typeof p.entry === 'string') continue;
    try {
      for await (const _ of zip.inflate(p.entry)) {
        // only its size and CRC-32 are wanted
      }
    } catch (damage) {
      if (damage instanceof UmkmError) return damage;
    }
  }
  const file = zip.file;
  const detail = (err instanceof Error ? err.message : String(err)).split('\n')[0] || 'xlsx';
  return new InputError('input.badWorkbook', { file, detail }, { cause: err });
}

/** The workbook's tabs, in order (workbook-sheets.ts). */
export async function readWorkbookSheets(path: string, file: string): Promise<WorkbookSheet[]> {
  const zip = await ZipInput.open(path, file);
  try {
    return await listSheets(zip, MAX_PART_XML_BYTES);
  } finally {
    await zip.close();
  }
}

/**
 * Rows of one worksheet (the part named, from readWorkbookSheets; by default the first tab's), in
 * batches, with their spreadsheet row number as the line.
 */
export async function* readXlsxRecords(path: string, file: string, batchSize = 512, sheetPart: string | null = null): AsyncGenerator<CsvRecord[]> {
  const zip = await ZipInput.open(path, file);
  let source: Readable | null = null;
  const fed: Part[] = [];
  try {
    const parts = await chooseParts(zip, sheetPart);
    const excel = await loadExcel();
    // When the stream we feed exceljs fails (a damaged part, a limit), exceljs does not hear of
    // it (its .pipe() drops the error) and would wait for bytes forever: whatever we are waiting
    // on from exceljs is rejected then. (Not Promise.race against one long-pending promise: each
    // race leaves a reaction on it, and a row's worth of them piled up per row read.)
    let failure: unknown = null;
    let rejectWait: ((err: unknown) => void) | null = null;
    const guarded = <T>(wait: Promise<T>): Promise<T> => {
      if (failure !== null) return Promise.reject(failure);
      return new Promise<T>((resolve, reject) => {
        rejectWait = reject;
        wait.then(resolve, reject);
      });
    };
    source = Readable.from(storedZip(zip, parts, fed), { objectMode: false });
    source.on('error', (err) => {
      failure = err;
      rejectWait?.(err);
    });
    // The last check of a part (its size and CRC-32) comes after its last byte, which exceljs may
    // have turned into rows already: the rows count only once the whole stream went through.
    const fedAll = new Promise<void>((resolve, reject) => {
      source?.once('end', resolve);
      source?.once('error', reject);
    });
    fedAll.catch(() => undefined);
    const reader = new excel.stream.xlsx.WorkbookReader(source, {
      worksheets: 'emit',
      sharedStrings: 'cache',
      styles: 'cache',
      hyperlinks: 'ignore',
      entries: 'ignore',
    });
    const sheets = (reader as unknown as AsyncIterable<AsyncIterable<{ number: number; values: unknown[] }>>)[Symbol.asyncIterator]();
    const first = await guarded(sheets.next());
    if (first.done) throw new InputError('input.workbookMissingPart', { file, part: 'xl/worksheets/sheet1.xml' });
    const rows = first.value[Symbol.asyncIterator]();
    let batch: CsvRecord[] = [];
    for (;;) {
      const next = await guarded(rows.next());
      if (next.done) break;
      const row = next.value;
      const values = Array.isArray(row.values) ? row.values.slice(1) : [];
      const cells: string[] = [];
      for (let i = 0; i < values.length; i++) {
        const text = cellText(values[i]);
        if (text.length > EXCEL_MAX_CELL_CHARS) {
          throw new InputError('input.cellTooLong', { file, line: row.number, column: columnLetters(i), limit: EXCEL_MAX_CELL_CHARS });
        }
        cells.push(text);
      }
      batch.push({ line: row.number, cells });
      if (batch.length >= batchSize) {
        yield batch;
        batch = [];
      }
    }
    await fedAll;
    // only the chosen worksheet is unpacked; the others are never read
    if (batch.length > 0) yield batch;
  } catch (err) {
    throw await readError(err, zip, fed);
  } finally {
    // Whatever exceljs still waits on is left to the garbage collector: no file stays open.
    source?.destroy();
    await zip.close();
  }
}
