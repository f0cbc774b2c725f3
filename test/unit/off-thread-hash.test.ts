/** The manifest's SHA-256 of a file, computed on the worker thread, equals node:crypto's on the same bytes. */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sha256FileOffThread } from '../../src/io/off-thread-hash.js';

const sha = (parts: (string | Buffer)[]) => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest('hex');
};

describe('sha256FileOffThread', () => {
  it('hashes a whole file read on the worker, and rejects one that cannot be read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'umkm-hash-'));
    try {
      const bytes = Buffer.concat([Buffer.from('NIK;NAMA\r\n'), Buffer.alloc(3_000_000, 0x39)]);
      writeFileSync(join(dir, 'usulan.csv'), bytes);
      await expect(sha256FileOffThread(join(dir, 'usulan.csv'))).resolves.toBe(sha([bytes]));
      await expect(sha256FileOffThread(join(dir, 'missing.csv'))).rejects.toThrow(/ENOENT/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
