/**
 * `umkm-clean inspect`: what the reader makes of each file (encoding, delimiter, header row,
 * column mapping, records and lines that are not records), so a mapping problem is found in
 * seconds, before a whole run.
 */
import type { ResolvedConfig } from '../config/parse-config.js';
import { InputError } from '../errors.js';
import type { Lang, MessageKey, MessageParams } from '../i18n/messages.js';
import { sniffInput } from '../io/read-input.js';
import { type AliasIndex, buildAliasIndex, type Field, KNOWN_FIELDS } from '../schema/fields.js';
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

/** A file inspect could not read, or that lacks a required column: its problem as a message key. */
export interface InspectFailure {
  readonly file: string;
  readonly problem: { readonly key: MessageKey; readonly params: MessageParams };
}

export type InspectEntry = InspectReport | InspectFailure;

export function isFailure(entry: InspectEntry): entry is InspectFailure {
  return 'problem' in entry;
}

/**
 * Every input, each on its own: a file that cannot be read or lacks a required column is a
 * failure in its place and the next file is still looked at, so one run names every file to fix.
 */
export async function inspectInputs(paths: readonly string[], config: ResolvedConfig, lang: Lang): Promise<InspectEntry[]> {
  const aliases = buildAliasIndex(config.aliases);
  const out: InspectEntry[] = [];
  for (const path of paths) {
    try {
      out.push(await inspectOne(path, aliases, config, lang));
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      out.push({ file: path, problem: { key: err.key, params: err.params } });
    }
  }
  return out;
}

async function inspectOne(path: string, aliases: AliasIndex, config: ResolvedConfig, lang: Lang): Promise<InspectReport> {
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
  return {
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
  };
}
