/**
 * Every human-readable text, in Indonesian (default) and English. Codes and file formats never
 * change with the language; only these texts do.
 */

export type Lang = 'id' | 'en';
export const LANGS: readonly Lang[] = ['id', 'en'];

export type MessageParams = Record<string, string | number>;
type Template = (p: MessageParams) => string;

/** Numbers in a message the way each language writes them (1.048.576 / 1,048,576). */
const idNum = (v: string | number | undefined) => Number(v).toLocaleString('id-ID');
const enNum = (v: string | number | undefined) => Number(v).toLocaleString('en-US');

/** What to do about a failed write, by its errno code. */
function idWriteAdvice(detail: unknown): string {
  switch (detail) {
    case 'ENOSPC':
    case 'EDQUOT':
      return ' Disk penuh: kosongkan ruang di sana atau pilih folder di disk lain.';
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return ' Tidak ada izin menulis di sana: pilih folder lain.';
    case 'EIO':
      return ' Kesalahan perangkat (disk atau jaringan): periksa disknya lalu jalankan lagi.';
    case 'ENAMETOOLONG':
      return ' Nama atau jalurnya terlalu panjang: pilih folder dengan jalur lebih pendek.';
    case 'ENOENT':
    case 'ENOTDIR':
      return ' Folder itu tidak dapat dibuat di sana: pilih folder lain.';
    default:
      return '';
  }
}

function enWriteAdvice(detail: unknown): string {
  switch (detail) {
    case 'ENOSPC':
    case 'EDQUOT':
      return ' The disk is full: free some space there or choose a folder on another disk.';
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return ' No permission to write there: choose another folder.';
    case 'EIO':
      return ' A device error (disk or network): check the disk and run again.';
    case 'ENAMETOOLONG':
      return ' The name or path is too long: choose a folder with a shorter path.';
    case 'ENOENT':
    case 'ENOTDIR':
      return ' That folder cannot be created there: choose another folder.';
    default:
      return '';
  }
}

