/**
 * One batch: every input, in the order given, in streaming passes that keep no record.
 *
 * 1. Scan: each record's rules; its NIK into the NIK table (count, kept copy, whether names
 *    differ); its blocking keys into the key store. A few dozen bytes a row, in typed arrays.
 * 2. Between: candidate pairs from the blocking keys; analysts' SAMA decisions.
 * 3. Resolve (only when there is something to resolve): read back, from a scratch file written
 *    in the scan, the name and address of the rows that sit in a candidate pair or share a NIK
 *    under differing names; score the pairs, tell conflicts from duplicates.
 * 4. Write: read the inputs again, decide each row and hand it to the sink, in input order.
 *
 * Inputs are never modified and are checked to be unchanged between passes. Memory grows with
 * distinct NIKs and rows' keys, not with file size.
 */
import { basename, relative, resolve } from 'node:path';
import { realpath } from 'node:fs/promises';
import { UsageError } from '../errors.js';
import type { Lang } from '../i18n/messages.js';
import { explainMatch } from '../i18n/evidence.js';
import { type DecisionEntry, type DecisionsFile, readDecisions } from '../io/read-decisions.js';
import { readNikList, type NikListFile } from '../io/read-nik-list.js';
import { type InputPlan, sniffInput } from '../io/read-input.js';
import { candidatePairsParallel } from '../engine/parallel-candidates.js';
import { NIK_PROFILE, scoreToProbability } from '../match/compare.js';
import { dropFarPairs, type MatchStats } from '../engine/fuzzy-matcher.js';
import { PairRecords } from '../engine/pair-records.js';
import { scorePairsParallel } from '../engine/parallel-scoring.js';
import { RowIndex } from '../engine/row-index.js';
import { MatchList, type StoredMatch } from '../engine/match-list.js';
import { GrowableBits } from '../engine/growable.js';
import { NikGroups, type NikVerdict } from '../match/nik-groups.js';
import type { RowRef } from '../match/row-ref.js';
import { sha256FileOffThread } from '../io/off-thread-hash.js';
import { SpillFile } from '../io/spill.js';
import type { ResolvedConfig } from '../config/parse-config.js';
import { type ColumnUnion, REJECTED_META, REVIEW_META, unionColumns } from '../report/csv-rows.js';
import type { Notice } from '../i18n/notice.js';
import { decideDisposition, type RowOutcome } from '../report/outcome.js';
import { SummaryCounter } from '../report/summary.js';
import { evaluateRow } from '../rules/index.js';
import type { RatedFinding, RuleContext } from '../rules/types.js';
import { buildAliasIndex } from '../schema/fields.js';
import type { RegionTable } from '../schema/region-table.js';
import { completeness } from './prepare-row.js';
import { type MatchScanSink, matchRowOf, openMatchScan } from '../engine/match-scan.js';
import { looksExcelDamaged, scanRecords, skippedText } from './scan.js';

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
  readonly phase: 'sniff' | 'read' | 'match' | 'write';
  readonly file: string;
  /** Rows done in this phase so far, over all files. */
  readonly rows: number;
  /** Bytes read in this phase so far, and in all, for a rate and an ETA. */
  readonly bytes: number;
  readonly totalBytes: number;
}

export interface OutcomeSink {
  begin(union: ColumnUnion): Promise<void>;
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
  readonly matching: MatchStats & { confirmed: number };
  /** Threads that did the scan's matcher half, and that found and scored the candidate pairs (1 or 2). */
  readonly threads: { scan: number; match: number };
  readonly timingsMs: { sniff: number; scan: number; match: number; write: number };
  /** Peak resident memory so far, in MB, at the end of each phase. */
  readonly peakRssMb: { scan: number; match: number; write: number };
  readonly passes: number;
}

