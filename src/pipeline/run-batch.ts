/**
 * One batch: every input, in the order given, in named stages that keep no record in memory.
 *
 *   sniff    each input's dialect and columns; the NIK lists and analysts' decisions
 *   scan     every record read once: rules, NIK table, blocking keys, scratch lines (typed arrays)
 *   resolve  candidate pairs scored, NIK groups told apart, decisions applied (only the rows that
 *            need a second look are read back, from the scratch file)
 *   write    the inputs read again, each row decided and written, in input order
 *
 * Inputs are never modified and are checked to be unchanged between passes. Memory grows with
 * distinct NIKs and rows' keys, not with file size.
 */
import { SpillFile } from '../io/spill.js';
import type { BatchOptions, BatchResult, OutcomeSink } from './batch-types.js';
import { resolveStage } from './stages/resolve.js';
import { scanPass } from './stages/scan-pass.js';
import { sniffStage } from './stages/sniff.js';
import { writePass } from './stages/write-pass.js';

function peakRssMb(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

export async function runBatch(opts: BatchOptions, sink: OutcomeSink | null): Promise<BatchResult> {
  const scratch = await SpillFile.create();
  try {
    const t0 = performance.now();
    const sniffed = await sniffStage(opts);
    const t1 = performance.now();
    const scanned = await scanPass(sniffed, opts, scratch);
    // A stop asked for (Ctrl+C, SIGTERM, SIGHUP) is honoured between stages too, not only while
    // a file is read: matching a large batch takes a while.
    opts.signal?.throwIfAborted();
    const t2 = performance.now();
    const rssScan = peakRssMb();
    opts.onProgress?.({ phase: 'match', file: '', rows: scanned.rows, bytes: 0, totalBytes: sniffed.totalBytes });
    const resolved = await resolveStage(scanned, sniffed.decisionMap, scratch);
    opts.signal?.throwIfAborted();
    const t3 = performance.now();
    const rssMatch = peakRssMb();
    const counter = await writePass(sniffed, scanned, resolved, opts, sink);
    const t4 = performance.now();
    return {
      inputs: sniffed.reports,
      received: sniffed.received,
      excluded: sniffed.excluded,
      decisions: sniffed.decisions,
      counter,
      distinctNiks: scanned.table.size,
      matching: resolved.stats,
      threads: { scan: scanned.threads, match: resolved.threads },
      fallbacks: resolved.fallbacks,
      timingsMs: { sniff: Math.round(t1 - t0), scan: Math.round(t2 - t1), match: Math.round(t3 - t2), write: Math.round(t4 - t3) },
      peakRssMb: { scan: rssScan, match: rssMatch, write: peakRssMb() },
      // Reads of the inputs: the scan and the write (the resolve step reads the scratch file).
      passes: 2,
    };
  } finally {
    await scratch.remove();
  }
}
