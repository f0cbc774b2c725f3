/**
 * The one way this tool talks to a worker thread, both ends.
 *
 * Messages go in order on numbered lanes (one worker can serve several jobs at once: the workbook
 * worker builds a sheet per lane). The worker takes each message in turn and answers it: `send`
 * counts unanswered messages per lane and hands back a promise only when too many are waiting
 * (back-pressure, so a fast reader cannot pile up batches in memory); `request` waits for the
 * answer's value (a job's result, a file closed). A handler that throws, a worker that fails to
 * load, crashes or exits, all reject what waits on the channel with the worker's own words: never
 * a hang, never a silent loss. While nothing waits, the worker does not keep the process alive.
 */
import { isMainThread, parentPort, type Transferable, Worker } from 'node:worker_threads';
import { UmkmError, WorkerError } from '../errors.js';
import type { MessageKey, MessageParams } from '../i18n/messages.js';

interface Envelope {
  readonly lane: number;
  readonly seq: number;
  readonly body: unknown;
}

type Answer =
  | { readonly lane: number; readonly seq: number; readonly ok: true; readonly value: unknown }
  | {
      readonly lane: number;
      readonly seq: number;
      readonly ok: false;
      readonly message: string;
      /** A run failure of ours (a full TMPDIR under the scan worker, say): rebuilt as itself. */
      readonly failure?: { readonly key: MessageKey; readonly params: MessageParams; readonly exitCode: number };
    };

interface Waiting {
  readonly lane: number;
  resolve(value: unknown): void;
  reject(err: Error): void;
}

/** A value a handler answers with, and the buffers to move (not copy) with it. */
export class Transfer<T> {
  constructor(
    readonly value: T,
    readonly list: readonly Transferable[],
  ) {}
}

export class WorkerChannel {
  private seq = 0;
  private readonly waiting = new Map<number, Waiting>();
  private readonly unanswered = new Map<number, number>();
  private failed: Error | null = null;
  /** A lane whose sent message the worker could not take: said at that lane's next call. */
  private readonly laneFailed = new Map<number, Error>();
  /** Drains waiting for room, on any lane: each answer wakes them all to look again. */
  private readonly sleepers = new Set<() => void>();

  /**
   * @param name  what the worker does, for messages ("scan", "workbooks")
   * @param maxInFlight  unanswered sends per lane before `send` waits
   */
  constructor(
    private readonly worker: Worker,
    private readonly name: string,
    private readonly maxInFlight = 8,
  ) {
    worker.on('message', (a: Answer) => this.answer(a));
    worker.on('error', (err) => this.fail(new WorkerError(name, err.message, { cause: err })));
    worker.on('exit', (code) => this.fail(new WorkerError(name, `exit code ${code}`)));
    worker.unref();
  }

  /** Whether the worker failed or was stopped: nothing sent now would be answered. */
  get broken(): boolean {
    return this.failed !== null;
  }

  static start(url: URL, name: string, maxInFlight?: number): WorkerChannel {
    return new WorkerChannel(new Worker(url), name, maxInFlight);
  }

  private answer(a: Answer): void {
    const w = this.waiting.get(a.seq);
    if (!w) return;
    this.waiting.delete(a.seq);
    if (this.waiting.size === 0) this.worker.unref();
    if (a.ok) w.resolve(a.value);
    else if (a.failure) w.reject(new UmkmError(a.failure.key, a.failure.params, a.failure.exitCode));
    else w.reject(new WorkerError(this.name, a.message));
  }

  private fail(err: Error): void {
    if (this.failed) return;
    this.failed = err;
    for (const w of this.waiting.values()) w.reject(err);
    this.waiting.clear();
    this.wakeAll();
  }