function peakRssMb(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
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

/** A row's place as the analyst sees it: file:line. */
function refText(names: readonly string[], ref: RowRef): string {
  return `${names[ref.file]}:${ref.line}`;
}

interface Confirmation {
  readonly other: RowRef;
  readonly otherNik: string;
  readonly list: string;
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

export async function runBatch(opts: BatchOptions, sink: OutcomeSink | null): Promise<BatchResult> {
  const spill = await SpillFile.create();
  try {
    return await runBatchWith(opts, sink, spill);
  } finally {
    await spill.remove();
  }
}

async function runBatchWith(opts: BatchOptions, sink: OutcomeSink | null, spill: SpillFile): Promise<BatchResult> {
  const t0 = performance.now();
  await assertDistinct(opts.inputs);
  const names = sourceNames(opts.inputs);
  const aliases = buildAliasIndex(opts.config.aliases);
  const reports: InputReport[] = [];
  for (let i = 0; i < opts.inputs.length; i++) {
    opts.onProgress?.({ phase: 'sniff', file: names[i] as string, rows: 0, bytes: 0, totalBytes: 0 });
    const plan = await sniffInput(opts.inputs[i] as string, i, names[i] as string, aliases, opts.config.required, opts.lang);
    const notices: Notice[] = plan.mapping.duplicates.map((d) => ({
      key: 'notice.duplicateColumn',
      params: { column: d.column, other: d.other, field: d.field.toUpperCase() },
    }));
    reports.push({ plan, sha256: '', width: plan.headerCells.length, notices });
  }
  const plans = reports.map((r) => r.plan);
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
  const totalBytes = plans.reduce((n, p) => n + p.size, 0);
  const progress = (phase: Progress['phase']) => (plan: InputPlan, rows: number, bytes: number) =>
    opts.onProgress?.({ phase, file: plan.name, rows, bytes, totalBytes });
  const t1 = performance.now();

  // 1. Scan.
  // Rows expected, from each file's size and its sample's bytes per line: the per-row arrays are
  // made that large at once instead of doubling (and copying) their way there.
  const expectedRows = Math.min(2 ** 26, plans.reduce((n, p) => n + (p.bytesPerLine > 0 ? p.size / p.bytesPerLine : 0), 0) * 1.05);
  const index = new RowIndex(expectedRows);
  const refOf = (ref: RowRef) => refText(names, ref);
  const matchScan = await openMatchScan(expectedRows, spill);
  const clean = new GrowableBits();
  const ragged = plans.map(() => ({ long: 0, firstLong: 0, short: 0, firstShort: 0 }));
  const damage = plans.map(() => ({ total: 0, zeros: 0, mangled: 0 }));
  let rows = 0;
  // Checksums for the manifest, read on the hash worker while the scan reads the same files.
  const inputDigests = Promise.all(plans.map((p) => sha256FileOffThread(p.path)));
  inputDigests.catch(() => undefined);
  const scanHooks = { asOf: opts.asOf, signal: opts.signal, onProgress: progress('read') };
  let scanned: Awaited<ReturnType<MatchScanSink['finish']>>;
  try {
    for await (const batch of scanRecords(plans, scanHooks)) {
      for (const { plan, rec, row, ord } of batch) {
        rows = ord + 1;
        index.add(plan.index, rec.line);
        const report = reports[plan.index] as InputReport;
        const headerWidth = plan.headerCells.length;
        const r = ragged[plan.index]!;
        let width = rec.cells.length;
        while (width > headerWidth && (rec.cells[width - 1] ?? '').trim() === '') width--;
        if (width > headerWidth) {
          if (r.long++ === 0) r.firstLong = rec.line;
          if (width > report.width) report.width = width;
        } else if (rec.cells.length < headerWidth && r.short++ === 0) r.firstShort = rec.line;
        const nik = row.nik;
        const d = damage[plan.index]!;
        if (nik?.excelMangled) d.mangled++;
        if (!nik?.wellFormed) continue;
        d.total++;
        if (nik.digits.endsWith('0')) d.zeros++;
        const rowFindings = evaluateRow(row, ctx, overrides);
        // A row the rules pass untouched need not be checked again in the write pass.
        if (rowFindings.length === 0) clean.set(ord);
        const valid = !rowFindings.some((f) => f.severity === 'reject');
        // Its tokens, NIK-table entry, blocking keys and scratch line: on the worker when there is one.
        const wait = matchScan.add(matchRowOf(ord, row, valid, completeness(row)));
        if (wait) await wait;
      }
    }
    scanned = await matchScan.finish(rows);
  } finally {
    matchScan.dispose();
  }
  const { table, keys, threads: scanThreads } = scanned;
  const digests = await inputDigests;
  reports.forEach((report, i) => {
    report.sha256 = digests[i] as string;
    const r = ragged[i]!;
    const headerWidth = report.plan.headerCells.length;
    if (r.long > 0) {
      report.notices.push({ key: 'notice.raggedLong', params: { count: r.long, line: r.firstLong, column: `KOLOM_${headerWidth + 1}` } });
    }
    if (r.short > 0) report.notices.push({ key: 'notice.raggedShort', params: { count: r.short, line: r.firstShort } });
    if (looksExcelDamaged(damage[i]!)) {
      report.notices.push({ key: 'notice.nikColumnDamaged', params: { file: report.plan.name, ...damage[i]! }, loud: true });
    }
  });
  const t2 = performance.now();
  const rssScan = peakRssMb();

  // 2. Between: who goes on per NIK, candidate pairs among them, analysts' decisions.
  const keeper = new Uint8Array(rows);
  table.forEachKeeper((ord) => (keeper[ord] = 1));
  const differing = new Set(table.differingNiks());
  const confirmed = new Map<number, Confirmation>();
  for (const [key, entry] of decisionMap) {
    if (entry.decision !== 'SAMA') continue;
    const [a, b] = key.split('|') as [string, string];
    const ka = table.get(a)?.keeperOrd;
    const kb = table.get(b)?.keeperOrd;
    if (ka === undefined || kb === undefined) continue;
    const [earlier, earlierNik, later] = ka < kb ? [ka, a, kb] : [kb, b, ka];
    confirmed.set(later, { other: index.ref(earlier), otherNik: earlierNik, list: entry.list });
  }
  const different = new Set([...decisionMap].filter(([, d]) => d.decision === 'BEDA').map(([k]) => k));
  opts.onProgress?.({ phase: 'match', file: '', rows, bytes: 0, totalBytes });
  const { pairs, stats: candidateStats, threads } = await candidatePairsParallel(
    rows,
    (ord) => keeper[ord] === 1 && keys.present.get(ord) !== 0 && !confirmed.has(ord),
    keys,
    { area: NIK_PROFILE.blockOnArea, withinIdRegion: NIK_PROFILE.blockWithinIdRegion },
  );
  const matchStats: MatchStats = { ...candidateStats, records: rows, comparisons: 0, matches: 0, decidedDifferent: 0 };
  // Pairs whose NIKs are not near can never be proposed: not scored, their rows not read back.
  const toScore = NIK_PROFILE.requireNearId ? dropFarPairs(pairs, keys, different, matchStats) : pairs;

  // 3. Resolve: only the rows that need a second look are read into memory.
  let matches = new MatchList();
  let scoreThreads = 1;
  const groups = new NikGroups();
  /** Reads of the inputs: the scan and the write (the resolve step reads the scratch file). */
  const passes = 2;
  if (toScore.length > 0 || differing.size > 0) {
    // Per row in a pair, only its name and address tokens are kept (the rest is in the key
    // store), so a dense batch with millions of candidates still fits.
    const records = PairRecords.forPairs(rows, toScore, keys, index);
    // A row's NIK, at bytes [from, to) of its scratch line, is looked at only when it repeats.
    const disputed = (ord: number, bytes: Buffer, from: number, to: number) =>
      differing.size > 0 && keys.nikRepeated(ord) && differing.has(bytes.toString('latin1', from, to));
    // Most rows are in no pair and under no disputed NIK: only their ordinal is read.
    const wantedLine = (ord: number, bytes: Buffer, tab: number, end: number) =>
      records.wants(ord) || disputed(ord, bytes, tab + 1, Math.min(end, bytes.indexOf(9, tab + 1) >>> 0));
    // A scratch line: ord, NIK, valid, filled, name tokens, address tokens, name as written.
    const tabs: number[] = [];
    for await (const { bytes, ranges } of spill.linesWhere(wantedLine)) {
      for (let k = 0; k < ranges.length; k += 2) {
        const start = ranges[k] as number;
        const end = ranges[k + 1] as number;
        tabs.length = 0;
        for (let i = start; i < end && tabs.length < 6; i++) if (bytes[i] === 9) tabs.push(i);
        let ord = 0;
        for (let i = start; i < (tabs[0] as number); i++) ord = ord * 10 + ((bytes[i] as number) - 48);
        // Name and address sit side by side, tab between: copied as they are.
        if (records.wants(ord)) records.setBytes(ord, bytes, (tabs[3] as number) + 1, tabs[5] as number);
        if (!disputed(ord, bytes, (tabs[0] as number) + 1, tabs[1] as number)) continue;
        // A string of its own, so what the group keeps pins that line at most, not the chunk.
        const [, nik, valid, filled, name, , display] = bytes.toString('utf8', start, end).split('\t') as [string, string, string, string, string, string, string];
        groups.add(nik, { ref: index.ref(ord), valid: valid === '1', completeness: Number(filled) }, name === '' ? [] : name.split(' '), display);
      }
    }
    const result = await scorePairsParallel(rows, toScore, records, NIK_PROFILE, different, matchStats);
    matches = result.matches;
    scoreThreads = result.threads;
  }
  const t3 = performance.now();
  const rssMatch = peakRssMb();

  // 4. Write, in input order.
  const union = unionColumns(
    reports.map((r) => ({ headerCells: r.plan.headerCells, width: r.width, columns: r.plan.mapping.columns })),
    [...new Set([...REJECTED_META, ...REVIEW_META])],
  );
  await sink?.begin(union);
  const counter = new SummaryCounter(opts.lang);
  const matchOf = matches.cursor();
  const onSkip = (plan: InputPlan, rec: { line: number; cells: string[] }) =>
    counter.skip({ file: plan.name, line: rec.line, text: skippedText(rec, plan.delimiter) });
  for await (const batch of scanRecords(plans, { asOf: opts.asOf, signal: opts.signal, onSkip, onProgress: progress('write') })) {
    for (const { plan, rec, row, ord } of batch) {
      const findings = clean.has(ord) ? [] : evaluateRow(row, ctx, overrides);
      const ref = { file: plan.index, line: rec.line };
      let verdict: NikVerdict = { kind: 'single' };
      let possible: StoredMatch | undefined;
      let sameAs: Confirmation | undefined;
      const nik = row.nik;
      if (nik?.wellFormed) {
        // Most NIKs occur once: only rows the scan marked as sharing theirs look at the table.
        const entry = keys.nikRepeated(ord) ? table.repeated(nik.digits) : null;
        if (entry) {
          // A repeated NIK under differing names is one of `differing`, grouped in the resolve step.
          if (entry.namesDiffer) verdict = groups.verdict(nik.digits, ref);
          else verdict = entry.keeperOrd === ord ? { kind: 'keeper' } : { kind: 'duplicate', keeper: index.ref(entry.keeperOrd) };
        }
        findings.push(...batchFindings(verdict, refOf));
        sameAs = confirmed.get(ord);
        // The cursor steps past this row either way; a confirmed duplicate is not also a possible one.
        const found = matchOf(ord);
        possible = sameAs ? undefined : found;
        if (sameAs) {
          findings.push({
            code: 'DUPLICATE_CONFIRMED',
            field: 'nik',
            severity: 'reject',
            params: { other: refOf(sameAs.other), otherNik: sameAs.otherNik, list: sameAs.list },
          });
        } else if (possible) {
          findings.push({
            code: 'POSSIBLE_DUPLICATE',
            field: 'nik',
            severity: 'review',
            params: {
              other: refOf(index.ref(possible.otherOrd)),
              otherNik: keys.idOf(possible.otherOrd),
              why: explainMatch(opts.lang, possible.evidence),
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
          verdict.kind === 'duplicate' ? refOf(verdict.keeper) : sameAs ? refOf(sameAs.other) : '',
        matchWith:
          verdict.kind === 'conflict' ? refOf(verdict.other) : possible ? refOf(index.ref(possible.otherOrd)) : '',
        matchScore:
          verdict.kind === 'conflict'
            ? verdict.score.toFixed(2)
            : possible
              ? scoreToProbability(possible.score, NIK_PROFILE).toFixed(2)
              : '',
        matchNik: verdict.kind === 'conflict' ? (nik?.digits ?? '') : possible ? keys.idOf(possible.otherOrd) : '',
      };
      counter.add(outcome);
      const wait = sink?.write(outcome);
      if (wait) await wait;
    }
  }
  await sink?.finish();
  const t4 = performance.now();
  return {
    inputs: reports,
    received,
    excluded,
    decisions,
    counter,
    distinctNiks: table.size,
    matching: { ...matchStats, confirmed: confirmed.size },
    threads: { scan: scanThreads, match: Math.max(threads, scoreThreads) },
    timingsMs: {
      sniff: Math.round(t1 - t0),
      scan: Math.round(t2 - t1),
      match: Math.round(t3 - t2),
      write: Math.round(t4 - t3),
    },
    peakRssMb: { scan: rssScan, match: rssMatch, write: peakRssMb() },
    passes,
  };
}

function batchFindings(verdict: NikVerdict, refOf: (ref: RowRef) => string): RatedFinding[] {
  switch (verdict.kind) {
    case 'duplicate':
      return [{ code: 'DUPLICATE_NIK', field: 'nik', severity: 'reject', params: { other: refOf(verdict.keeper) } }];
    case 'conflict':
      return [
        {
          code: 'NIK_CONFLICT',
          field: 'nik',
          severity: 'review',
          params: { other: refOf(verdict.other), name: verdict.otherName },
        },
      ];
    default:
      return [];
  }
}
