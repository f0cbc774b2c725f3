/**
 * Walking the records of all inputs in order, the same way in every pass: which lines are records
 * (blank, total and signature lines are not), each record's ordinal in the batch, and its
 * prepared values.
 */
import type { CsvRecord } from '../io/csv-tokenizer.js';
import { type InputPlan, readDataRecords } from '../io/read-input.js';
import type { PreparedRow } from '../schema/row.js';
import { looksLikeFooterLine } from './footer.js';
import { hasAnyKnownValue, prepareRow } from './prepare-row.js';

/**
 * Which records are records: a row with no value in any known column is a blank, total or
 * signature line; so is a footer-looking line without a NIK, and after one, any NIK-less line
 * with at most one known value (the signer's name under "CAMAT ..."). Stateful per file and
 * deterministic, so every pass classifies alike.
 */
export class RecordClassifier {
  private inFooter = false;

  isRecord(rec: CsvRecord, row: PreparedRow): boolean {
    if (!hasAnyKnownValue(row)) return false;
    // A row with a real NIK is a record, whatever else it holds; "5 USULAN" under NIK is a total.
    if (row.nik?.wellFormed || row.nik?.excelMangled) return true;
    if (looksLikeFooterLine(rec.cells)) {
      this.inFooter = true;
      return false;
    }
    if (this.inFooter && row.nik === null) {
      let known = 0;
      for (const f of row.present) if (row.values[f] !== '') known++;
      if (known <= 1) return false;
    }
    return true;
  }
}

export interface ScannedRecord {
  readonly plan: InputPlan;
  readonly rec: CsvRecord;
  readonly row: PreparedRow;
  /** Position among the batch's records, in input order. */
  readonly ord: number;
}

export interface ScanHooks {
  readonly asOf: string;
  readonly signal?: AbortSignal;
  /** A line that is not a record. */
  onSkip?(plan: InputPlan, rec: CsvRecord): void;
  /** After each chunk read: records and bytes so far in this pass. */
  onProgress?(plan: InputPlan, records: number, bytes: number): void;
  /** Every byte of each file as it is read (the scan pass hashes them for the manifest). */
  onFileBytes?(plan: InputPlan, bytes: Buffer): void;
}

/** The records of every input in input order, a batch per chunk read (no promise per row). */
export async function* scanRecords(plans: readonly InputPlan[], hooks: ScanHooks): AsyncGenerator<ScannedRecord[]> {
  let ord = 0;
  let bytes = 0;
  for (const plan of plans) {
    const classifier = new RecordClassifier();
    const columns = plan.mapping.columns;
    const onBytes = (n: number) => {
      bytes += n;
    };
    const onFileBytes = hooks.onFileBytes ? (b: Buffer) => hooks.onFileBytes?.(plan, b) : undefined;
    for await (const batch of readDataRecords(plan, hooks.signal, onBytes, onFileBytes)) {
      const out: ScannedRecord[] = [];
      for (const rec of batch) {
        const row = prepareRow(rec.cells, columns, hooks.asOf);
        if (!classifier.isRecord(rec, row)) {
          hooks.onSkip?.(plan, rec);
          continue;
        }
        out.push({ plan, rec, row, ord: ord++ });
      }
      if (out.length > 0) yield out;
      hooks.onProgress?.(plan, ord, bytes);
    }
  }
}

export function skippedText(rec: CsvRecord, delimiter: string): string {
  const text = rec.cells
    .map((c) => c.trim())
    .filter((c) => c !== '')
    .join(delimiter === '\t' ? ' ' : ` ${delimiter} `)
    .replace(/\s+/g, ' ');
  return text.length > 200 ? `${text.slice(0, 197)}...` : text;
}

/**
 * A whole NIK column typed as numbers: Excel keeps 15 digits, so the 16th comes back as 0 on
 * nearly every row. One serial in ten ends in 0 by chance; nine in ten is damage.
 */
export function looksExcelDamaged(d: { total: number; zeros: number; mangled: number }): boolean {
  return d.total >= 5 && d.zeros / d.total >= 0.9;
}
