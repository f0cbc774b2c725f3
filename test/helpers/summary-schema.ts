/**
 * summary.schema.json checked against every summary the suite makes: runCli checks what each
 * completed clean or check wrote and printed, the in-process pipeline tests check what runCommand
 * returns, and tests that spawn the binary themselves read summary.json through readSummary. A
 * summary that breaks the documented contract fails the test that made it, naming where it was.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import type { ValidateFunction } from 'ajv';
import { inject } from 'vitest';
import { ROOT } from './paths.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The schema's validator as ajv's standalone code, compiled once for the run (summary-schema-setup.ts). */
    summaryValidator: string;
  }
}

/** Resolves from the repository, so the validator's code finds ajv's runtime modules if it needs them. */
const requireHere = createRequire(join(ROOT, 'package.json'));

/**
 * The schema compiled to standalone code. Compiling costs about 0.4 CPU-seconds with ajv loaded
 * (2 s on a busy machine); once per run in the global setup, not once per test file.
 */
export function compileSummaryValidator(): string {
  const { Ajv } = requireHere('ajv') as typeof import('ajv');
  const standaloneCode = (requireHere('ajv/dist/standalone/index.js') as typeof import('ajv/dist/standalone/index.js')).default;
  const ajv = new Ajv({ allErrors: true, strict: true, code: { source: true } });
  return standaloneCode(ajv, ajv.compile(JSON.parse(readFileSync(join(ROOT, 'summary.schema.json'), 'utf8'))));
}

let compiled: ValidateFunction | undefined;
function validator(): ValidateFunction {
  if (compiled) return compiled;
  // Outside the configured run (no global setup) each file compiles its own.
  const source = inject('summaryValidator') ?? compileSummaryValidator();
  const module = { exports: {} as unknown };
  // ajv's generated CommonJS module body, run with a module object of its own.
  new Function('module', 'exports', 'require', source)(module, module.exports, requireHere);
  compiled = module.exports as ValidateFunction;
  return compiled;
}

/** What breaks the schema in a summary, one line each ("/totals must have required property 'rows'"); none when it holds. */
export function summaryProblems(summary: unknown): string[] {
  const validate = validator();
  return validate(summary) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

/** Throws, naming where the summary came from, unless it holds to summary.schema.json. */
export function assertSummary(summary: unknown, where: string): void {
  const problems = summaryProblems(summary);
  if (problems.length > 0) throw new Error(`${where} breaks summary.schema.json:\n  ${problems.join('\n  ')}`);
}

/** summary.json in an --out folder (its path in parts, as join takes them), checked against the schema, parsed as the tests read it. */
export function readSummary(...out: string[]) {
  const file = join(...out, 'summary.json');
  const summary = JSON.parse(readFileSync(file, 'utf8'));
  assertSummary(summary, file);
  return summary;
}

/** A run that completed: 0, or 4 and 5 under --fail-on; anything else wrote no summary of its own. */
const COMPLETED = new Set([0, 4, 5]);
const NO_RUN = new Set(['--help', '-h', '--version', '-V']);

/**
 * The summaries a run of the binary made, checked: the one --json printed and the summary.json a
 * clean wrote into --out. Only clean and check make summaries (inspect --json prints its own shape).
 */
export function assertRunSummaries(args: readonly string[], run: { code: number | null; stdout: string }, cwd: string): void {
  const command = args[0];
  if ((command !== 'clean' && command !== 'check') || !COMPLETED.has(run.code ?? -1) || args.some((a) => NO_RUN.has(a))) return;
  const where = `umkm-clean ${args.join(' ')}`;
  if (args.includes('--json')) assertSummary(JSON.parse(run.stdout), `the summary ${where} printed`);
  if (command !== 'clean') return;
  const outAt = args.indexOf('--out');
  const out = outAt >= 0 ? args[outAt + 1] : args.find((a) => a.startsWith('--out='))?.slice('--out='.length);
  if (out === undefined) throw new Error(`${where} completed without --out`);
  const dir = resolve(cwd, out);
  if (!existsSync(join(dir, 'summary.json'))) throw new Error(`${where} completed (exit ${run.code}) but wrote no summary.json in ${dir}`);
  readSummary(dir);
}
