/**
 * clean and check as one async function each side of the CLI: options in, summary out. Opens the
 * output files for clean, commits them only when the whole run succeeded, drops them otherwise.
 */
import { resolve } from 'node:path';
import type { ResolvedConfig } from '../config/parse-config.js';
import type { Lang } from '../i18n/messages.js';
import { assertInputsOutsideOutput, OutputFiles } from '../io/output-files.js';
import { sha256FileOffThread } from '../io/off-thread-hash.js';
import { effectiveSeverity, RULES } from '../rules/index.js';
import { buildSummary, type SummaryJson } from '../report/summary-json.js';
import { renderHtmlReport } from '../report/html-report.js';
import type { RegionTable } from '../schema/region-table.js';
import { createFileSink } from './file-sink.js';
import { type Progress, runBatch } from './run-batch.js';

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
  /** Also write submission, rejected and review as .xlsx, and a rejection workbook per file. */
  readonly xlsx?: boolean;
  readonly tool: { name: string; version: string };
  readonly signal?: AbortSignal;
  readonly onProgress?: (p: Progress) => void;
}

export async function runCommand(input: CommandInput): Promise<SummaryJson> {
  const started = performance.now();
  const startedAt = new Date().toISOString();
  let files: OutputFiles | null = null;
  if (input.out) {
    const outDir = resolve(input.out);
    await assertInputsOutsideOutput(outDir, [...input.inputs, ...input.received, ...input.exclude, ...input.decisions], input.out);
    files = await OutputFiles.open(outDir);
  }
  try {
    const sink = files ? createFileSink(files, input.config.template, input.lang, input.xlsx ?? false, input.inputs.length) : null;
    const result = await runBatch(
      {
        inputs: input.inputs,
        received: input.received,
        exclude: input.exclude,
        decisions: input.decisions,
        config: input.config,
        region: input.region,
        asOf: input.asOf,
        lang: input.lang,
        signal: input.signal,
        onProgress: input.onProgress,
      },
      sink,
    );
    const lists: Record<string, string> = {};
    for (const path of [...input.received, ...input.exclude, ...input.decisions]) lists[path] = await sha256FileOffThread(path);
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
          xlsx: input.xlsx ?? false,
        },
        startedAt,
        totalMs: Math.round(performance.now() - started),
      },
      input.lang,
    );
    if (files) {
      await files.writeText('summary.json', `${JSON.stringify(summary, null, 2)}\n`);
      await files.writeText('report.html', renderHtmlReport(summary, result.counter.examples, input.lang));
      await files.commit();
      files = null;
    }
    return summary;
  } finally {
    await files?.abort();
  }
}
