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
import type { Notice } from '../i18n/notice.js';
import type { InputReport } from './batch-types.js';
import { scanRecords, skippedText } from './scan.js';
import { FileShape } from './stages/scan-pass.js';
import { columnNotices } from './stages/sniff.js';

export interface InspectReport {
  readonly file: string;
  /** The worksheet read, for a workbook: its tab's name and position; null for a text export. */
  readonly sheet: { readonly name: string; readonly number: number } | null;
  readonly encoding: string;
  readonly bom: boolean;
  readonly delimiter: string;
  readonly headerLine: number;
  /** Each header cell, the field it maps to (null: kept as is, not checked), and its first few distinct values. */
  readonly columns: { header: string; field: Field | null; samples: string[] }[];
  /** What clean would say of the file: ragged rows, a column named twice, a NIK column Excel damaged. */
  readonly notices: Notice[];
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
export async function inspectInputs(paths: readonly string[], config: ResolvedConfig, lang: Lang, sheet: string | null = null): Promise<InspectEntry[]> {
  const aliases = buildAliasIndex(config.aliases);
  const out: InspectEntry[] = [];
  for (const path of paths) {
    try {
      out.push(await inspectOne(path, aliases, config, lang, sheet));
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      out.push({ file: path, problem: { key: err.key, params: err.params } });
    }
  }
  return out;
}

/** Sample values shown per column: the first few distinct ones, cut short. */
const SAMPLES = 3;
const SAMPLE_CHARS = 40;

function noteSamples(samples: Set<string>[], cells: readonly string[]): void {
  for (const [c, set] of samples.entries()) {
    if (set.size >= SAMPLES) continue;
    const value = (cells[c] ?? '').trim();
    if (value !== '') set.add(value.length > SAMPLE_CHARS ? `${value.slice(0, SAMPLE_CHARS)}...` : value);
  }
}

async function inspectOne(path: string, aliases: AliasIndex, config: ResolvedConfig, lang: Lang, sheet: string | null): Promise<InspectReport> {
  const plan = await sniffInput(path, 0, path, aliases, config.required, lang, sheet);
  const fieldAt = new Map<number, Field>();
  for (const [f, c] of Object.entries(plan.mapping.columns)) fieldAt.set(c, f as Field);
  let skipped = 0;
  const firstSkipped: { line: number; text: string }[] = [];
  let records = 0;
  const onSkip = (_: unknown, rec: { line: number; cells: string[] }) => {
    if (skipped++ < 5) firstSkipped.push({ line: rec.line, text: skippedText(rec, plan.delimiter) });
  };
  // The same notes the scan pass takes of each file, so inspect warns as clean would.
  const report: InputReport = { plan, sha256: '', width: plan.headerCells.length, notices: columnNotices(plan) };
  const shape = new FileShape(report);
  const samples = plan.headerCells.map(() => new Set<string>());
  for await (const batch of scanRecords([plan], { asOf: '2000-01-01', onSkip })) {
    records += batch.length;
    for (const record of batch) {
      shape.note(record);
      noteSamples(samples, record.rec.cells);
    }
  }
  shape.close();
  return {
    file: path,
    sheet: plan.sheet,
    encoding: plan.encoding,
    bom: plan.bom,
    delimiter: plan.delimiter,
    headerLine: plan.headerLine,
    columns: plan.headerCells.map((header, c) => ({ header, field: fieldAt.get(c) ?? null, samples: [...(samples[c] ?? [])] })),
    notices: report.notices,
    absent: KNOWN_FIELDS.filter((f) => plan.mapping.columns[f] === undefined),
    records,
    skipped,
    firstSkipped,
  };
}
