/** The fields the tool knows, the header names kecamatan offices use for them, and header mapping. */

export const KNOWN_FIELDS = [
  'nik',
  'no_kk',
  'nama',
  'alamat',
  'rt',
  'rw',
  'kelurahan',
  'kecamatan',
  'bidang_usaha',
  'no_hp',
  'jenis_kelamin',
  'tanggal_lahir',
] as const;

export type Field = (typeof KNOWN_FIELDS)[number];

export const DEFAULT_REQUIRED: readonly Field[] = ['nik', 'nama', 'alamat', 'bidang_usaha', 'no_hp'];

export function isField(s: string): s is Field {
  return (KNOWN_FIELDS as readonly string[]).includes(s);
}

/** Header names seen in real exports; matched after {@link foldHeader}. */
export const DEFAULT_ALIASES: Record<Field, readonly string[]> = {
  nik: ['NIK', 'No. KTP', 'No KTP', 'Nomor KTP', 'NIK KTP', 'No NIK', 'Nomor NIK', 'NOMOR INDUK KEPENDUDUKAN'],
  no_kk: ['No. KK', 'No KK', 'Nomor KK', 'KK', 'Nomor Kartu Keluarga', 'No Kartu Keluarga'],
  nama: [
    'NAMA',
    'Nama Lengkap',
    'NAMA PEMILIK USAHA',
    'Nama Pemilik',
    'Nama Pelaku Usaha',
    'Nama Sesuai KTP',
    'Nama Penerima',
  ],
  alamat: ['ALAMAT', 'Alamat KTP', 'ALAMAT SESUAI KTP', 'Alamat Lengkap', 'Alamat Rumah', 'Alamat Domisili'],
  rt: ['RT'],
  rw: ['RW'],
  kelurahan: ['KELURAHAN', 'Kel', 'Kel/Desa', 'Desa', 'Desa/Kelurahan', 'Kelurahan/Desa'],
  kecamatan: ['KECAMATAN', 'Kec'],
  bidang_usaha: ['BIDANG USAHA', 'Jenis Usaha', 'SEKTOR USAHA', 'Usaha', 'Jenis/Bidang Usaha'],
  no_hp: [
    'NO HP',
    'No. Telp/HP',
    'NOMOR HANDPHONE',
    'No Telp',
    'No Telepon',
    'Nomor Telepon',
    'Nomor HP',
    'No Handphone',
    'HP',
    'Telepon',
    'No WA',
    'No HP/WA',
  ],
  jenis_kelamin: ['JENIS KELAMIN', 'JK', 'L/P', 'Kelamin'],
  tanggal_lahir: ['TANGGAL LAHIR', 'Tgl Lahir', 'Tgl. Lahir', 'Tanggal Lahir (DD/MM/YYYY)'],
};

/** "No. Telp/HP" and "NO TELP HP" are the same header: compare upper-case letters and digits only. */
export function foldHeader(name: string): string {
  return name.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

export type AliasIndex = ReadonlyMap<string, Field>;

export function buildAliasIndex(extra: Partial<Record<Field, readonly string[]>> = {}): AliasIndex {
  const index = new Map<string, Field>();
  // Config aliases first, so a user can take over a name the defaults give to another field.
  for (const field of KNOWN_FIELDS) {
    for (const alias of extra[field] ?? []) {
      const key = foldHeader(alias);
      if (key && !index.has(key)) index.set(key, field);
    }
  }
  for (const field of KNOWN_FIELDS) {
    for (const alias of DEFAULT_ALIASES[field]) {
      const key = foldHeader(alias);
      if (!index.has(key)) index.set(key, field);
    }
  }
  return index;
}

export interface HeaderMapping {
  /** Column index of each mapped field. */
  readonly columns: Partial<Record<Field, number>>;
  /** Headers that named a field already taken by an earlier column. */
  readonly duplicates: { column: string; other: string; field: Field }[];
}

export function mapHeader(cells: readonly string[], aliases: AliasIndex): HeaderMapping {
  const columns: Partial<Record<Field, number>> = {};
  const duplicates: HeaderMapping['duplicates'] = [];
  cells.forEach((cell, i) => {
    const field = aliases.get(foldHeader(cell));
    if (!field) return;
    const taken = columns[field];
    if (taken === undefined) columns[field] = i;
    else duplicates.push({ column: cell.trim(), other: (cells[taken] ?? '').trim(), field });
  });
  return { columns, duplicates };
}

export function missingFields(mapping: HeaderMapping, required: readonly Field[]): Field[] {
  return required.filter((f) => mapping.columns[f] === undefined);
}
