/** The columns of submission.csv: the ministry's form by default, another through the config's template. */
import type { Field } from './fields.js';

export interface TemplateColumn {
  readonly column: string;
  readonly field: Field;
}

export const DEFAULT_TEMPLATE: readonly TemplateColumn[] = [
  { column: 'NIK', field: 'nik' },
  { column: 'NAMA', field: 'nama' },
  { column: 'ALAMAT', field: 'alamat' },
  { column: 'BIDANG_USAHA', field: 'bidang_usaha' },
  { column: 'NO_HP', field: 'no_hp' },
  { column: 'KELURAHAN', field: 'kelurahan' },
  { column: 'KECAMATAN', field: 'kecamatan' },
];
