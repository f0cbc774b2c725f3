/**
 * SHA-256 of the run's input and list files for the manifest, computed on a worker thread that
 * reads each file itself while the scan reads it too. (Outputs are hashed where they are written,
 * from the bytes already encoded for the file: copying them here cost more than hashing them.)
 */
import { Worker } from 'node:worker_threads';

// CommonJS on purpose: an eval'd worker needs no file of its own, so it runs the same from the
// built package and from the sources under test.
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const { createReadStream } = require('node:fs');
parentPort.on('message', (m) => {
  const h = createHash('sha256');
  createReadStream(m.path, { highWaterMark: 1 << 20 })
    .on('data', (chunk) => h.update(chunk))
    .on('error', (err) => parentPort.postMessage({ id: m.id, error: String(err && err.message || err) }))
    .on('end', () => parentPort.postMessage({ id: m.id, hex: h.digest('hex') }));
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
