/**
 * Workbooks built byte by byte for the hostile-input tests: honest ones, and ones whose ZIP
 * records lie (sizes, CRCs), are cut short or have bytes flipped. Nothing binary is committed.
 */
import { deflateRawSync } from 'node:zlib';
import { crc32 } from '../../src/io/zip-writer.js';
import { columnLetters } from '../../src/io/xlsx-writer.js';

export interface ZipPart {
  readonly name: string;
  readonly data: Buffer | string;
  /** 8 (deflate, the default) or 0 (stored). */
  readonly method?: 0 | 8;
  /** A lie for the central directory: the uncompressed size it declares. */
  readonly declaredSize?: number;
  /** A lie for the central directory: the CRC-32 it declares. */
  readonly declaredCrc?: number;
}

/**
 * A ZIP archive of the parts, in the given order, with a central directory; with `zip64`, every
 * size and offset in the directory goes through ZIP64 records, as some writers always do.
 */
export function buildZip(parts: readonly ZipPart[], options: { zip64?: boolean } = {}): Buffer {
  const zip64 = options.zip64 ?? false;
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const data = typeof p.data === 'string' ? Buffer.from(p.data, 'utf8') : p.data;
    const method = p.method ?? 8;
    const body = method === 8 ? deflateRawSync(data) : data;
    const crc = p.declaredCrc ?? crc32(data);
    const size = p.declaredSize ?? data.length;
    const name = Buffer.from(p.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const extra = Buffer.alloc(zip64 ? 28 : 0);
    if (zip64) {
      extra.writeUInt16LE(0x0001, 0);
      extra.writeUInt16LE(24, 2);
      extra.writeBigUInt64LE(BigInt(size), 4);
      extra.writeBigUInt64LE(BigInt(body.length), 12);
      extra.writeBigUInt64LE(BigInt(offset), 20);
    }
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(45, 4);
    cd.writeUInt16LE(zip64 ? 45 : 20, 6);
    cd.writeUInt16LE(0x0800, 8);
    cd.writeUInt16LE(method, 10);
    cd.writeUInt32LE(crc >>> 0, 16);
    cd.writeUInt32LE(zip64 ? 0xffffffff : body.length, 20);
    cd.writeUInt32LE(zip64 ? 0xffffffff : size, 24);
    cd.writeUInt16LE(name.length, 28);
    cd.writeUInt16LE(extra.length, 30);
    cd.writeUInt32LE(zip64 ? 0xffffffff : offset, 42);
    central.push(cd, name, extra);
    chunks.push(local, name, body);
    offset += local.length + name.length + body.length;
  }
  const cdBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(zip64 ? 0xffff : parts.length, 8);
  end.writeUInt16LE(zip64 ? 0xffff : parts.length, 10);
  end.writeUInt32LE(zip64 ? 0xffffffff : cdBytes.length, 12);
  end.writeUInt32LE(zip64 ? 0xffffffff : offset, 16);
  if (!zip64) return Buffer.concat([...chunks, cdBytes, end]);
  const record = Buffer.alloc(56);
  record.writeUInt32LE(0x06064b50, 0);
  record.writeBigUInt64LE(44n, 4);
  record.writeUInt16LE(45, 12);
  record.writeUInt16LE(45, 14);
  record.writeBigUInt64LE(BigInt(parts.length), 24);
  record.writeBigUInt64LE(BigInt(parts.length), 32);
  record.writeBigUInt64LE(BigInt(cdBytes.length), 40);
  record.writeBigUInt64LE(BigInt(offset), 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0);
  locator.writeBigUInt64LE(BigInt(offset + cdBytes.length), 8);
  locator.writeUInt32LE(1, 16);
  return Buffer.concat([...chunks, cdBytes, record, locator, end]);
}

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** Cell XML escaping, enough for test text. */
export function xmlText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A worksheet's XML with inline-string rows (row 1 first). */
export function sheetXml(rows: readonly (readonly string[])[], extra = ''): string {
  const body = rows
    .map(
      (cells, r) =>
        `<row r="${r + 1}">${cells.map((c, i) => `<c r="${columnLetters(i)}${r + 1}" t="inlineStr"><is><t>${xmlText(c)}</t></is></c>`).join('')}</row>`,
    )
    .join('');
  return `${XML}<worksheet xmlns="${NS}"><sheetData>${body}${extra}</sheetData></worksheet>`;
}

/** The parts every workbook here has, with the given worksheet XML (and optional shared strings). */
export function workbookParts(sheet: string | Buffer, sharedStrings?: string | Buffer): ZipPart[] {
  return sheetsParts([{ name: 'Usulan', data: sheet }], sharedStrings);
}

/** A tab of a multi-sheet test workbook: a worksheet's XML, or a chart sheet. */
export interface TestSheet {
  readonly name: string;
  readonly data: string | Buffer;
  readonly state?: 'hidden' | 'veryHidden';
  readonly chart?: boolean;
}

/**
 * A workbook of several tabs, in the order given. The parts are numbered and stored the other way
 * round (the first tab is the last sheetN.xml in the file), as after tabs are moved in Excel, so a
 * reader that goes by the file's order rather than the tabs' is caught.
 */
export function sheetsParts(sheets: readonly TestSheet[], sharedStrings?: string | Buffer): ZipPart[] {
  const part = (i: number) => `${sheets[i]?.chart ? 'chartsheets' : 'worksheets'}/sheet${sheets.length - i}.xml`;
  const tabs = sheets.map((s, i) => `<sheet name="${xmlText(s.name).replace(/"/g, '&quot;')}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`);
  const rels = sheets.map((s, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${s.chart ? 'chartsheet' : 'worksheet'}" Target="${part(i)}"/>`);
  const overrides = sheets.map((s, i) => `<Override PartName="/xl/${part(i)}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.${s.chart ? 'chartsheet' : 'worksheet'}+xml"/>`);
  const parts: ZipPart[] = [
    {
      name: '[Content_Types].xml',
      data: `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${overrides.join('')}</Types>`,
    },
    {
      name: '_rels/.rels',
      data: `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: 'xl/workbook.xml',
      data: `${XML}<workbook xmlns="${NS}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${tabs.join('')}</sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`,
    },
  ];
  // Excel's order: the worksheets before the shared strings.
  for (let i = sheets.length - 1; i >= 0; i--) parts.push({ name: `xl/${part(i)}`, data: (sheets[i] as TestSheet).data });
  if (sharedStrings !== undefined) parts.push({ name: 'xl/sharedStrings.xml', data: sharedStrings });
  return parts;
}

/** Shared strings XML around the given <si> elements (or raw XML between the sst tags). */
export function sharedStringsXml(inner: string, count: number): string {
  return `${XML}<sst xmlns="${NS}" count="${count}" uniqueCount="${count}">${inner}</sst>`;
}

export const HEADER = ['NIK', 'NAMA', 'ALAMAT', 'BIDANG USAHA', 'NO HP'];

/** Synthetic rows (no real NIK: 3275 region, serials from 9001). */
export function sampleRows(n: number): string[][] {
  const rows: string[][] = [HEADER];
  for (let i = 0; i < n; i++) {
    rows.push([String(3275010101909001 + i), `SITI AMINAH ${i}`, `JL. MERPATI ${i}`, 'WARUNG', `0812345${String(10000 + i).slice(-5)}`]);
  }
  return rows;
}
