/**
 * A workbook's sheets as its tabs show them, and which one is read. The tabs' order and names are
 * in xl/workbook.xml, each tied to its part by xl/_rels/workbook.xml.rels; the order of the parts
 * in the ZIP says nothing (OpenSID's format_impor_program_bantuan.xlsx keeps its people on the
 * second tab). `--sheet` names one, by name or by number; without it read-input.ts tries the
 * visible worksheets in tab order and takes the first whose rows name the required columns.
 */
import { InputError } from '../errors.js';
import { MAX_ZIP_ENTRIES, type ZipEntry, type ZipInput } from './zip-input.js';

export interface WorkbookSheet {
  /** The tab's name, as Excel shows it. */
  readonly name: string;
  /** 1-based position among the tabs, hidden ones included (what `--sheet 2` means). */
  readonly number: number;
  /** The worksheet part; null for a chart sheet, or a tab whose part the file lacks. */
  readonly part: ZipEntry | null;
  readonly hidden: boolean;
}

/** Sheets named in a message; a workbook with more is summed up as "+N". */
const LISTED_SHEETS = 20;

/** The text of a small XML part (workbook, relationships), whole: its size was checked by the caller. */
async function partText(zip: ZipInput, entry: ZipEntry): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of zip.inflate(entry)) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

/** The five XML entities and character references: sheet names like "P&amp;K" or "Kec. 1&#10;". */
function xmlUnescape(s: string): string {
  return s.replace(/&(?:#x([0-9a-fA-F]+)|#(\d+)|(amp|lt|gt|quot|apos));/g, (_, hex: string, dec: string, named: string) => {
    if (named) return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[named] as string;
    const code = hex ? parseInt(hex, 16) : Number(dec);
    return code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}

/** A start tag's attributes by name (prefix kept: `r:id`), values unescaped. */
function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tag.matchAll(/([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) out.set(m[1] as string, xmlUnescape(m[2] ?? m[3] ?? ''));
  return out;
}

/** A relationship's target as a part name: relative to xl/, or absolute from the package root. */
function targetPart(target: string): string {
  const parts: string[] = [];
  for (const seg of (target.startsWith('/') ? target.slice(1) : `xl/${target}`).split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

/**
 * The tabs in order. A workbook without the relationships part, or whose workbook part lists no
 * sheet (minimal writers), is read as before: its worksheet parts in the order they lie in the
 * file, each named after its part.
 */
export async function listSheets(zip: ZipInput, partLimit: number): Promise<WorkbookSheet[]> {
  const fallback = () =>
    zip.entries
      .filter((e) => /^xl\/worksheets\/[^/]+\.xml$/i.test(e.name))
      .map((e, i) => ({ name: (e.name.split('/').pop() as string).replace(/\.xml$/i, ''), number: i + 1, part: e, hidden: false }));
  const workbook = zip.find('xl/workbook.xml');
  const rels = zip.find('xl/_rels/workbook.xml.rels');
  if (!workbook || !rels) return fallback();
  zip.checkSize(workbook, partLimit);
  zip.checkSize(rels, partLimit);
  const targets = new Map<string, { type: string; part: string }>();
  for (const m of (await partText(zip, rels)).matchAll(/<(?:[\w.-]+:)?Relationship\b[^>]*>/g)) {
    const a = attributes(m[0]);
    const id = a.get('Id');
    if (id !== undefined && a.get('TargetMode') !== 'External') targets.set(id, { type: a.get('Type') ?? '', part: targetPart(a.get('Target') ?? '') });
  }
  const xml = await partText(zip, workbook);
  const sheets: WorkbookSheet[] = [];
  const list = /<(?:[\w.-]+:)?sheets\b[^>]*>([\s\S]*?)<\/(?:[\w.-]+:)?sheets>/.exec(xml)?.[1] ?? '';
  for (const m of list.matchAll(/<(?:[\w.-]+:)?sheet\b[^>]*>/g)) {
    // More tabs than a workbook may have parts: no export looks like that.
    if (sheets.length >= MAX_ZIP_ENTRIES) throw new InputError('input.workbookDamaged', { file: zip.file, part: 'xl/workbook.xml: sheets' });
    const a = attributes(m[0]);
    // The relationship id's attribute is namespaced (r:id); its prefix is the writer's choice.
    const rid = [...a.entries()].find(([k]) => /^[\w.-]+:id$/.test(k))?.[1];
    const target = rid === undefined ? undefined : targets.get(rid);
    const part = target && /\/worksheet$/.test(target.type) ? zip.find(target.part) : null;
    const state = a.get('state');
    sheets.push({ name: a.get('name') ?? '', number: sheets.length + 1, part, hidden: state === 'hidden' || state === 'veryHidden' });
  }
  return sheets.length > 0 ? sheets : fallback();
}

/**
 * The sheet `--sheet` names. A name first (as Excel compares them: ignoring case), so a tab called
 * "2" is that tab; otherwise a whole number is the tab's position, hidden tabs counted, as the
 * file has them. Anything else, or a chart sheet, is an input error listing the sheets there are.
 */
export function chooseSheet(sheets: readonly WorkbookSheet[], wanted: string, file: string): WorkbookSheet {
  const key = wanted.trim().toLowerCase();
  let sheet = sheets.find((s) => s.name.trim().toLowerCase() === key);
  if (!sheet && /^\d+$/.test(key)) {
    sheet = sheets[Number(key) - 1];
    if (!sheet || Number(key) === 0) {
      throw new InputError('input.sheetOutOfRange', { file, number: key, count: sheets.length, sheets: sheetList(sheets) });
    }
  }
  if (!sheet) throw new InputError('input.sheetNotFound', { file, sheet: wanted, sheets: sheetList(sheets) });
  if (!sheet.part) throw new InputError('input.sheetNotWorksheet', { file, sheet: sheet.name, sheets: sheetList(sheets) });
  return sheet;
}

/** The sheets the default search reads: visible worksheets (hidden ones only when no other). */
export function searchedSheets(sheets: readonly WorkbookSheet[]): WorkbookSheet[] {
  const worksheets = sheets.filter((s) => s.part !== null);
  const visible = worksheets.filter((s) => !s.hidden);
  return visible.length > 0 ? visible : worksheets;
}

/** `1 "Program", 2 "Peserta"`, for a message: a number and a name the analyst can type to --sheet. */
export function sheetList(sheets: readonly WorkbookSheet[]): string {
  const named = sheets.slice(0, LISTED_SHEETS).map((s) => `${s.number} "${s.name}"`);
  if (sheets.length > LISTED_SHEETS) named.push(`+${sheets.length - LISTED_SHEETS}`);
  return named.join(', ');
}