const id = {
  'input.notFound': (p) => `${p.file}: berkas tidak ditemukan. Periksa nama dan foldernya.`,
  'input.isDirectory': (p) => `${p.file}: ini folder, bukan berkas CSV. Sebutkan berkas di dalamnya.`,
  'input.unreadable': (p) => `${p.file}: berkas tidak dapat dibaca (${p.detail}).`,
  'input.empty': (p) => `${p.file}: berkas kosong. Minta kecamatan mengirim ulang hasil ekspornya.`,
  'input.binary': (p) =>
    `${p.file}: bukan berkas teks dan bukan buku kerja .xlsx (mungkin PDF, gambar, atau dokumen Word). Kirim data usulannya sebagai .xlsx atau "CSV UTF-8" lalu jalankan lagi.`,
  'input.legacyXls': (p) =>
    `${p.file}: buku kerja Excel 97-2003 (.xls) tidak dapat dibaca; .xlsx dan CSV dapat. Buka di Excel atau LibreOffice, pilih Simpan Sebagai "Excel Workbook (*.xlsx)" (atau "CSV UTF-8"), lalu jalankan lagi dengan berkas baru itu.`,
  'input.sheetNotFound': (p) =>
    `${p.file}: tidak ada lembar "${p.sheet}" (--sheet). Lembar yang ada: ${p.sheets}. Sebutkan salah satu nama atau nomornya.`,
  'input.sheetOutOfRange': (p) =>
    `${p.file}: tidak ada lembar ke-${p.number} (--sheet); buku kerja ini punya ${p.count} lembar: ${p.sheets}. Sebutkan salah satu nama atau nomornya.`,
  'input.sheetNotWorksheet': (p) =>
    `${p.file}: lembar "${p.sheet}" (--sheet) bukan lembar kerja berisi sel (mungkin lembar grafik). Lembar yang ada: ${p.sheets}. Pilih lembar yang berisi data usulan.`,
  'input.noHeaderWorkbook': (p) =>
    `${p.file}: tidak ada lembar dengan baris judul kolom yang memuat kolom wajib (lembar yang diperiksa: ${p.searched}). ${p.detail} Tambahkan kolomnya, petakan namanya lewat --config (aliases), atau pilih lembarnya dengan --sheet (lembar yang ada: ${p.sheets}).`,
  'input.badWorkbook': (p) =>
    `${p.file}: bukan buku kerja Excel yang utuh (${p.detail}). Buka di Excel dan simpan ulang, atau simpan sebagai "CSV UTF-8".`,
  'input.badUtf8': (p) =>
    `${p.file} baris ${p.line}: campuran UTF-8 dan encoding lain. Buka di Excel dan simpan ulang sebagai "CSV UTF-8".`,
  'input.unclosedQuote': (p) =>
    `${p.file} baris ${p.line}: tanda kutip (") dibuka tetapi tidak pernah ditutup, sehingga sisa berkas menjadi satu sel. Perbaiki sel itu lalu jalankan lagi.`,
  'input.noHeader': (p) =>
    `${p.file}: tidak ada baris judul kolom yang memuat kolom wajib. ${p.detail} Tambahkan kolomnya atau petakan namanya lewat --config (aliases).`,
  'input.noHeader.best': (p) => `Baris ${p.line} paling mirip judul kolom, tetapi tidak ada: ${p.missing}.`,
  'input.noHeader.bestSheet': (p) => `Lembar "${p.sheet}" baris ${p.line} paling mirip judul kolom, tetapi tidak ada: ${p.missing}.`,
  'input.noHeader.none': () => 'Tidak ada baris yang menyebut kolom NIK, NAMA, dan lainnya.',
  'input.changed': (p) => `${p.file}: berkas berubah selama proses berjalan. Jalankan lagi setelah berkas selesai disalin.`,
  'input.duplicateFile': (p) => `${p.file}: berkas yang sama disebut dua kali. Sebutkan setiap berkas sekali saja.`,
  'input.noMatch': (p) =>
    `${p.pattern}: tidak ada berkas yang cocok dengan pola ini. Periksa nama folder dan polanya (misalnya kec-*.csv).`,
  'input.emptyFolder': (p) =>
    `${p.folder}: folder ini tidak berisi berkas ${p.extensions} (subfolder tidak dibaca). Sebutkan berkasnya atau folder lain.`,
  'list.noNikColumn': (p) =>
    `${p.file}: daftar ini tidak punya judul kolom NIK. Daftar --received/--exclude hanya perlu satu kolom NIK: tambahkan baris judul "NIK" di atas NIK-nya, atau petakan nama kolomnya lewat --config (aliases).`,
  'decisions.noColumn': (p) =>
    `${p.file}: tidak ada kolom match_nik dan decision. Gunakan review.csv dari umkm-clean dan isi kolom decision dengan SAMA atau BEDA.`,
  'notice.decisionsIgnored': (p) =>
    `${p.count} baris keputusan diabaikan: decision bukan SAMA/BEDA atau NIK tidak 16 digit (pertama di baris ${p.line}).`,
  'configProblem.notMapping': () => 'berkas harus berisi pemetaan (kunci: nilai)',
  'configProblem.unknownKey': (p) => `kunci "${p.key}" tidak dikenal (yang dikenal: ${p.known})`,
  'configProblem.aliasesShape': () => 'aliases: harus memetakan field ke daftar nama judul kolom',
  'configProblem.aliasUnknownField': (p) => `aliases.${p.field}: field tidak dikenal (yang dikenal: ${p.known})`,
  'configProblem.aliasNames': (p) => `aliases.${p.field}: harus berupa daftar nama judul kolom`,
  'configProblem.requiredShape': () => 'required: harus berupa daftar field yang tidak kosong',
  'configProblem.requiredUnknown': (p) => `required: "${p.value}" bukan field (yang dikenal: ${p.known})`,
  'configProblem.requiredNik': () => 'required: harus memuat nik (data ganda dicari lewat NIK)',
  'configProblem.severitiesShape': () => 'severities: harus memetakan kode alasan ke reject, warn atau off',
  'configProblem.severityUnknownCode': (p) => `severities.${p.code}: kode alasan tidak dikenal (yang dikenal: ${p.known})`,
  'configProblem.severityBatchCode': (p) => `severities.${p.code}: diputuskan antarbaris, tidak dapat diubah`,
  'configProblem.severityValue': (p) => `severities.${p.code}: "${p.value}" harus reject, warn atau off`,
  'configProblem.templateShape': () => 'template: harus berupa daftar field atau {column, field} yang tidak kosong',
  'configProblem.templateItem': (p) => `template[${p.index}]: harus berupa field (${p.known}) atau {column, field}`,
  'configProblem.templateNik': () => 'template: harus memuat nik',
  'configProblem.csvValue': (p) => `csv: "${p.value}" harus salah satu dari: ${p.known}`,
  'configProblem.syntax': (p) => `bukan JSON atau YAML yang sah: ${p.detail}`,
  'config.invalid': (p) => `${p.file}: konfigurasi tidak sah (${p.count} masalah):`,
  'config.unreadable': (p) => `${p.file}: konfigurasi tidak dapat dibaca (${p.detail}).`,
  'config.notFound': (p) =>
    `${p.file}: berkas konfigurasi (--config) tidak ditemukan. Periksa nama dan foldernya, atau buat satu dengan: umkm-clean init ${p.file}`,
  'config.isDirectory': (p) => `${p.file}: ini folder, bukan berkas konfigurasi (--config). Sebutkan berkas .yaml atau .json.`,
  'init.unwritable': (p) => `${p.file}: berkas konfigurasi tidak dapat ditulis (${p.detail}). Periksa folder dan izinnya.`,
  'usage.region': (p) =>
    `--region ${p.value}: bukan kode kabupaten/kota Kemendagri. Contoh: 32.75 atau 3275 (Kota Bekasi).`,
  'usage.asOf': (p) => `--as-of ${p.value}: tanggal harus berbentuk YYYY-MM-DD, misalnya 2021-05-12.`,
  'usage.sheet': () => '--sheet: sebutkan nama lembar atau nomornya (1 = lembar pertama), misalnya --sheet Peserta atau --sheet 2.',
  'usage.outIsFile': (p) => `--out ${p.dir}: sudah ada berkas dengan nama ini. Pilih nama folder lain.`,
  'usage.outIsInput': (p) => `--out ${p.dir}: folder keluaran akan menimpa berkas masukan ${p.file}. Pilih folder lain.`,
  'output.unwritable': (p) => `${p.dir}: hasil tidak dapat ditulis (${p.detail}). Tidak ada berkas hasil yang diubah.${idWriteAdvice(p.detail)}`,
  'output.writeFailed': (p) =>
    `${p.file}: berkas hasil tidak dapat ditulis (${p.detail}). Tidak ada berkas hasil yang diubah.${idWriteAdvice(p.detail)}`,
  'output.locked': (p) =>
    `${p.dir}: proses umkm-clean lain (PID ${p.pid}) sedang menulis hasilnya di folder ini. Tunggu sampai selesai, lalu jalankan lagi. Tidak ada berkas hasil yang diubah.`,
  'scratch.writeFailed': (p) =>
    `${p.dir}: berkas kerja sementara tidak dapat ditulis (${p.detail}). Tidak ada berkas hasil yang diubah. Kosongkan ruang di folder itu atau arahkan TMPDIR ke folder lain yang cukup ruang.`,
  'input.workbookDamaged': (p) =>
    `${p.file}: buku kerja rusak atau terpotong (${p.part}). Minta pengirim mengirim ulang berkasnya, atau buka di Excel dan simpan ulang.`,
  'input.workbookMissingPart': (p) =>
    `${p.file}: bagian ${p.part} tidak ada, jadi ini bukan buku kerja Excel yang utuh. Buka di Excel dan simpan ulang, atau simpan sebagai "CSV UTF-8".`,
  'input.workbookEncrypted': (p) =>
    `${p.file}: buku kerja dikunci dengan kata sandi. Buka di Excel, hapus kata sandinya, simpan, lalu jalankan lagi.`,
  'input.workbookTooLarge': (p) =>
    `${p.file}: buku kerja berukuran ${idNum(p.size)} MB, melebihi batas ${idNum(p.limit)} MB. Simpan sebagai "CSV UTF-8" (tanpa batas ukuran) atau bagi menjadi beberapa berkas.`,
  'input.workbookEntries': (p) =>
    `${p.file}: buku kerja berisi ${idNum(p.count)} bagian, melebihi batas ${idNum(p.limit)}. Ini bukan ekspor Excel biasa: buka di Excel dan simpan ulang, atau simpan sebagai "CSV UTF-8".`,
  'input.workbookPartTooLarge': (p) =>
    `${p.file}: bagian ${p.part} berisi ${idNum(p.size)} MB setelah dibuka, melebihi batas ${idNum(p.limit)} MB. Simpan sebagai "CSV UTF-8" atau bagi menjadi beberapa berkas.`,
  'input.workbookRatio': (p) =>
    `${p.file}: bagian ${p.part} mengembang ${idNum(p.ratio)} kali saat dibuka (batas ${idNum(p.limit)} kali). Berkas seperti ini bukan ekspor Excel biasa (mungkin "zip bomb"): minta pengirim mengekspor ulang dari Excel.`,
  'input.workbookSharedStrings': (p) =>
    `${p.file}: buku kerja berisi lebih dari ${idNum(p.limit)} teks berbeda (shared strings). Simpan sebagai "CSV UTF-8" atau bagi menjadi beberapa berkas.`,
  'input.workbookRows': (p) =>
    `${p.file} baris ${idNum(p.line)}: melewati batas Excel ${idNum(p.limit)} baris per lembar. Buka di Excel dan simpan ulang, atau simpan sebagai "CSV UTF-8".`,
  'input.workbookColumns': (p) =>
    `${p.file} baris ${idNum(p.line)}: kolom ${p.column} melewati batas Excel ${idNum(p.limit)} kolom (XFD). Buka di Excel dan simpan ulang, atau simpan sebagai "CSV UTF-8".`,
  'input.workbookCellTooLarge': (p) =>
    `${p.file} baris ${idNum(p.line)}: satu sel berisi lebih dari ${idNum(p.limit)} byte XML. Perbaiki atau kosongkan sel itu di Excel lalu jalankan lagi.`,
  'input.workbookStringTooLarge': (p) =>
    `${p.file}: teks bersama (shared string) ke-${idNum(p.index)} berisi lebih dari ${idNum(p.limit)} byte XML. Buka di Excel dan simpan ulang, atau simpan sebagai "CSV UTF-8".`,
  'input.cellTooLong': (p) =>
    `${p.file} baris ${idNum(p.line)} kolom ${p.column}: sel lebih dari ${idNum(p.limit)} karakter (batas Excel). Perbaiki sel itu lalu jalankan lagi.`,
  'input.fieldTooLong': (p) =>
    `${p.file} baris ${idNum(p.line)}: satu sel lebih dari ${idNum(p.limit)} karakter. Biasanya tanda kutip (") yang tidak ditutup membuat sisa berkas menjadi satu sel: perbaiki baris itu lalu jalankan lagi.`,
  'input.recordTooLong': (p) =>
    `${p.file} baris ${idNum(p.line)}: satu baris data lebih dari ${idNum(p.limit)} karakter. Periksa baris itu (tanda kutip yang tidak ditutup, atau berkas yang bukan ekspor tabel) lalu jalankan lagi.`,
  'input.tooManyCells': (p) =>
    `${p.file} baris ${idNum(p.line)}: lebih dari ${idNum(p.limit)} sel dalam satu baris (batas kolom Excel). Periksa pemisah kolom di baris itu lalu jalankan lagi.`,
  'worker.failed': (p) =>
    `Thread kedua (${p.worker}) gagal: ${p.detail}. Tidak ada berkas hasil yang diubah. Laporkan ke pengembang bersama perintah yang dijalankan.`,
  'output.stdout': (p) => `stdout: ringkasan tidak dapat ditulis (${p.detail}).`,
  internal: (p) => `Kesalahan internal: ${p.detail}. Laporkan ke pengembang bersama perintah yang dijalankan.`,
  'sheet.rejected': () => 'ditolak',
  'sheet.review': () => 'periksa',
  'notice.workerFallback': (p) =>
    `Thread kedua untuk ${p.work === 'scoring' ? 'penilaian pasangan' : 'pencarian pasangan calon'} gagal (${p.reason}); pekerjaannya dikerjakan di thread utama. Hasil sama, hanya lebih lambat. Laporkan ke pengembang.`,
  'notice.raggedLong': (p) => `${p.count} baris memiliki sel lebih banyak dari judul kolom (pertama di baris ${p.line}); sel tambahan disimpan sebagai ${p.column}.`,
  'notice.raggedShort': (p) => `${p.count} baris memiliki sel lebih sedikit dari judul kolom (pertama di baris ${p.line}); sel yang hilang dianggap kosong.`,
  'notice.duplicateColumn': (p) => `Kolom "${p.column}" dan "${p.other}" sama-sama berarti ${p.field}; yang dipakai "${p.other}".`,
  'notice.listInvalid': (p) => `${p.count} NIK di daftar ini bukan 16 digit dan diabaikan (pertama di baris ${p.line}).`,
  'notice.nikColumnDamaged': (p) =>
    `PERINGATAN ${p.file}: ${p.zeros} dari ${p.total} NIK berakhir dengan 0${Number(p.mangled) > 0 ? ` dan ${p.mangled} dalam notasi ilmiah` : ''}. Kolom NIK kemungkinan rusak oleh Excel (hanya 15 digit yang disimpan): minta kecamatan mengirim ulang dengan kolom NIK berformat Teks.`,
  'summary.title': () => 'Ringkasan umkm-clean',
  'summary.rows': () => 'Baris data',
  'summary.accepted': () => 'Diterima (submission.csv)',
  'summary.rejected': () => 'Ditolak (rejected.csv)',
  'summary.review': () => 'Perlu diperiksa (review.csv)',
  'summary.skipped': () => 'Baris bukan data (judul, jumlah, tanda tangan)',
  'summary.balanced': () => 'Semua baris tercatat di audit.csv',
  'summary.unbalanced': () => 'PERINGATAN: jumlah baris tidak seimbang',
  'summary.reasons': () => 'Alasan',
  'summary.warnings': () => 'Peringatan (tetap diterima)',
  'summary.files': () => 'Berkas',
  'summary.out': (p) => `Hasil ditulis ke ${p.dir}`,
  'summary.checkOnly': () => 'Mode check: tidak ada berkas yang ditulis.',
  'summary.fileSheet': (p) => `${p.file} lembar "${p.sheet}" (${p.number})`,
  'summary.fileLine': (p) =>
    `${p.file}: ${p.rows} baris (${p.encoding}, pemisah ${p.delimiter}, judul di baris ${p.header})`,
  'progress.reading': (p) => `Memeriksa ${p.file}: ${p.rows} baris, ${p.rate} baris/detik, sisa ${p.eta}`,
  'progress.matching': (p) => `Mencari duplikat: ${p.rows} baris, sisa ${p.eta}`,
  'progress.writing': (p) => `Menulis hasil: ${p.rows} baris, ${p.rate} baris/detik, sisa ${p.eta}`,
  'progress.sniffing': (p) => `Mengenali ${p.file}`,
  'failOn.review': (p) =>
    `${p.count} baris ditahan untuk diperiksa (--fail-on ${p.option}): kode keluar ${p.code}.`,
  'failOn.rejected': (p) => `${p.count} baris ditolak (--fail-on ${p.option}): kode keluar ${p.code}.`,
  interrupted: () => 'Dihentikan. Tidak ada berkas hasil yang diubah.',
  interruptedBy: (p) => `Dihentikan oleh sinyal ${p.signal}. Tidak ada berkas hasil yang diubah.`,
  'init.written': (p) => `Konfigurasi ditulis ke ${p.file}. Ubah sesuai kebutuhan, lalu pakai dengan --config ${p.file}.`,
  'init.exists': (p) => `${p.file} sudah ada. Pakai --force untuk menimpanya.`,
} satisfies Record<string, Template>;

