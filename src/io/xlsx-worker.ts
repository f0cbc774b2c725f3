/**
 * The worker side of the .xlsx outputs: sheets opened, filled and closed by message, in the order
 * the messages come, with the same writer the main thread would use. Each batch of rows is
 * acknowledged once written, which is the main thread's back-pressure.
 */
import { parentPort } from 'node:worker_threads';
import { type PackedRows, unpackRows } from './xlsx-sheets.js';
import { XlsxSheetWriter } from './xlsx-writer.js';

export type XlsxMessage =
  | { readonly op: 'open'; readonly id: number; readonly path: string; readonly title: string; readonly headers: string[] }
  | { readonly op: 'rows'; readonly id: number; readonly rows: PackedRows }
  | { readonly op: 'close'; readonly id: number };

export type XlsxReply = { readonly op: 'ack' | 'closed'; readonly id: number } | { readonly op: 'error'; readonly id: number; readonly message: string };

const port = parentPort;
const sheets = new Map<number, XlsxSheetWriter>();
let queue: Promise<void> = Promise.resolve();

async function handle(m: XlsxMessage): Promise<void> {
  if (m.op === 'open') {
    sheets.set(m.id, await XlsxSheetWriter.create(m.path, m.title, m.headers));
    return;
  }
  const sheet = sheets.get(m.id);
  if (!sheet) throw new Error(`no open sheet ${m.id}`);
  if (m.op === 'rows') {
    for (const row of unpackRows(m.rows)) {
      const wait = sheet.addRow(row);
      if (wait) await wait;
    }
    port?.postMessage({ op: 'ack', id: m.id } satisfies XlsxReply);
  } else {
    await sheet.close();
    sheets.delete(m.id);
    port?.postMessage({ op: 'closed', id: m.id } satisfies XlsxReply);
  }
}

port?.on('message', (m: XlsxMessage) => {
  queue = queue
    .then(() => handle(m))
    .catch((err: unknown) => {
      port.postMessage({ op: 'error', id: m.id, message: err instanceof Error ? err.message : String(err) } satisfies XlsxReply);
    });
});
