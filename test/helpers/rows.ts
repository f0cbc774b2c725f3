/** Builds prepared rows and rule contexts for unit tests from plain field values. */
import { prepareRow } from '../../src/pipeline/prepare-row.js';
import type { RuleContext } from '../../src/rules/types.js';
import type { PreparedRow } from '../../src/schema/row.js';
import { DEFAULT_REQUIRED, type Field, KNOWN_FIELDS } from '../../src/schema/fields.js';

export function row(values: Partial<Record<Field, string>>, asOf = '2021-05-20'): PreparedRow {
  const fields = KNOWN_FIELDS.filter((f) => values[f] !== undefined);
  const columns: Partial<Record<Field, number>> = {};
  for (const [i, f] of fields.entries()) columns[f] = i;
  return prepareRow(fields.map((f) => values[f] as string), columns, asOf);
}

export const BASE: Partial<Record<Field, string>> = {
  nik: '3275084507850001',
  nama: 'SITI AMINAH',
  alamat: 'JL. MERPATI 5',
  bidang_usaha: 'WARUNG',
  no_hp: '081234567801',
};

export function ctx(over: Partial<RuleContext> = {}): RuleContext {
  return {
    required: DEFAULT_REQUIRED,
    received: new Map(),
    excluded: new Map(),
    asOf: '2021-05-20',
    region: null,
    ...over,
  };
}
