/**
 * SHA-256 for the run manifest, computed on a worker thread: hashing every input and output byte
 * took about a second per million rows of the main thread, and the second core was idle. Output
 * bytes are copied to the worker in the chunks they are written in (messages keep their order, so
 * a digest covers exactly what was sent before it); inputs are read by the worker itself.
 */
import { Worker } from 'node:worker_threads';

// CommonJS on purpose: an eval'd worker needs no file of its own, so it runs the same from the
// built package and from the sources under test.
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const { createReadStream } = require('node:fs');
const hashes = new Map();
parentPort.on('message', (m) => {
  if (m.op === 'file') {
    const h = createHash('sha256');
    createReadStream(m.path, { highWaterMark: 1 << 20 })
      .on('data', (chunk) => h.update(chunk))
      .on('error', (err) => parentPort.postMessage({ id: m.id, error: String(err && err.message || err) }))
      .on('end', () => parentPort.postMessage({ id: m.id, hex: h.digest('hex') }));
    return;
  }
  let h = hashes.get(m.id);
  if (!h) { h = createHash('sha256'); hashes.set(m.id, h); }
  if (m.op === 'update') h.update(m.data);
  else { hashes.delete(m.id); parentPort.postMessage({ id: m.id, hex: h.digest('hex') }); }
});
`;

let worker: Worker | null = null;
let nextId = 1;
const waiting = new Map<number, { resolve: (hex: string) => void; reject: (err: unknown) => void }>();

function shared(): Worker {
  if (worker) return worker;
  const w = new Worker(WORKER_SOURCE, { eval: true });
  w.on('message', (m: { id: number; hex?: string; error?: string }) => {
    const p = waiting.get(m.id);
    waiting.delete(m.id);
    if (waiting.size === 0) w.unref();
    if (m.error !== undefined) p?.reject(new Error(m.error));
    else p?.resolve(m.hex as string);
  });
  const fail = (err: unknown) => {
    worker = null;
    for (const p of waiting.values()) p.reject(err);
    waiting.clear();
  };
  w.on('error', fail);
  w.on('exit', (code) => {
    if (waiting.size > 0) fail(new Error(`hash worker exited with code ${code}`));
    worker = null;
  });
  // The worker never keeps the process alive by itself, only a pending digest does (unref'd
  // after the listeners are on: adding one refs it again).
  w.unref();
  worker = w;
  return w;
}

export class OffThreadHash {
  private readonly id = nextId++;
  private done = false;

  update(data: Uint8Array | string): void {
    if (this.done) throw new Error('hash already digested');
    shared().postMessage({ op: 'update', id: this.id, data });
  }

  /** The hex SHA-256 of everything updated so far; the hash takes no more updates after it. */
  digest(): Promise<string> {
    this.done = true;
    const w = shared();
    return new Promise((resolve, reject) => {
      waiting.set(this.id, { resolve, reject });
      w.ref();
      w.postMessage({ op: 'digest', id: this.id });
    });
  }
}

/**
 * The SHA-256 of a whole file, read and hashed on the worker thread (an input is hashed while the
 * scan reads it, without its bytes being copied over).
 */
export function sha256FileOffThread(path: string): Promise<string> {
  const w = shared();
  const id = nextId++;
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    w.ref();
    w.postMessage({ op: 'file', id, path });
  });
}
