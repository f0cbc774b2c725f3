/**
 * The ZIP container of our .xlsx files checked by an independent reader (Python's zipfile, which
 * verifies every CRC) when one is installed: deflated and stored entries, and an archive with more
 * entries than a plain ZIP can count, which needs the ZIP64 end records.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ZipWriter } from '../../src/io/zip-writer.js';

const tmp = mkdtempSync(join(tmpdir(), 'umkm-zip-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const python = ['python3', 'python'].find((cmd) => spawnSync(cmd, ['-c', 'import zipfile'], { stdio: 'ignore' }).status === 0);

/** Names and sizes as Python reads them, after testzip() found every CRC right. */
function pythonReads(path: string): { count: number; sizes: Record<string, number> } {
  const script = [
    'import json, sys, zipfile',
    'z = zipfile.ZipFile(sys.argv[1])',
    'assert z.testzip() is None',
    'infos = z.infolist()',
    'print(json.dumps({"count": len(infos), "sizes": {i.filename: i.file_size for i in infos[:3] + infos[-1:]}}))',
  ].join('\n');
  const r = spawnSync(python as string, ['-c', script, path], { encoding: 'utf8' });
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as { count: number; sizes: Record<string, number> };
}

describe.skipIf(!python)('zip writer, read by Python zipfile', () => {
  it('writes deflated and stored entries a ZIP reader accepts', async () => {
    const path = join(tmp, 'mixed.zip');
    const zip = await ZipWriter.create(path);
    const sheet = await zip.openDeflated('xl/worksheets/sheet1.xml');
    const text = '<row r="1"><c><is><t>SITI AMINAH</t></is></c></row>'.repeat(20_000);
    await sheet.write(Buffer.from(text));
    await sheet.write(Buffer.from('MA\u2019RUF'));
    await sheet.finish();
    await zip.addStored('[Content_Types].xml', '<Types/>');
    await zip.close();
    const read = pythonReads(path);
    expect(read.count).toBe(2);
    expect(read.sizes).toEqual({ 'xl/worksheets/sheet1.xml': Buffer.byteLength(text) + Buffer.byteLength('MA\u2019RUF'), '[Content_Types].xml': 8 });
  });

  it('writes ZIP64 end records when there are more than 65,535 entries', async () => {
    const path = join(tmp, 'many.zip');
    const zip = await ZipWriter.create(path);
    for (let i = 0; i < 70_000; i++) await zip.addStored(`e/${i}.txt`, String(i));
    await zip.close();
    const read = pythonReads(path);
    expect(read.count).toBe(70_000);
    expect(read.sizes['e/69999.txt']).toBe(5);
  }, 60_000);
});
