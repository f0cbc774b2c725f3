/**
 * A second generator of synthetic kecamatan exports with ground truth (issue #15), written without
 * reading the first generator or the matcher, so that neither can be tuned to the other's habits.
 * Its view of how the lists go wrong: exports without a No. KK column, the family card typed where
 * the NIK belongs, two typing errors in one NIK, a person proposed again under a NIK that is not
 * theirs, Indonesian spelling and title noise over name pools from several peoples, and hard
 * negatives (households, spouses, twins, siblings, namesakes) labelled by kind.
 *
 * Every NIK and KK here is made up from a seeded PRNG: no real person's number.
 */

import { createRandom } from '../engine/random.js';

export interface SecondBatchOptions {
  readonly rows: number;
  readonly seed: number;
  /** Add a NO. KK column (most kecamatan exports have none). */
  readonly withKkColumn?: boolean;
}

export interface SecondBatch {
  header: readonly string[];
  rows: { cells: string[]; entity: number }[];
  /** Pairs of rows (0-based) of different people built to look alike. */
  hardNegatives: [number, number][];
  /** The kind of each hard negative, same order: household, spouse, twins, siblings, namesake. */
  hardNegativeKinds: string[];
  /** `${i}|${j}` (i < j) of rows of one person under different NIKs -> how the NIK went wrong. */
  duplicateKinds: Map<string, string>;
}

export const HARD_NEGATIVE_KINDS = ['household', 'spouse', 'twins', 'siblings', 'namesake'] as const;
export const DUPLICATE_KINDS = ['one-digit', 'swap', 'two-typos', 'kk-as-nik', 'foreign-nik', 'malformed-nik'] as const;
type HardNegativeKind = (typeof HARD_NEGATIVE_KINDS)[number];
type DuplicateKind = (typeof DUPLICATE_KINDS)[number];

// ---------------------------------------------------------------------------------------------
// Randomness: the project's seeded mulberry32 (engine/random.ts), so a seed gives the same batch everywhere.
// ---------------------------------------------------------------------------------------------

class Dice {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = createRandom(seed);
  }
  /** lo..hi inclusive. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }
  /** One of the keys, with the chances given as weights. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
    const entries = Object.entries(weights) as [K, number][];
    let r = this.next() * entries.reduce((s, [, w]) => s + w, 0);
    for (const [k, w] of entries) {
      r -= w;
      if (r < 0) return k;
    }
    return (entries[entries.length - 1] as [K, number])[0];
  }
}

// ---------------------------------------------------------------------------------------------
// Places: Kota Bekasi (32.75) kecamatan and kelurahan as Kemendagri lists them (idn-area-data),
// and regencies that migrants' NIKs come from.
// ---------------------------------------------------------------------------------------------

const BEKASI: readonly { code: string; name: string; kelurahan: readonly string[] }[] = [
  { code: '01', name: 'Bekasi Timur', kelurahan: ['Bekasijaya', 'Margahayu', 'Durenjaya', 'Arenjaya'] },
  { code: '02', name: 'Bekasi Barat', kelurahan: ['Bintara', 'Kranji', 'Kotabaru', 'Bintarajaya', 'Jakasampurna'] },
  { code: '03', name: 'Bekasi Utara', kelurahan: ['Kaliabang Tengah', 'Perwira', 'Harapanbaru', 'Teluk Pucung', 'Margamulya', 'Harapanjaya'] },
  { code: '04', name: 'Bekasi Selatan', kelurahan: ['Pekayonjaya', 'Margajaya', 'Jakamulya', 'Jakasetia', 'Kayuringinjaya'] },
  { code: '05', name: 'Rawalumbu', kelurahan: ['Bojong Rawalumbu', 'Pengasinan', 'Sepanjangjaya', 'Bojongmenteng'] },
  { code: '06', name: 'Medansatria', kelurahan: ['Medansatria', 'Harapanmulya', 'Pejuang', 'Kalibaru'] },
  { code: '07', name: 'Bantargebang', kelurahan: ['Bantargebang', 'Cikiwul', 'Ciketingudik', 'Sumurbatu'] },
  { code: '08', name: 'Pondokgede', kelurahan: ['Jatiwaringin', 'Jatibening', 'Jatimakmur', 'Jatibening Baru', 'Jaticempaka'] },
  { code: '09', name: 'Jatiasih', kelurahan: ['Jatimekar', 'Jatiasih', 'Jatikramat', 'Jatirasa', 'Jatiluhur', 'Jatisari'] },
  { code: '10', name: 'Jatisampurna', kelurahan: ['Jatisampurna', 'Jatikarya', 'Jatiranggon', 'Jatirangga', 'Jatiraden'] },
  { code: '11', name: 'Mustikajaya', kelurahan: ['Padurenan', 'Cimuning', 'Mustikajaya', 'Mustikasari'] },
  { code: '12', name: 'Pondokmelati', kelurahan: ['Jatirahayu', 'Jatiwarna', 'Jatimelati', 'Jatimurni'] },
];

/** The Kemendagri code (6 digits) of a Kota Bekasi kecamatan, by its index in BEKASI. */
function bekasiRegion(kec: number): string {
  return '3275' + (BEKASI[kec] as (typeof BEKASI)[number]).code;
}

/** Where the first word of a run-together place name ends: "Bekasijaya" is also typed "BEKASI JAYA". */
const PLACE_PREFIXES = ['Jati', 'Bekasi', 'Harapan', 'Marga', 'Jaka', 'Mustika', 'Bintara', 'Kayuringin', 'Sepanjang', 'Medan', 'Pekayon', 'Duren', 'Aren', 'Bojong', 'Kota', 'Bantar', 'Pondok', 'Rawa', 'Sumur'];

const STREETS = ['Raya Narogong', 'Cut Meutia', 'Kemakmuran', 'Pramuka', 'Ir. H. Juanda', 'Raya Jatiwaringin', 'Kalimalang', 'Siliwangi', 'Raya Hankam', 'Mawar', 'Melati', 'Kenanga', 'Nusantara', 'Swadaya', 'Bambu Kuning', 'Caman Raya', 'Raya Pekayon', 'Pangkalan Dua', 'Sersan Aswan', 'KH. Noer Ali', 'Dewi Sartika', 'Rawa Tembaga', 'Pulo Ribung', 'Cikunir Raya'];
const GANGS = ['H. Naman', 'Masjid', 'Haji Dul', 'Sawo', 'Melon', 'Langgar', 'Swadaya', 'Kavling', 'Mushola', 'Delima'];
const KAMPUNGS = ['Dua Ratu', 'Pedurenan', 'Rawa Bugel', 'Ciketing', 'Pulo', 'Cakung', 'Rawa Aren', 'Kebon Kelapa'];
const PERUMS = ['Pondok Hijau Permai', 'Taman Galaxy', 'Harapan Indah', 'Villa Mutiara Gading', 'Bumi Bekasi Baru', 'Taman Wisma Asri', 'Griya Jatisari', 'Pondok Timur Indah', 'Duta Harapan', 'Vila Nusa Indah'];

