/**
 * The worker side of the scan's matcher half: rows arrive in batches, in input order, each answered
 * once taken (the main thread's back-pressure); at the end the NIK table and key arrays go back
 * over shared memory.
 */
import { workerData } from 'node:worker_threads';
import { SpillFile } from '../io/spill.js';
import { serveChannel } from '../threads/channel.js';
import { MatchScan, type ScanDone, type ScanMessage, unpackRows } from './match-scan.js';

const { expectedRows, spillPath } = workerData as { expectedRows: number; spillPath: string };
const ready = SpillFile.openAt(spillPath).then((spill) => new MatchScan(expectedRows, spill));
// A scratch file that cannot be opened is said when the first batch is answered.
ready.catch(() => undefined);

serveChannel(async (_lane, body) => {
  const m = body as ScanMessage;
  const scan = await ready;
  if (m.op === 'rows') {
    for (const r of unpackRows(m.batch)) {
      const wait = scan.add(r);
      if (wait) await wait;
    }
    return undefined;
  }
  await scan.finish(m.rows);
  return { table: scan.table.arrays(), keys: scan.keys.arrays() } satisfies ScanDone;
});
