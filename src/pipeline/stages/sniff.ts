/**
 * Stage 1, sniff: each input's encoding, delimiter, header and column mapping; the --received and
 * --exclude lists and the analysts' decisions read whole (they are small); the context the row
 * rules read.
 */
import type { Notice } from '../../i18n/notice.js';
import { assertDistinctFiles, sourceNames } from '../../io/input-paths.js';
import { type DecisionEntry, type DecisionsFile, readDecisions } from '../../io/read-decisions.js';
import { type InputPlan, sniffInput } from '../../io/read-input.js';
import { type NikListFile, readNikList } from '../../io/read-nik-list.js';
import type { RuleContext } from '../../rules/types.js';
import { type AliasIndex, buildAliasIndex } from '../../schema/fields.js';
import type { BatchOptions, InputReport } from '../batch-types.js';

export interface SniffedBatch {
  /** source_file of each input. */
  readonly names: readonly string[];
  readonly reports: InputReport[];
  readonly received: readonly NikListFile[];
  readonly excluded: readonly NikListFile[];
  readonly decisions: readonly DecisionsFile[];
  /** Decisions by NIK pair (match/pair-key.ts); a later file's decision on a pair wins. */
  readonly decisionMap: ReadonlyMap<string, DecisionEntry>;
  readonly ctx: RuleContext;
  readonly totalBytes: number;
}

async function readLists(paths: readonly string[], aliases: AliasIndex, opts: BatchOptions, into: Map<string, string>): Promise<NikListFile[]> {
  const names = sourceNames(paths);
  const out: NikListFile[] = [];
  for (let i = 0; i < paths.length; i++) out.push(await readNikList(paths[i] as string, names[i] as string, aliases, opts.lang, into));
  return out;
}

/** What the header alone tells: two columns that mean one field. `inspect` says it too. */
export function columnNotices(plan: InputPlan): Notice[] {
  return plan.mapping.duplicates.map((d) => ({
    key: 'notice.duplicateColumn',
    params: { column: d.column, other: d.other, field: d.field.toUpperCase() },
  }));
}

export async function sniffStage(opts: BatchOptions): Promise<SniffedBatch> {
  await assertDistinctFiles(opts.inputs);
  const names = sourceNames(opts.inputs);
  const aliases = buildAliasIndex(opts.config.aliases);
  const reports: InputReport[] = [];
  for (let i = 0; i < opts.inputs.length; i++) {
    opts.onProgress?.({ phase: 'sniff', file: names[i] as string, rows: 0, bytes: 0, totalBytes: 0 });
    const plan = await sniffInput(opts.inputs[i] as string, i, names[i] as string, aliases, opts.config.required, opts.lang, opts.sheet ?? null);
    reports.push({ plan, sha256: '', width: plan.headerCells.length, notices: columnNotices(plan) });
  }
  const receivedMap = new Map<string, string>();
  const excludedMap = new Map<string, string>();
  const received = await readLists(opts.received, aliases, opts, receivedMap);
  const excluded = await readLists(opts.exclude, aliases, opts, excludedMap);
  const decisionMap = new Map<string, DecisionEntry>();
  const decisionNames = sourceNames(opts.decisions);
  const decisions: DecisionsFile[] = [];
  for (let i = 0; i < opts.decisions.length; i++) {
    decisions.push(await readDecisions(opts.decisions[i] as string, decisionNames[i] as string, aliases, opts.lang, decisionMap));
  }
  return {
    names,
    reports,
    received,
    excluded,
    decisions,
    decisionMap,
    ctx: { required: opts.config.required, received: receivedMap, excluded: excludedMap, asOf: opts.asOf, region: opts.region },
    totalBytes: reports.reduce((n, r) => n + r.plan.size, 0),
  };
}
