/**
 * A streaming RFC 4180 tokenizer that knows the physical line where each record starts.
 *
 * Why not csv-parse here: its per-record `info.lines` drifts by one after a quoted cell with a
 * CRLF inside (an Alt+Enter address), and it fixes one record delimiter per file, so a file that
 * mixes CRLF and LF (kecamatan files pasted together) merges records. csv-parse stays the oracle
 * in the conformance tests. Every line break (CR, LF or CRLF) ends a record outside quotes and
 * counts as one physical line everywhere.
 */

export interface CsvRecord {
  /** 1-based physical line where the record starts. */
  readonly line: number;
  readonly cells: string[];
}

const QUOTE = 34;
const CR = 13;
const LF = 10;

const enum State {
  FieldStart,
  Unquoted,
  Quoted,
  QuoteInQuoted,
  /** Spaces after a closing quote: dropped before a delimiter or line break ("B" ,C). */
  SpacesAfterQuote,
}

const SPACE = 32;

export class UnclosedQuoteError extends Error {
  constructor(readonly line: number) {
    super(`quoted cell opened on line ${line} is never closed`);
  }
}

/**
 * Bounds on what one record may hold, so a hostile or broken file (a line of 1 GB, a quote never
 * closed in a file of millions of rows) ends as a message naming the line instead of a string past
 * V8's limit (about 2^29 characters) or a heap of cells. A cell may be far longer than a
 * spreadsheet's (Excel stops at 32,767 characters): a 50 MB cell pasted by accident is read and
 * its row accounted for, as the end-to-end tests promise; 64 Mi characters is the bound, a record
 * twice that, and 16,384 cells (Excel's columns).
 */
export const MAX_CSV_FIELD_CHARS = 64 * 1024 * 1024;
export const MAX_CSV_RECORD_CHARS = 2 * MAX_CSV_FIELD_CHARS;
export const MAX_CSV_CELLS = 16_384;

export interface CsvLimits {
  /** Characters in one cell. */
  readonly field: number;
  /** Characters in one record: its cells and the delimiters between them. */
  readonly record: number;
  /** Cells in one record. */
  readonly cells: number;
}

export const CSV_LIMITS: CsvLimits = { field: MAX_CSV_FIELD_CHARS, record: MAX_CSV_RECORD_CHARS, cells: MAX_CSV_CELLS };

/**
 * Text is tokenized in pieces of at most this many characters (or the cell bound, if smaller):
 * what a cell or record gathers within one piece stays within the bounds, so checking what is
 * carried across pieces keeps them exactly, at no cost per character.
 */
const PIECE_CHARS = 64 * 1024;

export class CsvLimitError extends Error {
  constructor(
    /** Which bound: one cell's characters, one record's characters, one record's cells. */
    readonly kind: 'field' | 'record' | 'cells',
    /** The physical line where the cell or record starts. */
    readonly line: number,
    readonly limit: number,
  ) {
    super(`${kind} starting on line ${line} exceeds ${limit}`);
  }
}

export class CsvTokenizer {
  private readonly delim: number;
  private state: State = State.FieldStart;
  private cells: string[] = [];
  /** Part of the current field already copied out of an earlier chunk or past a `""`. */
  private buffer = '';
  private line = 1;
  private recordLine = 1;
  private quoteLine = 1;
  private skipLf = false;
  private spaces = 0;
  private readonly delimText: string;
  // Next LF, CR and quote at or after the current position in this chunk (n when none): each is
  // searched once per occurrence, not once per line.
  private nextLf = -1;
  private nextCr = -1;
  private nextQuote = -1;
  /** Whether the current record began in an earlier piece (its size is then checked at its end). */
  private spanning = false;

  private readonly piece: number;

  constructor(
    delimiter: string,
    private readonly limits: CsvLimits = CSV_LIMITS,
  ) {
    this.piece = Math.max(1, Math.min(PIECE_CHARS, limits.field));
    if (delimiter.length !== 1) throw new RangeError('delimiter must be one character');
    this.delim = delimiter.charCodeAt(0);
    this.delimText = delimiter;
  }

