/** The scratch file: lines back in order, chosen by their bytes without decoding the rest. */
import { describe, expect, it } from 'vitest';
import { encodeScratchLine, nikRange, scratchOrd, scratchTabs } from '../../src/engine/scratch-line.js';
import { SpillFile } from '../../src/io/spill.js';

describe('SpillFile', () => {
  it('gives back the wanted lines whole, across read chunks, with non-ASCII text intact', async () => {
    const spill = await SpillFile.create();
    try {
      const lines: string[] = [];
      // ~80 bytes a line, 20,000 lines: several 256 KB chunks, each cutting a line somewhere.
      for (let ord = 0; ord < 20_000; ord++) {
        const name = ord % 3 === 0 ? `MA\u2019RUF ${ord} \u00c9\u{1F600}` : `SITI AMINAH ${ord}`;
        const line = encodeScratchLine({ ord, nik: String(3275010101900000 + ord), valid: true, filled: 7, name, address: `JL MERPATI ${ord}`, display: name });
        lines.push(line);
        const wait = spill.write(line);
        if (wait) await wait;
      }
      await spill.close();
      const seen: number[] = [];
      const got: string[] = [];
      const tabs: number[] = [];
      for await (const { bytes, ranges } of spill.linesWhere((bytes, start, end) => {
        const ord = scratchOrd(bytes, start, end);
        seen.push(ord);
        scratchTabs(bytes, start, end, tabs);
        const [from, to] = nikRange(tabs);
        return ord % 7 === 0 || bytes.toString('latin1', from, to) === '3275010101919999';
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
