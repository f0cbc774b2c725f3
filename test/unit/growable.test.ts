/** The small typed-array helpers the scan keeps per row. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GrowableBits, hash32, hash32Joined } from '../../src/engine/growable.js';

describe('hash32Joined', () => {
  it('equals hash32 of the first tokens joined by spaces', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme', maxLength: 8 }), { maxLength: 8 }), fc.nat(10), (tokens, limit) => {
        expect(hash32Joined(tokens, limit)).toBe(hash32(tokens.slice(0, limit).join(' ')));
        expect(hash32Joined(tokens)).toBe(hash32(tokens.join(' ')));
      }),
    );
  });
});

describe('GrowableBits', () => {
  it('remembers the bits set, far past its first size, and no others', () => {
    const bits = new GrowableBits();
    const set = [0, 31, 32, 33, 1023, 40_000, 1_000_001];
    for (const i of set) bits.set(i);
    for (const i of set) expect(bits.has(i)).toBe(true);
    for (const i of [1, 30, 34, 1024, 39_999, 40_001, 1_000_000, 5_000_000]) expect(bits.has(i)).toBe(false);
  });
});
