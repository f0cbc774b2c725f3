/**
 * Delimiter and header row, found together: the header is the first row that names the required
 * columns, and the right delimiter is the one under which such a row exists. Pure: works on a
 * decoded sample of the file's start.
 */
import { CsvTokenizer, type CsvRecord } from './csv-tokenizer.js';
import { type AliasIndex, type Field, type HeaderMapping, mapHeader, missingFields } from '../schema/fields.js';

export const DELIMITERS = [',', ';', '\t', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/** Title rows above the header are a few lines; a header further down than this is not a header. */
const HEADER_SEARCH_ROWS = 100;

export interface LayoutFound {
  readonly ok: true;
  readonly delimiter: Delimiter;
  readonly headerLine: number;
  readonly headerCells: string[];
  readonly mapping: HeaderMapping;
}

export interface LayoutMissing {
  readonly ok: false;
  /** The row that came closest, and what it lacks; null when no row names any known column. */
  readonly best: { line: number; missing: Field[] } | null;
}

function sampleRecords(sample: string, delimiter: string): CsvRecord[] {
  const t = new CsvTokenizer(delimiter);
  const records = t.push(sample);
  // The sample may end inside a quoted cell; what is complete is enough to find a header.
  return records.slice(0, HEADER_SEARCH_ROWS);
}

export type HeaderFound = Omit<LayoutFound, 'delimiter'>;

/** The first of these rows that names every required column (a workbook's rows, say). */
export function findHeader(records: readonly CsvRecord[], aliases: AliasIndex, required: readonly Field[]): HeaderFound | LayoutMissing {
  let best: { line: number; missing: Field[]; known: number } | null = null;
  for (const rec of records.slice(0, HEADER_SEARCH_ROWS)) {
    const mapping = mapHeader(rec.cells, aliases);
    const known = Object.keys(mapping.columns).length;
    if (known === 0) continue;
    const missing = missingFields(mapping, required);
    if (missing.length === 0) return { ok: true, headerLine: rec.line, headerCells: rec.cells, mapping };
    if (!best || missing.length < best.missing.length || (missing.length === best.missing.length && known > best.known)) {
      best = { line: rec.line, missing, known };
    }
  }
  return { ok: false, best: best ? { line: best.line, missing: best.missing } : null };
}

export function detectLayout(sample: string, aliases: AliasIndex, required: readonly Field[]): LayoutFound | LayoutMissing {
  let best: { line: number; missing: Field[]; known: number } | null = null;
  let found: (LayoutFound & { known: number; index: number }) | null = null;
  for (const delimiter of DELIMITERS) {
    const records = sampleRecords(sample, delimiter);
    for (let index = 0; index < records.length; index++) {
      const rec = records[index] as CsvRecord;
      if (rec.cells.length < 2 && required.length > 1) continue;
      const mapping = mapHeader(rec.cells, aliases);
      const known = Object.keys(mapping.columns).length;
      if (known === 0) continue;
      const missing = missingFields(mapping, required);
      if (missing.length === 0) {
        // The earliest header wins; between delimiters at the same row, the one naming more fields.
        if (!found || index < found.index || (index === found.index && known > found.known)) {
          found = { ok: true, delimiter, headerLine: rec.line, headerCells: rec.cells, mapping, known, index };
        }
        break;
      }
      if (!best || missing.length < best.missing.length || (missing.length === best.missing.length && known > best.known)) {
        best = { line: rec.line, missing, known };
      }
    }
  }
  if (found) {
    const { known: _k, index: _i, ...layout } = found;
    return layout;
  }
  return { ok: false, best: best ? { line: best.line, missing: best.missing } : null };
}
