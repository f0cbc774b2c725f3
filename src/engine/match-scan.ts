/**
 * The matcher's half of the scan: for each row with a well-formed NIK, its name and address
 * tokens, its entry in the NIK table, its blocking keys and its scratch line. It needs only a few
 * values of the row, so it can run on a worker thread while the main thread reads, checks and
 * classifies the next rows (see match-scan-worker.ts); in this thread for small batches and when
 * no built worker exists. The table and keys live in shared memory and come back without a copy.
 */
import { Worker } from 'node:worker_threads';
import { hash32 } from './growable.js';
import { type KeyArrays, MatchKeyStore } from './match-keys.js';
import { FIRST_COPY, LATER_COPY, NikTable, nikTableCapacity, type NikTableArrays } from './nik-table.js';
import { WorkerChannel } from '../threads/channel.js';
import { builtWorker, parallelMinRows } from '../threads/workers.js';
import type { MatchRecord } from '../match/match-record.js';
import { addressOf, areaOf, kkDigits, statedBirth } from '../match/to-match-record.js';
import { keepRank } from '../match/keep-policy.js';
import { encodeScratchLine } from './scratch-line.js';
import { nameTokens } from '../normalize/name.js';
import type { PreparedRow } from '../schema/row.js';

/**
 * What the matcher needs of one row, as plain values (they cross threads). The row's address
 * tokens, stated birth date and KK are worked out where the row was read (the main thread); the
 * worker does the name tokens, the kelurahan's fold, the NIK table, the keys and the scratch
 * line. The split follows where time was to spare when measured (1M rows, both threads busy).
 */
export interface MatchRow {
  readonly ord: number;
  readonly nik: string;
  readonly valid: boolean;
  /** Non-empty known fields: the most complete copy is kept. */
  readonly filled: number;
  /** NAMA as written. */
  readonly nama: string;
  /** Address tokens (ALAMAT, RT, RW), joined by spaces. */
  readonly address: string;
  /** Kelurahan as written; folded on the worker. */
  readonly kelurahan: string;
  /** No. KK digits, '' when none. */
  readonly kk: string;
  /** The normalised phone when it is valid, else ''. */
  readonly phone: string;
  /** The stated birth date (TANGGAL LAHIR, else the NIK's) as YYYYMMDD; 0 when none. */
  readonly birth: number;
}

export function matchRowOf(ord: number, row: PreparedRow, valid: boolean, filled: number): MatchRow {
  const v = row.values;
  const b = statedBirth(row);
  return {
    ord,
    // A row without a well-formed NIK is keyed without one (never put in the NIK table).
    nik: row.nik?.wellFormed ? row.nik.digits : '',
    valid,
    filled,
    nama: v.nama,
    address: addressOf(v).join(' '),
    kelurahan: v.kelurahan,
    kk: kkDigits(v.no_kk),
    phone: row.phone?.valid ? row.phone.normalized : '',
    birth: b ? b.year * 10000 + b.month * 100 + b.day : 0,
  };
}

const NO_REF = { file: 0, line: 0 };

/** The row as the matcher's record; its name tokens are made here. */
export function matchRecordOf(r: MatchRow): MatchRecord {
  return {
    ref: NO_REF,
    id: r.nik,
    kk: r.kk,
    name: nameTokens(r.nama),
    display: r.nama,
    birth: r.birth === 0 ? null : { year: Math.floor(r.birth / 10000), month: Math.floor(r.birth / 100) % 100, day: r.birth % 100 },
    phone: r.phone,
    address: r.address === '' ? [] : r.address.split(' '),
    area: areaOf(r.kelurahan),
    valid: r.valid,
  };
}


export interface LineSink {
  write(line: string): Promise<void> | undefined;
  close(): Promise<void>;
}

/** The matcher's scan state, in one thread. */
export class MatchScan {
  readonly table: NikTable;
  readonly keys: MatchKeyStore;

  constructor(
    expectedRows: number,
    private readonly spill: LineSink,
  ) {
    this.table = new NikTable(nikTableCapacity(expectedRows));
    this.keys = new MatchKeyStore(expectedRows);
  }

  add(r: MatchRow): Promise<void> | undefined {
    const record = matchRecordOf(r);
    const name = record.name.join(' ');
    this.keys.add(r.ord, record);
    // A row without a NIK has no place in the NIK table: only keys, for strong identity.
    const copy = r.nik === '' ? FIRST_COPY : this.table.add(r.nik, r.ord, keepRank(r.valid, r.filled), hash32(name));
    if (copy !== FIRST_COPY) {
      this.keys.markRepeated(r.ord);
      // The second copy: the first learns only now that its NIK repeats.
      if (copy !== LATER_COPY) this.keys.markRepeated(copy);
    }
    // One scratch line per row given: what the resolve step needs of it.
    return this.spill.write(
      encodeScratchLine({ ord: r.ord, nik: r.nik, valid: r.valid, filled: r.filled, name, address: r.address, display: r.nama }),
    );
  }

  /** After the last row: keys for every row, the scratch file closed. */
  async finish(rows: number): Promise<void> {
    this.keys.padTo(rows);
    await this.spill.close();
  }
}

export interface MatchScanSink {
  add(r: MatchRow): Promise<void> | undefined;
  finish(rows: number): Promise<{ table: NikTable; keys: MatchKeyStore; threads: number }>;
  /** Lets go of a worker, however the scan ended (a failed input must not leave one running). */
  dispose(): void;
}

