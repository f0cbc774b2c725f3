/**
 * One batch: every input, in the order given, through two streaming passes.
 *
 * Pass one reads each record, runs the row rules and tells the NIK groups about it. Pass two
 * reads the same records again (inputs are never modified, and are checked to be unchanged),
 * asks the groups what each row is, and hands each outcome to the sink in input order. Memory
 * grows with distinct NIKs, not with file size: no record is kept between the passes.
 */
import { basename, relative, resolve } from 'node:path';
import { realpath } from 'node:fs/promises';
import { UsageError } from '../errors.js';
import type { Lang } from '../i18n/messages.js';
import type { Notice } from '../report/notice.js';
import type { CsvRecord } from '../io/csv-tokenizer.js';
import { readNikList, type NikListFile } from '../io/read-nik-list.js';
import { type InputPlan, readDataRecords, sniffInput } from '../io/read-input.js';
import { isBefore, type NikVerdict, NikGroups, type RowRef } from '../match/nik-groups.js';
import { NIK_PROFILE, scoreToProbability } from '../match/compare.js';
import { findPossibleDuplicates, type MatchFound, type MatchStats, pairKey } from '../match/fuzzy-matcher.js';
import { type MatchRecord, refKey } from '../match/match-record.js';
import { toMatchRecord } from '../match/to-match-record.js';
import { explainMatch } from '../i18n/evidence.js';
import { type DecisionEntry, type DecisionsFile, readDecisions } from '../io/read-decisions.js';
import { nameTokens } from '../normalize/name.js';
import type { ResolvedConfig } from '../config/parse-config.js';
import { decideDisposition, type RowOutcome } from '../report/outcome.js';
import { SummaryCounter } from '../report/summary.js';
import { type ColumnUnion, REJECTED_META, REVIEW_META, unionColumns } from '../report/csv-rows.js';
import { evaluateRow } from '../rules/index.js';
import type { PreparedRow, RatedFinding, RuleContext } from '../rules/types.js';
import type { RegionTable } from '../schema/region-table.js';
import { buildAliasIndex } from '../schema/fields.js';
import { looksLikeFooterLine } from './footer.js';
import { completeness, hasAnyKnownValue, prepareRow } from './prepare-row.js';

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
  readonly signal?: AbortSignal;
  readonly onProgress?: (p: Progress) => void;
}

export interface Progress {
  readonly phase: 'sniff' | 'read' | 'write';
  readonly file: string;
  /** Rows done in this phase so far, over all files. */
  readonly rows: number;
}

export interface OutcomeSink {
  begin(union: ColumnUnion): Promise<void>;
  write(outcome: RowOutcome): Promise<void>;
}

export interface InputReport {
  readonly plan: InputPlan;
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
  readonly matching: MatchStats & { confirmed: number };
  readonly timingsMs: { sniff: number; pass1: number; match: number; pass2: number };
}

/** source_file is the file name; where two inputs share one, their paths tell them apart. */
function sourceNames(paths: readonly string[]): string[] {
  const bases = paths.map((p) => basename(p));
  return paths.map((p, i) =>
    bases.filter((b) => b === bases[i]).length > 1 ? relative(process.cwd(), resolve(p)) || p : (bases[i] as string),
  );
}

async function assertDistinct(paths: readonly string[]): Promise<void> {
  const seen = new Set<string>();
  for (const p of paths) {
    const real = await realpath(p).catch(() => resolve(p));
    if (seen.has(real)) throw new UsageError('input.duplicateFile', { file: p });
    seen.add(real);
  }
}

/**
 * Which records are records: a row with no value in any known column is a blank, total or
 * signature line; so is a footer-looking line, and after one, any NIK-less line with at most one
 * known value (the signer's name under "CAMAT ..."). Stateful per file, and deterministic, so both
 * passes classify alike.
 */