const USAHA = ['Warung Sembako', 'Kuliner', 'Jualan Gorengan', 'Toko Kelontong', 'Konveksi', 'Laundry Kiloan', 'Bengkel Motor', 'Pangkas Rambut', 'Jasa Jahit', 'Catering', 'Kue Basah', 'Pulsa dan Token Listrik', 'Warung Kopi', 'Dagang Sayur', 'Es Teh', 'Online Shop', 'Ternak Lele', 'Kerajinan Tangan', 'Warung Nasi', 'Fotokopi'];
const USAHA_REWORDED: Readonly<Record<string, string>> = {
  'Warung Sembako': 'TOKO SEMBAKO',
  Kuliner: 'MAKANAN / KULINER',
  'Toko Kelontong': 'WARUNG KELONTONG',
  'Warung Kopi': 'WARKOP',
  'Dagang Sayur': 'PEDAGANG SAYUR',
};

const MOBILE_PREFIXES = ['0811', '0812', '0813', '0821', '0822', '0823', '0852', '0853', '0814', '0815', '0816', '0855', '0856', '0857', '0858', '0817', '0818', '0819', '0859', '0877', '0878', '0831', '0838', '0895', '0896', '0897', '0898', '0899', '0881', '0882', '0887', '0888'];

// ---------------------------------------------------------------------------------------------
// Names, by people. Second names double as family names where a people has none of its own.
// ---------------------------------------------------------------------------------------------

interface People {
  readonly male: readonly string[];
  readonly female: readonly string[];
  /** Marga, clan, family or father's names a family carries. */
  readonly surnames: readonly string[];
  /** How often a family carries one. */
  readonly surnameShare: number;
  /** Regencies (4 digits) a migrant's NIK of this people comes from. */
  readonly origins: readonly string[];
}

const PEOPLES: Readonly<Record<string, People>> = {
  sunda: {
    male: ['ASEP', 'UJANG', 'DEDE', 'CECEP', 'DADANG', 'ENTIS', 'UDIN', 'YAYAN', 'JAJANG', 'ENDANG', 'DEDI', 'WAWAN', 'OMAN', 'ADE', 'ACENG', 'UJANG SOPYAN'],
    female: ['EUIS', 'NENENG', 'IIS', 'YAYAH', 'ENENG', 'CUCU', 'TITIN', 'NUNUNG', 'ELIS', 'POPON', 'IMAS', 'ENTIN', 'EUIS KOMALASARI', 'NENG'],
    surnames: ['SUTISNA', 'SUPRIATNA', 'SURYANA', 'SUKMANA', 'PERMANA', 'HIDAYAT', 'KURNIAWAN', 'RUSTANDI', 'SOBARI', 'MULYANA', 'SAEPULOH', 'NURJAMAN'],
    surnameShare: 0.7,
    origins: ['3273', '3204', '3205', '3216', '3201'],
  },
  jawa: {
    male: ['JOKO', 'SLAMET', 'SUTRISNO', 'SUHARTO', 'WAHYUDI', 'PURWANTO', 'SUGIYANTO', 'BAMBANG', 'EKO', 'BUDI', 'HERU', 'AGUS', 'SUYANTO', 'SUPRAPTO', 'CAHYO', 'YUDI', 'TRI WAHYUDI', 'DWI CAHYONO'],
    female: ['SRI', 'ENDANG', 'SUMARNI', 'TUTIK', 'YULIANI', 'RATNA', 'SUPARMI', 'SUMIYATI', 'NINING', 'YUNI', 'SRI WAHYUNI', 'SITI KHOTIJAH', 'DWI LESTARI'],
    surnames: ['SANTOSO', 'PRASETYO', 'WIBOWO', 'NUGROHO', 'SAPUTRO', 'HARYANTO', 'SETIAWAN', 'HADI', 'PURNOMO', 'SUSILO', 'CAHYONO', 'RAHAYU', 'LESTARI', 'HANDAYANI'],
    surnameShare: 0.6,
    origins: ['3374', '3372', '3471', '3578', '3310'],
  },
  betawi: {
    male: ['JAENUDIN', 'ROJALI', 'MAMAT', 'SAPRI', 'MURSIDI', 'SANUSI', 'SAMSUDIN', 'JAELANI', 'ROHIM', 'MADROJI', 'ZAENAL', 'SARMILI', 'NAIMAN', 'BASRI', 'SAMAN', 'MUHAMMAD YUSUF'],
    female: ['SAODAH', 'MUNAWAROH', 'ROMLAH', 'NAPISAH', 'MAIMUNAH', 'JULAEHA', 'SARIPAH', 'MURNI', 'ROHAYA', 'ZAENAB', 'KHODIJAH', 'NURLELA', 'SITI MAEMUNAH'],
    surnames: ['SAPUTRA', 'HAMDANI', 'MUHIDIN', 'SALEH', 'NAWAWI', 'SYARIFUDIN'],
    surnameShare: 0.3,
    origins: ['3175', '3174', '3172', '3171', '3216'],
  },
  batak: {
    male: ['TOGAR', 'SAHAT', 'MARULI', 'HOTMAN', 'LAMHOT', 'BONAR', 'PARLINDUNGAN', 'BINSAR', 'HORAS', 'MANGASI', 'TUMPAL', 'DANIEL', 'JOHANNES', 'ROBERT'],
    female: ['ROSMAWATI', 'TIURMA', 'DAMERIA', 'RUGUN', 'HOTNIDA', 'LASMARIA', 'ROSLINA', 'MARTHA', 'NURHAYATI', 'SARMA', 'LESTARI'],
    surnames: ['SIMANJUNTAK', 'SIREGAR', 'NASUTION', 'SITOMPUL', 'HUTAPEA', 'PANJAITAN', 'SINAGA', 'SITUMORANG', 'MANURUNG', 'HARAHAP', 'LUBIS', 'PARDEDE', 'SIHOMBING', 'TAMBUNAN', 'SIMATUPANG', 'HUTAGALUNG'],
    surnameShare: 1,
    origins: ['1271', '1212', '1207', '1202', '1275'],
  },
  minang: {
    male: ['ZULKIFLI', 'YUSRIZAL', 'AFRIZAL', 'NOFRIADI', 'RAHMAT', 'SYAFRIL', 'DASRIL', 'ERIZAL', 'YULIZAR', 'MASRUL', 'HENDRI', 'JASMAN'],
    female: ['DESWITA', 'YUSNIMAR', 'ELVI', 'YENNI', 'ROSMANIAR', 'ASNIDAR', 'WITRI', 'ERNAWATI', 'FITRIANI', 'NURHAYATI', 'YUSNIDAR'],
    surnames: ['CHANIAGO', 'PILIANG', 'KOTO', 'TANJUNG', 'SIKUMBANG', 'JAMBAK', 'MALAYU', 'EFFENDI'],
    surnameShare: 0.4,
    origins: ['1371', '1375', '1306', '1377'],
  },
  tionghoa: {
    male: ['HENDRA', 'WILLIAM', 'SUSANTO', 'BUDIMAN', 'HARTONO', 'YOHANES', 'KEVIN', 'STEVEN', 'ANTON', 'LIEM SIOE LIONG', 'TAN HOK SENG', 'OEY KIM HOA'],
    female: ['LILY', 'MELIANA', 'SUSAN', 'YULIANA', 'LINDA', 'VERONICA', 'MEI LING', 'SIU LAN', 'FENNY', 'LANNY', 'MELLY', 'THE GIOK LIE'],
    surnames: ['GUNAWAN', 'SANTOSO', 'WIJAYA', 'HALIM', 'SALIM', 'TANOTO', 'KUSUMA', 'TJANDRA', 'SETIADI', 'LIMANTO', 'HARTANTO', 'TANUWIJAYA', 'GOZALI', 'SOETANTO'],
    surnameShare: 0.85,
    origins: ['3171', '3173', '1271', '6171', '3578'],
  },
  arab: {
    male: ['ABDUL AZIZ', 'FAISAL', 'HUSEIN', 'UMAR', 'AHMAD', 'MUHAMMAD RIZKI', 'MUHAMMAD IQBAL', 'MUHAMMAD FAUZI', 'ABDULLAH', 'HASAN', 'THOLIB', 'ZAKI', 'KHAIRUL ANWAR', 'SYARIF', 'ALI', 'ACHMAD CHOLIL'],
    female: ['FATIMAH', 'SYARIFAH', 'KHADIJAH', 'AISYAH', 'ZAINAB', 'NUR HASANAH', 'SITI AISYAH', 'SITI AMINAH', 'HALIMAH', 'RUKAYAH', 'SALMA', 'NUR AINI'],
    surnames: ['ALATAS', 'ASSEGAF', 'BARAJA', 'ALHABSYI', 'BASALAMAH', 'ALAYDRUS', 'BAFADAL', 'SHAHAB', 'ALKAFF', 'BAHASWAN'],
    surnameShare: 0.5,
    origins: ['3175', '3578', '3171', '1271'],
  },
};
const PEOPLE_SHARES: Readonly<Record<keyof typeof PEOPLES & string, number>> = {
  sunda: 22, jawa: 22, betawi: 18, batak: 9, minang: 8, tionghoa: 8, arab: 13,
};

