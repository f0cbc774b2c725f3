/**
 * The words of `--help`, in Indonesian (default) and English (--lang en): every command's and
 * option's description, the examples, the exit codes, and the few words commander writes itself
 * (headings, "choices", "default"). Flags, commands and codes never change with the language.
 */
import type { Lang } from './messages.js';

export interface HelpTexts {
  readonly program: string;
  /** commander's own headings, by the English it writes. */
  readonly titles: Readonly<Record<string, string>>;
  readonly choices: string;
  readonly default: string;
  readonly helpOption: string;
  readonly helpCommand: string;
  readonly version: string;
  readonly shared: {
    readonly input: string;
    readonly region: string;
    readonly received: string;
    readonly exclude: string;
    readonly decisions: string;
    readonly config: string;
    readonly asOf: string;
    readonly sheet: string;
    readonly lang: string;
    readonly json: string;
    readonly quiet: string;
    readonly failOn: string;
  };
  readonly clean: { readonly description: string; readonly out: string; readonly noXlsx: string; readonly csv: string; readonly examples: string };
  readonly check: { readonly description: string; readonly examples: string };
  readonly inspect: {
    readonly description: string;
    readonly input: string;
    readonly config: string;
    readonly json: string;
    readonly examples: string;
  };
  readonly init: { readonly description: string; readonly file: string; readonly force: string };
  readonly exitCodes: string;
  /** What the root help says about inputs: patterns and folders. */
  readonly inputs: string;
  /** commander's complaints (an unknown option, a missing value), rewritten from its English, in order. */
  readonly commanderErrors: ReadonlyArray<readonly [RegExp, string]>;
}

