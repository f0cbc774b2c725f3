/**
 * Synthetic review pages: made-up people of Kota Bekasi's kecamatan with made-up NIKs (3275 +
 * kecamatan + birth date + serial), held in pairs the way the matcher holds them (a NIK one digit
 * off, two digits swapped, a No. KK typed as the NIK) and in NIK_CONFLICT groups. Seeded, so a
 * test sees the same page every time.
 */
import { explainMatch } from '../../src/i18n/evidence.js';
import type { Lang } from '../../src/i18n/messages.js';
import type { Evidence } from '../../src/match/compare.js';
import type { ReviewItem, ReviewPageModel, ReviewRowView } from '../../src/report/review-page.js';
import { createRandom } from '../../src/engine/random.js';

export const REVIEW_FIELDS = ['NIK', 'NAMA', 'ALAMAT', 'NO_HP', 'TANGGAL_LAHIR', 'KELURAHAN', 'KECAMATAN', 'BIDANG_USAHA'];

const KECAMATAN: [string, string, string[]][] = [
  ['01', 'Bekasi Timur', ['Aren Jaya', 'Bekasi Jaya', 'Duren Jaya']],
  ['02', 'Bekasi Barat', ['Bintara', 'Kranji', 'Kota Baru']],
  ['03', 'Bekasi Utara', ['Harapan Jaya', 'Kaliabang Tengah', 'Teluk Pucung']],
  ['04', 'Bekasi Selatan', ['Jakasetia', 'Kayuringin Jaya', 'Pekayon Jaya']],
  ['05', 'Rawalumbu', ['Bojong Rawalumbu', 'Pengasinan', 'Sepanjang Jaya']],
  ['06', 'Pondokgede', ['Jatibening', 'Jatikramat', 'Jatiwaringin']],
  ['07', 'Jatiasih', ['Jatiasih', 'Jatikramat', 'Jatimekar']],
];
const FIRST = ['SITI', 'AHMAD', 'DEWI', 'BUDI', 'NUR', 'RINA', 'AGUS', 'YULI', 'DEDI', 'SRI', 'EKO', 'WATI', 'HENDRA', 'LINDA', 'RUDI', 'FITRI'];
const LAST = ['AMINAH', 'SANTOSO', 'LESTARI', 'HIDAYAT', 'HALIMAH', 'SETIAWAN', 'KURNIASIH', 'SAPUTRA', 'RAHAYU', 'FAUZI', 'MULYANI', 'PRATAMA'];
const STREETS = ['JL. MAWAR', 'JL. MELATI', 'GG. H. NAIM', 'KP. RAWA BEBEK', 'PERUM TAMAN HARAPAN', 'JL. CEMPAKA RAYA'];
const BUSINESS = ['WARUNG KELONTONG', 'KATERING', 'JAHIT PAKAIAN', 'BENGKEL MOTOR', 'KUE BASAH', 'LAUNDRY', 'PULSA DAN TOKEN'];

interface Person {
  nik: string;
  values: Record<string, string>;
  kec: string;
}

function makePerson(rand: () => number, serial: number): Person {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)] as T;
  const [code, kec, kels] = pick(KECAMATAN);
  const day = 1 + Math.floor(rand() * 28);
  const month = 1 + Math.floor(rand() * 12);
  const year = 1960 + Math.floor(rand() * 40);
  const woman = rand() < 0.5;
  const dd = String(woman ? day + 40 : day).padStart(2, '0');
  const mm = String(month).padStart(2, '0');
  const nik = `3275${code}${dd}${mm}${String(year % 100).padStart(2, '0')}${String(serial % 10000 || 1).padStart(4, '0')}`;
  const phone = `08${pick(['12', '13', '21', '52', '57', '77', '96'])}${String(Math.floor(rand() * 1e8)).padStart(8, '0')}`;
  return {
    nik,
    kec,
    values: {
      NIK: nik,
      NAMA: `${pick(FIRST)} ${pick(LAST)}`,
      ALAMAT: `${pick(STREETS)} NO. ${1 + Math.floor(rand() * 90)} RT 00${1 + Math.floor(rand() * 9)}/RW 0${10 + Math.floor(rand() * 15)}`,
      NO_HP: phone,
      TANGGAL_LAHIR: `${String(day).padStart(2, '0')}-${mm}-${year}`,
      KELURAHAN: pick(kels),
      KECAMATAN: kec,
      BIDANG_USAHA: pick(BUSINESS),
    },
  };
}

const FILES = ['kec-bekasi-timur.csv', 'kec-pondokgede.csv', 'kec-jatiasih.csv', 'kec-rawalumbu.csv'];

export interface SyntheticOptions {
  readonly pairs: number;
  readonly conflicts?: number;
  readonly seed?: number;
  readonly lang?: Lang;
  /** Extra values put into the first pair's held row (hostile text for the page's escaping). */
  readonly hostile?: Readonly<Record<string, string>>;
}

