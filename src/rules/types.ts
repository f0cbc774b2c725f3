/** The shape every row rule shares: a pure function from a prepared row to findings. */
import type { MessageParams } from '../i18n/messages.js';
import type { NikValue } from '../normalize/nik.js';
import type { NikBirth } from '../normalize/nik-birth.js';
import type { PhoneValue } from '../normalize/phone.js';
import type { Field } from '../schema/fields.js';
import type { ReasonCode, Severity } from './codes.js';
import type { RegionTable } from '../schema/region-table.js';

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

/** NIK lists given with --received / --exclude: NIK -> the list file it came from. */
export type NikList = ReadonlyMap<string, string>;

export interface RuleContext {
  readonly required: readonly Field[];
  readonly received: NikList;
  readonly excluded: NikList;
  /** Reference date for ages, YYYY-MM-DD. */
  readonly asOf: string;
  /** The proposing region (--region), or null. */
  readonly region: RegionTable | null;
}

export interface Finding {
  readonly code: ReasonCode;
  readonly field?: Field;
  readonly params: MessageParams;
}

export interface RatedFinding extends Finding {
  readonly severity: Severity;
}

export interface Rule {
  /** kebab-case, the rule's file name. */
  readonly name: string;
  readonly codes: readonly ReasonCode[];
  check(row: PreparedRow, ctx: RuleContext): readonly Finding[];
}

/** What a rule returns when it finds nothing: one shared empty list, not a new one per row. */
export const NONE: readonly Finding[] = Object.freeze([]);
