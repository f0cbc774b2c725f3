/**
 * Spreadsheet outputs that survive Excel: every cell a string in a Text ("@") column, so a NIK keeps
 * its 16 digits and a phone its leading 0; a frozen header, filters, sensible widths. Rows are
 * streamed as inline strings into a deflated worksheet (no shared-string table, so memory does not
 * grow with the rows). A sheet that reaches Excel's row limit (1,048,576) continues on the next
 * sheet of the same workbook, under the same header.
 *
 * Our own writer rather than exceljs: exceljs built an object per row and cell and took two thirds
 * of a whole run's time; this one writes XML text and leaves compression to zlib's thread pool.
 */
import { ZipWriter, type DeflatedEntry } from './zip-writer.js';

type ExcelModule = typeof import('exceljs');
let excel: ExcelModule | null = null;

/** exceljs (used to read workbook inputs) is large: load it only for a run that reads one. */
export async function loadExcel(): Promise<ExcelModule> {
  excel ??= ((await import('exceljs')) as unknown as { default: ExcelModule }).default;
  return excel;
}

/**
 * Column widths from content, in Excel's units (characters of the default font): the longest
 * line among the header (plus room for its filter button) and the first SAMPLE_ROWS rows, bounded
 * so a long reason or address does not make a column wider than a page. The worksheet's widths
 * come before its rows, and the rows stream out, so only that sample is held back, never all rows.
 */
export const WIDTH_MIN = 8;
export const WIDTH_MAX = 50;
/** Rows held back to measure, at most; fewer when they already fill SAMPLE_CHARS of XML. */
export const SAMPLE_ROWS = 1000;
const SAMPLE_CHARS = 4 * 1024 * 1024;
/** Room beside a header's text for the filter button. */
const FILTER_BUTTON = 3;

/** How many characters wide a cell shows: its longest line (an Alt+Enter cell shows each line). */
export function shownLength(value: string): number {
  if (!value.includes('\n')) return value.length;
  let most = 0;
  for (const line of value.split('\n')) most = Math.max(most, line.length);
  return most;
}

/** Excel's width for a column whose longest text is `chars` long: capitals run wider than digits. */
export function widthFor(chars: number): number {
  return Math.min(WIDTH_MAX, Math.max(WIDTH_MIN, Math.ceil(chars * 1.1) + 2));
}

/** Excel's limit: rows per worksheet, the header included. */
export const EXCEL_MAX_ROWS = 1_048_576;
/** A worksheet part stays well under the 4 GiB a plain ZIP entry can hold. */
const MAX_SHEET_BYTES = 1_500_000_000;
const FLUSH_CHARS = 64 * 1024;

