/**
 * Run failures (not row problems): each carries a message key for the CLI to render in the
 * chosen language and the SPEC's exit code. Row problems are findings, never exceptions.
 */
import type { MessageKey, MessageParams } from './i18n/messages.js';
import type { ConfigProblem } from './config/parse-config.js';
import { formatMessage } from './i18n/messages.js';

export const EXIT_OK = 0;
export const EXIT_INTERNAL = 1;
export const EXIT_USAGE = 2;
export const EXIT_INPUT = 3;
/** --fail-on review or any: the run completed, and rows are held for review. */
export const EXIT_REVIEW = 4;
/** --fail-on rejected or any: the run completed, and rows are rejected (none held, under any). */
export const EXIT_REJECTED = 5;
export const EXIT_INTERRUPTED = 130;

export class UmkmError extends Error {
  constructor(
    readonly key: MessageKey,
    readonly params: MessageParams,
    readonly exitCode: number,
    options?: { cause?: unknown },
  ) {
    super(formatMessage('en', key, params), options);
    this.name = new.target.name;
  }
}

/** Exit 2: a flag, its value or the config file is wrong. */
export class UsageError extends UmkmError {
  constructor(key: MessageKey, params: MessageParams = {}, options?: { cause?: unknown }) {
    super(key, params, EXIT_USAGE, options);
  }
}

/** Exit 2: every problem of a config file at once. */
export class ConfigError extends UmkmError {
  constructor(
    readonly file: string,
    readonly problems: readonly ConfigProblem[],
  ) {
    super('config.invalid', { file, count: problems.length }, EXIT_USAGE);
  }
}

/** Exit 3: an input cannot be read or lacks a required column. */
export class InputError extends UmkmError {
  constructor(key: MessageKey, params: MessageParams, options?: { cause?: unknown }) {
    super(key, params, EXIT_INPUT, options);
  }
}

/**
 * Exit 1: a worker thread failed to load, crashed or exited. Its work cannot be taken over at that
 * point (the scan's), so the run stops, saying which worker and why, without a stack trace.
 */
export class WorkerError extends UmkmError {
  constructor(worker: string, detail: string, options?: { cause?: unknown }) {
    super('worker.failed', { worker, detail }, EXIT_INTERNAL, options);
  }
}

/**
 * Exit 3: an output file, the output folder or the scratch file cannot be written (a full disk, a
 * quota, no permission, a device error). The README promises exit 3 "the outputs cannot be
 * written"; the previous outputs are left whole.
 */
export class OutputError extends UmkmError {
  constructor(key: MessageKey, params: MessageParams, options?: { cause?: unknown }) {
    super(key, params, EXIT_INPUT, options);
  }
}

/** The errno code of a failed system call ("ENOSPC"), or the error's own words when it has none. */
export function errorCode(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  if (typeof code === 'string' && code !== '') return code;
  // Errors that crossed a thread boundary keep only their message ("ENOSPC: no space left ...").
  const m = /^([A-Z][A-Z0-9_]{2,}):/.exec(err instanceof Error ? err.message : String(err));
  return m ? (m[1] as string) : String(err instanceof Error ? err.message : err).split('\n')[0] ?? 'error';
}
