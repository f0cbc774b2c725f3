/**
 * Where the .xlsx outputs are built: on a worker thread when the built worker is there, so the
 * XML of every cell is made on the second core while this one reads and decides rows; in this
 * thread otherwise (running from the TypeScript sources). Either way the same writer makes the
 * same file.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { errorCode, OutputError, UmkmError } from '../errors.js';
import { finalPathOf } from './output-files.js';
import type { XlsxMessage, XlsxReply } from './xlsx-worker.js';
import { XlsxSheetWriter } from './xlsx-writer.js';

export interface SheetSink {
  /** Returns a promise only when the row has to wait (back-pressure). */
  addRow(cells: readonly string[]): Promise<void> | undefined;
  close(): Promise<void>;
}

const BATCH_ROWS = 256;
/** Batches sent and not yet written, per sheet, before addRow waits. */
const MAX_IN_FLIGHT = 8;

interface Waiter {
  onAck(): void;
  onClosed(): void;
  onError(err: Error): void;
}

let worker: Worker | null = null;
let nextId = 1;
const waiters = new Map<number, Waiter>();
/** Sheets waiting on the worker: while there are any, it keeps the process alive. */
let waiting = 0;

function workerUrl(): URL | null {
  if (process.env.UMKM_CLEAN_XLSX_THREAD === '0') return null;
  const url = new URL('./xlsx-worker.js', import.meta.url);
  return url.protocol === 'file:' && existsSync(fileURLToPath(url)) ? url : null;
}

function shared(url: URL): Worker {
  if (worker) return worker;
  const w = new Worker(url);
  w.on('message', (m: XlsxReply) => {
    const s = waiters.get(m.id);
    if (!s) return;
    if ('message' in m) s.onError(new Error(m.message));
    else if (m.op === 'ack') s.onAck();
    else s.onClosed();
  });
  const fail = (err: Error) => {
    worker = null;
    for (const s of waiters.values()) s.onError(err);
  };
  w.on('error', fail);
  w.on('exit', (code) => {
    if (worker === w && waiters.size > 0) fail(new Error(`xlsx worker exited with code ${code}`));
    worker = null;
  });
  w.unref();
  worker = w;
  return w;
}

function hold(w: Worker): void {
  if (waiting++ === 0) w.ref();
}

function release(w: Worker): void {
  if (--waiting === 0) w.unref();
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
  private readonly id = nextId++;
  private batch: (readonly string[])[] = [];
  private inFlight = 0;
  private failed: Error | null = null;
  private wake: (() => void) | null = null;
  private closed: (() => void) | null = null;

  constructor(
    private readonly w: Worker,
    path: string,
    title: string,
    headers: readonly string[],
  ) {
    waiters.set(this.id, {
      onAck: () => {
        this.inFlight--;
        this.wake?.();
      },
      onClosed: () => this.closed?.(),
      onError: (err) => {
        this.failed ??= sheetError(err, path);
        this.wake?.();
        this.closed?.();
      },
    });
    this.post({ op: 'open', id: this.id, path, title, headers: [...headers] });
  }

  private post(m: XlsxMessage): void {
    this.w.postMessage(m);
  }

  addRow(cells: readonly string[]): Promise<void> | undefined {
    if (this.failed) return Promise.reject(this.failed);
    this.batch.push(cells);
    if (this.batch.length < BATCH_ROWS) return undefined;
    this.sendBatch();
    return this.inFlight > MAX_IN_FLIGHT ? this.drain(MAX_IN_FLIGHT) : undefined;
  }

  private sendBatch(): void {
    const rows = packRows(this.batch);
    this.batch = [];
    this.w.postMessage({ op: 'rows', id: this.id, rows } satisfies XlsxMessage, [rows.sizes.buffer as ArrayBuffer]);
    this.inFlight++;
  }

  /** Waits until at most `limit` batches are unwritten. */
  private async drain(limit: number): Promise<void> {
    hold(this.w);
    try {
      while (this.inFlight > limit && !this.failed) await new Promise<void>((r) => (this.wake = r));
    } finally {
      this.wake = null;
      release(this.w);
    }
    if (this.failed) throw this.failed;
  }

  async close(): Promise<void> {
    if (this.batch.length > 0) this.sendBatch();
    const done = new Promise<void>((r) => (this.closed = r));
    this.post({ op: 'close', id: this.id });
    hold(this.w);
    try {
      await done;
    } finally {
      release(this.w);
      waiters.delete(this.id);
    }
    if (this.failed) throw this.failed;
  }
}

/**
 * A failed write of a workbook as the run's typed error (exit 3, naming the file the analyst
 * knows): a full disk, a quota, no permission. From the worker only the message crosses
 * ("ENOSPC: no space left on device, write"), so the code is read from it. Anything else (a bug)
 * stays what it is.
 */
function sheetError(err: unknown, path: string): Error {
  if (err instanceof UmkmError) return err;
  const code = errorCode(err);
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
