/** From a record's cells and its file's header mapping to the values the rules read. */
import { cleanCell } from '../normalize/empty.js';
import { normalizeNik } from '../normalize/nik.js';
import { normalizePhone } from '../normalize/phone.js';
import { parseNikBirth } from '../normalize/nik-birth.js';
import { KNOWN_FIELDS, type Field } from '../schema/fields.js';
import type { PreparedRow } from '../schema/row.js';

export type ColumnMap = Partial<Record<Field, number>>;

/** The fields a file has columns for, and each field's column (-1 when none): one per header mapping, not one per row. */
interface Layout {
  readonly present: ReadonlySet<Field>;
  readonly at: Readonly<Record<Field, number>>;
}

const layoutFor = new WeakMap<ColumnMap, Layout>();

function layoutOf(columns: ColumnMap): Layout {
  let layout = layoutFor.get(columns);
  if (!layout) {
    const at = {} as Record<Field, number>;
    for (const f of KNOWN_FIELDS) at[f] = columns[f] ?? -1;
    layout = { present: new Set(KNOWN_FIELDS.filter((f) => columns[f] !== undefined)), at };
    layoutFor.set(columns, layout);
  }
  return layout;
}

function cellAt(cells: readonly string[], col: number): string {
  return col < 0 ? '' : cleanCell(cells[col]);
}

/** asOf (YYYY-MM-DD) picks the century of the NIK's birth date. */
export function prepareRow(cells: readonly string[], columns: ColumnMap, asOf: string): PreparedRow {
  const { present, at } = layoutOf(columns);
  // Written out field by field: every row's values object gets one shape, built without a loop
  // of computed keys (that loop was a quarter of reading a row).
  const values: Record<Field, string> = {
    nik: cellAt(cells, at.nik),
    no_kk: cellAt(cells, at.no_kk),
    nama: cellAt(cells, at.nama),
    alamat: cellAt(cells, at.alamat),
    rt: cellAt(cells, at.rt),
    rw: cellAt(cells, at.rw),
    kelurahan: cellAt(cells, at.kelurahan),
    kecamatan: cellAt(cells, at.kecamatan),
    bidang_usaha: cellAt(cells, at.bidang_usaha),
    no_hp: cellAt(cells, at.no_hp),
    jenis_kelamin: cellAt(cells, at.jenis_kelamin),
    tanggal_lahir: cellAt(cells, at.tanggal_lahir),
  };
  const nik = values.nik === '' ? null : normalizeNik(values.nik);
  return {
    values,
    present,
    nik,
    phone: values.no_hp === '' ? null : normalizePhone(values.no_hp),
    birth: nik?.wellFormed ? parseNikBirth(nik.digits, asOf) : null,
  };
}

/** Non-empty known fields: the "most complete" copy of a duplicate wins. */
export function completeness(row: PreparedRow): number {
  let n = 0;
  for (const field of KNOWN_FIELDS) if (row.values[field] !== '') n++;
  return n;
}

/** A row with no value in any known column is a blank, a total or a signature line, not a record. */
export function hasAnyKnownValue(row: PreparedRow): boolean {
  for (const field of row.present) if (row.values[field] !== '') return true;
  return false;
}
