/**
 * The texts of review.html, in Indonesian (default) and English. The page's script fills the
 * `{name}` placeholders itself, so every text here is a plain string that can travel inside the
 * page's JSON. Codes (POSSIBLE_DUPLICATE, SAMA, BEDA) and the decisions file's columns never
 * change with the language; only these texts do.
 */
import type { Evidence } from '../match/compare.js';
import type { Lang } from './messages.js';

export interface ReviewPageTexts {
  readonly title: string;
  readonly generated: string;
  readonly inputs: string;
  /** Items beyond the page's maximum: {count}. */
  readonly omitted: string;
  readonly run: string;
  readonly progress: string;
  readonly counts: string;
  readonly filterKecamatan: string;
  readonly filterEvidence: string;
  readonly filterStatus: string;
  readonly all: string;
  readonly statusUndecided: string;
  readonly statusLater: string;
  readonly statusSame: string;
  readonly statusDifferent: string;
  readonly showing: string;
  readonly page: string;
  readonly prevPage: string;
  readonly nextPage: string;
  readonly save: string;
  readonly saved: string;
  readonly savedNone: string;
  readonly savedConflictsLeftOut: string;
  readonly storedHere: string;
  readonly storageOff: string;
  readonly codes: Readonly<Record<'POSSIBLE_DUPLICATE' | 'NIK_CONFLICT', string>>;
  readonly evidenceKinds: Readonly<Record<Evidence['kind'], string>>;
  readonly held: string;
  readonly matches: string;
  readonly sameNik: string;
  readonly field: string;
  readonly score: string;
  readonly evidence: string;
  readonly conflictEvidence: string;
  readonly conflictNote: string;
  readonly same: string;
  readonly different: string;
  readonly later: string;
  readonly clear: string;
  readonly sameHint: string;
  readonly differentHint: string;
  readonly laterHint: string;
  readonly clearHint: string;
  readonly undecided: string;
  readonly earlier: string;
  readonly empty: string;
  readonly differs: string;
  readonly keys: string;
  readonly noneFiltered: string;
  readonly noItems: string;
  readonly fileName: string;
  readonly noScript: string;
  readonly loading: string;
}

const id: ReviewPageTexts = {
  title: 'Pemeriksaan data ganda',
  generated: 'Dibuat',
  inputs: 'Berkas',
  omitted: '{count} lagi hanya ada di review.csv (halaman ini memuat 5.000 yang pertama)',
  run: 'Proses',
  progress: '{decided} dari {total} diputuskan',
  counts: 'SAMA {same} · BEDA {different} · NANTI {later}',
  filterKecamatan: 'Kecamatan',
  filterEvidence: 'Bukti / alasan',
  filterStatus: 'Status',
  all: 'Semua',
  statusUndecided: 'Belum diputuskan',
  statusLater: 'NANTI',
  statusSame: 'SAMA',
  statusDifferent: 'BEDA',
  showing: 'Pasangan {from}–{to} dari {count}',
  page: 'Halaman {page} dari {pages}',
  prevPage: '◀ Sebelumnya',
  nextPage: 'Berikutnya ▶',
  save: 'Simpan keputusan (CSV)',
  saved: '{count} keputusan disimpan ke {file}. Jalankan lagi dengan --decisions {file}.',
  savedNone: 'Belum ada keputusan SAMA atau BEDA untuk disimpan.',
  savedConflictsLeftOut:
    '{count} keputusan konflik NIK tidak ikut: --decisions hanya membaca pasangan dua NIK berbeda. Minta kecamatan membetulkan NIK yang salah.',
  storedHere: 'Setiap keputusan langsung tersimpan di browser ini.',
  storageOff:
    'Browser ini tidak mengizinkan penyimpanan: keputusan hilang bila halaman ditutup. Simpan keputusan ke berkas CSV sebelum menutup.',
  codes: {
    POSSIBLE_DUPLICATE: 'Kemungkinan orang yang sama',
    NIK_CONFLICT: 'Satu NIK, beberapa nama',
  },
  evidenceKinds: {
    idOneDigit: 'NIK beda 1 digit',
    idTwoDigits: 'NIK beda 2 digit',
    idSwap: 'dua digit NIK tertukar',
    idIsKk: 'NIK berisi No. KK',
    idTwoErrors: 'NIK dengan dua salah ketik',
    idKkLike: 'NIK tampak seperti No. KK',
    idFar: 'NIK tidak berkaitan',
    nameSame: 'nama sama',
    nameSimilar: 'nama mirip',
    nameDifferent: 'nama berbeda',
    birthSame: 'tanggal lahir sama',
    birthDefault: 'tanggal lahir bawaan Dukcapil',
    birthClose: 'tanggal lahir hampir sama',
    birthDifferent: 'tanggal lahir berbeda',
    phoneSame: 'no HP sama',
    phoneDifferent: 'no HP berbeda',
    addressSame: 'alamat sama',
    addressSimilar: 'alamat mirip',
    addressDifferent: 'alamat berbeda',
    areaSame: 'kelurahan sama',
    areaDifferent: 'kelurahan berbeda',
  },
  held: 'Ditahan',
  matches: 'Cocok dengan',
  sameNik: 'NIK sama',
  field: 'Kolom',
  score: 'Skor',
  evidence: 'Bukti',
  conflictEvidence: 'NIK {nik} dipakai {count} baris dengan nama berbeda',
  conflictNote:
    'Keputusan untuk konflik NIK hanya catatan di halaman ini: --decisions belum membacanya. Minta kecamatan membetulkan NIK yang salah.',
  same: 'SAMA',
  different: 'BEDA',
  later: 'NANTI',
  clear: 'Hapus',
  sameHint: 'SAMA: orang yang sama, baris yang ditahan ditolak (tombol S)',
  differentHint: 'BEDA: orang berbeda, keduanya diterima (tombol B)',
  laterHint: 'NANTI: putuskan nanti (tombol N atau L)',
  clearHint: 'Hapus keputusan (tombol U)',
  undecided: 'Belum',
  earlier: 'keputusan sebelumnya',
  empty: 'kosong',
  differs: 'berbeda',
  keys: 'Tombol: S = SAMA · B = BEDA · N/L = NANTI · U = hapus · J/K atau panah = pasangan berikut/sebelumnya',
  noneFiltered: 'Tidak ada pasangan yang sesuai penyaring.',
  noItems: 'Tidak ada baris yang perlu diperiksa.',
  fileName: 'keputusan-review',
  noScript: 'Halaman ini memerlukan JavaScript. Buka di Chrome, Edge atau Firefox.',
  loading: 'Memuat pasangan…',
};