  private post(lane: number, body: unknown, transfer: readonly Transferable[]): Promise<unknown> {
    if (this.failed) return Promise.reject(this.failed);
    const seq = ++this.seq;
    const answered = new Promise<unknown>((resolve, reject) => this.waiting.set(seq, { lane, resolve, reject }));
    if (this.waiting.size === 1) this.worker.ref();
    this.worker.postMessage({ lane, seq, body } satisfies Envelope, transfer as Transferable[]);
    return answered;
  }

  /**
   * A message the worker answers once it has taken it. Returns a promise only when this lane has
   * more than maxInFlight messages unanswered: it settles when there is room again, or rejects
   * when the worker failed.
   */
  send(lane: number, body: unknown, transfer: readonly Transferable[] = []): Promise<void> | undefined {
    const failed = this.failed ?? this.laneFailed.get(lane);
    if (failed) return Promise.reject(failed);
    this.unanswered.set(lane, (this.unanswered.get(lane) ?? 0) + 1);
    this.post(lane, body, transfer).then(
      () => {
        this.unanswered.set(lane, (this.unanswered.get(lane) ?? 1) - 1);
        this.wakeAll();
      },
      // Said to whoever calls on the lane next: the next send, the drain or the request.
      (err: Error) => {
        if (!this.laneFailed.has(lane)) this.laneFailed.set(lane, err);
        this.wakeAll();
      },
    );
    return (this.unanswered.get(lane) ?? 0) > this.maxInFlight ? this.drain(lane, this.maxInFlight) : undefined;
  }

  private wakeAll(): void {
    const sleepers = [...this.sleepers];
    this.sleepers.clear();
    for (const wake of sleepers) wake();
  }

  /** Waits until at most `limit` sends of the lane are unanswered. */
  async drain(lane: number, limit = 0): Promise<void> {
    while ((this.unanswered.get(lane) ?? 0) > limit && !this.failed && !this.laneFailed.has(lane)) {
      await new Promise<void>((r) => this.sleepers.add(r));
    }
    const failed = this.failed ?? this.laneFailed.get(lane);
    if (failed) throw failed;
  }

  /** A message whose answer is wanted: the worker's value, or its failure. */
  request<T>(lane: number, body: unknown, transfer: readonly Transferable[] = []): Promise<T> {
    const failed = this.laneFailed.get(lane);
    if (failed) return Promise.reject(failed);
    return this.post(lane, body, transfer) as Promise<T>;
  }

  /** Stops the worker; whatever still waits on it is rejected. */
  async terminate(): Promise<void> {
    this.fail(new WorkerError(this.name, 'stopped'));
    await this.worker.terminate();
  }
}

/**
 * The worker's end: each message, in the order sent, to `handle`; its value (or a Transfer) is the
 * answer; what it throws is answered as a failure with its message, and the worker goes on.
 */
export function serveChannel(handle: (lane: number, body: unknown) => unknown | Promise<unknown>): void {
  const port = parentPort;
  if (isMainThread || !port) throw new Error('serveChannel runs in a worker thread');
  let queue: Promise<void> = Promise.resolve();
  port.on('message', ({ lane, seq, body }: Envelope) => {
    queue = queue.then(async () => {
      try {
        const out = await handle(lane, body);
        if (out instanceof Transfer) port.postMessage({ lane, seq, ok: true, value: out.value } satisfies Answer, out.list as Transferable[]);
        else port.postMessage({ lane, seq, ok: true, value: out } satisfies Answer);
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        const failure = err instanceof UmkmError ? { key: err.key, params: err.params, exitCode: err.exitCode } : undefined;
        port.postMessage({ lane, seq, ok: false, message, ...(failure ? { failure } : {}) } satisfies Answer);
      }
    });
  });
}

/** Runs one job on a fresh worker (a module that serves the channel) and stops it after. */
export async function runJob<T>(url: URL, name: string, job: unknown, transfer: readonly Transferable[] = []): Promise<T> {
  const channel = WorkerChannel.start(url, name);
  try {
    return await channel.request<T>(0, job, transfer);
  } finally {
    await channel.terminate();
  }
}