const id: HelpTexts = {
  program: 'Membersihkan dan mencari data ganda dalam ekspor usulan bantuan UMKM menjadi satu usulan yang diterima kementerian.',
  titles: {
    'Usage:': 'Penggunaan:',
    'Options:': 'Opsi:',
    'Commands:': 'Perintah:',
    'Arguments:': 'Argumen:',
    'Global Options:': 'Opsi umum:',
  },
  choices: 'pilihan',
  default: 'bawaan',
  helpOption: 'tampilkan bantuan perintah ini',
  helpCommand: 'tampilkan bantuan sebuah perintah',
  version: 'tampilkan nomor versi',
  shared: {
    input: 'ekspor kecamatan (CSV, TXT, TSV, XLSX), pola seperti *.csv, atau folder; diproses dalam urutan ini',
    region: 'kode Kemendagri wilayah pengusul: 32.75 atau 3275 (Kota Bekasi); KECAMATAN dan KELURAHAN ditulis dengan nama resminya',
    received: 'NIK yang sudah pernah menerima bantuan (boleh diulang)',
    exclude: 'NIK yang tidak memenuhi syarat: ASN/TNI/Polri, pegawai BUMN/BUMD, penerima KUR (boleh diulang)',
    decisions: 'review.csv yang kolom decision-nya diisi SAMA atau BEDA (boleh diulang)',
    config: 'JSON atau YAML: nama kolom lain, kolom wajib, tingkat aturan, templat',
    asOf: 'tanggal acuan untuk umur (bawaan: hari ini)',
    sheet:
      'lembar yang dibaca dari setiap masukan .xlsx, nama atau nomor tab (1 = pertama); CSV tidak terpengaruh (bawaan: lembar pertama yang baris judulnya memuat kolom wajib)',
    lang: 'bahasa teks untuk dibaca orang (id: Indonesia, en: Inggris)',
    json: 'ringkasan sebagai JSON di stdout, dan tidak ada yang lain di stdout',
    quiet: 'tanpa tanda kemajuan, tanpa tabel ringkasan',
    failOn: 'untuk tugas terjadwal: keluar 4 bila ada baris ditahan untuk diperiksa, 5 bila ada baris ditolak (any: 4, selain itu 5)',
  },
  clean: {
    description: 'periksa setiap baris, cari data ganda, tulis berkas submission, rejected, review, audit dan summary',
    out: 'folder berkas hasil (dibuat bila belum ada; berkas lain di dalamnya tidak disentuh)',
    noXlsx: 'jangan tulis salinan .xlsx (submission, rejected, review, satu buku kerja penolakan per berkas)',
    csv: 'excel: rejected, review dan audit .csv dengan BOM UTF-8 dan pemisah ; untuk Excel Indonesia; plain (bawaan): UTF-8 dan koma. submission.csv selalu plain, untuk kementerian. Juga: csv di --config',
    examples: `Contoh:
  umkm-clean clean kec-a.csv kec-b.csv --out hasil --region 32.75
  umkm-clean clean *.csv --out hasil --received bpum-2020.csv --exclude asn.csv --as-of 2021-05-12
  umkm-clean clean usulan --out hasil --quiet --fail-on any     (semua ekspor di folder usulan)
  umkm-clean clean usulan.csv --out hasil --json > ringkasan.json
  umkm-clean clean *.csv --out hasil --decisions hasil-lalu/review.csv   (setelah kolom decision diisi SAMA/BEDA)
  umkm-clean clean *.csv --out hasil --csv excel   (CSV untuk Excel; buka berkas .xlsx untuk NIK dan no HP)`,
  },
  check: {
    description: 'analisis yang sama dengan clean, tanpa menulis berkas, mencetak ringkasan',
    examples: `Contoh:
  umkm-clean check kec-a.csv kec-b.csv --region 3275
  umkm-clean check usulan.csv --json
  umkm-clean check kec-a.xlsx --sheet "Data Usulan"     (atau --sheet 2: tab kedua)`,
  },
  inspect: {
    description: 'tampilkan yang dikenali per berkas: encoding, pemisah, baris judul kolom, pemetaan kolom, jumlah baris',
    input: 'ekspor yang ingin dilihat (berkas, pola seperti *.csv, atau folder)',
    config: 'konfigurasi JSON atau YAML (nama kolom lain, kolom wajib)',
    json: 'temuan sebagai JSON di stdout',
    examples: `Contoh:
  umkm-clean inspect kec-pondokgede.csv --config umkm-clean.yaml
  umkm-clean inspect kec-a.xlsx --sheet 2`,
  },
  init: {
    description: 'tulis berkas konfigurasi berkomentar berisi nilai bawaan, untuk diubah',
    file: 'tempat menulisnya',
    force: 'timpa berkas itu bila sudah ada',
  },
  exitCodes: `Kode keluar: 0 selesai (baris ditolak adalah hasil yang wajar), 2 kesalahan perintah atau
konfigurasi, 3 berkas masukan tidak dapat dibaca atau tidak memiliki kolom wajib, 1 kesalahan
internal; 4 ada baris ditahan untuk diperiksa (--fail-on review atau any), 5 ada baris ditolak
(--fail-on rejected atau any); dihentikan sebelum selesai, tanpa berkas hasil yang berubah:
130 Ctrl+C (SIGINT), 143 SIGTERM, 129 SIGHUP (terminal ditutup).`,
  inputs: `Masukan boleh berupa pola (*, ?, [...]) atau folder (semua .csv, .txt, .tsv, .xlsx, .xls di dalamnya,
tanpa subfolder): umkm-clean sendiri yang menjabarkannya, juga di cmd dan PowerShell, urut nama.
Bahasa: --lang en untuk bahasa Inggris (English).`,
  commanderErrors: [
    [/^error: missing required argument '(.*)'/, "galat: argumen wajib '$1' belum diberikan"],
    [/^error: option '(.*)' argument missing/, "galat: opsi '$1' perlu nilai"],
    [/^error: required option '(.*)' not specified/, "galat: opsi wajib '$1' belum diberikan"],
    [/^error: unknown option '(.*)'/, "galat: opsi '$1' tidak dikenal"],
    [/^error: unknown command '(.*)'/, "galat: perintah '$1' tidak dikenal"],
    [/^error: option '(.*)' argument '(.*)' is invalid\. Allowed choices are (.*)\./, "galat: nilai '$2' untuk opsi '$1' tidak sah. Pilihan: $3."],
    [/^error: option '(.*)' argument '(.*)' is invalid\./, "galat: nilai '$2' untuk opsi '$1' tidak sah."],
    [/^error: too many arguments(?: for '(.*)')?\. Expected (\d+) arguments? but got (\d+)\./, "galat: terlalu banyak argumen untuk '$1': paling banyak $2, diberikan $3."],
    [/^\(Did you mean (?:one of )?(.*)\?\)/, '(Maksud Anda $1?)'],
  ],
};

