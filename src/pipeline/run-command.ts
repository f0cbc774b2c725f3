/**
 * clean and check as one async function each side of the CLI: options in, summary out. Opens the
 * output files for clean, commits them only when the whole run succeeded, drops them otherwise.
 */
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import type { ResolvedConfig } from '../config/parse-config.js';
import type { Lang } from '../i18n/messages.js';
import { assertInputsOutsideOutput, OutputFiles } from '../io/output-files.js';
import { effectiveSeverity, RULES } from '../rules/index.js';
import { buildSummary, type SummaryJson } from '../report/summary-json.js';
import { renderHtmlReport } from '../report/html-report.js';
import { renderReviewPage } from '../report/review-page.js';
import type { RegionTable } from '../schema/region-table.js';
import { type CsvStyle, DEFAULT_CSV_STYLE } from '../schema/csv-style.js';
import { createFileSink } from './file-sink.js';
import type { Progress } from './batch-types.js';
import { runBatch } from './run-batch.js';

export interface CommandInput {
  readonly command: 'clean' | 'check';
  readonly inputs: readonly string[];
  /** Output folder for clean; null for check. */
  readonly out: string | null;
  readonly received: readonly string[];
  readonly exclude: readonly string[];
  readonly decisions: readonly string[];
  readonly config: ResolvedConfig;
  readonly configPath: string | null;
  readonly region: RegionTable | null;
  readonly asOf: string;
  readonly lang: Lang;
  /** --sheet, for every workbook among the inputs (not the lists); null when not given. */
  readonly sheet?: string | null;
  /** Also write submission, rejected and review as .xlsx, and a rejection workbook per file. */
  readonly xlsx?: boolean;
  /** --csv, when given: it wins over the config's `csv`. */
  readonly csv?: CsvStyle;
  readonly tool: { name: string; version: string };
  readonly signal?: AbortSignal;
  readonly onProgress?: (p: Progress) => void;
}

export async function runCommand(input: CommandInput): Promise<SummaryJson> {
  const started = performance.now();
  const startedAt = new Date().toISOString();
  let files: OutputFiles | null = null;
  const csv = input.csv ?? input.config.csv ?? DEFAULT_CSV_STYLE;
  if (input.out) {
    const outDir = resolve(input.out);
    await assertInputsOutsideOutput(outDir, [...input.inputs, ...input.received, ...input.exclude, ...input.decisions], input.out);
    files = await OutputFiles.open(outDir, csv);
  }
  try {
    const sink = files ? createFileSink(files, input.config.template, input.lang, input.xlsx ?? false, input.inputs.length, input.region !== null) : null;
    const result = await runBatch(
      {
        inputs: input.inputs,
        received: input.received,
        exclude: input.exclude,
        decisions: input.decisions,
        config: input.config,
        region: input.region,
        asOf: input.asOf,
        sheet: input.sheet ?? null,
        lang: input.lang,
        signal: input.signal,
        onProgress: input.onProgress,
      },
      sink,
    );
    // Each list's SHA-256, taken from the one read of its rows.
    const lists: Record<string, string> = {};
    const read = [...result.received, ...result.excluded, ...result.decisions];
    for (const [i, path] of [...input.received, ...input.exclude, ...input.decisions].entries()) lists[path] = read[i]?.sha256 ?? '';
    const summary = buildSummary(
      result,
      {
        tool: input.tool,
        manifest: {
          lists,
          outputs: files ? await files.digests() : null,
          workbooks: files ? files.extraNames : [],
          config: input.config,
          rules: RULES.map((r) => ({
            name: r.name,
            codes: Object.fromEntries(r.codes.map((c) => [c, effectiveSeverity(c, input.config.severities) ?? 'off'])),
          })),
        },
        command: input.command,
        options: {
          inputs: input.inputs,
          out: input.out,
          region: input.region ? { code: input.region.code, name: input.region.name } : null,
          received: input.received,
          exclude: input.exclude,
          decisions: input.decisions,
          config: input.configPath,
          as_of: input.asOf,
          lang: input.lang,
          sheet: input.sheet ?? null,
          xlsx: input.xlsx ?? false,
          csv,
        },
        startedAt,
        totalMs: Math.round(performance.now() - started),
        node: process.version,
        peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      },
      input.lang,
    );
    if (files) {
      await files.writeText('summary.json', `${JSON.stringify(summary, null, 2)}\n`);
      await files.writeText('report.html', renderHtmlReport(summary, result.counter.examples, input.lang));
      if (sink) {
        // The page's decisions are kept in the browser per run: the manifest names the run.
        const manifestId = createHash('sha256').update(JSON.stringify(summary.manifest)).digest('hex');
        const model = sink.reviewPage({ manifestId, generatedAt: startedAt, inputs: result.inputs.map((r) => r.plan.name) });
        await files.writeText('review.html', renderReviewPage(model, input.lang));
      }
      await files.commit();
      files = null;
    }
    return summary;
  } finally {
    await files?.abort();
  }
}
