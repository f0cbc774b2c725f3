/**
 * When work goes to a second thread, where its built module is, and what is said when one fails.
 * Every worker (scan, candidates, scoring, workbooks) talks over channel.ts beside this file.
 */
import { WorkerError } from '../errors.js';

/** Below this many rows a second thread costs more to start than it saves. */
const DEFAULT_MIN_ROWS = 50_000;

export function parallelMinRows(): number {
  // For tests: UMKM_CLEAN_PARALLEL_MIN_ROWS=0 takes the parallel paths on any batch.
  const text = process.env.UMKM_CLEAN_PARALLEL_MIN_ROWS;
  const v = Number(text);
  return text !== undefined && text !== '' && Number.isFinite(v) ? v : DEFAULT_MIN_ROWS;
}

/**
 * Below this many candidate pairs, scoring them on a second thread costs more (starting it, about
 * 60 ms) than it saves: at 100k rows (10k pairs) one thread took 100-120 ms, two 170 ms; at 1M
 * rows (104k pairs) one 800 ms, two 590 ms. Follows the test override down to 0.
 */
export function parallelMinPairs(): number {
  return Math.min(40_000, parallelMinRows());
}

/**
 * The built worker module `name` beside the module at `base`, or null when running from the
 * TypeScript sources (tests in-process, where `base` is a .ts file), where work stays on one thread.
 */
export function builtWorker(name: string, base: string): URL | null {
  return base.startsWith('file:') && base.endsWith('.js') ? new URL(name, base) : null;
}

/**
 * Work given to a worker that failed, done on this thread instead: the run's result is the same,
 * only slower, and it says so (summary.json worker_fallbacks, a line on stderr) with why.
 */
export interface Fallback {
  /** Which work: 'candidates' or 'scoring'. */
  readonly work: string;
  readonly reason: string;
}

export function fallbackOf(work: string, err: unknown): Fallback {
  // The worker's own words: the notice already says which worker.
  const reason = err instanceof WorkerError ? String(err.params.detail) : err instanceof Error ? err.message : String(err);
  return { work, reason: reason.split('\n')[0] ?? reason };
}