class RecordClassifier {
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

/**
 * A whole NIK column typed as numbers: Excel keeps 15 digits, so the 16th comes back as 0 on
 * nearly every row. One serial in ten ends in 0 by chance; nine in ten is damage.
 */
export function looksExcelDamaged(d: { total: number; zeros: number; mangled: number }): boolean {
  return d.total >= 5 && d.zeros / d.total >= 0.9;
}

function skippedText(rec: CsvRecord, delimiter: string): string {
  const text = rec.cells
    .map((c) => c.trim())
    .filter((c) => c !== '')
    .join(delimiter === '\t' ? ' ' : ` ${delimiter} `)
    .replace(/\s+/g, ' ');
  return text.length > 200 ? `${text.slice(0, 197)}...` : text;
}

function refText(ref: RowRef, names: readonly string[]): string {
  return `${names[ref.file]}:${ref.line}`;
}

function batchFindings(verdict: NikVerdict, names: readonly string[]): RatedFinding[] {
  switch (verdict.kind) {
    case 'duplicate':
      return [{ code: 'DUPLICATE_NIK', field: 'nik', severity: 'reject', params: { other: refText(verdict.keeper, names) } }];
    case 'conflict':
      return [
        {
          code: 'NIK_CONFLICT',
          field: 'nik',
          severity: 'review',
          params: { other: refText(verdict.other, names), name: verdict.otherName },
        },
      ];
    default:
      return [];
  }
}

async function readLists(paths: readonly string[], opts: BatchOptions, into: Map<string, string>): Promise<NikListFile[]> {
  const aliases = buildAliasIndex(opts.config.aliases);
  const names = sourceNames(paths);
  const out: NikListFile[] = [];
  for (let i = 0; i < paths.length; i++) {
    out.push(await readNikList(paths[i] as string, names[i] as string, aliases, opts.lang, into));
  }
  return out;
}

interface Confirmation {
  readonly other: RowRef;
  readonly otherNik: string;
  readonly list: string;
}

/**
 * SAMA decisions: of the two NIKs' kept copies, the later is rejected as the earlier's duplicate.
 * Keyed by NIK pair, so it holds wherever the rows sit in this run's files.
 */
function confirmDecisions(decisions: ReadonlyMap<string, DecisionEntry>, groups: NikGroups): Map<string, Confirmation> {
  const out = new Map<string, Confirmation>();
  for (const [key, entry] of decisions) {
    if (entry.decision !== 'SAMA') continue;
    const [a, b] = key.split('|') as [string, string];
    const ra = groups.keeperOf(a);
    const rb = groups.keeperOf(b);
    if (!ra || !rb) continue;
    const [earlier, earlierNik, later] = isBefore(ra, rb) ? [ra, a, rb] : [rb, b, ra];
    out.set(refKey(later), { other: earlier, otherNik: earlierNik, list: entry.list });
  }
  return out;
}

export async function runBatch(opts: BatchOptions, sink: OutcomeSink | null): Promise<BatchResult> {
  const t0 = performance.now();
  await assertDistinct(opts.inputs);
  const names = sourceNames(opts.inputs);
  const aliases = buildAliasIndex(opts.config.aliases);
  const reports: InputReport[] = [];
  for (let i = 0; i < opts.inputs.length; i++) {
    opts.onProgress?.({ phase: 'sniff', file: names[i] as string, rows: 0 });
    const plan = await sniffInput(opts.inputs[i] as string, i, names[i] as string, aliases, opts.config.required, opts.lang);
    const notices: Notice[] = plan.mapping.duplicates.map((d) => ({
      key: 'notice.duplicateColumn',
      params: { column: d.column, other: d.other, field: d.field.toUpperCase() },
    }));
    reports.push({ plan, width: plan.headerCells.length, notices });
  }
  const receivedMap = new Map<string, string>();
  const excludedMap = new Map<string, string>();
  const received = await readLists(opts.received, opts, receivedMap);
  const excluded = await readLists(opts.exclude, opts, excludedMap);
  const decisionMap = new Map<string, DecisionEntry>();
  const decisionNames = sourceNames(opts.decisions);
  const decisions: DecisionsFile[] = [];
  for (let i = 0; i < opts.decisions.length; i++) {
    decisions.push(await readDecisions(opts.decisions[i] as string, decisionNames[i] as string, aliases, opts.lang, decisionMap));
  }
  const ctx: RuleContext = {
    required: opts.config.required,
    received: receivedMap,
    excluded: excludedMap,
    asOf: opts.asOf,
    region: opts.region,
  };
  const overrides = opts.config.severities;
  const t1 = performance.now();

  // Pass one: rules per row, and every well-formed NIK into its group.
  const groups = new NikGroups();
  const candidates: MatchRecord[] = [];
  let done = 0;
  for (const report of reports) {
    const { plan } = report;
    const columns = plan.mapping.columns;
    const classifier = new RecordClassifier();
    const headerWidth = plan.headerCells.length;
    let long = 0;
    let firstLong = 0;
    let short = 0;
    let firstShort = 0;
    const damage = { total: 0, zeros: 0, mangled: 0 };
    for await (const batch of readDataRecords(plan, opts.signal)) {
      for (const rec of batch) {
        const row = prepareRow(rec.cells, columns, opts.asOf);
        if (!classifier.isRecord(rec, row)) continue;
        let width = rec.cells.length;
        while (width > headerWidth && (rec.cells[width - 1] ?? '').trim() === '') width--;
        if (width > headerWidth) {
          if (long++ === 0) firstLong = rec.line;
          if (width > report.width) report.width = width;
        } else if (rec.cells.length < headerWidth) {
          if (short++ === 0) firstShort = rec.line;
        }
        const nik = row.nik;
        if (nik?.excelMangled) damage.mangled++;
        if (nik?.wellFormed) {
          damage.total++;
          if (nik.digits.endsWith('0')) damage.zeros++;
          const findings = evaluateRow(row, ctx, overrides);
          const valid = !findings.some((f) => f.severity === 'reject');
          groups.add(
            nik.digits,
            {
              ref: { file: plan.index, line: rec.line },
              valid,
              completeness: completeness(row),
            },
            nameTokens(row.values.nama),
            row.values.nama,
          );
          candidates.push(toMatchRecord(row, { file: plan.index, line: rec.line }, valid));
        }
        done++;
      }
      opts.onProgress?.({ phase: 'read', file: plan.name, rows: done });
    }
    if (long > 0) {
      report.notices.push({ key: 'notice.raggedLong', params: { count: long, line: firstLong, column: `KOLOM_${headerWidth + 1}` } });
    }
    if (short > 0) report.notices.push({ key: 'notice.raggedShort', params: { count: short, line: firstShort } });
    if (looksExcelDamaged(damage)) {
      report.notices.push({ key: 'notice.nikColumnDamaged', params: { file: plan.name, ...damage }, loud: true });
    }
  }
  const t2 = performance.now();

  // Between the passes: analysts' decisions, then probable duplicates under different NIKs among
  // the copies that go on (one per NIK, NIK conflicts left to their own review).
  const confirmed = confirmDecisions(decisionMap, groups);
  const different = new Set([...decisionMap].filter(([, d]) => d.decision === 'BEDA').map(([k]) => k));
  const matchable = candidates.filter((r) => {
    const kind = groups.verdict(r.id, r.ref).kind;
    return (kind === 'single' || kind === 'keeper') && !confirmed.has(refKey(r.ref));
  });
  candidates.length = 0;
  const { matches, stats: matchStats } = findPossibleDuplicates(matchable, NIK_PROFILE, different);
  const t3 = performance.now();

  // Pass two: decide and write, in input order.
  const union = unionColumns(
    reports.map((r) => ({ headerCells: r.plan.headerCells, width: r.width, columns: r.plan.mapping.columns })),
    [...new Set([...REJECTED_META, ...REVIEW_META])],
  );
  await sink?.begin(union);
  const counter = new SummaryCounter();
  done = 0;
  for (const { plan } of reports) {
    const columns = plan.mapping.columns;
    const classifier = new RecordClassifier();
    for await (const batch of readDataRecords(plan, opts.signal)) {
      for (const rec of batch) {
        const row = prepareRow(rec.cells, columns, opts.asOf);
        if (!classifier.isRecord(rec, row)) {
          counter.skip({ file: plan.name, line: rec.line, text: skippedText(rec, plan.delimiter) });
          continue;
        }
        const findings = evaluateRow(row, ctx, overrides);
        let verdict: NikVerdict = { kind: 'single' };
        let possible: MatchFound | undefined;
        let sameAs: Confirmation | undefined;
        if (row.nik?.wellFormed) {
          const ref = { file: plan.index, line: rec.line };
          verdict = groups.verdict(row.nik.digits, ref);
          findings.push(...batchFindings(verdict, names));
          sameAs = confirmed.get(refKey(ref));
          possible = sameAs ? undefined : matches.get(refKey(ref));
          if (sameAs) {
            findings.push({
              code: 'DUPLICATE_CONFIRMED',
              field: 'nik',
              severity: 'reject',
              params: { other: refText(sameAs.other, names), otherNik: sameAs.otherNik, list: sameAs.list },
            });
          } else if (possible) {
            findings.push({
              code: 'POSSIBLE_DUPLICATE',
              field: 'nik',
              severity: 'review',
              params: {
                other: refText(possible.other.ref, names),
                otherNik: possible.other.id,
                why: explainMatch(opts.lang, possible.result.evidence),
              },
            });
          }
        }
        const outcome: RowOutcome = {
          fileIndex: plan.index,
          sourceFile: plan.name,
          sourceLine: rec.line,
          cells: rec.cells,
          row,
          findings,
          disposition: decideDisposition(findings),
          duplicateOf:
            verdict.kind === 'duplicate' ? refText(verdict.keeper, names) : sameAs ? refText(sameAs.other, names) : '',
          matchWith:
            verdict.kind === 'conflict' ? refText(verdict.other, names) : possible ? refText(possible.other.ref, names) : '',
          matchScore:
            verdict.kind === 'conflict'
              ? verdict.score.toFixed(2)
              : possible
                ? scoreToProbability(possible.result.score, NIK_PROFILE).toFixed(2)
                : '',
          matchNik: verdict.kind === 'conflict' ? (row.nik?.digits ?? '') : possible ? possible.other.id : '',
        };
        counter.add(outcome);
        await sink?.write(outcome);
        done++;
      }
      opts.onProgress?.({ phase: 'write', file: plan.name, rows: done });
    }
  }
  const t4 = performance.now();
  return {
    inputs: reports,
    received,
    excluded,
    decisions,
    counter,
    distinctNiks: groups.size,
    matching: { ...matchStats, confirmed: confirmed.size },
    timingsMs: {
      sniff: Math.round(t1 - t0),
      pass1: Math.round(t2 - t1),
      match: Math.round(t3 - t2),
      pass2: Math.round(t4 - t3),
    },
  };
}
