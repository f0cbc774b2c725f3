/** What each reason code means to the analyst who must fix the row, per language. */
import type { ReasonCode } from '../schema/codes.js';
import type { Lang, MessageParams } from './messages.js';

type Text = (p: MessageParams) => string;

const FIELD_LABEL: Record<string, { id: string; en: string }> = {
  nik: { id: 'NIK', en: 'NIK' },
  no_kk: { id: 'No. KK', en: 'No. KK (family card number)' },
  nama: { id: 'nama', en: 'name' },
  alamat: { id: 'alamat', en: 'address' },
  rt: { id: 'RT', en: 'RT' },
  rw: { id: 'RW', en: 'RW' },
  kelurahan: { id: 'kelurahan', en: 'kelurahan' },
  kecamatan: { id: 'kecamatan', en: 'kecamatan' },
  bidang_usaha: { id: 'bidang usaha', en: 'line of business' },
  no_hp: { id: 'nomor HP', en: 'phone number' },
  jenis_kelamin: { id: 'jenis kelamin', en: 'sex' },
  tanggal_lahir: { id: 'tanggal lahir', en: 'date of birth' },
};

export function fieldLabel(lang: Lang, field: string): string {
  return FIELD_LABEL[field]?.[lang] ?? field;
}

const missing = (lang: Lang): Text => (p) =>
  lang === 'id' ? `${fieldLabel(lang, String(p.field))} kosong` : `${fieldLabel(lang, String(p.field))} is empty`;

const id: Record<ReasonCode, Text> = {
  MISSING_NIK: missing('id'),
  MISSING_NO_KK: missing('id'),
  MISSING_NAMA: missing('id'),
  MISSING_ALAMAT: missing('id'),
  MISSING_RT: missing('id'),
  MISSING_RW: missing('id'),
  MISSING_KELURAHAN: missing('id'),
  MISSING_KECAMATAN: missing('id'),
  MISSING_BIDANG_USAHA: missing('id'),
  MISSING_NO_HP: missing('id'),
  MISSING_JENIS_KELAMIN: missing('id'),
  MISSING_TANGGAL_LAHIR: missing('id'),
  NIK_EXCEL_MANGLED: (p) =>
    `NIK ${p.value} rusak oleh Excel (notasi ilmiah, digit terakhir hilang): minta kecamatan mengetik ulang NIK sebagai teks`,
  NIK_MALFORMED: (p) =>
    `NIK "${p.value}" harus 16 angka: terbaca ${p.length} angka${Number(p.other) > 0 ? ` dan ${p.other} karakter lain` : ''}`,
  NIK_UNKNOWN_REGION: (p) => `NIK diawali ${p.province}: bukan kode provinsi`,
  NIK_BAD_BIRTHDATE: (p) => `digit 7-12 NIK (${p.digits}) bukan tanggal lahir yang sah`,
  UNDERAGE: (p) => `umur ${p.age} tahun per ${p.asOf} menurut NIK (minimal 17)`,
  PHONE_INVALID: (p) => `nomor HP "${p.value}" bukan nomor Indonesia yang sah`,
  NO_KK_MALFORMED: (p) => `No. KK "${p.value}" harus 16 angka diawali kode wilayah`,
  ALREADY_RECEIVED: (p) => `NIK sudah pernah menerima bantuan (daftar ${p.list})`,
  EXCLUDED: (p) => `NIK tidak memenuhi syarat (daftar ${p.list})`,
  DUPLICATE_NIK: (p) => `NIK ganda: orang yang sama sudah diusulkan di ${p.other}`,
  NIK_CONFLICT: (p) => `NIK yang sama dipakai orang lain (${p.other}: ${p.name}); periksa NIK keduanya`,
  DUPLICATE_CONFIRMED: (p) => `orang yang sama dengan ${p.other} (NIK ${p.otherNik}), menurut keputusan SAMA di ${p.list}`,
  POSSIBLE_DUPLICATE: (p) => `kemungkinan orang yang sama dengan ${p.other} (NIK ${p.otherNik}): ${p.why}`,
  NIK_OUTSIDE_REGION: (p) => `NIK diterbitkan di luar wilayah ${p.region} (kode ${p.code})`,
  KECAMATAN_UNKNOWN: (p) => `kecamatan "${p.value}" tidak ada di wilayah ${p.region}`,
  NIK_SEX_MISMATCH: (p) => `jenis kelamin "${p.value}" tidak sesuai NIK (${p.nikSex})`,
  NIK_BIRTHDATE_MISMATCH: (p) => `tanggal lahir "${p.value}" tidak sesuai NIK (${p.nikDate})`,
};

