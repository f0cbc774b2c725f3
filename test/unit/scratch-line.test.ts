/** The scratch line's one codec: what the scan writes, the resolve step reads back, by bytes or as text. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeScratchLine,
  encodeScratchLine,
  nameAndAddressRange,
  nikRange,
  type ScratchRow,
  scratchOrd,
  scratchTabs,
  splitNameAndAddress,
} from '../../src/engine/scratch-line.js';

// Fields as cleanCell leaves them: no tab, no line break.
const text = fc.string({ unit: 'binary' }).map((s) => s.replace(/[\t\n\r]/g, ' '));
const row = fc.record({
  ord: fc.integer({ min: 0, max: 2 ** 31 }),
  nik: fc.stringMatching(/^\d{16}$/),
  valid: fc.boolean(),
  filled: fc.integer({ min: 0, max: 12 }),
  name: text,
  address: text,
  display: text,
});

describe('scratch line', () => {
  it('decodes what it encodes, and finds the same fields by bytes', () => {
    fc.assert(
      fc.property(row, (r: ScratchRow) => {
        const line = encodeScratchLine(r);
        expect(decodeScratchLine(line)).toEqual(r);
        const bytes = Buffer.from(`garbage\n${line}\n`, 'utf8');
        const start = 8;
        const end = bytes.length - 1;
        expect(scratchOrd(bytes, start, end)).toBe(r.ord);
        const tabs: number[] = [];
        scratchTabs(bytes, start, end, tabs);
        expect(bytes.toString('latin1', ...nikRange(tabs))).toBe(r.nik);
        expect(splitNameAndAddress(bytes.toString('utf8', ...nameAndAddressRange(tabs)))).toEqual([r.name, r.address]);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses a line cut short instead of reading past it', () => {
    const bytes = Buffer.from('12\t3275010101900001\t1', 'utf8');
    expect(() => scratchTabs(bytes, 0, bytes.length, [])).toThrow(/seven fields/);
  });
});