/** A page model of `pairs` POSSIBLE_DUPLICATE pairs followed by `conflicts` NIK_CONFLICT groups. */
export function syntheticReviewModel(opts: SyntheticOptions): ReviewPageModel {
  const rand = createRandom(opts.seed ?? 20210520);
  const lang = opts.lang ?? 'id';
  const items: ReviewItem[] = [];
  const lines = new Map<string, number>();
  const ref = (file: string) => {
    const line = (lines.get(file) ?? 4) + 1 + Math.floor(rand() * 3);
    lines.set(file, line);
    return `${file}:${line}`;
  };
  const flip = (d: string) => String((Number(d) + 1 + Math.floor(rand() * 8)) % 10);
  for (let k = 0; k < opts.pairs; k++) {
    const earlier = makePerson(rand, 1 + k * 3);
    const later = { ...earlier, values: { ...earlier.values } };
    const variant = k % 3;
    let evidence: Evidence[];
    if (variant === 0) {
      const p = 13 + Math.floor(rand() * 4);
      later.nik = earlier.nik.slice(0, p - 1) + flip(earlier.nik[p - 1] as string) + earlier.nik.slice(p);
      later.values.NAMA = `HJ. ${earlier.values.NAMA}`;
      evidence = [{ kind: 'idOneDigit', position: p }, { kind: 'nameSame' }, { kind: 'phoneSame' }, { kind: 'areaSame' }];
    } else if (variant === 1) {
      const n = earlier.nik;
      later.nik = n.slice(0, 14) + n[15] + n[14];
      if (later.nik === n) later.nik = `${n.slice(0, 14)}${flip(n[14] as string)}${n[15]}`;
      later.values.NAMA = earlier.values.NAMA?.replace(/I(?=[^I]*$)/, 'Y') ?? '';
      later.values.NO_HP = `${earlier.values.NO_HP?.slice(0, 9)}${String(Math.floor(rand() * 1000)).padStart(3, '0')}`;
      later.values.ALAMAT = earlier.values.ALAMAT?.replace('NO. ', 'NO ') ?? '';
      evidence =
        later.nik.slice(14) === n.slice(15) + n[14]
          ? [{ kind: 'idSwap', position: 15 }, { kind: 'nameSimilar', similarity: 0.96 }, { kind: 'birthSame' }, { kind: 'addressSimilar' }]
          : [{ kind: 'idOneDigit', position: 15 }, { kind: 'nameSimilar', similarity: 0.96 }, { kind: 'birthSame' }, { kind: 'addressSimilar' }];
    } else {
      later.nik = `3275${earlier.nik.slice(4, 6)}${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}0${1 + Math.floor(rand() * 9)}${String(10 + Math.floor(rand() * 10))}${String(1 + Math.floor(rand() * 999)).padStart(4, '0')}`;
      later.values.TANGGAL_LAHIR = '';
      evidence = [{ kind: 'idIsKk' }, { kind: 'nameSame' }, { kind: 'phoneSame' }, { kind: 'addressSame' }];
    }
    later.values.NIK = later.nik;
    if (k === 0 && opts.hostile) Object.assign(later.values, opts.hostile);
    const held: ReviewRowView = { ref: ref(FILES[1 + (k % 3)] as string), values: later.values };
    const other: ReviewRowView = { ref: ref(FILES[0] as string), values: earlier.values };
    items.push({
      id: held.ref,
      code: 'POSSIBLE_DUPLICATE',
      kecamatan: later.kec,
      score: (0.9 + rand() * 0.099).toFixed(2),
      evidence: explainMatch(lang, evidence),
      evidenceKinds: evidence.map((e) => e.kind),
      held,
      others: [other],
      nik: later.nik,
      matchNik: earlier.nik,
    });
  }
  for (let k = 0; k < (opts.conflicts ?? 0); k++) {
    const first = makePerson(rand, 5001 + k * 7);
    const group = [first, makePerson(rand, 1), ...(k % 2 === 0 ? [makePerson(rand, 2)] : [])].map((p) => ({
      ...p,
      nik: first.nik,
      values: { ...p.values, NIK: first.nik, KECAMATAN: first.kec, KELURAHAN: first.values.KELURAHAN as string },
    }));
    const [held, ...others] = group.map((p, i) => ({ ref: ref(FILES[i % FILES.length] as string), values: p.values }));
    items.push({
      id: (held as ReviewRowView).ref,
      code: 'NIK_CONFLICT',
      kecamatan: first.kec,
      score: (0.1 + rand() * 0.3).toFixed(2),
      evidence: '',
      held: held as ReviewRowView,
      others,
      nik: first.nik,
      matchNik: first.nik,
    });
  }
  return {
    manifestId: `sha256-${Math.floor(rand() * 2 ** 48).toString(16)}${Math.floor(rand() * 2 ** 48).toString(16)}`,
    generatedAt: '2021-05-20 09:15',
    inputs: FILES,
    fields: REVIEW_FIELDS,
    items,
  };
}
