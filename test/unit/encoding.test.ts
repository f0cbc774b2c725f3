import { describe, expect, it } from 'vitest';
import { detectBom, detectUtf16WithoutBom, looksBinary, Utf8Scanner } from '../../src/io/encoding.js';

const scan = (bytes: number[] | Buffer, split = 0) => {
  const s = new Utf8Scanner();
  const buf = Buffer.from(bytes);
  if (split) {
    s.push(buf.subarray(0, split));
    s.push(buf.subarray(split));
  } else s.push(buf);
  s.end();
  return { multibyte: s.multibyte, invalid: s.invalid, firstInvalidLine: s.firstInvalidLine };
};

describe('encoding detection', () => {
  it('reads BOMs', () => {
    expect(detectBom(Buffer.from([0xef, 0xbb, 0xbf, 0x41]))).toEqual({ encoding: 'utf-8', length: 3 });
    expect(detectBom(Buffer.from([0xff, 0xfe, 0x41, 0]))).toEqual({ encoding: 'utf-16le', length: 2 });
    expect(detectBom(Buffer.from([0xfe, 0xff, 0, 0x41]))).toEqual({ encoding: 'utf-16be', length: 2 });
    expect(detectBom(Buffer.from('NIK'))).toBeNull();
  });

  it('recognises UTF-16 without a BOM', () => {
    expect(detectUtf16WithoutBom(Buffer.from('NIK,NAMA\r\n1,2\r\n', 'utf16le'))).toBe('utf-16le');
    expect(detectUtf16WithoutBom(Buffer.from('NIK,NAMA\r\n1,2\r\n', 'utf8'))).toBeNull();
  });

  it('tells UTF-8 from Windows-1252 and finds the line of a bad byte', () => {
    expect(scan(Buffer.from('MA’RUF\n', 'utf8'))).toEqual({ multibyte: 1, invalid: 0, firstInvalidLine: 0 });
    expect(scan(Buffer.from('MA’RUF\n', 'utf8'), 3)).toEqual({ multibyte: 1, invalid: 0, firstInvalidLine: 0 });
    expect(scan([0x41, 0x0a, 0x4d, 0x41, 0x92, 0x52, 0x0a])).toEqual({ multibyte: 0, invalid: 1, firstInvalidLine: 2 });
  });

  it('sees spreadsheets and PDFs for what they are', () => {
    expect(looksBinary(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0]))).toBe(true);
    expect(looksBinary(Buffer.from('%PDF-1.4\n'))).toBe(true);
    expect(looksBinary(Buffer.from('NIK;NAMA\r\n'))).toBe(false);
  });
});
