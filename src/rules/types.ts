/** The shape every row rule shares: a pure function from a prepared row to findings. */
import type { MessageParams } from '../i18n/messages.js';
import type { PreparedRow } from '../schema/row.js';
import type { Field } from '../schema/fields.js';
import type { ReasonCode, Severity } from '../schema/codes.js';
import type { RegionTable } from '../schema/region-table.js';

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
