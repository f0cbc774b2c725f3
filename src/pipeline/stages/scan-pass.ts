/**
 * Stage 2, the scan pass: every record read once and its place put in the row index. For a row
 * with a well-formed NIK its rules run (the write pass runs them for the others) and what later
 * stages need of it is kept in typed arrays (engine/): its NIK in the NIK table, its blocking keys,
 * a scratch line for the resolve step, and whether the rules passed it untouched. Each file's
 * bytes are hashed as they are read, and its shape noted (ragged rows, a NIK column Excel damaged).
 */
import { createHash, type Hash } from 'node:crypto';
import { GrowableBits } from '../../engine/growable.js';
import type { MatchKeyStore } from '../../engine/match-keys.js';
import { matchRowOf, openMatchScan } from '../../engine/match-scan.js';
import type { NikTable } from '../../engine/nik-table.js';
import { RowIndex } from '../../engine/row-index.js';
import type { SpillFile } from '../../io/spill.js';
import { evaluateRow } from '../../rules/index.js';
import { completeness } from '../prepare-row.js';
import { looksExcelDamaged, type ScannedRecord, scanRecords } from '../scan.js';
import type { BatchOptions, InputReport } from '../batch-types.js';
import type { SniffedBatch } from './sniff.js';

export interface ScannedBatch {
  /** Records in the batch. */
  readonly rows: number;
  readonly index: RowIndex;
  readonly table: NikTable;
  readonly keys: MatchKeyStore;
  /** Rows the rules passed untouched: the write pass need not run them again. */
  readonly clean: GrowableBits;
  /** Threads that really did the matcher's half of the scan (a failing scan worker fails the run). */
  readonly threads: number;
}

/** Per file: rows wider or narrower than the header, and NIKs that end in 0 (Excel's damage). `inspect` notes them too. */
export class FileShape {
  long = 0;
  firstLong = 0;
  short = 0;
  firstShort = 0;
  readonly damage = { total: 0, zeros: 0, mangled: 0 };
  readonly hash: Hash = createHash('sha256');

  constructor(private readonly report: InputReport) {}

  note({ rec, row }: ScannedRecord): void {
    const headerWidth = this.report.plan.headerCells.length;
    let width = rec.cells.length;
    while (width > headerWidth && (rec.cells[width - 1] ?? '').trim() === '') width--;
    if (width > headerWidth) {
      if (this.long++ === 0) this.firstLong = rec.line;
      if (width > this.report.width) this.report.width = width;
    } else if (rec.cells.length < headerWidth && this.short++ === 0) this.firstShort = rec.line;
    const nik = row.nik;
    if (nik?.excelMangled) this.damage.mangled++;
    if (!nik?.wellFormed) return;
    this.damage.total++;
    if (nik.digits.endsWith('0')) this.damage.zeros++;
  }

  /** After the file's last row: its checksum, and its notices. */
  close(): void {
    const { report } = this;
    report.sha256 = this.hash.digest('hex');
    const column = `KOLOM_${report.plan.headerCells.length + 1}`;
    if (this.long > 0) report.notices.push({ key: 'notice.raggedLong', params: { count: this.long, line: this.firstLong, column } });
    if (this.short > 0) report.notices.push({ key: 'notice.raggedShort', params: { count: this.short, line: this.firstShort } });
    if (looksExcelDamaged(this.damage)) {
      report.notices.push({ key: 'notice.nikColumnDamaged', params: { file: report.plan.name, ...this.damage }, loud: true });
    }
  }
}

/**
 * Rows expected, from each file's size and its sample's bytes per line: the per-row arrays are made
 * that large at once instead of doubling (and copying) their way there.
 */
function expectedRows(batch: SniffedBatch): number {
  const guess = batch.reports.reduce((n, r) => n + (r.plan.bytesPerLine > 0 ? r.plan.size / r.plan.bytesPerLine : 0), 0);
  return Math.min(2 ** 26, guess * 1.05);
}

export async function scanPass(batch: SniffedBatch, opts: BatchOptions, scratch: SpillFile): Promise<ScannedBatch> {
  const expected = expectedRows(batch);
  const index = new RowIndex(expected);
  const clean = new GrowableBits();
  const shapes = batch.reports.map((r) => new FileShape(r));
  const plans = batch.reports.map((r) => r.plan);
  const overrides = opts.config.severities;
  const matchScan = await openMatchScan(expected, scratch);
  let rows = 0;
  try {
    const hooks = {
      asOf: opts.asOf,
      signal: opts.signal,
      onFileBytes: (plan: { index: number }, bytes: Buffer) => shapes[plan.index]?.hash.update(bytes),
      onProgress: (plan: { name: string }, done: number, bytes: number) =>
        opts.onProgress?.({ phase: 'read', file: plan.name, rows: done, bytes, totalBytes: batch.totalBytes }),
    };
    for await (const records of scanRecords(plans, hooks)) {
      for (const record of records) {
        const { plan, rec, row, ord } = record;
        rows = ord + 1;
        index.add(plan.index, rec.line);
        shapes[plan.index]?.note(record);
        if (!row.nik?.wellFormed) {
          // Rejected for its NIK, but perhaps a person proposed twice: keys on name and stated
          // birth date (MatchKeyStore.add keeps only rows that have both).
          const keyed = matchRowOf(ord, row, false, completeness(row));
          if (keyed.nama !== '' && keyed.birth !== 0) {
            const wait = matchScan.add(keyed);
            if (wait) await wait;
          }
          continue;
        }
        const findings = evaluateRow(row, batch.ctx, overrides);
        if (findings.length === 0) clean.set(ord);
        const valid = !findings.some((f) => f.severity === 'reject');
        // Its tokens, NIK-table entry, blocking keys and scratch line: on the worker when there is one.
        const wait = matchScan.add(matchRowOf(ord, row, valid, completeness(row)));
        if (wait) await wait;
      }
    }
    const { table, keys, threads } = await matchScan.finish(rows);
    for (const shape of shapes) shape.close();
    return { rows, index, table, keys, clean, threads };
  } finally {
    matchScan.dispose();
  }
}