/**
 * Rows are sent in columns: 4 numbers a row, and its 6 strings as one text with their lengths. A
 * single string crosses to the worker as one copy, where an array of strings is cloned string by
 * string (six a row).
 */
export interface MatchRowBatch {
  readonly nums: Float64Array;
  readonly text: string;
  /** Per row, the length of each of its 6 strings in `text`, in MatchRow order. */
  readonly lengths: Uint32Array;
}

const TEXTS = 6;

export function packRows(rows: readonly MatchRow[]): MatchRowBatch {
  const nums = new Float64Array(rows.length * 4);
  const lengths = new Uint32Array(rows.length * TEXTS);
  let text = '';
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i] as MatchRow;
    nums[i * 4] = r.ord;
    nums[i * 4 + 1] = r.valid ? 1 : 0;
    nums[i * 4 + 2] = r.filled;
    nums[i * 4 + 3] = r.birth;
    const l = i * TEXTS;
    text += r.nik;
    lengths[l] = r.nik.length;
    text += r.nama;
    lengths[l + 1] = r.nama.length;
    text += r.address;
    lengths[l + 2] = r.address.length;
    text += r.kelurahan;
    lengths[l + 3] = r.kelurahan.length;
    text += r.kk;
    lengths[l + 4] = r.kk.length;
    text += r.phone;
    lengths[l + 5] = r.phone.length;
  }
  return { nums, text, lengths };
}

export function unpackRows(b: MatchRowBatch): MatchRow[] {
  const out: MatchRow[] = [];
  const { text, lengths } = b;
  let at = 0;
  const next = (k: number) => {
    const from = at;
    at += lengths[k] as number;
    return text.slice(from, at);
  };
  for (let i = 0; i < b.nums.length / 4; i++) {
    const l = i * TEXTS;
    // Fields in MatchRow order: each slice starts where the one before it ended.
    const nik = next(l);
    const nama = next(l + 1);
    const address = next(l + 2);
    const kelurahan = next(l + 3);
    const kk = next(l + 4);
    const phone = next(l + 5);
    out.push({
      ord: b.nums[i * 4] as number,
      valid: b.nums[i * 4 + 1] === 1,
      filled: b.nums[i * 4 + 2] as number,
      birth: b.nums[i * 4 + 3] as number,
      nik,
      nama,
      address,
      kelurahan,
      kk,
      phone,
    });
  }
  return out;
}

export type ScanMessage =
  | { readonly op: 'rows'; readonly batch: MatchRowBatch }
  | { readonly op: 'finish'; readonly rows: number };
/** The worker's answer to 'finish': the NIK table and keys, over shared memory. */
export interface ScanDone {
  readonly table: NikTableArrays;
  readonly keys: KeyArrays;
}

const BATCH_ROWS = 1024;
/** Batches sent and not yet taken before the reader waits (back-pressure). */
const MAX_IN_FLIGHT = 8;

/** The main thread's side of a scan running on a worker. */
class WorkerMatchScan implements MatchScanSink {
  private pending: MatchRow[] = [];

  constructor(private readonly channel: WorkerChannel) {}

  private send(): Promise<void> | undefined {
    const batch = packRows(this.pending);
    this.pending = [];
    return this.channel.send(0, { op: 'rows', batch } satisfies ScanMessage, [batch.nums.buffer as ArrayBuffer, batch.lengths.buffer as ArrayBuffer]);
  }

  add(r: MatchRow): Promise<void> | undefined {
    this.pending.push(r);
    return this.pending.length < BATCH_ROWS ? undefined : this.send();
  }

  async finish(rows: number): Promise<{ table: NikTable; keys: MatchKeyStore; threads: number }> {
    if (this.pending.length > 0) await this.send();
    const done = await this.channel.request<ScanDone>(0, { op: 'finish', rows } satisfies ScanMessage);
    return { table: NikTable.fromArrays(done.table), keys: MatchKeyStore.fromArrays(done.keys), threads: 2 };
  }

  dispose(): void {
    void this.channel.terminate();
  }
}

/** In this thread: the same work, at once. */
class LocalMatchScan implements MatchScanSink {
  private readonly scan: MatchScan;

  constructor(expectedRows: number, spill: LineSink) {
    this.scan = new MatchScan(expectedRows, spill);
  }

  add(r: MatchRow): Promise<void> | undefined {
    return this.scan.add(r);
  }

  async finish(rows: number): Promise<{ table: NikTable; keys: MatchKeyStore; threads: number }> {
    await this.scan.finish(rows);
    return { table: this.scan.table, keys: this.scan.keys, threads: 1 };
  }

  dispose(): void {}
}

/**
 * The scan's matcher half, on a worker when the batch is large enough; the worker then writes the
 * scratch file at the spill's path.
 */
export async function openMatchScan(
  expectedRows: number,
  spill: LineSink & { readonly path: string },
): Promise<MatchScanSink> {
  const url = builtWorker('./match-scan-worker.js', import.meta.url);
  if (!url || expectedRows < parallelMinRows()) return new LocalMatchScan(expectedRows, spill);
  // The worker writes the scratch file itself: this thread's handle on it is closed first.
  await spill.close();
  return new WorkerMatchScan(new WorkerChannel(new Worker(url, { workerData: { expectedRows, spillPath: spill.path } }), 'scan', MAX_IN_FLIGHT));
}