  /**
   * Where the line starting at i ends (its CR or LF), when the whole line is in this chunk and has
   * no quote: such a line is its cells split at the delimiter, with no character loop. -1 otherwise.
   */
  private plainLineEnd(text: string, i: number): number {
    const n = text.length;
    if (this.nextLf < i) this.nextLf = at(text.indexOf('\n', i), n);
    if (this.nextCr < i) this.nextCr = at(text.indexOf('\r', i), n);
    const end = Math.min(this.nextLf, this.nextCr);
    if (end === n) return -1;
    if (this.nextQuote < i) this.nextQuote = at(text.indexOf('"', i), n);
    return this.nextQuote < end ? -1 : end;
  }

  /** Feeds decoded text; returns every record completed by it. */
  push(text: string): CsvRecord[] {
    const piece = this.piece;
    if (text.length <= piece) return this.pushPiece(text);
    const out: CsvRecord[] = [];
    for (let at = 0; at < text.length; at += piece) {
      for (const rec of this.pushPiece(text.slice(at, at + piece))) out.push(rec);
    }
    return out;
  }

  private pushPiece(text: string): CsvRecord[] {
    const out: CsvRecord[] = [];
    const delim = this.delim;
    const n = text.length;
    let i = 0;
    let state = this.state;
    let fieldStart = 0;
    this.nextLf = this.nextCr = this.nextQuote = -1;
    if (this.skipLf && n > 0) {
      this.skipLf = false;
      // The LF of a CRLF split across chunks: the line is already counted. Inside quotes it is
      // still part of the cell, so only step over it outside quotes.
      if (text.charCodeAt(0) === LF && state !== State.Quoted) fieldStart = i = 1;
      else if (text.charCodeAt(0) === LF) i = 1;
    }
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      switch (state) {
        case State.FieldStart:
          if (this.cells.length === 0 && this.buffer === '' && c !== QUOTE) {
            // A record starts here: most lines have no quote and go in one split.
            const end = this.plainLineEnd(text, i);
            if (end >= 0) {
              this.cells = text.slice(i, end).split(this.delimText);
              i = this.endRecord(text, end, text.charCodeAt(end), out);
              fieldStart = i + 1;
              break;
            }
          }
          if (c === QUOTE) {
            state = State.Quoted;
            this.quoteLine = this.line;
            fieldStart = i + 1;
          } else if (c === delim) {
            this.cells.push(this.takeBuffer(''));
            fieldStart = i + 1;
          } else if (c === CR || c === LF) {
            this.cells.push(this.takeBuffer(''));
            i = this.endRecord(text, i, c, out);
            fieldStart = i + 1;
          } else {
            state = State.Unquoted;
            fieldStart = i;
          }
          break;
        case State.Unquoted:
          if (c === delim) {
            this.cells.push(this.takeBuffer(text.slice(fieldStart, i)));
            state = State.FieldStart;
            fieldStart = i + 1;
          } else if (c === CR || c === LF) {
            this.cells.push(this.takeBuffer(text.slice(fieldStart, i)));
            i = this.endRecord(text, i, c, out);
            state = State.FieldStart;
            fieldStart = i + 1;
          }
          break;
        case State.Quoted:
          if (c === QUOTE) {
            this.buffer += text.slice(fieldStart, i);
            state = State.QuoteInQuoted;
            fieldStart = i + 1;
          } else if (c === CR) {
            this.line++;
            if (i + 1 < n && text.charCodeAt(i + 1) === LF) i++;
            else if (i + 1 === n) this.skipLf = true;
          } else if (c === LF) {
            this.line++;
          }
          break;
        case State.QuoteInQuoted:
          if (c === QUOTE) {
            // "" inside quotes is one quote character
            this.buffer += '"';
            state = State.Quoted;
            fieldStart = i + 1;
          } else if (c === delim) {
            this.cells.push(this.takeBuffer(''));
            state = State.FieldStart;
            fieldStart = i + 1;
          } else if (c === CR || c === LF) {
            this.cells.push(this.takeBuffer(''));
            i = this.endRecord(text, i, c, out);
            state = State.FieldStart;
            fieldStart = i + 1;
          } else if (c === SPACE) {
            state = State.SpacesAfterQuote;
            this.spaces = 1;
          } else {
            // "abc"def: be lenient like spreadsheets are, keep the rest as text
            state = State.Unquoted;
            fieldStart = i;
          }
          break;
        case State.SpacesAfterQuote:
          if (c === SPACE) {
            this.spaces++;
          } else if (c === delim || c === CR || c === LF) {
            // The field ends as right after its closing quote: handle this character again there.
            state = State.QuoteInQuoted;
            i--;
          } else {
            this.buffer += ' '.repeat(this.spaces);
            state = State.Unquoted;
            fieldStart = i;
          }
          break;
      }
    }
    // Carry the unfinished field into the next chunk.
    if ((state === State.Unquoted || state === State.Quoted) && fieldStart < n) {
      this.buffer += text.slice(fieldStart, n);
    }
    this.state = state;
    if (state !== State.FieldStart || this.cells.length > 0 || this.buffer !== '') {
      // A record runs on into the next piece: what it has gathered so far must stay in bounds.
      this.spanning = true;
      if (this.buffer.length > this.limits.field) this.tooLong('field');
      if (this.cells.length > this.limits.cells) throw new CsvLimitError('cells', this.recordLine, this.limits.cells);
      this.checkRecordChars(this.buffer.length);
    }
    return out;
  }

  /**
   * A record's size: the characters of its cells and the delimiters between them (quotes not
   * counted). Summed only for a record that spans pieces, at each piece's end and at its own end.
   */
  private checkRecordChars(pending: number): void {
    let chars = pending + this.cells.length;
    for (const cell of this.cells) chars += cell.length;
    if (chars - 1 > this.limits.record) throw new CsvLimitError('record', this.recordLine, this.limits.record);
  }

  private tooLong(kind: 'field'): never {
    throw new CsvLimitError(kind, this.state === State.Quoted || this.state === State.QuoteInQuoted ? this.quoteLine : this.recordLine, this.limits.field);
  }

  /** Flushes the last record (a file need not end with a line break). */
  end(): CsvRecord[] {
    const state = this.state;
    if (state === State.Quoted) throw new UnclosedQuoteError(this.quoteLine);
    this.state = State.FieldStart;
    if (state === State.FieldStart && this.cells.length === 0 && this.buffer === '') return [];
    this.cells.push(this.takeBuffer(''));
    if (this.cells.length > this.limits.cells) throw new CsvLimitError('cells', this.recordLine, this.limits.cells);
    if (this.spanning) this.checkRecordChars(0);
    this.spanning = false;
    const rec: CsvRecord = { line: this.recordLine, cells: this.cells };
    this.cells = [];
    return [rec];
  }

  private takeBuffer(tail: string): string {
    if (this.buffer === '') return tail;
    const v = this.buffer + tail;
    // Only a cell carried across pieces (or with "" inside) gets here: the one place it can be long.
    if (v.length > this.limits.field) this.tooLong('field');
    this.buffer = '';
    return v;
  }

  /** Emits the current record and consumes a CRLF pair; returns the index of the last consumed char. */
  private endRecord(text: string, i: number, c: number, out: CsvRecord[]): number {
    if (this.cells.length > this.limits.cells) throw new CsvLimitError('cells', this.recordLine, this.limits.cells);
    if (this.spanning) {
      this.checkRecordChars(0);
      this.spanning = false;
    }
    out.push({ line: this.recordLine, cells: this.cells });
    this.cells = [];
    this.line++;
    this.recordLine = this.line;
    if (c === CR) {
      if (i + 1 < text.length) {
        if (text.charCodeAt(i + 1) === LF) return i + 1;
      } else {
        this.skipLf = true;
      }
    }
    return i;
  }
}

/** A search result, with "not found" as the end of the text. */
function at(found: number, n: number): number {
  return found < 0 ? n : found;
}

/** Tokenizes a whole string at once (tests). */
export function tokenizeCsv(text: string, delimiter: string): CsvRecord[] {
  const t = new CsvTokenizer(delimiter);
  return [...t.push(text), ...t.end()];
}