const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Column letters: 0 -> A, 25 -> Z, 26 -> AA. */
export function columnLetters(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

// Characters XML 1.0 cannot hold, written the way OOXML escapes them (_xHHHH_), and a literal
// "_xHHHH_" in the text guarded so a reader does not decode it.
const NEEDS_ESCAPE = /[&<>\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|_x[0-9A-Fa-f]{4}_/;
const ESCAPES = /[&<>\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|_(?=x[0-9A-Fa-f]{4}_)/g;

/**
 * A superset of what xmlText acts on (anything to escape, a "_x" guard, a tab or line break that
 * asks for preserved space): a cell without any of these, and without a space at either end, is
 * written as it is.
 */
const MAYBE_SPECIAL = /[&<>_\u0000-\u001f\ufffe\uffff]/;

function escapeChar(c: string): string {
  switch (c) {
    case '&':
      return '&amp;';
    case '<':
      return '&lt;';
    case '>':
      return '&gt;';
    case '_':
      return '_x005F_';
    default:
      return `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`;
  }
}

/** One cell's XML text, escaped; spaces at either end or line breaks are kept as typed. */
export function xmlText(value: string): string {
  const v = NEEDS_ESCAPE.test(value) ? value.replace(ESCAPES, escapeChar) : value;
  const first = v.charCodeAt(0);
  const last = v.charCodeAt(v.length - 1);
  const preserve = first === 32 || last === 32 || first === 9 || last === 9 || v.includes('\n');
  return preserve ? `<t xml:space="preserve">${v}</t>` : `<t>${v}</t>`;
}

/**
 * xmlText(value), with a shortcut for the cells nearly all are: nothing to escape and no space to
 * preserve (a property test holds the two equal).
 */
export function cellXmlText(value: string): string {
  const plain = value.charCodeAt(0) !== 32 && value.charCodeAt(value.length - 1) !== 32 && !MAYBE_SPECIAL.test(value);
  return plain ? `<t>${value}</t>` : xmlText(value);
}

/** Style ids in styles.xml: 1 text cell, 2 bold text header. */
const STYLES_XML =
  `${XML_HEAD}<styleSheet xmlns="${NS_MAIN}">` +
  '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>' +
  '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="49" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

function attr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
}

/**
 * How a sheet prints: landscape A4 (the paper of Indonesian offices), every column on one page
 * across (fitToWidth 1) and as many pages down as the rows need (fitToHeight 0), the header row
 * repeated on each page (the workbook's Print_Titles), the sheet's name and the page in the footer.
 * fitToPage in sheetPr is what makes Excel and LibreOffice use the fit instead of the 100% scale.
 */
const SHEET_PR = '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>';
const PAGE_SETUP =
  '<pageMargins left="0.4" right="0.4" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>' +
  '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>' +
  '<headerFooter><oddFooter>&amp;L&amp;A&amp;R&amp;P / &amp;N</oddFooter></headerFooter>';

export class XlsxSheetWriter {
  /** Per column, a cell's opening up to its row number: <c r="B. */
  private readonly cellStarts: string[];
  /** The worksheet's XML before its rows: known once the widths are (null while sampling). */
  private head: string | null = null;
  private readonly tail: string;
  private readonly sheetNames: string[] = [];
  /** Per column, the longest text seen while sampling. */
  private readonly longest: number[];
  private entry: DeflatedEntry | null = null;
  private rowsInSheet = 0;
  private chunk = '';

  private constructor(
    private readonly zip: ZipWriter,
    private readonly title: string,
    private readonly headers: readonly string[],
    private readonly maxRows: number,
  ) {
    this.cellStarts = headers.map((_, i) => `<c r="${columnLetters(i)}`);
    this.longest = headers.map((h) => shownLength(h) + FILTER_BUTTON);
    const lastCol = columnLetters(Math.max(1, headers.length) - 1);
    this.tail = `</sheetData><autoFilter ref="A1:${lastCol}1"/>${PAGE_SETUP}</worksheet>`;
  }

  /** Ends the sample: the widths are fixed, and the rows held back follow the worksheet's head. */
  private settleWidths(): void {
    if (this.head !== null) return;
    const cols = this.longest
      .map((n, i) => `<col min="${i + 1}" max="${i + 1}" width="${widthFor(n)}" style="1" customWidth="1"/>`)
      .join('');
    this.head =
      `${XML_HEAD}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">${SHEET_PR}` +
      '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' +
      '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>' +
      `<sheetFormatPr defaultRowHeight="15"/>${cols === '' ? '' : `<cols>${cols}</cols>`}<sheetData>`;
    this.chunk = this.head + this.chunk;
  }

  private measure(cells: readonly string[]): void {
    for (let i = 0; i < cells.length; i++) {
      const n = shownLength(cells[i] as string);
      if (n > (this.longest[i] ?? 0)) this.longest[i] = n;
    }
  }

  /** maxRows (header included) is Excel's limit; tests lower it to see the roll-over. */
  static async create(path: string, sheetName: string, headers: readonly string[], maxRows = EXCEL_MAX_ROWS): Promise<XlsxSheetWriter> {
    const zip = await ZipWriter.create(path);
    const w = new XlsxSheetWriter(zip, sheetName.slice(0, 28), headers, Math.max(2, maxRows));
    await w.openSheet();
    return w;
  }

  private cellsXml(row: number, cells: readonly string[], style: number): string {
    // What follows each cell's column letters in this row, up to its text.
    const rest = `${row}" s="${style}" t="inlineStr"><is>`;
    let xml = `<row r="${row}">`;
    for (let i = 0; i < cells.length; i++) {
      const v = cells[i] as string;
      if (v === '') continue;
      xml += `${this.cellStarts[i] ?? `<c r="${columnLetters(i)}`}${rest}${cellXmlText(v)}</is></c>`;
    }
    return `${xml}</row>`;
  }

  private async openSheet(): Promise<void> {
    const n = this.sheetNames.length + 1;
    this.sheetNames.push(n === 1 ? this.title : `${this.title} ${n}`);
    this.entry = await this.zip.openDeflated(`xl/worksheets/sheet${n}.xml`);
    this.rowsInSheet = 1;
    // The first sheet measures its rows before its head is written; a later one reuses the widths.
    this.chunk = (this.head ?? '') + this.cellsXml(1, this.headers, 2);
  }

  private async flush(): Promise<void> {
    if (this.chunk === '') return;
    this.settleWidths();
    const text = this.chunk;
    this.chunk = '';
    await (this.entry as DeflatedEntry).write(Buffer.from(text, 'utf8'));
  }

  private async closeSheet(): Promise<void> {
    this.settleWidths();
    this.chunk += this.tail;
    await this.flush();
    await (this.entry as DeflatedEntry).finish();
    this.entry = null;
  }

  /** Adds a row; returns a promise only when the row had to wait for the file (back-pressure). */
  addRow(cells: readonly string[]): Promise<void> | undefined {
    const entry = this.entry as DeflatedEntry;
    if (this.rowsInSheet >= this.maxRows || entry.uncompressedBytes > MAX_SHEET_BYTES) {
      return this.closeSheet()
        .then(() => this.openSheet())
        .then(() => this.addRow(cells));
    }
    this.chunk += this.cellsXml(++this.rowsInSheet, cells, 1);
    if (this.head === null) {
      // Still measuring: the rows wait in the chunk until the sample is complete.
      this.measure(cells);
      return this.rowsInSheet > SAMPLE_ROWS || this.chunk.length >= SAMPLE_CHARS ? this.flush() : undefined;
    }
    return this.chunk.length >= FLUSH_CHARS ? this.flush() : undefined;
  }

  async close(): Promise<void> {
    await this.closeSheet();
    const names = this.sheetNames;
    const lastCol = columnLetters(Math.max(1, this.headers.length) - 1);
    const sheets = names.map((name, i) => `<sheet name="${attr(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
    // Per sheet its filter's range and, for printing, the header row repeated on every page.
    const filters = names
      .map((name, i) => {
        const sheet = `'${attr(name.replace(/'/g, "''"))}'`;
        return (
          `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${sheet}!$A$1:$${lastCol}$1</definedName>` +
          `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${sheet}!$1:$1</definedName>`
        );
      })
      .join('');
    await this.zip.addStored(
      'xl/workbook.xml',
      `${XML_HEAD}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><bookViews><workbookView/></bookViews><sheets>${sheets}</sheets><definedNames>${filters}</definedNames></workbook>`,
    );
    const rels = names
      .map((_, i) => `<Relationship Id="rId${i + 1}" Type="${NS_REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
      .join('');
    await this.zip.addStored(
      'xl/_rels/workbook.xml.rels',
      `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}">${rels}<Relationship Id="rId${names.length + 1}" Type="${NS_REL}/styles" Target="styles.xml"/></Relationships>`,
    );
    await this.zip.addStored('xl/styles.xml', STYLES_XML);
    await this.zip.addStored(
      '_rels/.rels',
      `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}"><Relationship Id="rId1" Type="${NS_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    );
    const overrides = names
      .map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`)
      .join('');
    await this.zip.addStored(
      '[Content_Types].xml',
      `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        `${overrides}<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`,
    );
    await this.zip.close();
  }

  /** After a failure: let go of the file. */
  destroy(): void {
    this.zip.destroy();
  }
}
