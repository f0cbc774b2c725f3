/** summary.json: what a script needs to trust the run, and an analyst to trace it. */
import { formatMessage, type Lang } from '../i18n/messages.js';
import type { DecisionsFile } from '../io/read-decisions.js';
import type { InputPlan } from '../io/read-input.js';
import type { NikListFile } from '../io/read-nik-list.js';
import type { Notice } from '../i18n/notice.js';
import { maskIds } from './mask.js';
import type { SummaryCounter } from './summary.js';

/** What a batch hands the summary: its own shape here, so the report layer needs nothing of the pipeline. */
export interface SummaryInput {
  readonly inputs: readonly { readonly plan: InputPlan; readonly sha256: string; readonly notices: readonly Notice[] }[];
  readonly received: readonly NikListFile[];
  readonly excluded: readonly NikListFile[];
  readonly decisions: readonly DecisionsFile[];
  readonly counter: SummaryCounter;
  readonly distinctNiks: number;
  readonly matching: {
    readonly records: number;
    readonly blocks: number;
    readonly oversizedBlocks: number;
    readonly pairs: number;
    readonly byFamily: Readonly<Record<string, number>>;
    readonly comparisons: number;
    readonly matches: number;
    readonly decidedDifferent: number;
    readonly confirmed: number;
    /** The comparison levels' weights this batch estimated (match/weights.ts). */
    readonly weights: {
      readonly levels: Readonly<Record<string, { readonly m: number; readonly u: number; readonly weight: number }>>;
      readonly priorBits: number;
      readonly expectedMatches: number;
      readonly randomPairs: number;
      readonly iterations: number;
    };
  };
  readonly threads: { readonly scan: number; readonly match: number };
  /** Work a failed worker left to this thread. */
  readonly fallbacks: readonly { readonly work: string; readonly reason: string }[];
  readonly timingsMs: Readonly<Record<'sniff' | 'scan' | 'match' | 'write', number>>;
  readonly peakRssMb: Readonly<Record<'scan' | 'match' | 'write', number>>;
  readonly passes: number;
}

const significant = (x: number) => Number(x.toPrecision(4));

/** The batch's estimated weights: per level m, u and log2(m/u); the prior; how they were estimated. */
function weightsJson(w: SummaryInput['matching']['weights']) {
  return {
    prior_log2_odds: Math.round(w.priorBits * 100) / 100,
    expected_duplicate_pairs: Math.round(w.expectedMatches * 10) / 10,
    random_pairs: w.randomPairs,
    em_iterations: w.iterations,
    levels: Object.fromEntries(
      Object.entries(w.levels).map(([kind, l]) => [kind, { m: significant(l.m), u: significant(l.u), weight: Math.round(l.weight * 100) / 100 }]),
    ),
  };
}

export interface Manifest {
  /** SHA-256 of each list and decisions file, by path as given. */
  readonly lists: Record<string, string>;
  /** SHA-256 of each CSV output (summary.json cannot hold its own). */
  readonly outputs: Record<string, string> | null;
  /** The .xlsx files written beside the CSVs. */
  readonly workbooks: readonly string[];
  readonly config: unknown;
  readonly rules: { name: string; codes: Record<string, string> }[];
}

export interface SummaryMeta {
  readonly tool: { name: string; version: string };
  readonly manifest: Manifest;
  readonly command: 'clean' | 'check';
  readonly options: Record<string, unknown>;
  readonly startedAt: string;
  readonly totalMs: number;
  /** The Node.js version that ran the batch. */
  readonly node: string;
  /** The process's peak resident memory at the end, in MB. */
  readonly peakRssMb: number;
}

const DELIMITER_NAMES: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' };

function renderNotices(notices: readonly Notice[], lang: Lang) {
  return notices.map((n) => ({
    code: n.key.replace(/^notice\./, ''),
    level: n.loud ? 'warning' : 'info',
    // Words for a person, which may quote a file name or a cell: NIK-like values masked.
    message: maskIds(formatMessage(lang, n.key, n.params)),
  }));
}