const en: HelpTexts = {
  program: 'Clean and deduplicate UMKM aid-proposal exports into a submission the ministry accepts.',
  titles: {
    'Usage:': 'Usage:',
    'Options:': 'Options:',
    'Commands:': 'Commands:',
    'Arguments:': 'Arguments:',
    'Global Options:': 'Global Options:',
  },
  choices: 'choices',
  default: 'default',
  helpOption: 'display help for command',
  helpCommand: 'display help for command',
  version: 'output the version number',
  shared: {
    input: 'the kecamatan exports (CSV, TXT, TSV, XLSX), patterns such as *.csv, or folders; processed in this order',
    region: 'Kemendagri code of the proposing region: 32.75 or 3275 (Kota Bekasi); KECAMATAN and KELURAHAN written by their official names',
    received: 'NIKs that already received the aid (repeatable)',
    exclude: 'NIKs not eligible: ASN/TNI/Polri/BUMN/BUMD staff, KUR (repeatable)',
    decisions: 'review.csv with its decision column filled: SAMA or BEDA (repeatable)',
    config: 'JSON or YAML: column aliases, required fields, rule severities, template',
    asOf: 'reference date for ages (default: today)',
    sheet:
      'the sheet read from every .xlsx input, by tab name or number (1 = first); CSV inputs are not affected (default: the first sheet whose header row names the required columns)',
    lang: 'language of the human-readable texts (id: Indonesian, en: English)',
    json: 'the summary as JSON on stdout, and nothing else on stdout',
    quiet: 'no progress, no summary table',
    failOn: 'for batch jobs: exit 4 when rows are held for review, 5 when rows are rejected (any: 4, else 5)',
  },
  clean: {
    description: 'check every row, find duplicates and write submission, rejected, review, audit and summary files',
    out: 'folder for the output files (created if missing; other files in it are left alone)',
    noXlsx: 'do not write the .xlsx copies (submission, rejected, review, one rejection workbook per file)',
    csv: 'excel: rejected, review and audit .csv with a UTF-8 BOM and ; for Excel on Indonesian Windows; plain (the default): UTF-8 and commas. submission.csv is always plain, for the ministry. Also: csv in --config',
    examples: `Examples:
  umkm-clean clean kec-a.csv kec-b.csv --out hasil --region 32.75
  umkm-clean clean *.csv --out hasil --received bpum-2020.csv --exclude asn.csv --as-of 2021-05-12
  umkm-clean clean usulan --out hasil --quiet --fail-on any     (every export in the folder usulan)
  umkm-clean clean usulan.csv --out hasil --json > ringkasan.json
  umkm-clean clean *.csv --out hasil --decisions hasil-lalu/review.csv   (after filling decision: SAMA/BEDA)
  umkm-clean clean *.csv --out hasil --csv excel   (CSVs for Excel; open the .xlsx files for NIKs and phones)`,
  },
  check: {
    description: 'the same analysis as clean, writes nothing, prints the summary',
    examples: `Examples:
  umkm-clean check kec-a.csv kec-b.csv --region 3275
  umkm-clean check usulan.csv --json
  umkm-clean check kec-a.xlsx --sheet "Data Usulan"     (or --sheet 2: the second tab)`,
  },
  inspect: {
    description: 'show what was sniffed per file: encoding, delimiter, header row, column mapping, rows',
    input: 'the exports to look at (files, patterns such as *.csv, or folders)',
    config: 'JSON or YAML config (aliases, required fields)',
    json: 'the findings as JSON on stdout',
    examples: `Example:
  umkm-clean inspect kec-pondokgede.csv --config umkm-clean.yaml
  umkm-clean inspect kec-a.xlsx --sheet 2`,
  },
  init: {
    description: 'write a commented config file with the defaults, to edit',
    file: 'where to write it',
    force: 'replace the file if it exists',
  },
  exitCodes: `Exit codes: 0 done (rejected rows are a normal outcome), 2 usage or config error,
3 an input cannot be read or lacks a required column, 1 internal error;
4 rows held for review (--fail-on review or any), 5 rows rejected (--fail-on rejected or any);
stopped before the end, with no output file changed: 130 Ctrl+C (SIGINT), 143 SIGTERM,
129 SIGHUP (the terminal closed).`,
  inputs: `Inputs may be patterns (*, ?, [...]) or folders (every .csv, .txt, .tsv, .xlsx, .xls inside, not
subfolders): umkm-clean expands them itself, in cmd and PowerShell too, sorted by name.
Language: --lang id for Indonesian (the default).`,
  commanderErrors: [],
};

export const HELP_TEXTS: Readonly<Record<Lang, HelpTexts>> = { id, en };
