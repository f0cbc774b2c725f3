/** What a batch takes, hands on between its stages, and returns. */
import type { ResolvedConfig } from '../config/parse-config.js';
import type { MatchStats } from '../engine/fuzzy-matcher.js';
import type { MatchWeights } from '../match/weights.js';
import type { Lang } from '../i18n/messages.js';
import type { Fallback } from '../threads/workers.js';
import type { Notice } from '../i18n/notice.js';
import type { DecisionEntry, DecisionsFile } from '../io/read-decisions.js';
import type { InputPlan } from '../io/read-input.js';
import type { NikListFile } from '../io/read-nik-list.js';
import type { RowOutcome } from '../outcome/row-outcome.js';
import type { ColumnUnion } from '../report/csv-rows.js';
import type { SummaryCounter } from '../report/summary.js';
import type { RegionTable } from '../schema/region-table.js';

export interface BatchOptions {
  readonly inputs: readonly string[];
  readonly received: readonly string[];
  readonly exclude: readonly string[];
  /** review.csv files with the decision column filled (SAMA / BEDA). */
  readonly decisions: readonly string[];
  readonly config: ResolvedConfig;
  readonly region: RegionTable | null;
  readonly asOf: string;
  readonly lang: Lang;
  /** --sheet: the worksheet read from each workbook input (CSV inputs have none); null: found by its header. */
  readonly sheet?: string | null;
  readonly signal?: AbortSignal;
  readonly onProgress?: (p: Progress) => void;
}

export interface Progress {
  readonly phase: 'sniff' | 'read' | 'match' | 'write';
  readonly file: string;
  /** Rows done in this phase so far, over all files. */
  readonly rows: number;
  /** Bytes read in this phase so far, and in all, for a rate and an ETA. */
  readonly bytes: number;
  readonly totalBytes: number;
}

export interface OutcomeSink {
  /** Before the first row: the columns of the row reports, and the analysts' decisions read. */
  begin(union: ColumnUnion, decisions: ReadonlyMap<string, DecisionEntry>): Promise<void>;
  /** Returns a promise only when the row has to wait for a file (back-pressure). */
  write(outcome: RowOutcome): Promise<void> | undefined;
  /** After the last row: close what needs closing. */
  finish(): Promise<void>;
}

export interface InputReport {
  readonly plan: InputPlan;
  /** SHA-256 of the file's bytes, as read in the scan pass. */
  sha256: string;
  /** Widest row, in cells that hold something. */
  width: number;
  readonly notices: Notice[];
}

export interface BatchResult {
  readonly inputs: readonly InputReport[];
  readonly received: readonly NikListFile[];
  readonly excluded: readonly NikListFile[];
  readonly decisions: readonly DecisionsFile[];
  readonly counter: SummaryCounter;
  readonly distinctNiks: number;
  readonly matching: MatchStats & { confirmed: number; weights: MatchWeights };
  /** Threads that really did the scan's matcher half, and that found and scored the candidate pairs (1 or 2). */
  readonly threads: { scan: number; match: number };
  /** Work meant for a second thread that ran on this one because the worker failed: said, never hidden. */
  readonly fallbacks: readonly Fallback[];
  readonly timingsMs: { sniff: number; scan: number; match: number; write: number };
  /** Peak resident memory so far, in MB, at the end of each phase. */
  readonly peakRssMb: { scan: number; match: number; write: number };
  readonly passes: number;
}
