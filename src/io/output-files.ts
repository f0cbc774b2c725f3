/**
 * The run's output files, written whole or not at all: each goes to a temporary name in --out and
 * is renamed into place only when the whole run succeeded. Other files in --out are left alone.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { once } from 'node:events';
import { stringify } from 'csv-stringify/sync';
import { UmkmError, UsageError } from '../errors.js';
import { neutralizeCell } from '../report/neutralize.js';

export const OUTPUT_NAMES = ['submission.csv', 'rejected.csv', 'review.csv', 'audit.csv', 'summary.json'] as const;
export type OutputName = (typeof OUTPUT_NAMES)[number];
export type CsvOutput = Exclude<OutputName, 'summary.json'>;

const BATCH_ROWS = 512;

class OutputWriteError extends UmkmError {
  constructor(dir: string, cause: unknown) {
    const detail = (cause as NodeJS.ErrnoException).code ?? String(cause);
    super('output.unwritable', { dir, detail }, 3, { cause });
  }
}

interface Pending {
  readonly stream: WriteStream;
  readonly temp: string;
  readonly final: string;
  rows: string[][];
}

export class OutputFiles {
  private readonly files = new Map<OutputName, Pending>();
  private failed: unknown = null;

  private constructor(readonly dir: string) {}

  static async open(dir: string): Promise<OutputFiles> {
    try {
      const st = await stat(dir).catch(() => null);
      if (st && !st.isDirectory()) throw new UsageError('usage.outIsFile', { dir });
      await mkdir(dir, { recursive: true });
    } catch (err) {
      if (err instanceof UmkmError) throw err;
      throw new OutputWriteError(dir, err);
    }
    const out = new OutputFiles(dir);
    const tag = `${process.pid}-${Date.now().toString(36)}`;
    for (const name of OUTPUT_NAMES) {
      const final = join(dir, name);
      const temp = join(dir, `.${name}.${tag}.tmp`);
      // Owner-only: the files carry NIKs of real people.
      const stream = createWriteStream(temp, { mode: 0o600 });
      stream.on('error', (err) => {
        out.failed ??= err;
      });
      out.files.set(name, { stream, temp, final, rows: [] });
    }
    try {
      await Promise.all([...out.files.values()].map((f) => once(f.stream, 'open')));
    } catch (err) {
      await out.abort();
      throw new OutputWriteError(dir, err);
    }
    return out;
  }

  async writeRow(name: CsvOutput, row: readonly string[]): Promise<void> {
    const f = this.files.get(name) as Pending;
    f.rows.push(row.map(neutralizeCell));
    if (f.rows.length >= BATCH_ROWS) await this.flush(f);
  }

  private async flush(f: Pending): Promise<void> {
    if (this.failed) throw new OutputWriteError(this.dir, this.failed);
    if (f.rows.length === 0) return;
    const text = stringify(f.rows, { record_delimiter: '\r\n' });
    f.rows = [];
    if (!f.stream.write(text)) await once(f.stream, 'drain');
  }

  async writeText(name: 'summary.json', text: string): Promise<void> {
    const f = this.files.get(name) as Pending;
    if (!f.stream.write(text)) await once(f.stream, 'drain');
  }

  /** Flushes, closes and renames every file into place. */
  async commit(): Promise<void> {
    try {
      for (const f of this.files.values()) await this.flush(f);
      await Promise.all(
        [...this.files.values()].map(async (f) => {
          f.stream.end();
          await once(f.stream, 'close');
        }),
      );
      if (this.failed) throw this.failed;
      for (const f of this.files.values()) await rename(f.temp, f.final);
    } catch (err) {
      await this.abort();
      if (err instanceof UmkmError) throw err;
      throw new OutputWriteError(this.dir, err);
    }
  }

  /** Drops every temporary file; the previous outputs stay as they were. */
  async abort(): Promise<void> {
    await Promise.all(
      [...this.files.values()].map(async (f) => {
        if (!f.stream.closed) {
          f.stream.destroy();
          await once(f.stream, 'close').catch(() => undefined);
        }
        await rm(f.temp, { force: true });
      }),
    );
  }
}