const en: Record<ReasonCode, Text> = {
  MISSING_NIK: missing('en'),
  MISSING_NO_KK: missing('en'),
  MISSING_NAMA: missing('en'),
  MISSING_ALAMAT: missing('en'),
  MISSING_RT: missing('en'),
  MISSING_RW: missing('en'),
  MISSING_KELURAHAN: missing('en'),
  MISSING_KECAMATAN: missing('en'),
  MISSING_BIDANG_USAHA: missing('en'),
  MISSING_NO_HP: missing('en'),
  MISSING_JENIS_KELAMIN: missing('en'),
  MISSING_TANGGAL_LAHIR: missing('en'),
  NIK_EXCEL_MANGLED: (p) =>
    `NIK ${p.value} was damaged by Excel (scientific notation, last digits lost): ask the kecamatan to retype it as text`,
  NIK_MALFORMED: (p) =>
    `NIK "${p.value}" must be 16 digits: it has ${p.length} digits${Number(p.other) > 0 ? ` and ${p.other} other characters` : ''}`,
  NIK_UNKNOWN_REGION: (p) => `NIK starts with ${p.province}: no province code`,
  NIK_BAD_BIRTHDATE: (p) => `NIK digits 7-12 (${p.digits}) are not a real birth date`,
  UNDERAGE: (p) => `aged ${p.age} on ${p.asOf} by the NIK (17 at least)`,
  PHONE_INVALID: (p) => `phone "${p.value}" is not a valid Indonesian number`,
  NO_KK_MALFORMED: (p) => `No. KK "${p.value}" must be 16 digits starting with a region code`,
  ALREADY_RECEIVED: (p) => `NIK already received the aid (list ${p.list})`,
  EXCLUDED: (p) => `NIK is not eligible (list ${p.list})`,
  DUPLICATE_NIK: (p) => `duplicate NIK: the same person is already proposed at ${p.other}`,
  NIK_CONFLICT: (p) => `the same NIK is used by another person (${p.other}: ${p.name}); check both NIKs`,
  DUPLICATE_CONFIRMED: (p) => `the same person as ${p.other} (NIK ${p.otherNik}), by the SAMA decision in ${p.list}`,
  POSSIBLE_DUPLICATE: (p) => `possibly the same person as ${p.other} (NIK ${p.otherNik}): ${p.why}`,
  NIK_OUTSIDE_REGION: (p) => `NIK issued outside ${p.region} (code ${p.code})`,
  KECAMATAN_UNKNOWN: (p) => `kecamatan "${p.value}" is not in ${p.region}`,
  NIK_SEX_MISMATCH: (p) => `sex "${p.value}" disagrees with the NIK (${p.nikSex})`,
  NIK_BIRTHDATE_MISMATCH: (p) => `date of birth "${p.value}" disagrees with the NIK (${p.nikDate})`,
};

const catalogs: Record<Lang, Record<ReasonCode, Text>> = { id, en };

export function reasonText(lang: Lang, code: ReasonCode, params: MessageParams = {}): string {
  return catalogs[lang][code](params);
}

const SUMMARY: Record<Lang, Partial<Record<ReasonCode, string>>> = {
  id: {
    NIK_EXCEL_MANGLED: 'NIK rusak oleh Excel (notasi ilmiah)',
    NIK_MALFORMED: 'NIK bukan 16 angka',
    NIK_UNKNOWN_REGION: 'NIK tidak diawali kode provinsi',
    NIK_BAD_BIRTHDATE: 'tanggal lahir dalam NIK tidak sah',
    UNDERAGE: 'belum 17 tahun menurut NIK',
    PHONE_INVALID: 'nomor HP tidak sah',
    NO_KK_MALFORMED: 'No. KK tidak sah',
    ALREADY_RECEIVED: 'sudah pernah menerima bantuan',
    EXCLUDED: 'tidak memenuhi syarat (daftar pengecualian)',
    DUPLICATE_NIK: 'NIK ganda, orang yang sama',
    DUPLICATE_CONFIRMED: 'orang yang sama menurut keputusan analis',
    NIK_CONFLICT: 'satu NIK dipakai orang berbeda',
    POSSIBLE_DUPLICATE: 'kemungkinan orang yang sama dengan NIK lain',
    NIK_OUTSIDE_REGION: 'NIK dari luar wilayah',
    KECAMATAN_UNKNOWN: 'kecamatan tidak dikenal di wilayah ini',
    NIK_SEX_MISMATCH: 'jenis kelamin tidak sesuai NIK',
    NIK_BIRTHDATE_MISMATCH: 'tanggal lahir tidak sesuai NIK',
  },
  en: {
    NIK_EXCEL_MANGLED: 'NIK damaged by Excel (scientific notation)',
    NIK_MALFORMED: 'NIK is not 16 digits',
    NIK_UNKNOWN_REGION: 'NIK does not start with a province code',
    NIK_BAD_BIRTHDATE: 'the birth date in the NIK is not real',
    UNDERAGE: 'younger than 17 by the NIK',
    PHONE_INVALID: 'invalid phone number',
    NO_KK_MALFORMED: 'invalid No. KK',
    ALREADY_RECEIVED: 'already received the aid',
    EXCLUDED: 'not eligible (exclusion list)',
    DUPLICATE_NIK: 'duplicate NIK, same person',
    DUPLICATE_CONFIRMED: 'same person by the analyst\'s decision',
    NIK_CONFLICT: 'one NIK used by different people',
    POSSIBLE_DUPLICATE: 'possibly the same person under another NIK',
    NIK_OUTSIDE_REGION: 'NIK from outside the region',
    KECAMATAN_UNKNOWN: 'kecamatan not in this region',
    NIK_SEX_MISMATCH: 'sex disagrees with the NIK',
    NIK_BIRTHDATE_MISMATCH: 'date of birth disagrees with the NIK',
  },
};

/** One line per code, for tables and charts. */
export function reasonSummary(lang: Lang, code: ReasonCode): string {
  const missing = /^MISSING_(.+)$/.exec(code);
  if (missing) {
    const label = fieldLabel(lang, (missing[1] as string).toLowerCase());
    return lang === 'id' ? `${label} kosong` : `${label} is empty`;
  }
  return SUMMARY[lang][code] ?? code;
}
