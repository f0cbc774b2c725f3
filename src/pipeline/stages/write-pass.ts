/**
 * Stage 4, the write pass: the inputs read again, in order; each row's own findings (kept from the
 * scan when it had none) and its cross-row findings (outcome/cross-row) decide its disposition, and
 * the outcome goes to the sink and the summary counts.
 */
import type { MatchKeyStore } from '../../engine/match-keys.js';
import type { RowIndex } from '../../engine/row-index.js';
import type { NikVerdict } from '../../match/nik-groups.js';
import type { RowRef } from '../../match/row-ref.js';
import { crossRowOutcome, NO_CROSS_ROW } from '../../outcome/cross-row/index.js';
import type { CrossRowContext } from '../../outcome/cross-row/types.js';
import { decideDisposition } from '../../outcome/disposition.js';
import type { RowOutcome } from '../../outcome/row-outcome.js';
import { REJECTED_META, REVIEW_META, unionColumns } from '../../report/csv-rows.js';
import { MAX_REVIEW_ITEMS } from '../../report/review-page-model.js';
import { SummaryCounter } from '../../report/summary.js';
import { officialPlace } from '../../schema/region-table.js';
import { evaluateRow } from '../../rules/index.js';
import type { BatchOptions, OutcomeSink } from '../batch-types.js';
import { type ScannedRecord, scanRecords, skippedText } from '../scan.js';
import type { ResolvedBatch } from './resolve.js';
import type { ScannedBatch } from './scan-pass.js';
import type { SniffedBatch } from './sniff.js';

/** What the batch found of one row among the others, for the cross-row rules. */
function verdictOf(nik: string, ord: number, ref: RowRef, scanned: ScannedBatch, resolved: ResolvedBatch): NikVerdict {
  // Most NIKs occur once: only rows the scan marked as sharing theirs look at the table.
  const entry = scanned.keys.nikRepeated(ord) ? scanned.table.repeated(nik) : null;
  if (!entry) return { kind: 'single' };
  // A repeated NIK under differing names was grouped in the resolve step.
  if (entry.namesDiffer) return resolved.groups.verdict(nik, ref);
  return entry.keeperOrd === ord ? { kind: 'keeper' } : { kind: 'duplicate', keeper: scanned.index.ref(entry.keeperOrd) };
}

/**
 * The rows other rows are held against as probable duplicates (review.html shows them side by
 * side), for the first rows held: the page shows that many, and the set stays small at any scale.
 */
function matchPartners(resolved: ResolvedBatch): Set<number> {
  const partners = new Set<number>();
  for (const m of resolved.matches.entries()) {
    if (partners.size >= MAX_REVIEW_ITEMS) break;
    partners.add(m.otherOrd);
  }
  return partners;
}

export async function writePass(
  batch: SniffedBatch,
  scanned: ScannedBatch,
  resolved: ResolvedBatch,
  opts: BatchOptions,
  sink: OutcomeSink | null,
): Promise<SummaryCounter> {
  const { reports, names, ctx } = batch;
  const union = unionColumns(
    reports.map((r) => ({ headerCells: r.plan.headerCells, width: r.width, columns: r.plan.mapping.columns })),
    [...new Set([...REJECTED_META, ...REVIEW_META])],
  );
  await sink?.begin(union, batch.decisionMap);
  const counter = new SummaryCounter(opts.lang);
  const matchOf = resolved.matches.cursor();
  const keys: MatchKeyStore = scanned.keys;
  const index: RowIndex = scanned.index;
  const crossCtx: CrossRowContext = { lang: opts.lang, refText: (ref) => `${names[ref.file]}:${ref.line}` };
  const overrides = opts.config.severities;
  const partners = matchPartners(resolved);

  const outcomeOf = ({ plan, rec, row, ord }: ScannedRecord): RowOutcome => {
    const own = scanned.clean.has(ord) ? [] : evaluateRow(row, ctx, overrides);
    const ref = { file: plan.index, line: rec.line };
    let cross = NO_CROSS_ROW;
    const nik = row.nik;
    // The cursor steps past this row either way.
    const found = nik?.wellFormed || keys.noId(ord) ? matchOf(ord) : undefined;
    const possible = found ? { other: index.ref(found.otherOrd), otherNik: keys.idOf(found.otherOrd), score: found.score, evidence: found.evidence } : null;
    if (nik?.wellFormed) {
      cross = crossRowOutcome(
        { nik: nik.digits, verdict: verdictOf(nik.digits, ord, ref, scanned, resolved), confirmed: resolved.confirmed.get(ord) ?? null, possible },
        crossCtx,
      );
    } else if (possible) {
      // A row without a NIK has no NIK group and no decision: only its probable duplicate.
      cross = crossRowOutcome({ nik: '', verdict: { kind: 'single' }, confirmed: null, possible }, crossCtx);
    }
    const findings = cross.findings.length === 0 ? own : [...own, ...cross.findings];
    return {
      fileIndex: plan.index,
      sourceFile: plan.name,
      sourceLine: rec.line,
      cells: rec.cells,
      row,
      findings,
      disposition: decideDisposition(findings),
      duplicateOf: cross.duplicateOf,
      matchWith: cross.matchWith,
      matchScore: cross.matchScore,
      matchNik: cross.matchNik,
      matchEvidence: cross.matchEvidence,
      matchPartner: partners.has(ord),
      place: ctx.region && officialPlace(ctx.region, row.values.kecamatan, row.values.kelurahan),
    };
  };

  const hooks = {
    asOf: opts.asOf,
    signal: opts.signal,
    onSkip: (plan: { name: string; delimiter: string }, rec: { line: number; cells: string[] }) =>
      counter.skip({ file: plan.name, line: rec.line, text: skippedText(rec, plan.delimiter) }),
    onProgress: (plan: { name: string }, rows: number, bytes: number) =>
      opts.onProgress?.({ phase: 'write', file: plan.name, rows, bytes, totalBytes: batch.totalBytes }),
  };
  for await (const records of scanRecords(reports.map((r) => r.plan), hooks)) {
    for (const record of records) {
      const outcome = outcomeOf(record);
      counter.add(outcome);
      const wait = sink?.write(outcome);
      if (wait) await wait;
    }
  }
  await sink?.finish();
  return counter;
}
