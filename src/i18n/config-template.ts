/** The comments of the config `umkm-clean init` writes, in Indonesian and English. */
import type { Lang } from './messages.js';

export interface ConfigTemplateTexts {
  readonly header: readonly string[];
  readonly aliases: readonly string[];
  readonly aliasExample: readonly string[];
  /** The required fields' comment: {fields} is the list of known fields. */
  readonly required: readonly string[];
  readonly severities: readonly string[];
  readonly template: readonly string[];
  readonly csv: readonly string[];
}

export const CONFIG_TEMPLATE_TEXTS: Record<Lang, ConfigTemplateTexts> = {
  id: {
    header: [
      'Konfigurasi umkm-clean (YAML; JSON juga bisa). Pakai dengan: umkm-clean clean ... --config umkm-clean.yaml',
      'Setiap kunci boleh tidak ada: hapus yang tidak diubah. Baris yang diawali # adalah komentar.',
    ],
    aliases: [
      'Nama judul kolom tambahan per field. Judul dicocokkan tanpa memedulikan huruf besar, spasi dan',
      'tanda baca, jadi "No. KTP", "NO KTP" dan "no_ktp" satu nama. Nama yang sudah dikenal umkm-clean:',
    ],
    aliasExample: ['Contoh: kecamatan yang menamai kolom telepon "WA PEMILIK":'],
    required: [
      'Field yang wajib diisi; yang kosong menolak baris dengan MISSING_<FIELD>.',
      'Field yang dikenal: {fields}. nik harus tetap ada di daftar.',
    ],
    severities: ['Apa yang dilakukan setiap aturan: reject (tolak), warn (terima dengan peringatan) atau off. Bawaannya:'],
    template: ['Kolom submission.csv, berurutan: sebuah field, atau {column: NAMA, field: field}.'],
    csv: [
      'Bentuk rejected.csv, review.csv dan audit.csv: plain (UTF-8, koma) atau excel (BOM UTF-8, titik koma,',
      'untuk dibuka di Excel Indonesia). submission.csv selalu plain. --csv pada perintah mengalahkan nilai ini.',
    ],
  },
  en: {
    header: [
      'umkm-clean configuration (YAML; JSON works too). Use it with: umkm-clean clean ... --config umkm-clean.yaml',
      'Every key is optional: delete what you do not change. Lines starting with # are comments.',
    ],
    aliases: [
      'More header names per field. Headers match ignoring case, spaces and punctuation, so "No. KTP",',
      '"NO KTP" and "no_ktp" are one name. The names umkm-clean already knows:',
    ],
    aliasExample: ['Example: a kecamatan that calls the phone column "WA PEMILIK":'],
    required: ['Fields a row must have; an empty one rejects the row with MISSING_<FIELD>.', 'Known fields: {fields}. nik must stay in the list.'],
    severities: ['What each rule does: reject, warn (accepted with a warning) or off. The defaults:'],
    template: ['The columns of submission.csv, in order: a field, or {column: NAME, field: field}.'],
    csv: [
      'How rejected.csv, review.csv and audit.csv are written: plain (UTF-8, commas) or excel (UTF-8 BOM,',
      'semicolons, to open in Excel on Indonesian Windows). submission.csv is always plain. --csv wins over this.',
    ],
  },
};
