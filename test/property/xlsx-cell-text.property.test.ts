/**
 * Worksheet cells take a shortcut when there is nothing to escape and no space to keep: for any
 * text, the shortcut must write what the general xmlText writes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellXmlText, xmlText } from '../../src/io/xlsx-writer.js';

const text = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  // The characters each rule of xmlText turns on, mixed with plain letters.
  fc.string({ unit: fc.constantFrom('a', 'B', '1', ' ', '\t', '\n', '\r', '&', '<', '>', '_', 'x', '0', 'F', '\u0001', '\u001f', '\ufffe', '\uffff', '\u00a0', 'é'), maxLength: 14 }),
  fc.constantFrom('SITI AMINAH', ' SITI', 'SITI ', '_x0041_', 'A_x00zz_', 'JL. MAWAR & MELATI', 'KP. DUKUH\nRT 01', '\tTAB', ''),
);

describe('cellXmlText', () => {
  it('writes what xmlText writes, for any text', () => {
    fc.assert(
      fc.property(text, (v) => {
        expect(cellXmlText(v)).toBe(xmlText(v));
      }),
      { numRuns: 20_000 },
    );
  });
});
