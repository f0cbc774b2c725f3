/**
 * Encoding detection on bytes. Kecamatan files come as UTF-8 (with or without BOM), UTF-16
 * ("Unicode text" from Excel) or Windows-1252 (Excel "CSV" on Windows: MA’RUF as 0x92).
 */
import { isAscii, isUtf8 } from 'node:buffer';

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface BomInfo {
  readonly encoding: Encoding;
  readonly length: number;
}

export function detectBom(head: Uint8Array): BomInfo | null {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/** UTF-16 without a BOM: text in it has a NUL in every other byte. */
export function detectUtf16WithoutBom(head: Uint8Array): Encoding | null {
  const n = Math.min(head.length, 4096) & ~1;
  if (n < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (head[i] === 0) evenNul++;
    if (head[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul > pairs * 0.4 && evenNul < pairs * 0.05) return 'utf-16le';
  if (evenNul > pairs * 0.4 && oddNul < pairs * 0.05) return 'utf-16be';
  return null;
}

/** A workbook or PDF given where a CSV belongs, known by its first bytes. */
export function hasBinaryMagic(head: Uint8Array): boolean {
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return true; // zip: .xlsx
  if (head[0] === 0x25 && head[1] === 0x50 && head[2] === 0x44 && head[3] === 0x46) return true; // %PDF
  if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) return true; // .xls
  return false;
}

/** Any other binary file: many NULs or control bytes. */
export function looksBinary(head: Uint8Array): boolean {
  if (hasBinaryMagic(head)) return true;
  const n = Math.min(head.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = head[i] ?? 0;
    if (b < 9 || (b > 13 && b < 32 && b !== 26)) control++;
  }
  return n > 0 && control / n > 0.1;
}

/**
 * Streams bytes and tells whether they are UTF-8: whether any valid multi-byte sequence occurs,
 * how many bytes are not UTF-8, and the offset of the first bad one. A chunk is checked natively
 * (the whole file is read; a byte loop over it was a tenth of a second per 50 MB), byte by byte
 * only where it is not valid or where a sequence runs over its edge.
 */
export class Utf8Scanner {
  hasMultibyte = false;
  invalid = 0;
  /** Byte offset of the first byte that is not UTF-8, -1 while there is none. */
  firstInvalidOffset = -1;
  private offset = 0;
  private need = 0;

  push(buf: Uint8Array): void {
    let at = 0;
    // A sequence begun in the previous chunk ends within its first bytes.
    while (this.need > 0 && at < buf.length) {
      this.scan(buf, at, at + 1);
      at++;
    }
    const end = lastSequenceStart(buf, at);
    if (end > at) {
      const whole = buf.subarray(at, end);
      if (isUtf8(whole)) this.hasMultibyte ||= !isAscii(whole);
      else this.scan(buf, at, end);
    }
    this.scan(buf, end, buf.length);
    this.offset += buf.length;
  }

  end(): void {
    if (this.need > 0) this.bad(this.offset);
    this.need = 0;
  }

  private scan(buf: Uint8Array, from: number, to: number): void {
    let need = this.need;
    for (let i = from; i < to; i++) {
      const b = buf[i] as number;
      if (need > 0) {
        if ((b & 0xc0) === 0x80) {
          need--;
          if (need === 0) this.hasMultibyte = true;
          continue;
        }
        this.bad(this.offset + i);
        need = 0;
      }
      if (b < 0x80) continue;
      if (b >= 0xc2 && b <= 0xdf) need = 1;
      else if (b >= 0xe0 && b <= 0xef) need = 2;
      else if (b >= 0xf0 && b <= 0xf4) need = 3;
      else this.bad(this.offset + i);
    }
    this.need = need;
  }

  private bad(offset: number): void {
    if (this.invalid === 0) this.firstInvalidOffset = offset;
    this.invalid++;
  }
}

/**
 * Where the chunk's last multi-byte sequence starts when the chunk may cut it off (a lead byte in
 * its last three bytes), else the chunk's end: the bytes before it can be checked on their own.
 */
function lastSequenceStart(buf: Uint8Array, from: number): number {
  for (let i = buf.length - 1; i >= Math.max(from, buf.length - 3); i--) {
    const b = buf[i] as number;
    if (b < 0x80) return buf.length;
    if (b >= 0xc0) return i;
  }
  return buf.length;
}

/** Names iconv-lite knows the encodings by. */
export const ICONV_NAME: Record<Encoding, string> = {
  'utf-8': 'utf8',
  'utf-16le': 'utf16le',
  'utf-16be': 'utf16be',
  'windows-1252': 'win1252',
};
