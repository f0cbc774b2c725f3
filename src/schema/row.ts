/** A record's values as the rules and the matcher read them, made once per row (pipeline/prepare-row.ts). */
import type { NikValue } from '../normalize/nik.js';
import type { NikBirth } from '../normalize/nik-birth.js';
import type { PhoneValue } from '../normalize/phone.js';
import type { Field } from './fields.js';

export interface PreparedRow {
  /** Cleaned cell per field: trimmed, placeholders turned into ''; '' for a field the file lacks. */
  readonly values: Readonly<Record<Field, string>>;
  /** Fields the file has a column for. */
  readonly present: ReadonlySet<Field>;
  /** null when the NIK cell is empty. */
  readonly nik: NikValue | null;
  /** null when the phone cell is empty. */
  readonly phone: PhoneValue | null;
  /** The birth date inside a well-formed NIK; null when there is none or it is no real date. */
  readonly birth: NikBirth | null;
}
