/** The scratch file: lines back in order, chosen by their leading number without decoding the rest. */
import { describe, expect, it } from 'vitest';
import { SpillFile } from '../../src/io/spill.js';

describe('SpillFile', () => {
  it('gives back the wanted lines whole, across read chunks, with non-ASCII text intact', async () => {
    const spill = await SpillFile.create();
    try {
      const lines: string[] = [];
      // ~80 bytes a line, 20,000 lines: several 256 KB chunks, each cutting a line somewhere.
      for (let ord = 0; ord < 20_000; ord++) {
        const name = ord % 3 === 0 ? `MA\u2019RUF ${ord} \u00c9\u{1F600}` : `SITI AMINAH ${ord}`;
        const line = `${ord}\t${String(3275010101900000 + ord)}\t1\t7\t${name}\tJL MERPATI ${ord}\t${name}`;
        lines.push(line);
        const wait = spill.write(line);
        if (wait) await wait;
      }
      await spill.close();
      const seen: number[] = [];
      const got: string[] = [];
      for await (const { bytes, ranges } of spill.linesWhere((ord, bytes, tab) => {
        seen.push(ord);
        expect(bytes[tab]).toBe(9);
        return ord % 7 === 0 || bytes.toString('latin1', tab + 1, tab + 17) === '3275010101919999';
      })) {
        for (let k = 0; k < ranges.length; k += 2) got.push(bytes.toString('utf8', ranges[k], ranges[k + 1]));
      }
      expect(seen).toEqual(lines.map((_, i) => i));
      expect(got).toEqual(lines.filter((_, i) => i % 7 === 0 || i === 19_999));
    } finally {
      await spill.remove();
    }
  });
});
