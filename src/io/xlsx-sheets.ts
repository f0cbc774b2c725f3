/**
 * Where the .xlsx outputs are built: on a worker thread when the built worker is there, so the
 * XML of every cell is made on the second core while this one reads and decides rows; in this
 * thread otherwise (running from the TypeScript sources, or with UMKM_CLEAN_XLSX_THREAD=0). Either
 * way the same writer makes the same file.
 */
import { errorCode, OutputError, UmkmError, WorkerError } from '../errors.js';
import { WorkerChannel } from '../threads/channel.js';
import { builtWorker } from '../threads/workers.js';
import { finalPathOf } from './output-files.js';
import type { XlsxMessage } from './xlsx-worker.js';
import { XlsxSheetWriter } from './xlsx-writer.js';

export interface SheetSink {
  /** Returns a promise only when the row has to wait (back-pressure). */
  addRow(cells: readonly string[]): Promise<void> | undefined;
  close(): Promise<void>;
}

const BATCH_ROWS = 256;
/** Batches sent and not yet written, per sheet, before addRow waits. */
const MAX_IN_FLIGHT = 8;

/** One workbook worker for the run, a lane per sheet; a new one if it failed. */
let channel: WorkerChannel | null = null;
let nextLane = 1;

function workerUrl(): URL | null {
  if (process.env.UMKM_CLEAN_XLSX_THREAD === '0') return null;
  return builtWorker('./xlsx-worker.js', import.meta.url);
}

function shared(url: URL): WorkerChannel {
  if (!channel || channel.broken) channel = WorkerChannel.start(url, 'workbooks', MAX_IN_FLIGHT);
  return channel;
}

/**
 * A batch of rows as one string and the lengths that cut it up again: a single string crosses to
 * the worker as one copy, where an array of arrays of strings is cloned cell by cell (that clone
 * was a second of the main thread per million rows).
 */
export interface PackedRows {
  readonly text: string;
  /** Per row: its number of cells, then each cell's length. */
  readonly sizes: Uint32Array;
}

export function unpackRows(p: PackedRows): string[][] {
  const rows: string[][] = [];
  let at = 0;
  for (let i = 0; i < p.sizes.length; ) {
    const width = p.sizes[i++] as number;
    const row = new Array<string>(width);
    for (let c = 0; c < width; c++) {
      const len = p.sizes[i++] as number;
      row[c] = p.text.slice(at, at + len);
      at += len;
    }
    rows.push(row);
  }
  return rows;
}

export function packRows(rows: readonly (readonly string[])[]): PackedRows {
  let text = '';
  let n = 0;
  for (const row of rows) n += row.length + 1;
  const sizes = new Uint32Array(n);
  let i = 0;
  for (const row of rows) {
    sizes[i++] = row.length;
    for (const c of row) {
      text += c;
      sizes[i++] = c.length;
    }
  }
  return { text, sizes };
}

class WorkerSheet implements SheetSink {
  private readonly lane = nextLane++;
  private batch: (readonly string[])[] = [];
  private opened: Promise<void> | undefined;

  constructor(
    private readonly channel: WorkerChannel,
    private readonly path: string,
    title: string,
    headers: readonly string[],
  ) {
    this.opened = this.said(channel.send(this.lane, { op: 'open', path, title, headers: [...headers] } satisfies XlsxMessage));
  }

  /** A wait on the worker, its failure as the run's typed error. */
  private said(wait: Promise<unknown> | undefined): Promise<void> | undefined {
    return wait?.then(
      () => undefined,
      (err: unknown) => {
        throw sheetError(err, this.path);
      },
    );
  }

  addRow(cells: readonly string[]): Promise<void> | undefined {
    this.batch.push(cells);
    if (this.batch.length < BATCH_ROWS) return undefined;
    return this.sendBatch();
  }

  private sendBatch(): Promise<void> | undefined {
    const rows = packRows(this.batch);
    this.batch = [];
    return this.said(this.channel.send(this.lane, { op: 'rows', rows } satisfies XlsxMessage, [rows.sizes.buffer as ArrayBuffer]));
  }

  async close(): Promise<void> {
    await this.opened;
    if (this.batch.length > 0) await this.sendBatch();
    await this.said(this.channel.request(this.lane, { op: 'close' } satisfies XlsxMessage));
  }
}

/**
 * A failed write of a workbook as the run's typed error (exit 3, naming the file the analyst
 * knows): a full disk, a quota, no permission. From the worker only the message crosses
 * ("ENOSPC: no space left on device, write"), so the code is read from it. Anything else (a bug)
 * stays what it is.
 */
function sheetError(err: unknown, path: string): Error {
  // The worker's own words, for a write that failed there; a worker that crashed stays a WorkerError.
  const said = err instanceof WorkerError ? new Error(String(err.params.detail)) : err;
  if (said instanceof UmkmError) return said;
  const code = errorCode(said);
  if (!/^E[A-Z0-9]+$/.test(code)) return err instanceof Error ? err : new Error(String(err));
  return new OutputError('output.writeFailed', { file: finalPathOf(path), detail: code }, { cause: err });
}

/** The writer on this thread, its failures turned into the run's typed errors. */
class LocalSheet implements SheetSink {
  constructor(
    private readonly w: XlsxSheetWriter,
    private readonly path: string,
  ) {}

  addRow(cells: readonly string[]): Promise<void> | undefined {
    try {
      return this.w.addRow(cells)?.catch((err: unknown) => {
        throw sheetError(err, this.path);
      });
    } catch (err) {
      throw sheetError(err, this.path);
    }
  }

  async close(): Promise<void> {
    try {
      await this.w.close();
    } catch (err) {
      throw sheetError(err, this.path);
    }
  }
}

export async function openSheet(path: string, title: string, headers: readonly string[]): Promise<SheetSink> {
  const url = workerUrl();
  if (!url) {
    try {
      return new LocalSheet(await XlsxSheetWriter.create(path, title, headers), path);
    } catch (err) {
      throw sheetError(err, path);
    }
  }
  return new WorkerSheet(shared(url), path, title, headers);
}
