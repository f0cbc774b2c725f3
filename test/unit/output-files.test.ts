/**
 * Output text is gathered, encoded into a buffer and written a megabyte at a time: whatever the
 * row sizes, the file on disk must be every row in order, and the manifest's SHA-256 that of the
 * file.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { OutputFiles } from '../../src/io/output-files.js';
import { csvLine } from '../../src/io/csv-line.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('OutputFiles', () => {
  it('writes rows of any size in order, multi-byte text included, and hashes exactly the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'umkm-out-'));
    dirs.push(dir);
    const files = await OutputFiles.open(dir);
    const expected: string[] = [];
    const add = async (row: string[]) => {
      expected.push(csvLine(row));
      await files.writeNeutralRow('audit.csv', row);
    };
    for (let i = 0; i < 60_000; i++) {
      // Names with ’ and é (3 and 2 bytes in UTF-8), an emoji (a surrogate pair), quotes and commas.
      await add([String(i), `MA’RUF ${i % 97}`, i % 5 === 0 ? 'Jl. "Melati", No. 3' : 'Café 😀', 'x'.repeat(i % 300)]);
      // Rows longer than the write buffer, now and then.
      if (i % 20_000 === 7) await add(['long', 'é'.repeat(700_000)]);
    }
    const digests = await files.digests();
    await files.commit();
    const text = expected.join('');
    const written = readFileSync(join(dir, 'audit.csv'));
    expect(written.length).toBeGreaterThan(3 * 1024 * 1024);
    expect(written.equals(Buffer.from(text, 'utf8'))).toBe(true);
    expect(digests['audit.csv']).toBe(createHash('sha256').update(written).digest('hex'));
    expect(digests['review.csv']).toBe(createHash('sha256').update('').digest('hex'));
  });
});
