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
  return { hasMultibyte: s.hasMultibyte, invalid: s.invalid, firstInvalidOffset: s.firstInvalidOffset };
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

  it('tells UTF-8 from Windows-1252 and finds the first bad byte', () => {
    expect(scan(Buffer.from('MA’RUF\n', 'utf8'))).toEqual({ hasMultibyte: true, invalid: 0, firstInvalidOffset: -1 });
    expect(scan(Buffer.from('MA’RUF\n', 'utf8'), 3)).toEqual({ hasMultibyte: true, invalid: 0, firstInvalidOffset: -1 });
    expect(scan([0x41, 0x0a, 0x4d, 0x41, 0x92, 0x52, 0x0a])).toEqual({ hasMultibyte: false, invalid: 1, firstInvalidOffset: 4 });
    expect(scan(Buffer.from('NIK,NAMA\n1,SITI\n', 'utf8'))).toEqual({ hasMultibyte: false, invalid: 0, firstInvalidOffset: -1 });
    // A sequence cut short by the next chunk: the bad byte's offset counts the chunks before.
    const cut = Buffer.concat([Buffer.from('AB'), Buffer.from([0xe2, 0x80]), Buffer.from('SITI')]);
    for (const split of [0, 1, 2, 3, 4, 5]) expect(scan(cut, split)).toEqual({ hasMultibyte: false, invalid: 1, firstInvalidOffset: 4 });
  });

  it('reads chunks natively and byte by byte alike, wherever a chunk ends', () => {
    // Valid sequences of 2, 3 and 4 bytes, a cut-off one, stray continuation bytes, a bad lead,
    // overlong and surrogate forms (valid to the byte loop, which checks only the shape).
    const pieces = [
      Buffer.from('é’😀A\n', 'utf8'), [0x92], [0xe2, 0x80], [0x80, 0x80], [0xf8], [0xc0, 0xaf], [0xed, 0xa0, 0x80], Buffer.from('SITI\n'),
    ].map((p) => Buffer.from(p));
    let seed = 3;
    const rand = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed % n;
    };
    for (let run = 0; run < 300; run++) {
      const bytes = Buffer.concat(Array.from({ length: 1 + rand(12) }, () => pieces[rand(pieces.length)] as Buffer));
      // The byte loop alone, as a reference: a scanner fed one byte at a time never has a whole
      // sequence to check natively.
      const ref = new Utf8Scanner();
      for (const b of bytes) ref.push(Buffer.from([b]));
      ref.end();
      const expected = { hasMultibyte: ref.hasMultibyte, invalid: ref.invalid, firstInvalidOffset: ref.firstInvalidOffset };
      expect(scan(bytes), bytes.toString('hex')).toEqual(expected);
      for (let split = 1; split < bytes.length; split++) expect(scan(bytes, split), `${bytes.toString('hex')} / ${split}`).toEqual(expected);
    }
  });

  it('sees spreadsheets and PDFs for what they are', () => {
    expect(looksBinary(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0]))).toBe(true);
    expect(looksBinary(Buffer.from('%PDF-1.4\n'))).toBe(true);
    expect(looksBinary(Buffer.from('NIK;NAMA\r\n'))).toBe(false);
  });
});
