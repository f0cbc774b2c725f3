/**
 * Waits for a write stream's 'drain', or rejects: a stream that failed (ENOSPC on a full disk) or
 * was closed never emits 'drain', and waiting for one hung the run forever with 0 bytes free.
 * `what` names the file for the error of a stream closed without one ("the scratch file").
 */
import type { WriteStream } from 'node:fs';

export function drained(stream: WriteStream, what: string): Promise<void> {
  if (stream.errored || stream.destroyed) return Promise.reject(stream.errored ?? new Error(`${what} was closed`));
  return new Promise((resolve, reject) => {
    const done = (err?: Error | null) => {
      stream.off('drain', onDrain);
      stream.off('error', done);
      stream.off('close', onClose);
      if (err) reject(err);
      else resolve();
    };
    const onDrain = () => done();
    const onClose = () => done(stream.errored ?? new Error(`${what} was closed`));
    stream.once('drain', onDrain);
    stream.once('error', done);
    stream.once('close', onClose);
  });
}
