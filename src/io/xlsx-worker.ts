/**
 * The worker side of the .xlsx outputs: sheets opened, filled and closed by message, a lane per
 * sheet, in the order the messages come, with the same writer the main thread would use. Each
 * batch of rows is answered once written, which is the main thread's back-pressure.
 */
import { serveChannel } from '../threads/channel.js';
import { type PackedRows, unpackRows } from './xlsx-sheets.js';
import { XlsxSheetWriter } from './xlsx-writer.js';

export type XlsxMessage =
  | { readonly op: 'open'; readonly path: string; readonly title: string; readonly headers: string[] }
  | { readonly op: 'rows'; readonly rows: PackedRows }
  | { readonly op: 'close' };

const sheets = new Map<number, XlsxSheetWriter>();

serveChannel(async (lane, body) => {
  const m = body as XlsxMessage;
  if (m.op === 'open') {
    sheets.set(lane, await XlsxSheetWriter.create(m.path, m.title, m.headers));
    return undefined;
  }
  const sheet = sheets.get(lane);
  if (!sheet) throw new Error(`no open sheet on lane ${lane}`);
  if (m.op === 'rows') {
    for (const row of unpackRows(m.rows)) {
      const wait = sheet.addRow(row);
      if (wait) await wait;
    }
    return undefined;
  }
  sheets.delete(lane);
  await sheet.close();
  return undefined;
});
