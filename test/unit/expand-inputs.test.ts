/** Patterns and folders expanded by the tool, over real files in a temporary folder. */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { byteOrder, expandInputs, hasGlobChars, segmentMatcher, splitPattern } from '../../src/io/expand-inputs.js';

const tmp = mkdtempSync(join(tmpdir(), 'umkm-expand-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const FILES = [
  'kec-b.csv',
  'kec-a.csv',
  'Kec-C.CSV',
  'kec-ä.csv',
  'kec-10.csv',
  'kec-2.csv',
  'jatiasih.txt',
  'tabs.tsv',
  'buku.xlsx',
  'lama.xls',
  'catatan.docx',
  '.tersembunyi.csv',
  '~$buku.xlsx',
  'kec[1].csv',
];

beforeAll(() => {
  for (const f of FILES) writeFileSync(join(tmp, f), 'NIK\n');
  mkdirSync(join(tmp, 'sub.csv'));
  writeFileSync(join(tmp, 'sub.csv', 'dalam.csv'), 'NIK\n');
  mkdirSync(join(tmp, 'kec-x'));
  mkdirSync(join(tmp, 'kec-y'));
  writeFileSync(join(tmp, 'kec-x', 'usulan.csv'), 'NIK\n');
  writeFileSync(join(tmp, 'kec-y', 'usulan.csv'), 'NIK\n');
  mkdirSync(join(tmp, 'kosong'));
  writeFileSync(join(tmp, 'kosong', 'readme.md'), '');
  symlinkSync(join(tmp, 'kec-a.csv'), join(tmp, 'kosong', 'tautan.csv.lnk'));
});

const names = (paths: string[]) => paths.map((p) => p.slice(tmp.length + 1));

describe('segmentMatcher', () => {
  it('reads *, ? and classes as a shell does', () => {
    const m = (p: string, n: string, ic = false) => segmentMatcher(p, ic)(n);
    expect(m('*.csv', 'kec-a.csv')).toBe(true);
    expect(m('*.csv', 'kec-a.csv.bak')).toBe(false);
    expect(m('*.csv', 'kec-a.CSV')).toBe(false);
    expect(m('*.csv', 'kec-a.CSV', true)).toBe(true);
    expect(m('kec-?.csv', 'kec-a.csv')).toBe(true);
    expect(m('kec-?.csv', 'kec-10.csv')).toBe(false);
    expect(m('kec-[ab].csv', 'kec-b.csv')).toBe(true);
    expect(m('kec-[a-c].csv', 'kec-d.csv')).toBe(false);
    expect(m('kec-[!a].csv', 'kec-a.csv')).toBe(false);
    expect(m('kec-[^a].csv', 'kec-b.csv')).toBe(true);
    expect(m('kec-[]].csv', 'kec-].csv')).toBe(true);
  });

  it('takes every other character literally, an unclosed [ and a reversed range too', () => {
    const m = (p: string, n: string) => segmentMatcher(p, false)(n);
    expect(m('kec.(a)+*.csv', 'kec.(a)+1.csv')).toBe(true);
    expect(m('kec.(a)+*.csv', 'kecX(a)1.csv')).toBe(false);
    expect(m('kec[1*.csv', 'kec[12.csv')).toBe(true);
    expect(m('a$^{}|\\*', 'a$^{}|\\x')).toBe(true);
    expect(m('[z-a]', '[z-a]')).toBe(true);
  });

  it('leaves hidden files out unless the pattern starts with a dot', () => {
    expect(segmentMatcher('*.csv', false)('.tersembunyi.csv')).toBe(false);
    expect(segmentMatcher('.*.csv', false)('.tersembunyi.csv')).toBe(true);
  });
});

describe('splitPattern', () => {
  it('keeps the folder before the first wildcard as typed', () => {
    expect(splitPattern('*.csv', 'linux')).toEqual({ base: '', segments: [{ name: '*.csv', sep: '' }] });
    expect(splitPattern('data/kec-*/usulan.csv', 'linux')).toEqual({
      base: 'data/',
      segments: [
        { name: 'kec-*', sep: '/' },
        { name: 'usulan.csv', sep: '' },
      ],
    });
    expect(splitPattern('/srv/usulan/*.csv', 'linux').base).toBe('/srv/usulan/');
  });

  it('splits on backslashes as well on Windows, and only there', () => {
    expect(splitPattern('C:\\Users\\dinas\\usulan\\*.csv', 'win32')).toEqual({
      base: 'C:\\Users\\dinas\\usulan\\',
      segments: [{ name: '*.csv', sep: '' }],
    });
    expect(splitPattern('data\\*.csv', 'linux')).toEqual({ base: '', segments: [{ name: 'data\\*.csv', sep: '' }] });
  });
});

describe('expandInputs', () => {
  it('gives a pattern its files in byte order, without folders, hidden or Excel lock files', async () => {
    expect(names(await expandInputs([join(tmp, 'kec-*.csv')], { platform: 'linux' }))).toEqual([
      'kec-10.csv',
      'kec-2.csv',
      'kec-a.csv',
      'kec-b.csv',
      'kec-ä.csv',
    ]);
    expect(names(await expandInputs([join(tmp, '*.xlsx')], { platform: 'linux' }))).toEqual(['buku.xlsx']);
  });

  it('gives a folder every .csv, .txt, .tsv, .xlsx and .xls directly inside it, in byte order', async () => {
    expect(names(await expandInputs([tmp], { platform: 'linux' }))).toEqual([
      'Kec-C.CSV',
      'buku.xlsx',
      'jatiasih.txt',
      'kec-10.csv',
      'kec-2.csv',
      'kec-a.csv',
      'kec-b.csv',
      'kec-ä.csv',
      'kec[1].csv',
      'lama.xls',
      'tabs.tsv',
    ]);
    expect(await expandInputs([`${tmp}/`], { platform: 'linux' })).toEqual(await expandInputs([tmp], { platform: 'linux' }));
  });

  it('matches folders on the way, and keeps the arguments in the order given', async () => {
    const got = await expandInputs([join(tmp, 'kec-b.csv'), join(tmp, 'kec-?', 'usulan.csv'), join(tmp, 'kec-a.csv')], { platform: 'linux' });
    expect(names(got)).toEqual(['kec-b.csv', 'kec-x/usulan.csv', 'kec-y/usulan.csv', 'kec-a.csv']);
  });

  it('takes a name that exists as it is, glob characters and all', async () => {
    expect(names(await expandInputs([join(tmp, 'kec[1].csv')], { platform: 'linux' }))).toEqual(['kec[1].csv']);
  });

  it('leaves a plain missing name for the reader to report, a lone [ included', async () => {
    expect(await expandInputs(['tidak-ada.csv', 'kec[2J.csv'])).toEqual(['tidak-ada.csv', 'kec[2J.csv']);
    expect(hasGlobChars('kec[2J.csv')).toBe(false);
    expect(hasGlobChars('kec[2].csv')).toBe(true);
    expect(hasGlobChars('kec-?.csv')).toBe(true);
  });

  it('names a pattern that matches nothing, and a folder without inputs (exit 3)', async () => {
    const pattern = join(tmp, 'desa-*.csv');
    await expect(expandInputs([pattern])).rejects.toMatchObject({ key: 'input.noMatch', params: { pattern }, exitCode: 3 });
    await expect(expandInputs([join(tmp, 'tidak-ada', '*.csv')])).rejects.toBeInstanceOf(InputError);
    const folder = join(tmp, 'kosong');
    await expect(expandInputs([folder])).rejects.toMatchObject({ key: 'input.emptyFolder', params: { folder }, exitCode: 3 });
  });

  it('sorts by bytes, not by locale', () => {
    expect(['b', 'B', 'ä', 'a', '10', '2'].sort(byteOrder)).toEqual(['10', '2', 'B', 'a', 'b', 'ä']);
  });
});