/** Names so common that two people in one kelurahan carry them. */
const COMMON_NAMES: readonly { name: string; sex: Sex }[] = [
  { name: 'SITI AMINAH', sex: 'P' }, { name: 'NUR HASANAH', sex: 'P' }, { name: 'SRI WAHYUNI', sex: 'P' },
  { name: 'SITI MAEMUNAH', sex: 'P' }, { name: 'SITI FATIMAH', sex: 'P' }, { name: 'DEWI LESTARI', sex: 'P' },
  { name: 'MUHAMMAD RIZKI', sex: 'L' }, { name: 'AHMAD FAUZI', sex: 'L' }, { name: 'AGUS SETIAWAN', sex: 'L' },
  { name: 'DEDE KURNIAWAN', sex: 'L' }, { name: 'ASEP SAEPULOH', sex: 'L' }, { name: 'EKO PRASETYO', sex: 'L' },
];

// ---------------------------------------------------------------------------------------------
// The world: households with a family card, members with NIKs; some members are proposed.
// ---------------------------------------------------------------------------------------------

type Sex = 'L' | 'P';

interface Ymd {
  readonly y: number;
  readonly m: number;
  readonly d: number;
}

interface Address {
  readonly kind: 'jalan' | 'gang' | 'kampung' | 'perum';
  readonly name: string;
  readonly no: number;
  readonly block: string;
  readonly rt: number;
  readonly rw: number;
}

interface Household {
  readonly people: People;
  readonly kec: number; // index into BEKASI
  readonly kelurahan: string;
  readonly address: Address;
  readonly kk: string;
  readonly phone: string;
  readonly familyName: string | null;
  /** Only one member's row may carry the KK as NIK, or two people would share a number. */
  kkTypedAsNik: boolean;
}

interface Person {
  readonly entity: number;
  readonly household: Household;
  readonly name: string;
  readonly sex: Sex;
  readonly birth: Ymd;
  readonly nik: string;
  readonly phone: string;
  readonly usaha: string;
  /** One of a hard-negative pair: its rows keep every word of the name, so the pair stays fair. */
  readonly lookalike?: boolean;
}

/** The benches' --as-of: a family card is never issued after it. */
const AS_OF = { y: 2021, m: 5, d: 20 };
const pad2 = (n: number) => String(n).padStart(2, '0');
const pad4 = (n: number) => String(n).padStart(4, '0');

