/**
 * `umkm-clean inspect`: what the reader makes of each file (encoding, delimiter, header row,
 * column mapping, records and lines that are not records), so a mapping problem is found in
 * seconds, before a whole run.
 */
import type { ResolvedConfig } from '../config/parse-config.js';
import type { Lang } from '../i18n/messages.js';
import { sniffInput } from '../io/read-input.js';
import { buildAliasIndex, type Field, KNOWN_FIELDS } from '../schema/fields.js';
import { scanRecords, skippedText } from './scan.js';

export interface InspectReport {
  readonly file: string;
  readonly encoding: string;
  readonly bom: boolean;
  readonly delimiter: string;
  readonly headerLine: number;
  /** Each header cell and the field it maps to (null: kept as is, not checked). */
  readonly columns: { header: string; field: Field | null }[];
  /** Known fields the file has no column for. */
  readonly absent: Field[];
  readonly records: number;
  readonly skipped: number;
  readonly firstSkipped: { line: number; text: string }[];
}

export async function inspectInputs(paths: readonly string[], config: ResolvedConfig, lang: Lang): Promise<InspectReport[]> {
  const aliases = buildAliasIndex(config.aliases);
  const out: InspectReport[] = [];
  for (let i = 0; i < paths.length; i++) {
    const path = paths[i] as string;
    const plan = await sniffInput(path, 0, path, aliases, config.required, lang);
    const fieldAt = new Map<number, Field>();
    for (const [f, c] of Object.entries(plan.mapping.columns)) fieldAt.set(c, f as Field);
    let skipped = 0;
    const firstSkipped: { line: number; text: string }[] = [];
    let records = 0;
    const onSkip = (_: unknown, rec: { line: number; cells: string[] }) => {
      if (skipped++ < 5) firstSkipped.push({ line: rec.line, text: skippedText(rec, plan.delimiter) });
    };
    for await (const batch of scanRecords([plan], { asOf: '2000-01-01', onSkip })) records += batch.length;
    out.push({
      file: path,
      encoding: plan.encoding,
      bom: plan.bom,
      delimiter: plan.delimiter,
      headerLine: plan.headerLine,
      columns: plan.headerCells.map((header, c) => ({ header, field: fieldAt.get(c) ?? null })),
      absent: KNOWN_FIELDS.filter((f) => plan.mapping.columns[f] === undefined),
      records,
      skipped,
      firstSkipped,
    });
  }
  return out;
}
