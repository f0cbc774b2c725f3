/** The one worker channel: answers, back-pressure, and every way a worker can fail said, never a hang. */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runJob, WorkerChannel } from '../../src/threads/channel.js';
import { ROOT } from '../helpers/paths.js';

const URL_ = pathToFileURL(join(ROOT, 'test', 'fixtures', 'workers', 'channel-worker.mjs'));

describe('WorkerChannel', () => {
  it('answers requests on their lanes, moves buffers, and goes on after a handler fails', async () => {
    const ch = WorkerChannel.start(URL_, 'test');
    try {
      expect(await ch.request(3, { op: 'echo', value: 'a' })).toEqual({ lane: 3, value: 'a' });
      await expect(ch.request(1, { op: 'throw', value: 'x' })).rejects.toThrow('refused x');
      const b = await ch.request<Float64Array>(2, { op: 'buffer', n: 4 });
      expect([...b]).toEqual([7, 7, 7, 7]);
      expect(await ch.request(4, { op: 'echo', value: 'b' })).toEqual({ lane: 4, value: 'b' });
    } finally {
      await ch.terminate();
    }
  });

  it('makes a sender wait when too many sends of a lane are unanswered, and not before', async () => {
    const ch = WorkerChannel.start(URL_, 'test', 2);
    try {
      expect(ch.send(0, { op: 'slow', ms: 50 })).toBeUndefined();
      expect(ch.send(0, { op: 'slow', ms: 50 })).toBeUndefined();
      // Another lane has room of its own.
      expect(ch.send(1, { op: 'slow', ms: 1 })).toBeUndefined();
      const wait = ch.send(0, { op: 'slow', ms: 50 });
      expect(wait).toBeInstanceOf(Promise);
      await wait;
      await ch.drain(0);
      await ch.drain(1);
    } finally {
      await ch.terminate();
    }
  });

  it('says a sent message the worker could not take at that lane next call, not at others', async () => {
    const ch = WorkerChannel.start(URL_, 'test');
    try {
      expect(ch.send(5, { op: 'throw', value: 'open' })).toBeUndefined();
      await expect(ch.drain(5)).rejects.toThrow('refused open');
      await expect(ch.request(5, { op: 'echo', value: 1 })).rejects.toThrow('refused open');
      expect(await ch.request(6, { op: 'echo', value: 2 })).toEqual({ lane: 6, value: 2 });
    } finally {
      await ch.terminate();
    }
  });

  it('rejects what waits when the worker exits, and every call after', async () => {
    const ch = WorkerChannel.start(URL_, 'test');
    // Messages are taken in order: the exit comes before the request is answered.
    ch.send(1, { op: 'exit' });
    const pending = ch.request(0, { op: 'echo', value: 'never' });
    await expect(pending).rejects.toThrow('The second thread (test) failed: exit code 3');
    expect(ch.broken).toBe(true);
    await expect(ch.send(0, { op: 'echo' }) as Promise<void>).rejects.toThrow(/exit code 3/);
    await ch.terminate();
  });

  it('rejects a job whose worker cannot even load', async () => {
    const missing = pathToFileURL(join(ROOT, 'test', 'fixtures', 'workers', 'no-such-worker.mjs'));
    await expect(runJob(missing, 'missing', {})).rejects.toThrow(/second thread \(missing\) failed/);
  });
});