function daysIn(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function randomDate(dice: Dice, fromYear: number, toYear: number): Ymd {
  const y = dice.int(fromYear, toYear);
  const m = dice.int(1, 12);
  return { y, m, d: dice.int(1, daysIn(y, m)) };
}

/** Numbers (NIKs, KKs, phones) handed out once: no two people share one by accident. */
class Registry {
  private readonly used = new Set<string>();
  private readonly nextSerial = new Map<string, number>();
  constructor(private readonly dice: Dice) {}
  take(n: string): boolean {
    if (this.used.has(n)) return false;
    this.used.add(n);
    return true;
  }
  /** prefix (12 digits) + the next free serial; serials from 0001, with gaps for people not proposed. */
  serial(prefix: string): string {
    let s = this.nextSerial.get(prefix) ?? this.dice.int(1, 30);
    for (;;) {
      const n = prefix + pad4(s);
      s += this.dice.int(1, 4);
      if (this.take(n)) {
        this.nextSerial.set(prefix, s);
        return n;
      }
    }
  }
  phone(): string {
    for (;;) {
      // 11 or 12 digits in all, as Indonesian mobile numbers run.
      const rest = this.dice.chance(0.5) ? this.dice.int(1_000_000, 9_999_999) : this.dice.int(10_000_000, 99_999_999);
      const p = this.dice.pick(MOBILE_PREFIXES) + String(rest);
      if (this.take(p)) return p;
    }
  }
}

function nikPrefix(region: string, birth: Ymd, sex: Sex): string {
  return region + pad2(birth.d + (sex === 'P' ? 40 : 0)) + pad2(birth.m) + pad2(birth.y % 100);
}

class World {
  private entities = 0;
  constructor(
    private readonly dice: Dice,
    readonly registry: Registry,
  ) {}

  household(kec = this.dice.int(0, BEKASI.length - 1), kelurahan?: string): Household {
    const { dice } = this;
    const people = PEOPLES[dice.weighted(PEOPLE_SHARES)] as People;
    const place = BEKASI[kec] as (typeof BEKASI)[number];
    // A family card is issued on a recent date (a move, a birth, a marriage): DDMMYY, no +40.
    let issued = randomDate(dice, 2010, 2021);
    while (issued.y === 2021 && issued.m >= AS_OF.m) issued = randomDate(dice, 2010, 2021);
    const region = bekasiRegion(kec);
    return {
      people,
      kec,
      kelurahan: kelurahan ?? dice.pick(place.kelurahan),
      address: this.address(),
      kk: this.registry.serial(region + pad2(issued.d) + pad2(issued.m) + pad2(issued.y % 100)),
      phone: this.registry.phone(),
      familyName: dice.chance(people.surnameShare) ? dice.pick(people.surnames) : null,
      kkTypedAsNik: false,
    };
  }

  private address(): Address {
    const { dice } = this;
    const kind = dice.weighted({ jalan: 45, gang: 20, kampung: 15, perum: 20 });
    const names = { jalan: STREETS, gang: GANGS, kampung: KAMPUNGS, perum: PERUMS }[kind];
    return {
      kind,
      name: dice.pick(names),
      no: dice.int(1, 120),
      block: dice.pick(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H']) + dice.int(1, 25),
      rt: dice.int(1, 15),
      rw: dice.int(1, 25),
    };
  }

  /** A given name of the household's people, with the family name where the family carries one. */
  name(h: Household, sex: Sex, carriesFamilyName: boolean): string {
    const given = this.dice.pick(sex === 'L' ? h.people.male : h.people.female);
    if (carriesFamilyName && h.familyName) return `${given} ${h.familyName}`;
    // A wife keeps her own marga or family name, or has none.
    if (!carriesFamilyName && this.dice.chance(h.people.surnameShare * 0.6)) return `${given} ${this.dice.pick(h.people.surnames)}`;
    return given;
  }

  /**
   * A member with a NIK. Most NIKs carry the family's region; some adults keep one from where
   * they came from. `atHome` forces the family's region (households share their KK region).
   */
  person(h: Household, p: { name: string; sex: Sex; birth: Ymd; atHome?: boolean; serialAfter?: string }): Person {
    const { dice } = this;
    const home = bekasiRegion(h.kec);
    const region = p.atHome || dice.chance(0.82) ? home : dice.pick(h.people.origins) + pad2(dice.int(1, 9));
    const prefix = nikPrefix(region, p.birth, p.sex);
    let nik: string;
    if (p.serialAfter) {
      // A twin: registered right after the other, so the serials are adjacent.
      let s = Number(p.serialAfter.slice(12)) + 1;
      while (!this.registry.take(prefix + pad4(s))) s++;
      nik = prefix + pad4(s);
    } else nik = this.registry.serial(prefix);
    return {
      entity: this.entities++,
      household: h,
      name: p.name,
      sex: p.sex,
      birth: p.birth,
      nik,
      phone: this.registry.phone(),
      usaha: dice.pick(USAHA),
    };
  }

  /** The same person with the household's phone instead of their own. */
  sharingPhone(p: Person): Person {
    return { ...p, phone: p.household.phone };
  }
}

// ---------------------------------------------------------------------------------------------
// How a cell is typed. 'light' noise changes only what folding undoes (case, titles, old spelling,
// formats); 'normal' noise adds typos, dropped words, missing cells and swapped day and month.
// ---------------------------------------------------------------------------------------------

type Noise = 'light' | 'normal';

const MUHAMMAD_SPELLINGS = ['MUHAMMAD', 'MUHAMAD', 'MOH.', 'M.', 'MUH.', 'MOCH.', 'MOHAMMAD'];
const TITLES_MALE = ['H.', 'IR.', 'DRS.', 'H.'];
const TITLES_FEMALE = ['HJ.', 'HJ.', 'DRA.', 'IR.'];
const DEGREES = [', S.PD', ', S.E.', ', S.H.', ', A.MD.KEP', ', S.KOM', ', S.PD.I'];
const MONTHS_ID = ['JANUARI', 'FEBRUARI', 'MARET', 'APRIL', 'MEI', 'JUNI', 'JULI', 'AGUSTUS', 'SEPTEMBER', 'OKTOBER', 'NOVEMBER', 'DESEMBER'];

/** Today's spelling written the pre-1972 way: U as OE, J as DJ, C as TJ, KH as CH, Y as J. */
function oldSpelling(dice: Dice, token: string): string {
  const options: [RegExp, string][] = [
    [/U/, 'OE'],
    [/J/, 'DJ'],
    [/C/, 'TJ'],
    [/KH/, 'CH'],
    [/Y/, 'J'],
  ];
  const fitting = options.filter(([re]) => re.test(token));
  if (fitting.length === 0) return token;
  const [re, by] = dice.pick(fitting);
  return token.replace(re, by);
}

/** One slip of the fingers in a word of four letters or more. */
function typo(dice: Dice, word: string): string {
  if (word.length < 4) return word;
  const i = dice.int(1, word.length - 2);
  const kind = dice.int(0, 3);
  if (kind === 0) return word.slice(0, i) + (word[i + 1] ?? '') + (word[i] ?? '') + word.slice(i + 2);
  if (kind === 1) return word.slice(0, i) + word.slice(i + 1);
  if (kind === 2) return word.slice(0, i) + (word[i] ?? '') + word.slice(i);
  const vowels = 'AIUEO';
  return word.slice(0, i) + dice.pick([...vowels].filter((v) => v !== word[i])) + word.slice(i + 1);
}

function titleCase(s: string): string {
  return s.toLowerCase().replace(/(^|[\s.(/-])([a-z])/g, (_, a: string, b: string) => a + b.toUpperCase());
}

function caseOf(dice: Dice, s: string): string {
  const c = dice.weighted({ upper: 70, title: 25, lower: 5 });
  return c === 'upper' ? s.toUpperCase() : c === 'title' ? titleCase(s) : s.toLowerCase();
}

function renderName(dice: Dice, p: Person, noise: Noise): string {
  let words = p.name.split(' ');
  words = words.map((w) => (w === 'MUHAMMAD' && dice.chance(0.5) ? dice.pick(MUHAMMAD_SPELLINGS) : w));
  if (dice.chance(0.08)) {
    const i = dice.int(0, words.length - 1);
    words[i] = oldSpelling(dice, words[i] as string);
  }
  if (noise === 'normal') {
    // "D. MULYANA" beside a twin DEDI MULYANA would be no fair test: a person could not tell either.
    const shortens = words.length >= 2 && !p.lookalike;
    if (shortens && dice.chance(0.05)) words.splice(1, 1);
    else if (shortens && dice.chance(0.04)) {
      const i = dice.int(0, words.length - 2);
      words[i] = `${(words[i] as string)[0]}.`;
    }
    if (dice.chance(0.06)) {
      const i = dice.int(0, words.length - 1);
      words[i] = typo(dice, words[i] as string);
    }
    if (words.length >= 2 && dice.chance(0.02)) words = [words.join('')];
  }
  let name = words.join(dice.chance(0.03) ? '  ' : ' ');
  if (dice.chance(0.05)) name = `${dice.pick(p.sex === 'L' ? TITLES_MALE : TITLES_FEMALE)} ${name}`;
  if (dice.chance(0.04)) name += dice.pick(DEGREES);
  return caseOf(dice, name);
}

function excelSerial(d: Ymd): number {
  return Math.round((Date.UTC(d.y, d.m - 1, d.d) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

function renderDate(dice: Dice, b: Ymd, noise: Noise): string {
  let d = b;
  if (noise === 'normal') {
    if (dice.chance(0.04)) return dice.pick(['', '-']);
    // A slip in the stated date: a neighbouring day.
    if (dice.chance(0.02)) d = { ...b, d: b.d === 1 ? 2 : b.d - 1 };
  }
  const format = dice.weighted({ dmyDash: 25, dmySlash: 25, dmyShort: 8, iso: 12, serial: 10, words: 8, mdySlash: noise === 'normal' ? 6 : 2, dotted: 4 });
  switch (format) {
    case 'dmyDash':
      return `${pad2(d.d)}-${pad2(d.m)}-${d.y}`;
    case 'dmySlash':
      return `${pad2(d.d)}/${pad2(d.m)}/${d.y}`;
    case 'dmyShort':
      return `${d.d}/${d.m}/${pad2(d.y % 100)}`;
    case 'iso':
      return `${d.y}-${pad2(d.m)}-${pad2(d.d)}`;
    case 'serial':
      return String(excelSerial(d));
    case 'words':
      return `${d.d} ${caseOf(dice, MONTHS_ID[d.m - 1] as string)} ${d.y}`;
    case 'mdySlash':
      // Day and month swapped, as a sheet typed on an English-locale Excel holds them.
      return `${pad2(d.m)}/${pad2(d.d)}/${d.y}`;
    default:
      return `${pad2(d.d)}.${pad2(d.m)}.${d.y}`;
  }
}

function renderPhone(dice: Dice, phone: string, noise: Noise): string {
  if (noise === 'normal' && dice.chance(0.04)) return dice.pick(['', '-', 'TIDAK ADA']);
  const rest = phone.slice(1);
  const format = dice.weighted({ plain: 50, plus: 10, country: 10, lostZero: 10, spaced: 8, dashed: 7, wa: 5 });
  switch (format) {
    case 'plus':
      return `+62 ${rest.slice(0, 3)}-${rest.slice(3, 7)}-${rest.slice(7)}`;
    case 'country':
      return `62${rest}`;
    case 'lostZero':
      return rest;
    case 'spaced':
      return `${phone.slice(0, 4)} ${phone.slice(4, 8)} ${phone.slice(8)}`;
    case 'dashed':
      return `${phone.slice(0, 4)}-${phone.slice(4, 8)}-${phone.slice(8)}`;
    case 'wa':
      return `+62${rest}`;
    default:
      return phone;
  }
}

/** The address cell, and the RT and RW cells (empty when the address holds them inline). */
function renderAddress(dice: Dice, a: Address, noise: Noise): [string, string, string] {
  const jl = dice.pick(['JL.', 'JALAN', 'Jl', 'JLN.', 'Jl.']);
  const no = dice.pick([`NO. ${a.no}`, `NO ${a.no}`, `No.${a.no}`, String(a.no)]);
  let text: string;
  switch (a.kind) {
    case 'jalan':
      text = `${jl} ${a.name} ${no}`;
      break;
    case 'gang':
      text = `${dice.pick(['GG.', 'GANG', 'Gg'])} ${a.name} ${no}`;
      break;
    case 'kampung':
      text = `${dice.pick(['KP.', 'KAMPUNG', 'Kp'])} ${a.name}`;
      break;
    default:
      text = `${dice.pick(['PERUM', 'PERUMAHAN', 'Perum.'])} ${a.name} ${dice.pick(['BLOK', 'BLK', 'Blok'])} ${a.block} ${no}`;
  }
  const rt = (n: number) => dice.pick([pad2(n).padStart(3, '0'), String(n), pad2(n)]);
  let rtCell = rt(a.rt);
  let rwCell = rt(a.rw);
  if (dice.chance(0.25)) {
    text += dice.pick([` RT ${rtCell}/RW ${rwCell}`, ` RT.${pad2(a.rt)} RW.${pad2(a.rw)}`, ` RT ${a.rt} RW ${a.rw}`, ` RT${pad2(a.rt)}/${pad2(a.rw)}`]);
    if (dice.chance(0.6)) [rtCell, rwCell] = ['', ''];
  } else if (noise === 'normal' && dice.chance(0.05)) [rtCell, rwCell] = ['', ''];
  if (noise === 'normal' && dice.chance(0.03)) text = dice.pick(['', '-']);
  return [caseOf(dice, text), rtCell, rwCell];
}

function splitPlace(name: string): string {
  for (const p of PLACE_PREFIXES) {
    if (name.startsWith(p) && name.length > p.length && name[p.length] !== ' ') return `${p} ${name.slice(p.length)}`;
  }
  return name;
}

function renderPlace(dice: Dice, name: string, noise: Noise, prefix: string): string {
  if (noise === 'normal' && dice.chance(0.05)) return '';
  const form = dice.weighted({ asListed: 45, upper: 25, split: 17, prefixed: noise === 'normal' ? 5 : 0, typo: noise === 'normal' ? 5 : 0 });
  if (form === 'split') return caseOf(dice, splitPlace(name));
  if (form === 'prefixed') return `${prefix} ${name.toUpperCase()}`;
  if (form === 'typo') return typo(dice, name.toUpperCase());
  return form === 'upper' ? name.toUpperCase() : name;
}

function renderSex(dice: Dice, sex: Sex, noise: Noise): string {
  if (noise === 'normal' && dice.chance(0.06)) return '';
  if (dice.chance(0.12)) return sex === 'L' ? 'LAKI-LAKI' : 'PEREMPUAN';
  return sex;
}

/** NIK digits as a cell: a leading apostrophe or separators that keep Excel from eating them. */
function renderNik(dice: Dice, digits: string): string {
  const form = dice.weighted({ plain: 85, apostrophe: 8, spaced: 4, dotted: 3 });
  if (form === 'apostrophe') return `'${digits}`;
  if (form === 'spaced') return `${digits.slice(0, 4)} ${digits.slice(4, 8)} ${digits.slice(8, 12)} ${digits.slice(12)}`;
  if (form === 'dotted') return `${digits.slice(0, 2)}.${digits.slice(2, 4)}.${digits.slice(4, 6)}.${digits.slice(6, 12)}.${digits.slice(12)}`;
  return digits;
}

// ---------------------------------------------------------------------------------------------
// The export's columns, in its own words (src/schema/fields.ts aliases recognise them).
// ---------------------------------------------------------------------------------------------

const COLUMNS_WITHOUT_KK = ['NO', 'NIK', 'NAMA LENGKAP', 'L/P', 'TGL LAHIR', 'ALAMAT', 'RT', 'RW', 'DESA/KELURAHAN', 'KEC', 'JENIS USAHA', 'NO. HP', 'KETERANGAN'] as const;
type Column = (typeof COLUMNS_WITHOUT_KK)[number] | 'NO. KK';

interface PendingRow {
  readonly cells: Partial<Record<Column, string>>;
  readonly entity: number;
  /** The kecamatan file it came in: rows are grouped by file, as merged exports are. */
  readonly file: number;
  readonly order: number;
}

/** How a NIK cell is damaged on purpose, for people proposed once. */
function damagedNik(dice: Dice, nik: string): string {
  const kind = dice.weighted({ scientific: 40, short: 35, empty: 25 });
  if (kind === 'scientific') return `${nik[0]}.${nik.slice(1, 6)}E+15`;
  if (kind === 'short') return nik.slice(0, 15);
  return '';
}

class Writer {
  readonly pending: PendingRow[] = [];
  constructor(
    private readonly dice: Dice,
    private readonly withKk: boolean,
  ) {}

  /** One row of p as some kecamatan office typed it; returns its index among pending rows. */
  row(p: Person, nikCell: string, noise: Noise, file = p.household.kec): number {
    const { dice } = this;
    const h = p.household;
    const [alamat, rt, rw] = renderAddress(dice, h.address, noise);
    // Now and then a row gives the family's number instead of the person's own.
    const changedPhone = noise === 'normal' && dice.chance(0.03);
    const cells: Partial<Record<Column, string>> = {
      NIK: nikCell,
      'NAMA LENGKAP': renderName(dice, p, noise),
      'L/P': renderSex(dice, p.sex, noise),
      'TGL LAHIR': renderDate(dice, p.birth, noise),
      ALAMAT: alamat,
      RT: rt,
      RW: rw,
      'DESA/KELURAHAN': renderPlace(dice, h.kelurahan, noise, 'KEL.'),
      KEC: renderPlace(dice, (BEKASI[h.kec] as (typeof BEKASI)[number]).name, noise, 'KEC.'),
      'JENIS USAHA': dice.chance(0.15) ? (USAHA_REWORDED[p.usaha] ?? p.usaha.toUpperCase()) : caseOf(dice, p.usaha),
      'NO. HP': renderPhone(dice, changedPhone ? p.household.phone : p.phone, noise),
      KETERANGAN: dice.chance(0.1) ? dice.pick(['USULAN BARU', 'DATA PERBAIKAN', 'SUDAH VERIFIKASI RT', 'Belum punya NIB']) : '',
    };
    if (this.withKk) cells['NO. KK'] = noise === 'normal' && dice.chance(0.06) ? dice.pick(['', '-', '0']) : renderNik(dice, h.kk);
    this.pending.push({ cells, entity: p.entity, file, order: dice.next() });
    return this.pending.length - 1;
  }

  header(): readonly string[] {
    return this.withKk ? ['NO', 'NIK', 'NO. KK', ...COLUMNS_WITHOUT_KK.slice(2)] : COLUMNS_WITHOUT_KK;
  }
}

// ---------------------------------------------------------------------------------------------
// NIKs that are not the person's own, each a different way the number went wrong.
// ---------------------------------------------------------------------------------------------

function replaceDigit(dice: Dice, s: string, from: number, to: number): string {
  const i = dice.int(from, to);
  const old = Number(s[i]);
  return s.slice(0, i) + String((old + dice.int(1, 9)) % 10) + s.slice(i + 1);
}

/** Two neighbouring digits swapped, somewhere in from..to-1; null when all of them are alike. */
function swapDigits(dice: Dice, s: string, from: number, to: number): string | null {
  const at: number[] = [];
  for (let i = from; i < to; i++) if (s[i] !== s[i + 1]) at.push(i);
  if (at.length === 0) return null;
  const i = dice.pick(at);
  return s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2);
}

class Mistakes {
  constructor(
    private readonly dice: Dice,
    private readonly registry: Registry,
    /** NIKs of household members never proposed: a relative's KTP used by mistake. */
    private readonly unproposed: string[],
  ) {}

  /** A number not handed to anyone, made by `make` (tried again while it collides). */
  private fresh(make: () => string | null): string | null {
    for (let tries = 0; tries < 20; tries++) {
      const n = make();
      if (n && this.registry.take(n)) return n;
    }
    return null;
  }

  /** The NIK p's second row carries, or null when this kind cannot apply to p. */
  nik(kind: DuplicateKind, p: Person): string | null {
    const { dice } = this;
    const nik = p.nik;
    switch (kind) {
      case 'one-digit':
        return this.fresh(() => replaceDigit(dice, nik, 0, 15));
      case 'swap':
        return this.fresh(() => swapDigits(dice, nik, 0, 15));
      case 'two-typos':
        // A wrong digit in the serial and, elsewhere, two neighbours swapped.
        return this.fresh(() => swapDigits(dice, replaceDigit(dice, nik, 12, 15), 0, 11));
      case 'kk-as-nik':
        if (p.household.kkTypedAsNik) return null;
        p.household.kkTypedAsNik = true;
        return p.household.kk;
      case 'foreign-nik':
        if (this.unproposed.length > 0 && dice.chance(0.5)) return this.unproposed.pop() as string;
        return this.fresh(() => this.madeUp(p));
      default:
        return null;
    }
  }

  /** A number someone typed to fill the cell: the region and an invented rest. */
  private madeUp(p: Person): string {
    const { dice } = this;
    const region = bekasiRegion(p.household.kec);
    const style = dice.int(0, 2);
    if (style === 0) return region + '010101' + pad4(dice.int(1, 9999));
    if (style === 1) return region + String(dice.int(0, 9_999_999_999)).padStart(10, '0');
    return '32' + String(dice.int(0, 99_999_999)).padStart(8, '0') + String(dice.int(0, 999_999)).padStart(6, '0');
  }

  /** A NIK typed one digit short or long: not well-formed, still this person's. */
  malformed(p: Person): string {
    const i = this.dice.int(0, 15);
    return this.dice.chance(0.6) ? p.nik.slice(0, i) + p.nik.slice(i + 1) : p.nik.slice(0, i) + p.nik[i] + p.nik.slice(i);
  }
}

// ---------------------------------------------------------------------------------------------
// Scenarios: who in a household is proposed, and which pairs are hard negatives.
// ---------------------------------------------------------------------------------------------

interface Scenario {
  readonly proposed: Person[];
  readonly negatives: { a: number; b: number; kind: HardNegativeKind }[]; // indices into proposed
}

function birthAround(dice: Dice, year: number, spread: number, latest = 2002): Ymd {
  return randomDate(dice, Math.max(1950, year - spread), Math.min(latest, year + spread));
}

/** The adult children of a head born in headYear: born at least 20 years later, all of age. */
function childBirth(dice: Dice, headYear: number): Ymd {
  return randomDate(dice, headYear + 20, Math.min(2002, headYear + 32));
}

function scenario(world: World, dice: Dice, unproposed: string[]): Scenario {
  const kind = dice.weighted({ single: 62, spouse: 11, household: 7, siblings: 6, twins: 2.5, namesake: 5 });
  const h = world.household();
  const headYear = dice.int(1950, kind === 'single' || kind === 'spouse' ? 1995 : 1978);
  const head = world.person(h, { name: world.name(h, 'L', true), sex: 'L', birth: birthAround(dice, headYear, 0), atHome: kind !== 'single' });
  const wife = world.person(h, { name: world.name(h, 'P', false), sex: 'P', birth: birthAround(dice, headYear + 3, 4), atHome: kind !== 'single' });
  const sexOf = (): Sex => (dice.chance(0.5) ? 'L' : 'P');
  const child = (birth: Ymd, sex = sexOf()) => world.person(h, { name: world.name(h, sex, true), sex, birth, atHome: true });
  switch (kind) {
    case 'spouse':
      if (headYear < 1978) unproposed.push(child(childBirth(dice, headYear)).nik);
      return { proposed: [head, dice.chance(0.6) ? world.sharingPhone(wife) : wife], negatives: [{ a: 0, b: 1, kind: 'spouse' }] };
    case 'household': {
      // A parent and a grown child under one roof, one phone for the house.
      unproposed.push(wife.nik);
      const c = child(childBirth(dice, headYear));
      return { proposed: [world.sharingPhone(head), world.sharingPhone(c)], negatives: [{ a: 0, b: 1, kind: 'household' }] };
    }
    case 'siblings': {
      unproposed.push(head.nik, wife.nik);
      const first = childBirth(dice, headYear);
      let second = childBirth(dice, headYear);
      while (second.y === first.y) second = childBirth(dice, headYear);
      const [a, b] = siblingsWithFamilyName(world, dice, h, [first, second]);
      return { proposed: [a, dice.chance(0.3) ? world.sharingPhone(b) : b], negatives: [{ a: 0, b: 1, kind: 'siblings' }] };
    }
    case 'twins': {
      unproposed.push(head.nik, wife.nik);
      const birth = childBirth(dice, headYear);
      const a = child(birth);
      // Another first name: twins are no copy of each other.
      const bSex = sexOf();
      let bName = world.name(h, bSex, true);
      while (bName.split(' ')[0] === a.name.split(' ')[0]) bName = world.name(h, bSex, true);
      const b = world.person(h, { name: bName, sex: bSex, birth, atHome: true, serialAfter: a.nik });
      return { proposed: [a, dice.chance(0.3) ? world.sharingPhone(b) : b], negatives: [{ a: 0, b: 1, kind: 'twins' }] };
    }
    case 'namesake': {
      // The same common name twice in one kelurahan: two households, other births and phones.
      const common = dice.pick(COMMON_NAMES);
      const other = world.household(h.kec, h.kelurahan);
      const year = dice.int(1955, 1998);
      const a = world.person(h, { name: common.name, sex: common.sex, birth: birthAround(dice, year, 0) });
      let bBirth = birthAround(dice, year, 15);
      while (bBirth.y === a.birth.y) bBirth = birthAround(dice, year, 15);
      const b = world.person(other, { name: common.name, sex: common.sex, birth: bBirth });
      unproposed.push(head.nik);
      return { proposed: [a, b], negatives: [{ a: 0, b: 1, kind: 'namesake' }] };
    }
    default: {
      const who = dice.weighted({ head: 50, wife: 40, child: headYear < 1978 ? 10 : 0 });
      const p = who === 'head' ? head : who === 'wife' ? wife : child(childBirth(dice, headYear));
      if (who !== 'head') unproposed.push(head.nik);
      else if (dice.chance(0.5)) unproposed.push(wife.nik);
      return { proposed: [p], negatives: [] };
    }
  }
}

/** Siblings carry the family's name; a family without one is given one (a father's name). */
function siblingsWithFamilyName(world: World, dice: Dice, h: Household, births: [Ymd, Ymd]): [Person, Person] {
  const family = h.familyName ?? dice.pick(h.people.surnames);
  const given = (sex: Sex) => dice.pick(sex === 'L' ? h.people.male : h.people.female);
  const sa: Sex = dice.chance(0.5) ? 'L' : 'P';
  const sb: Sex = dice.chance(0.5) ? 'L' : 'P';
  const ga = given(sa);
  let gb = given(sb);
  while (gb === ga) gb = given(sb);
  return [
    world.person(h, { name: `${ga} ${family}`, sex: sa, birth: births[0], atHome: true }),
    world.person(h, { name: `${gb} ${family}`, sex: sb, birth: births[1], atHome: true }),
  ];
}

// ---------------------------------------------------------------------------------------------
// The batch.
// ---------------------------------------------------------------------------------------------

const DUPLICATE_SHARES: Readonly<Record<DuplicateKind | 'none', number>> = {
  none: 89.3,
  'one-digit': 2,
  swap: 1.5,
  'two-typos': 1,
  'kk-as-nik': 2.5,
  'foreign-nik': 1.5,
  'malformed-nik': 0.7,
};

/** Rows of one proposed person: the first, exact copies, one row under a wrong NIK. */
interface PersonRows {
  readonly first: number;
  readonly true: number[];
  readonly wrong: { row: number; kind: DuplicateKind } | null;
}

function rowsOf(dice: Dice, writer: Writer, mistakes: Mistakes, p: Person, room: number): PersonRows | null {
  const copies = dice.chance(0.07) ? (dice.chance(0.12) ? 2 : 1) : 0;
  const kind = dice.weighted(DUPLICATE_SHARES);
  const wrongCount = kind === 'none' ? 0 : 1;
  if (1 + copies + wrongCount > room) return null;
  const otherFile = () => (dice.chance(0.6) ? dice.int(0, BEKASI.length - 1) : p.household.kec);
  const alone = copies + wrongCount === 0;
  // Damaged NIKs only on people proposed once: their rows are no pair to find.
  const firstCell = alone && dice.chance(0.008) ? damagedNik(dice, p.nik) : renderNik(dice, p.nik);
  const first = writer.row(p, firstCell, 'normal');
  const trueRows = [first];
  for (let c = 0; c < copies; c++) trueRows.push(writer.row(p, renderNik(dice, p.nik), 'normal', otherFile()));
  if (kind === 'none') return { first, true: trueRows, wrong: null };
  const wrongNik = kind === 'malformed-nik' ? mistakes.malformed(p) : mistakes.nik(kind, p);
  if (wrongNik === null) return { first, true: trueRows, wrong: null };
  // The shapes: the same name, phone and stated birth date (strongly so for a NIK not theirs).
  const noise: Noise = kind === 'foreign-nik' || kind === 'two-typos' ? 'light' : 'normal';
  const cell = kind === 'malformed-nik' ? wrongNik : renderNik(dice, wrongNik);
  return { first, true: trueRows, wrong: { row: writer.row(p, cell, noise, otherFile()), kind } };
}

export function generateSecondBatch(options: SecondBatchOptions): SecondBatch {
  const dice = new Dice(options.seed);
  const registry = new Registry(dice);
  const world = new World(dice, registry);
  const writer = new Writer(dice, options.withKkColumn ?? false);
  const unproposed: string[] = [];
  const mistakes = new Mistakes(dice, registry, unproposed);
  const negatives: { a: number; b: number; kind: HardNegativeKind }[] = [];
  const wrongPairs: { a: number; b: number; kind: DuplicateKind }[] = [];
  const addPerson = (p: Person, room: number): PersonRows | null => {
    const r = rowsOf(dice, writer, mistakes, p, room);
    if (r?.wrong) for (const t of r.true) wrongPairs.push({ a: t, b: r.wrong.row, kind: r.wrong.kind });
    return r;
  };
  while (writer.pending.length < options.rows) {
    const s = scenario(world, dice, unproposed);
    const firsts: number[] = [];
    for (const p of s.proposed) {
      const r = addPerson(s.negatives.length > 0 ? { ...p, lookalike: true } : p, options.rows - writer.pending.length);
      if (r) firsts.push(r.first);
    }
    if (firsts.length !== s.proposed.length) continue; // out of room: a negative needs both rows
    for (const n of s.negatives) negatives.push({ a: firsts[n.a] as number, b: firsts[n.b] as number, kind: n.kind });
  }
  return assemble(writer, negatives, wrongPairs);
}

/** Rows grouped by kecamatan file in a shuffled order, numbered per file; ground truth renumbered. */
function assemble(
  writer: Writer,
  negatives: readonly { a: number; b: number; kind: HardNegativeKind }[],
  wrongPairs: readonly { a: number; b: number; kind: DuplicateKind }[],
): SecondBatch {
  const header = writer.header();
  const order = writer.pending.map((_, i) => i).sort((x, y) => {
    const a = writer.pending[x] as PendingRow;
    const b = writer.pending[y] as PendingRow;
    return a.file - b.file || a.order - b.order;
  });
  const at = new Array<number>(order.length);
  order.forEach((from, to) => {
    at[from] = to;
  });
  let lastFile = -1;
  let no = 0;
  const rows = order.map((from) => {
    const r = writer.pending[from] as PendingRow;
    no = r.file === lastFile ? no + 1 : 1;
    lastFile = r.file;
    const cells = { ...r.cells, NO: String(no) } as Record<string, string>;
    return { cells: header.map((c) => cells[c] ?? ''), entity: r.entity };
  });
  const sorted = (a: number, b: number): [number, number] => {
    const x = at[a] as number;
    const y = at[b] as number;
    return x < y ? [x, y] : [y, x];
  };
  const duplicateKinds = new Map<string, string>();
  for (const w of wrongPairs) duplicateKinds.set(sorted(w.a, w.b).join('|'), w.kind);
  return {
    header,
    rows,
    hardNegatives: negatives.map((n) => sorted(n.a, n.b)),
    hardNegativeKinds: negatives.map((n) => n.kind),
    duplicateKinds,
  };
}

/** A cell as CSV needs it: quoted when it holds the delimiter, a quote or a line break. */
function csvCell(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** The batch as an export file's text: header and rows, comma-separated, CRLF as Excel writes. */
export function secondGeneratorCsv(batch: Pick<SecondBatch, 'header' | 'rows'>): string {
  const lines = [batch.header.map(csvCell).join(','), ...batch.rows.map((r) => r.cells.map(csvCell).join(','))];
  return lines.join('\r\n') + '\r\n';
}
