/**
 * The same person under any NIK, on exports as most kecamatan send them: no No. KK column. A
 * family card typed in the NIK column, a NIK with two typing errors and a NIK a digit short are
 * found and explained through the built binary; a household member, a twin and a namesake are not proposed.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'umkm-any-nik-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const HEADER = 'NIK,NAMA LENGKAP,TGL LAHIR,ALAMAT,KELURAHAN,KECAMATAN,JENIS USAHA,NO HP';
// Synthetic people of Kota Bekasi (32.75): no real NIK.
const first = [
  HEADER,
  // Line 2: SITI AMINAH, a woman born 5 July 1985 (day 05 + 40).
  '3275084507850001,SITI AMINAH,05-07-1985,JL. MERPATI NO. 5 RT 002/RW 003,JATIWARINGIN,PONDOKGEDE,WARUNG SEMBAKO,081234567801',
  // Line 3: BUDI SANTOSO, born 10 February 1990.
  '3275011002900003,BUDI SANTOSO,10-02-1990,JL. KENARI NO. 9,BEKASI JAYA,BEKASI TIMUR,BENGKEL MOTOR,081300000002',
  // Line 4: RINA WULANDARI, twin of line 5: one birth date, address and phone, neighbouring serials.
  '3275085203920011,RINA WULANDARI,12-03-1992,JL. CEMARA NO. 2,JATIBENING,PONDOKGEDE,KUE BASAH,081377770001',
  '3275085203920012,DEWI WULANDARI,12-03-1992,JL. CEMARA NO. 2,JATIBENING,PONDOKGEDE,KATERING,081377770001',
  // Line 6: AHMAD FAUZI, a namesake pair in one kelurahan: other birth dates, phones, addresses.
  '3275081705800021,AHMAD FAUZI,17-05-1980,JL. ANGGREK NO. 1,JATIMAKMUR,PONDOKGEDE,SABLON,081355550001',
  // Line 7: NURHAYATI, a woman born 21 January 1970.
  '3275016101700002,NURHAYATI,21-01-1970,GG. MANGGA NO. 7,BEKASI JAYA,BEKASI TIMUR,MENJAHIT,085711112222',
  // Line 8: DEDE KURNIASIH, a woman born 4 March 1975.
  '3275014403750006,DEDE KURNIASIH,04-03-1975,JL. DAHLIA NO. 3,BEKASI JAYA,BEKASI TIMUR,LAUNDRY,081288880003',
].join('\r\n');
const second = [
  HEADER,
  // Line 2: SITI AMINAH again, her family card (issued 12 March 2015) typed as her NIK.
  '3275081203150007,Hj. Siti Aminah,05/07/1985,JL MERPATI 5 RT 2 RW 3,JATIWARINGIN,KEC. PONDOK GEDE,KULINER,0812-3456-7801',
  // Line 3: BUDI SANTOSO again, his NIK with a wrong digit (6th) and the serial's last two swapped.
  '3275021002900030,BUDI SANTOSO,10-02-1990,JL. KENARI 9,BEKASI JAYA,BEKASI TIMUR,BENGKEL MOTOR,+62 813-0000-0002',
  // Line 4: SITI AMINAH's husband: her address and phone, his own name and NIK.
  '3275080304830005,JOKO PRASETYO,03-04-1983,JL. MERPATI NO. 5 RT 002/RW 003,JATIWARINGIN,PONDOKGEDE,TERNAK LELE,081234567801',
  // Line 5: another AHMAD FAUZI of the same kelurahan.
  '3275082209880013,AHMAD FAUZI,22-09-1988,JL. KAMBOJA NO. 40,JATIMAKMUR,PONDOKGEDE,JUAL PULSA,081366660002',
  // Line 6: NURHAYATI again under her family card of 22 August 1999: it reads as an adult's NIK.
  '3275012208990004,NURHAYATI,21/01/1970,GANG MANGGA 7,BEKASI JAYA,BEKASI TIMUR,MENJAHIT,085711112222',
  // Line 7: DEDE KURNIASIH again, her NIK a digit short.
  '327501440375006,DEDE KURNIASIH,04-03-1975,JL. DAHLIA 3,BEKASI JAYA,BEKASI TIMUR,LAUNDRY,081288880003',
].join('\r\n');

type Row = Record<string, string>;
const read = (file: string) => parse(readFileSync(file, 'utf8'), { columns: true, bom: true }) as Row[];

describe('the same person under any NIK, without a No. KK column', () => {
  const a = join(tmp, 'kec-a.csv');
  const b = join(tmp, 'kec-b.csv');
  writeFileSync(a, first);
  writeFileSync(b, second);

  for (const lang of ['id', 'en'] as const) {
    it(`finds a KK typed as the NIK and a NIK with two typing errors, and says why (${lang})`, () => {
      const out = join(tmp, `out-${lang}`);
      const r = runCli(['clean', a, b, '--region', '32.75', '--as-of', '2021-05-20', '--out', out, '--quiet', '--lang', lang]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      // A recent card reads as a child's NIK: rejected (UNDERAGE), and the pair said there too.
      const [young, short] = read(join(out, 'rejected.csv')) as [Row, Row];
      expect([young.source_line, young.reason_codes, young.duplicate_of]).toEqual(['2', 'UNDERAGE;POSSIBLE_DUPLICATE', '']);
      // A NIK a digit short is rejected for it, and says whose duplicate the row is.
      expect([short.source_line, short.reason_codes]).toEqual(['7', 'NIK_MALFORMED;POSSIBLE_DUPLICATE']);
      expect(short.reasons).toContain('kec-a.csv:8 (NIK 3275014403750006)');
      const review = read(join(out, 'review.csv'));
      const held = review.map((row) => `${row.source_file}:${row.source_line} -> ${row.match_with}`);
      // Only the pairs: not the twins, the husband or the namesakes.
      expect(held).toEqual(['kec-b.csv:3 -> kec-a.csv:3', 'kec-b.csv:6 -> kec-a.csv:7']);
      const [typos, kk] = review as [Row, Row];
      expect(typos.reason_codes).toBe('POSSIBLE_DUPLICATE');
      expect(kk.reason_codes).toBe('POSSIBLE_DUPLICATE');
      if (lang === 'id') {
        expect(young.reasons).toContain('kemungkinan orang yang sama dengan kec-a.csv:2 (NIK 3275084507850001): salah satu NIK tampak seperti No. KK');
        expect(kk.reasons).toContain('salah satu NIK tampak seperti No. KK (tanggalnya bukan tanggal lahir orang itu); nama sama setelah gelar dibuang; tanggal lahir sama; no HP sama');
        expect(typos.reasons).toContain('NIK dengan dua salah ketik (dua digit tertukar di posisi 15-16, posisi 6)');
      } else {
        expect(young.reasons).toContain('one NIK looks like a No. KK');
        expect(kk.reasons).toContain("one NIK looks like a No. KK (its date is not the person's birth date); same name once titles are dropped; same birth date; same phone");
        expect(typos.reasons).toContain('NIK with two typing errors (digits swapped at positions 15-16, position 6)');
      }
      expect(Number(kk.match_score)).toBeGreaterThan(0.5);
      // Everyone else goes on.
      const audit = read(join(out, 'audit.csv'));
      expect(audit.filter((row) => row.disposition === 'accepted')).toHaveLength(9);
      // The weights the batch estimated are in the summary.
      const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
      expect(summary.matching.weights.levels.idKkLike.weight).toEqual(expect.any(Number));
      expect(summary.matching.weights.prior_log2_odds).toBeLessThan(0);
    });
  }
});
