/**
 * A seeded generator of realistic synthetic proposal rows for Kota Bekasi, with computed ground
 * truth: which rows are one person (exact copies, NIK typos, a KK typed as the NIK, name variants),
 * and hard negatives that must never be joined (household members sharing phone, address and KK;
 * namesakes in one kelurahan). Every NIK is made up. Used by the benchmarks and property tests.
 */
import { prepareRow } from '../pipeline/prepare-row.js';
import { toMatchRecord } from '../match/to-match-record.js';
import type { MatchRecord } from '../match/match-record.js';
import { mapHeader, buildAliasIndex } from '../schema/fields.js';
import { createRandom } from '../engine/random.js';

const pad = (n: number, w: number) => String(n).padStart(w, '0');

export const SYNTH_HEADER = [
  'NO', 'NIK', 'NO KK', 'NAMA', 'JK', 'TANGGAL LAHIR', 'ALAMAT', 'KELURAHAN', 'KECAMATAN', 'BIDANG USAHA', 'NO HP',
];

const MALE = ['BUDI', 'AGUS', 'EKO', 'JOKO', 'AHMAD', 'RIZKI', 'DEDI', 'HENDRA', 'ANDI', 'BAMBANG', 'SUPARMAN', 'ASEP', 'UJANG', 'FAJAR', 'GILANG', 'IRWAN', 'RAHMAT', 'YUDI', 'WAHYU', 'DIMAS', 'TONO', 'HARIS', 'IMAM', 'SLAMET', 'SUTRISNO', 'HADI', 'ARIF', 'DONI', 'FERRY', 'GUNAWAN'];
const FEMALE = ['SITI', 'DEWI', 'RINA', 'SRI', 'NUR', 'LINDA', 'YULIANTI', 'CITRA', 'WATI', 'NENG', 'ELIS', 'SARI', 'INDAH', 'RATNA', 'FITRI', 'LESTARI', 'PUTRI', 'AYU', 'MAYA', 'TUTI', 'ENDANG', 'NINGSIH', 'YANTI', 'ANI', 'RIA', 'NOVI', 'DIAN', 'EVI', 'LILIS', 'NURUL'];
const SECOND = ['SANTOSO', 'HARTONO', 'WIBOWO', 'SETIAWAN', 'HIDAYAT', 'PRASETYO', 'KURNIAWAN', 'NUGROHO', 'SAPUTRA', 'LESTARI', 'AMINAH', 'WAHYUNI', 'RAHAYU', 'SURYANI', 'MARLINA', 'PUSPITA', 'ANGGRAINI', 'GUNAWAN', 'SUTARJA', 'RAMADHAN', 'FAUZI', 'HASANAH', 'FITRIANI', 'SUSANTI', 'PERMANA', 'FIRMANSYAH', 'MAULANA', 'HAKIM', 'SALIM', 'ISKANDAR'];
/**
 * Real lists have thousands of distinct names; a few dozen would make every birth date a crowd of
 * namesakes. Family names are composed from syllables (SU-HAR-TONO, WI-JA-YANTI): 2,700 of them.
 */
const SYL_START = ['SU', 'WI', 'HAR', 'PRA', 'SET', 'KUR', 'NUG', 'SAP', 'RAH', 'MUL', 'HAS', 'IS', 'FIR', 'GUN', 'SAN', 'DAR', 'SUR', 'TRI'];
const SYL_MID = ['', 'YA', 'TI', 'JA', 'MA', 'DI', 'RI', 'NA', 'WA', 'LA', 'SA', 'BU', 'KA', 'RO', 'DA'];
const SYL_END = ['TONO', 'YANTI', 'WATI', 'SANTO', 'NINGSIH', 'YONO', 'ADI', 'MAN', 'SIH', 'DI'];
const COMPOSED = SYL_START.flatMap((a) => SYL_MID.flatMap((b) => SYL_END.map((c) => a + b + c)));

const STREETS = ['MERPATI', 'KENARI', 'CEMARA', 'ANGGREK', 'MELATI', 'MAWAR', 'DAHLIA', 'KENANGA', 'TERATAI', 'BOUGENVILLE', 'KAMBOJA', 'SAKURA', 'RAYA JATIASIH', 'PONDOK GEDE RAYA', 'KRANJI', 'BINTARA', 'HARAPAN BARU', 'SULTAN AGUNG', 'WIBAWA MUKTI', 'KAMPUNG SAWAH'];
const USAHA = ['WARUNG SEMBAKO', 'KULINER', 'BENGKEL MOTOR', 'MENJAHIT', 'KUE BASAH', 'WARUNG KOPI', 'KATERING', 'SABLON', 'GORENGAN', 'JUAL PULSA', 'LAUNDRY', 'PANGKAS RAMBUT', 'TOKO KELONTONG', 'TERNAK LELE', 'KERAJINAN'];
/** Kota Bekasi kecamatan codes (32.75.xx) with a few kelurahan each. */
const KECAMATAN: [string, string, string[]][] = [
  ['01', 'BEKASI TIMUR', ['ARENJAYA', 'BEKASI JAYA', 'DUREN JAYA', 'AREN JAYA']],
  ['02', 'BEKASI BARAT', ['BINTARA', 'KRANJI', 'KOTA BARU', 'JAKASAMPURNA']],
  ['03', 'BEKASI UTARA', ['HARAPAN JAYA', 'KALIABANG TENGAH', 'PERWIRA', 'TELUK PUCUNG']],
  ['04', 'BEKASI SELATAN', ['KAYURINGIN JAYA', 'PEKAYON JAYA', 'MARGAJAYA', 'JAKASETIA']],
  ['05', 'RAWALUMBU', ['BOJONG RAWALUMBU', 'BOJONG MENTENG', 'PENGASINAN', 'SEPANJANG JAYA']],
  ['08', 'PONDOKGEDE', ['JATIWARINGIN', 'JATIBENING', 'JATICEMPAKA', 'JATIMAKMUR']],
  ['10', 'JATIASIH', ['JATIASIH', 'JATIRASA', 'JATIKRAMAT', 'JATILUHUR']],
];