function listJson(l: NikListFile, lang: Lang) {
  return {
    file: l.plan.name,
    encoding: l.plan.encoding,
    delimiter: l.plan.delimiter,
    header_line: l.plan.headerLine,
    niks: l.niks,
    invalid: l.invalid,
    notices: renderNotices(l.notices, lang),
  };
}

export function buildSummary(result: SummaryInput, meta: SummaryMeta, lang: Lang) {
  const c = result.counter;
  return {
    tool: meta.tool,
    command: meta.command,
    started_at: meta.startedAt,
    options: meta.options,
    totals: {
      rows: c.totals.rows,
      accepted: c.totals.accepted,
      rejected: c.totals.rejected,
      review: c.totals.review,
      skipped_lines: c.skipped.length,
      distinct_niks: result.distinctNiks,
      balanced: c.balanced,
    },
    reasons: c.reasons,
    warnings: c.warnings,
    files: result.inputs.map((r) => {
      const counts = c.byFile.get(r.plan.index) ?? { rows: 0, accepted: 0, rejected: 0, review: 0 };
      const columns: Record<string, string> = {};
      for (const [field, col] of Object.entries(r.plan.mapping.columns)) columns[field] = r.plan.headerCells[col] ?? '';
      const mapped = new Set(Object.values(r.plan.mapping.columns));
      return {
        file: r.plan.name,
        path: r.plan.path,
        format: r.plan.format,
        sheet: r.plan.sheet,
        encoding: r.plan.encoding,
        bom: r.plan.bom,
        delimiter: r.plan.delimiter,
        delimiter_name: DELIMITER_NAMES[r.plan.delimiter] ?? r.plan.delimiter,
        header_line: r.plan.headerLine,
        columns,
        other_columns: r.plan.headerCells.filter((h, i) => !mapped.has(i) && h.trim() !== ''),
        ...counts,
        skipped_lines: c.skipped.filter((s) => s.file === r.plan.name).length,
        notices: renderNotices(r.notices, lang),
      };
    }),
    kecamatan: [...c.byKecamatan.values()].sort((a, b) => b.rows - a.rows || a.name.localeCompare(b.name)),
    lists: {
      received: result.received.map((l) => listJson(l, lang)),
      exclude: result.excluded.map((l) => listJson(l, lang)),
      decisions: result.decisions.map((d) => ({
        file: d.file,
        sama: d.same,
        beda: d.different,
        notices: renderNotices(d.notices, lang),
      })),
    },
    matching: {
      rows: result.matching.records,
      blocks: result.matching.blocks,
      oversized_blocks_skipped: result.matching.oversizedBlocks,
      candidate_pairs: result.matching.pairs,
      pairs_by_family: result.matching.byFamily,
      comparisons: result.matching.comparisons,
      possible_duplicates: result.matching.matches,
      skipped_as_decided_different: result.matching.decidedDifferent,
      confirmed_by_decision: result.matching.confirmed,
      weights: weightsJson(result.matching.weights),
    },
    // The text of a line that is no record, for a person to recognise it: masked like a message.
    skipped_lines: c.skipped.map((s) => ({ file: s.file, line: s.line, text: maskIds(s.text) })),
    manifest: {
      tool: meta.tool,
      inputs: result.inputs.map((r) => ({ file: r.plan.name, path: r.plan.path, bytes: r.plan.size, sha256: r.sha256 })),
      lists: meta.manifest.lists,
      outputs: meta.manifest.outputs,
      workbooks: meta.manifest.workbooks,
      config: meta.manifest.config,
      rules: meta.manifest.rules,
      node: meta.node,
    },
    timings_ms: { ...result.timingsMs, total: meta.totalMs },
    threads: result.threads,
    // Only when a worker failed and its work ran on the main thread: never silently.
    ...(result.fallbacks.length > 0
      ? { worker_fallbacks: result.fallbacks.map((f) => formatMessage(lang, 'notice.workerFallback', { work: f.work, reason: f.reason })) }
      : {}),
    passes: result.passes,
    peak_rss_mb: meta.peakRssMb,
    /** The process's peak RSS as it stood at the end of each phase: where memory grows. */
    peak_rss_mb_by_phase: result.peakRssMb,
  };
}

export type SummaryJson = ReturnType<typeof buildSummary>;
