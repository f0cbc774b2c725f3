/** When work goes to a second thread, and where its built module is. */
import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';

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
 * TypeScript sources (tests in-process), where work stays on one thread.
 */
export function builtWorker(name: string, base: string): URL | null {
  const url = new URL(name, base);
  return url.protocol === 'file:' && existsSync(fileURLToPath(url)) ? url : null;
}

/** Runs a worker module that does one job and posts one result; rejects if it fails or exits first. */
export function runWorkerOnce<T>(url: URL, job: object, transferList: ArrayBuffer[] = []): Promise<T> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(url, { workerData: job, transferList });
    worker.once('message', (r: T) => resolve(r));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`worker ${url.pathname} exited with code ${code}`));
    });
  });
}