export interface SynthRow {
  /** The row's cells in SYNTH_HEADER order. */
  readonly cells: string[];
  /** Same entity = same person. */
  readonly entity: number;
}

export interface SynthBatch {
  readonly header: readonly string[];
  readonly rows: SynthRow[];
  /** Pairs of row indexes (0-based) that are different people built to look alike. */
  readonly hardNegatives: [number, number][];
}

export interface GenerateOptions {
  readonly rows: number;
  readonly seed: number;
  /** Share of rows that repeat a person already proposed (exact copy or under a damaged NIK). */
  readonly duplicateRate?: number;
  /**
   * Regencies the rows spread over: a kota proposes about 100,000 rows, so a national-size batch
   * covers many (default: one per 100,000 rows). The first is Kota Bekasi (32.75).
   */
  readonly regencies?: number;
  /** Index of the first regency, so separately generated slices do not share regions. */
  readonly regencyOffset?: number;
}

const PROVINCES = ['32', '31', '33', '34', '35', '36', '11', '12', '13', '14', '15', '16', '17', '18', '19', '21', '51', '52', '53', '61', '62', '63', '64', '65', '71', '72', '73', '74', '75', '76', '81', '82', '91', '92', '93', '94', '95', '96'];

/** The 4-digit code of regency k: 3275 first, then made-up codes in every province. */
export function regencyCode(k: number): string {
  if (k === 0) return '3275';
  return `${PROVINCES[Math.floor(k / 90) % PROVINCES.length]}${pad(1 + (k % 90), 2)}`;
}

interface Person {
  entity: number;
  regency: string;
  nik: string;
  kk: string;
  first: string;
  second: string;
  female: boolean;
  day: number;
  month: number;
  year: number;
  address: string;
  kelurahan: string;
  kecamatan: string;
  usaha: string;
  phone: string;
}