const en: ReviewPageTexts = {
  title: 'Duplicate review',
  generated: 'Generated',
  inputs: 'Files',
  omitted: '{count} more are in review.csv only (this page holds the first 5,000)',
  run: 'Run',
  progress: '{decided} of {total} decided',
  counts: 'SAMA {same} · BEDA {different} · LATER {later}',
  filterKecamatan: 'Kecamatan',
  filterEvidence: 'Evidence / reason',
  filterStatus: 'Status',
  all: 'All',
  statusUndecided: 'Undecided',
  statusLater: 'LATER',
  statusSame: 'SAMA',
  statusDifferent: 'BEDA',
  showing: 'Pairs {from}–{to} of {count}',
  page: 'Page {page} of {pages}',
  prevPage: '◀ Previous',
  nextPage: 'Next ▶',
  save: 'Save decisions (CSV)',
  saved: '{count} decisions saved to {file}. Run again with --decisions {file}.',
  savedNone: 'No SAMA or BEDA decision to save yet.',
  savedConflictsLeftOut:
    '{count} NIK conflict decisions left out: --decisions reads only pairs of two different NIKs. Ask the kecamatan to correct the wrong NIK.',
  storedHere: 'Every decision is saved in this browser at once.',
  storageOff:
    'This browser does not allow storage: decisions are lost when the page is closed. Save them to a CSV file before closing.',
  codes: {
    POSSIBLE_DUPLICATE: 'Possibly the same person',
    NIK_CONFLICT: 'One NIK, several names',
  },
  evidenceKinds: {
    idOneDigit: 'NIK differs in 1 digit',
    idTwoDigits: 'NIK differs in 2 digits',
    idSwap: 'two NIK digits swapped',
    idIsKk: 'the NIK is a No. KK',
    idTwoErrors: 'NIK with two typing errors',
    idKkLike: 'the NIK looks like a No. KK',
    idFar: 'unrelated NIKs',
    nameSame: 'same name',
    nameSimilar: 'similar name',
    nameDifferent: 'different name',
    birthSame: 'same birth date',
    birthDefault: "Dukcapil's default birth date",
    birthClose: 'nearly the same birth date',
    birthDifferent: 'different birth date',
    phoneSame: 'same phone',
    phoneDifferent: 'different phone',
    addressSame: 'same address',
    addressSimilar: 'similar address',
    addressDifferent: 'different address',
    areaSame: 'same kelurahan',
    areaDifferent: 'different kelurahan',
  },
  held: 'Held',
  matches: 'Matches',
  sameNik: 'Same NIK',
  field: 'Field',
  score: 'Score',
  evidence: 'Evidence',
  conflictEvidence: 'NIK {nik} is used by {count} rows under different names',
  conflictNote:
    'A decision on a NIK conflict is only a note in this page: --decisions does not read it yet. Ask the kecamatan to correct the wrong NIK.',
  same: 'SAMA',
  different: 'BEDA',
  later: 'LATER',
  clear: 'Clear',
  sameHint: 'SAMA: the same person, the held row is rejected (key S)',
  differentHint: 'BEDA: different people, both are accepted (key B)',
  laterHint: 'LATER: decide later (key N or L)',
  clearHint: 'Clear the decision (key U)',
  undecided: 'Undecided',
  earlier: 'earlier decision',
  empty: 'empty',
  differs: 'differs',
  keys: 'Keys: S = SAMA · B = BEDA · N/L = later · U = clear · J/K or arrows = next/previous pair',
  noneFiltered: 'No pair matches the filters.',
  noItems: 'No row needs review.',
  fileName: 'review-decisions',
  noScript: 'This page needs JavaScript. Open it in Chrome, Edge or Firefox.',
  loading: 'Loading pairs…',
};

export const REVIEW_PAGE_TEXTS: Readonly<Record<Lang, ReviewPageTexts>> = { id, en };
