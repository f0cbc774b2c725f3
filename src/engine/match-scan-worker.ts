/**
 * The worker side of the scan's matcher half: rows arrive in batches, in input order, and are
 * acknowledged once taken; at the end the NIK table and key arrays go back over shared memory.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { SpillFile } from '../io/spill.js';
import { MatchScan, type ScanMessage, type ScanReply, unpackRows } from './match-scan.js';

const { expectedRows, spillPath } = workerData as { expectedRows: number; spillPath: string };
const port = parentPort;
const ready = SpillFile.openAt(spillPath).then((spill) => new MatchScan(expectedRows, spill));
let queue: Promise<void> = Promise.resolve();

async function handle(m: ScanMessage): Promise<void> {
  const scan = await ready;
  if (m.op === 'rows') {
    for (const r of unpackRows(m.batch)) {
      const wait = scan.add(r);
      if (wait) await wait;
    }
    port?.postMessage({ op: 'ack' } satisfies ScanReply);
  } else {
    await scan.finish(m.rows);
    port?.postMessage({ op: 'done', table: scan.table.arrays(), keys: scan.keys.arrays() } satisfies ScanReply);
  }
}

port?.on('message', (m: ScanMessage) => {
  queue = queue
    .then(() => handle(m))
    .catch((err: unknown) => {
      port.postMessage({ op: 'error', message: err instanceof Error ? (err.stack ?? err.message) : String(err) } satisfies ScanReply);
    });
});