export function generateBatch(options: GenerateOptions): SynthBatch {
  const rnd = createRandom(options.seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const dupRate = options.duplicateRate ?? 0.08;
  const serials = new Set<string>();
  let nextEntity = 0;
  const people: Person[] = [];
  const rows: SynthRow[] = [];
  const hardNegatives: [number, number][] = [];
  const rowOf = new Map<number, number>();

  const regencies = Math.max(1, options.regencies ?? Math.ceil(options.rows / 100_000));
  const offset = options.regencyOffset ?? 0;
  const newNik = (regency: string, kecCode: string, female: boolean, day: number, month: number, year: number) => {
    for (;;) {
      const nik = `${regency}${kecCode}${pad(day + (female ? 40 : 0), 2)}${pad(month, 2)}${pad(year % 100, 2)}${pad(int(1, 9999), 4)}`;
      if (!serials.has(nik)) {
        serials.add(nik);
        return nik;
      }
    }
  };
  const newPerson = (base?: Person, namesake?: Person): Person => {
    const [kecCode, kecamatan, kelurahans] = base ? KECAMATAN.find((k) => k[1] === base.kecamatan)! : pick(KECAMATAN);
    const regency = base ? base.regency : namesake ? namesake.regency : regencyCode(offset + Math.floor(rnd() * regencies));
    const female = namesake ? namesake.female : rnd() < 0.5;
    const day = int(1, 28);
    const month = int(1, 12);
    const year = int(1955, 2000);
    return {
      entity: nextEntity++,
      regency,
      nik: newNik(regency, kecCode, female, day, month, year),
      kk: base ? base.kk : `${regency}${kecCode}${pad(int(1, 28), 2)}${pad(int(1, 12), 2)}${pad(int(5, 20), 2)}${pad(int(1, 9999), 4)}`,
      first: namesake ? namesake.first : pick(female ? FEMALE : MALE),
      second: namesake ? namesake.second : rnd() < 0.3 ? pick(SECOND) : pick(COMPOSED),
      female,
      day,
      month,
      year,
      address: base ? base.address : `JL. ${pick(STREETS)} NO. ${int(1, 200)} RT ${pad(int(1, 15), 3)}/RW ${pad(int(1, 12), 3)}`,
      kelurahan: base ? base.kelurahan : namesake ? namesake.kelurahan : pick(kelurahans),
      kecamatan: base ? base.kecamatan : namesake ? namesake.kecamatan : kecamatan,
      usaha: pick(USAHA),
      phone: base ? base.phone : `08${pick(['12', '13', '21', '52', '57', '77', '95'])}${pad(int(0, 99999999), 8)}`,
    };
  };
  const emit = (p: Person, over: Partial<Record<'nik' | 'nama' | 'alamat' | 'no_hp' | 'tanggal', string>> = {}) => {
    const index = rows.length;
    const cells = [
      String(index + 1),
      over.nik ?? p.nik,
      p.kk,
      over.nama ?? `${p.first} ${p.second}`,
      p.female ? 'P' : 'L',
      over.tanggal ?? `${pad(p.day, 2)}/${pad(p.month, 2)}/${p.year}`,
      over.alamat ?? p.address,
      p.kelurahan,
      p.kecamatan,
      p.usaha,
      over.no_hp ?? p.phone,
    ];
    rows.push({ cells, entity: p.entity });
    if (!rowOf.has(p.entity)) rowOf.set(p.entity, index);
    return index;
  };
  const typoNik = (nik: string): string => {
    const kind = rnd();
    const d = nik.split('');
    // Keep the region code: the kecamatan typed it, the mistakes are in the birth and serial digits.
    const pos = int(6, 15);
    if (kind < 0.45) d[pos] = String((Number(d[pos]) + int(1, 9)) % 10);
    else if (kind < 0.85) {
      const p = Math.min(pos, 14);
      if (d[p] === d[p + 1]) d[p] = String((Number(d[p]) + 1) % 10);
      else [d[p], d[p + 1]] = [d[p + 1] as string, d[p] as string];
    } else {
      d[pos] = String((Number(d[pos]) + int(1, 9)) % 10);
      const q = pos === 15 ? 14 : pos + 1;
      d[q] = String((Number(d[q]) + int(1, 9)) % 10);
    }
    return d.join('');
  };
  const nameVariant = (p: Person): string => {
    const r = rnd();
    if (r < 0.25) return `${p.female ? 'HJ.' : 'H.'} ${p.first} ${p.second}`;
    if (r < 0.45) return `${p.first} ${p.second}, S.PD`;
    if (r < 0.6) return p.second;
    if (r < 0.8) {
      const s = p.second;
      const i = int(1, s.length - 2);
      return `${p.first} ${s.slice(0, i)}${s.slice(i + 1)}`;
    }
    return `${p.first.charAt(0)}. ${p.second}`;
  };

  while (rows.length < options.rows) {
    const r = rnd();
    if (people.length > 20 && r < dupRate) {
      // The same person proposed again: an exact copy, or under a damaged NIK, or with the KK as NIK.
      const p = pick(people);
      const k = rnd();
      if (k < 0.35) emit(p, { nama: rnd() < 0.5 ? nameVariant(p) : undefined });
      else if (k < 0.85) {
        const evidence = rnd();
        emit(p, {
          nik: typoNik(p.nik),
          nama: rnd() < 0.5 ? nameVariant(p) : undefined,
          no_hp: evidence < 0.33 ? p.phone : `08${int(11, 99)}${pad(int(0, 99999999), 8)}`,
          alamat: evidence < 0.66 ? p.address : `JL. ${pick(STREETS)} ${int(1, 200)}`,
        });
      } else emit(p, { nik: p.kk, nama: rnd() < 0.5 ? nameVariant(p) : undefined });
    } else if (people.length > 20 && r < dupRate + 0.06) {
      // A household member: same KK, phone and address, another person.
      const base = pick(people);
      const member = newPerson(base);
      people.push(member);
      const a = emit(member);
      const b = rowOf.get(base.entity);
      if (b !== undefined) hardNegatives.push([b, a]);
    } else if (people.length > 20 && r < dupRate + 0.09) {
      // A namesake in the same kelurahan: same name, another NIK, birth date, phone and address.
      const other = pick(people);
      const namesake = newPerson(undefined, other);
      people.push(namesake);
      const a = emit(namesake);
      const b = rowOf.get(other.entity);
      if (b !== undefined) hardNegatives.push([b, a]);
    } else {
      const p = newPerson();
      people.push(p);
      emit(p);
    }
  }
  return { header: SYNTH_HEADER, rows, hardNegatives };
}

/** Rows as the pipeline would see them, for the matcher benchmark: same normalisation as a run. */
export function toMatchRecords(batch: SynthBatch, asOf = '2021-05-20'): {
  records: MatchRecord[];
  entity: number[];
  hardNegatives: [number, number][];
} {
  const { columns } = mapHeader(batch.header, buildAliasIndex());
  const records = batch.rows.map((r, i) => toMatchRecord(prepareRow(r.cells, columns, asOf), { file: 0, line: i + 2 }));
  return {
    records,
    entity: batch.rows.map((r) => r.entity),
    hardNegatives: batch.hardNegatives.map(([a, b]) => [a + 2, b + 2]),
  };
}

/** One CSV line per row, for writing benchmark inputs. */
export function synthCsvLine(cells: readonly string[]): string {
  return cells.map((c) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',');
}
