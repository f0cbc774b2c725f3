/** The manifest's SHA-256 computed on the worker thread equals node:crypto's on the same bytes. */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OffThreadHash, sha256FileOffThread } from '../../src/io/off-thread-hash.js';

const sha = (parts: (string | Buffer)[]) => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest('hex');
};

describe('OffThreadHash', () => {
  it('hashes interleaved streams of bytes and text, each on its own', async () => {
    const a = new OffThreadHash();
    const b = new OffThreadHash();
    const partsA = [Buffer.from('NIK,NAMA\r\n'), 'MA\u2019RUF,9171015505900001\r\n', Buffer.alloc(70_000, 0x41)];
    const partsB = ['audit', Buffer.from([0xff, 0xfe, 0x00])];
    a.update(partsA[0] as Buffer);
    b.update(partsB[0] as string);
    a.update(partsA[1] as string);
    b.update(partsB[1] as Buffer);
    a.update(partsA[2] as Buffer);
    await expect(Promise.all([a.digest(), b.digest()])).resolves.toEqual([sha(partsA), sha(partsB)]);
  });

  it('gives the digest of nothing for a hash never fed, and refuses updates after its digest', async () => {
    const h = new OffThreadHash();
    await expect(h.digest()).resolves.toBe(sha([]));
    expect(() => h.update('x')).toThrow();
  });

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