export type MessageKey = keyof typeof id;

const en: Record<MessageKey, Template> = {
  'input.notFound': (p) => `${p.file}: file not found. Check its name and folder.`,
  'input.isDirectory': (p) => `${p.file}: is a folder, not a CSV file. Name the files inside it.`,
  'input.unreadable': (p) => `${p.file}: cannot be read (${p.detail}).`,
  'input.empty': (p) => `${p.file}: the file is empty. Ask the kecamatan to export it again.`,
  'input.binary': (p) =>
    `${p.file}: neither a text file nor an .xlsx workbook (perhaps a PDF, an image or a Word document). Send the proposals as .xlsx or "CSV UTF-8" and run again.`,
  'input.legacyXls': (p) =>
    `${p.file}: an Excel 97-2003 workbook (.xls) cannot be read; .xlsx and CSV can. Open it in Excel or LibreOffice, Save As "Excel Workbook (*.xlsx)" (or "CSV UTF-8"), then run again on the new file.`,
  'input.sheetNotFound': (p) =>
    `${p.file}: there is no sheet "${p.sheet}" (--sheet). Its sheets: ${p.sheets}. Give one of these names or numbers.`,
  'input.sheetOutOfRange': (p) =>
    `${p.file}: there is no sheet number ${p.number} (--sheet); this workbook has ${p.count}: ${p.sheets}. Give one of these names or numbers.`,
  'input.sheetNotWorksheet': (p) =>
    `${p.file}: sheet "${p.sheet}" (--sheet) is not a worksheet of cells (a chart sheet, perhaps). Its sheets: ${p.sheets}. Choose the one holding the proposals.`,
  'input.noHeaderWorkbook': (p) =>
    `${p.file}: no sheet has a header row naming the required columns (sheets searched: ${p.searched}). ${p.detail} Add the columns, map their names with --config (aliases), or choose the sheet with --sheet (its sheets: ${p.sheets}).`,
  'input.badWorkbook': (p) =>
    `${p.file}: not a complete Excel workbook (${p.detail}). Open it in Excel and save it again, or save it as "CSV UTF-8".`,
  'input.badUtf8': (p) =>
    `${p.file} line ${p.line}: mixes UTF-8 with another encoding. Open it in Excel and save it again as "CSV UTF-8".`,
  'input.unclosedQuote': (p) =>
    `${p.file} line ${p.line}: a quote (") is opened and never closed, so the rest of the file would be one cell. Fix that cell and run again.`,
  'input.noHeader': (p) =>
    `${p.file}: no header row names the required columns. ${p.detail} Add the columns or map their names with --config (aliases).`,
  'input.noHeader.best': (p) => `Line ${p.line} looks most like the header but lacks: ${p.missing}.`,
  'input.noHeader.bestSheet': (p) => `Sheet "${p.sheet}" line ${p.line} looks most like the header but lacks: ${p.missing}.`,
  'input.noHeader.none': () => 'No row names the NIK, NAMA and other columns.',
  'input.changed': (p) => `${p.file}: the file changed while it was being read. Run again once it is fully copied.`,
  'input.duplicateFile': (p) => `${p.file}: the same file is named twice. Name each file once.`,
  'input.noMatch': (p) =>
    `${p.pattern}: no file matches this pattern. Check the folder name and the pattern (for example kec-*.csv).`,
  'input.emptyFolder': (p) =>
    `${p.folder}: this folder holds no ${p.extensions} file (subfolders are not read). Name the files or another folder.`,
  'list.noNikColumn': (p) =>
    `${p.file}: this list has no NIK column header. A --received/--exclude list needs only a NIK column: add a header line "NIK" above its NIKs, or map the column's name with --config (aliases).`,
  'decisions.noColumn': (p) =>
    `${p.file}: no match_nik and decision columns. Use a review.csv written by umkm-clean with its decision column filled with SAMA or BEDA.`,
  'notice.decisionsIgnored': (p) =>
    `${p.count} decision rows ignored: the decision is not SAMA/BEDA or a NIK is not 16 digits (first on line ${p.line}).`,
  'configProblem.notMapping': () => 'the file must hold a mapping (key: value)',
  'configProblem.unknownKey': (p) => `unknown key "${p.key}" (known: ${p.known})`,
  'configProblem.aliasesShape': () => 'aliases: must map a field to a list of header names',
  'configProblem.aliasUnknownField': (p) => `aliases.${p.field}: unknown field (known: ${p.known})`,
  'configProblem.aliasNames': (p) => `aliases.${p.field}: must be a list of header names`,
  'configProblem.requiredShape': () => 'required: must be a non-empty list of fields',
  'configProblem.requiredUnknown': (p) => `required: "${p.value}" is no field (known: ${p.known})`,
  'configProblem.requiredNik': () => 'required: must include nik (duplicates are found by NIK)',
  'configProblem.severitiesShape': () => 'severities: must map a reason code to reject, warn or off',
  'configProblem.severityUnknownCode': (p) => `severities.${p.code}: unknown reason code (known: ${p.known})`,
  'configProblem.severityBatchCode': (p) => `severities.${p.code}: decided across rows, cannot be changed`,
  'configProblem.severityValue': (p) => `severities.${p.code}: "${p.value}" must be reject, warn or off`,
  'configProblem.templateShape': () => 'template: must be a non-empty list of fields or {column, field}',
  'configProblem.templateItem': (p) => `template[${p.index}]: must be a field (${p.known}) or {column, field}`,
  'configProblem.templateNik': () => 'template: must include nik',
  'configProblem.csvValue': (p) => `csv: "${p.value}" must be one of: ${p.known}`,
  'configProblem.syntax': (p) => `not valid JSON or YAML: ${p.detail}`,
  'config.invalid': (p) => `${p.file}: invalid configuration (${p.count} problems):`,
  'config.unreadable': (p) => `${p.file}: the configuration cannot be read (${p.detail}).`,
  'config.notFound': (p) =>
    `${p.file}: the config file (--config) does not exist. Check its name and folder, or write one with: umkm-clean init ${p.file}`,
  'config.isDirectory': (p) => `${p.file}: is a folder, not a config file (--config). Name a .yaml or .json file.`,
  'init.unwritable': (p) => `${p.file}: the config file cannot be written (${p.detail}). Check the folder and its permissions.`,
  'usage.region': (p) =>
    `--region ${p.value}: not a Kemendagri regency/city code. For example 32.75 or 3275 (Kota Bekasi).`,
  'usage.asOf': (p) => `--as-of ${p.value}: the date must be YYYY-MM-DD, for example 2021-05-12.`,
  'usage.sheet': () => '--sheet: give the name of a sheet or its number (1 = the first), such as --sheet Peserta or --sheet 2.',
  'usage.outIsFile': (p) => `--out ${p.dir}: a file of that name exists. Choose another folder name.`,
  'usage.outIsInput': (p) => `--out ${p.dir}: the output folder would overwrite the input ${p.file}. Choose another folder.`,
  'output.unwritable': (p) => `${p.dir}: the outputs cannot be written (${p.detail}). No output file was changed.${enWriteAdvice(p.detail)}`,
  'output.writeFailed': (p) =>
    `${p.file}: the output file cannot be written (${p.detail}). No output file was changed.${enWriteAdvice(p.detail)}`,
  'output.locked': (p) =>
    `${p.dir}: another umkm-clean run (PID ${p.pid}) is writing its outputs in this folder. Wait until it ends, then run again. No output file was changed.`,
  'scratch.writeFailed': (p) =>
    `${p.dir}: the scratch file cannot be written (${p.detail}). No output file was changed. Free some space in that folder or point TMPDIR at a folder with room.`,
  'input.workbookDamaged': (p) =>
    `${p.file}: the workbook is damaged or cut short (${p.part}). Ask the sender to send it again, or open it in Excel and save it again.`,
  'input.workbookMissingPart': (p) =>
    `${p.file}: the part ${p.part} is missing, so this is not a complete Excel workbook. Open it in Excel and save it again, or save it as "CSV UTF-8".`,
  'input.workbookEncrypted': (p) =>
    `${p.file}: the workbook is locked with a password. Open it in Excel, remove the password, save, and run again.`,
  'input.workbookTooLarge': (p) =>
    `${p.file}: the workbook is ${enNum(p.size)} MB, over the limit of ${enNum(p.limit)} MB. Save it as "CSV UTF-8" (no size limit) or split it into several files.`,
  'input.workbookEntries': (p) =>
    `${p.file}: the workbook holds ${enNum(p.count)} parts, over the limit of ${enNum(p.limit)}. This is no ordinary Excel export: open it in Excel and save it again, or save it as "CSV UTF-8".`,
  'input.workbookPartTooLarge': (p) =>
    `${p.file}: the part ${p.part} holds ${enNum(p.size)} MB once unpacked, over the limit of ${enNum(p.limit)} MB. Save it as "CSV UTF-8" or split it into several files.`,
  'input.workbookRatio': (p) =>
    `${p.file}: the part ${p.part} expands ${enNum(p.ratio)} times when unpacked (the limit is ${enNum(p.limit)} times). No Excel export does that (perhaps a "zip bomb"): ask the sender to export it again from Excel.`,
  'input.workbookSharedStrings': (p) =>
    `${p.file}: the workbook holds more than ${enNum(p.limit)} distinct texts (shared strings). Save it as "CSV UTF-8" or split it into several files.`,
  'input.workbookRows': (p) =>
    `${p.file} line ${enNum(p.line)}: past Excel's limit of ${enNum(p.limit)} rows per sheet. Open it in Excel and save it again, or save it as "CSV UTF-8".`,
  'input.workbookColumns': (p) =>
    `${p.file} line ${enNum(p.line)}: column ${p.column} is past Excel's limit of ${enNum(p.limit)} columns (XFD). Open it in Excel and save it again, or save it as "CSV UTF-8".`,
  'input.workbookCellTooLarge': (p) =>
    `${p.file} line ${enNum(p.line)}: one cell holds more than ${enNum(p.limit)} bytes of XML. Fix or empty that cell in Excel and run again.`,
  'input.workbookStringTooLarge': (p) =>
    `${p.file}: shared string number ${enNum(p.index)} holds more than ${enNum(p.limit)} bytes of XML. Open it in Excel and save it again, or save it as "CSV UTF-8".`,
  'input.cellTooLong': (p) =>
    `${p.file} line ${enNum(p.line)} column ${p.column}: the cell is longer than ${enNum(p.limit)} characters (Excel's limit). Fix that cell and run again.`,
  'input.fieldTooLong': (p) =>
    `${p.file} line ${enNum(p.line)}: a cell is longer than ${enNum(p.limit)} characters. Usually a quote (") that is never closed makes the rest of the file one cell: fix that line and run again.`,
  'input.recordTooLong': (p) =>
    `${p.file} line ${enNum(p.line)}: a data row is longer than ${enNum(p.limit)} characters. Check that line (a quote never closed, or a file that is no table export) and run again.`,
  'input.tooManyCells': (p) =>
    `${p.file} line ${enNum(p.line)}: more than ${enNum(p.limit)} cells in one row (Excel's column limit). Check the delimiters on that line and run again.`,
  'worker.failed': (p) =>
    `The second thread (${p.worker}) failed: ${p.detail}. No output file was changed. Report it to the developers with the command you ran.`,
  'output.stdout': (p) => `stdout: the summary cannot be written (${p.detail}).`,
  internal: (p) => `Internal error: ${p.detail}. Report it to the developers with the command you ran.`,
  'sheet.rejected': () => 'rejected',
  'sheet.review': () => 'review',
  'notice.workerFallback': (p) =>
    `The second thread for ${p.work === 'scoring' ? 'scoring pairs' : 'finding candidate pairs'} failed (${p.reason}); its work ran on the main thread. Same results, only slower. Please report it to the developers.`,
  'notice.raggedLong': (p) => `${p.count} rows have more cells than the header (first on line ${p.line}); the extra cells are kept as ${p.column}.`,
  'notice.raggedShort': (p) => `${p.count} rows have fewer cells than the header (first on line ${p.line}); the missing cells count as empty.`,
  'notice.duplicateColumn': (p) => `Columns "${p.column}" and "${p.other}" both mean ${p.field}; "${p.other}" is used.`,
  'notice.listInvalid': (p) => `${p.count} NIKs in this list are not 16 digits and are ignored (first on line ${p.line}).`,
  'notice.nikColumnDamaged': (p) =>
    `WARNING ${p.file}: ${p.zeros} of ${p.total} NIKs end in 0${Number(p.mangled) > 0 ? ` and ${p.mangled} are in scientific notation` : ''}. The NIK column was probably damaged by Excel (it keeps 15 digits): ask the kecamatan to resend it with the NIK column formatted as Text.`,
  'summary.title': () => 'umkm-clean summary',
  'summary.rows': () => 'Data rows',
  'summary.accepted': () => 'Accepted (submission.csv)',
  'summary.rejected': () => 'Rejected (rejected.csv)',
  'summary.review': () => 'For review (review.csv)',
  'summary.skipped': () => 'Lines that are not data (titles, totals, signatures)',
  'summary.balanced': () => 'Every row is accounted for in audit.csv',
  'summary.unbalanced': () => 'WARNING: row counts do not add up',
  'summary.reasons': () => 'Reasons',
  'summary.warnings': () => 'Warnings (still accepted)',
  'summary.files': () => 'Files',
  'summary.out': (p) => `Outputs written to ${p.dir}`,
  'summary.checkOnly': () => 'Check mode: no file was written.',
  'summary.fileSheet': (p) => `${p.file} sheet "${p.sheet}" (${p.number})`,
  'summary.fileLine': (p) =>
    `${p.file}: ${p.rows} rows (${p.encoding}, delimiter ${p.delimiter}, header on line ${p.header})`,
  'progress.reading': (p) => `Checking ${p.file}: ${p.rows} rows, ${p.rate} rows/s, ${p.eta} left`,
  'progress.matching': (p) => `Looking for duplicates: ${p.rows} rows, ${p.eta} left`,
  'progress.writing': (p) => `Writing outputs: ${p.rows} rows, ${p.rate} rows/s, ${p.eta} left`,
  'progress.sniffing': (p) => `Sniffing ${p.file}`,
  'failOn.review': (p) =>
    `${p.count} rows are held for review (--fail-on ${p.option}): exit code ${p.code}.`,
  'failOn.rejected': (p) => `${p.count} rows are rejected (--fail-on ${p.option}): exit code ${p.code}.`,
  interrupted: () => 'Stopped. No output file was changed.',
  interruptedBy: (p) => `Stopped by ${p.signal}. No output file was changed.`,
  'init.written': (p) => `Configuration written to ${p.file}. Edit it, then use it with --config ${p.file}.`,
  'init.exists': (p) => `${p.file} exists already. Use --force to replace it.`,
};

const catalogs: Record<Lang, Record<MessageKey, Template>> = { id, en };

export function formatMessage(lang: Lang, key: MessageKey, params: MessageParams = {}): string {
  return catalogs[lang][key](params);
}
