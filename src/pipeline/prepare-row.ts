/** From a record's cells and its file's header mapping to the values the rules read. */
import { cleanCell } from '../normalize/empty.js';
import { normalizeNik } from '../normalize/nik.js';
import { normalizePhone } from '../normalize/phone.js';
import { parseNikBirth } from '../normalize/nik-birth.js';
import { KNOWN_FIELDS, type Field } from '../schema/fields.js';
import type { PreparedRow } from '../rules/types.js';

export type ColumnMap = Partial<Record<Field, number>>;

/** asOf (YYYY-MM-DD) picks the century of the NIK's birth date. */
/** The fields a file has columns for: one set per header mapping, not one per row. */
const presentFor = new WeakMap<ColumnMap, ReadonlySet<Field>>();

export function prepareRow(cells: readonly string[], columns: ColumnMap, asOf: string): PreparedRow {
  let present = presentFor.get(columns);
  if (!present) {
    present = new Set(KNOWN_FIELDS.filter((f) => columns[f] !== undefined));
    presentFor.set(columns, present);
  }
  const values = {} as Record<Field, string>;
  for (const field of KNOWN_FIELDS) {
    const col = columns[field];
    values[field] = col === undefined ? '' : cleanCell(cells[col]);
  }
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
