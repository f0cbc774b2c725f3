import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { createTerminal, formatCount, formatDuration, progressText } from '../../src/cli/render.js';

/** A stream that says it is a terminal and keeps what is written to it. */
function fakeStream(isTTY: boolean) {
  const chunks: string[] = [];
  const s = new Writable({
    write(chunk, _enc, cb) {
      chunks.push(String(chunk));
      cb();
    },
  }) as Writable & { isTTY?: boolean; columns?: number; cursorTo?: () => boolean; clearLine?: () => boolean; moveCursor?: () => boolean };
  s.isTTY = isTTY;
  s.columns = 100;
  // What ora asks of a TTY stream beyond writing.
  s.cursorTo = () => true;
  s.clearLine = () => true;
  s.moveCursor = () => true;
  return { stream: s, text: () => chunks.join('') };
}

const savedNoColor = process.env.NO_COLOR;
afterEach(() => {
  if (savedNoColor === undefined) delete process.env.NO_COLOR;
  else process.env.NO_COLOR = savedNoColor;
});

describe('terminal rendering', () => {
  it('formats counts and durations for people', () => {
    expect(formatCount(1234567, 'id')).toBe('1.234.567');
    expect(formatCount(1234567, 'en')).toBe('1,234,567');
    expect(formatDuration(75)).toBe('1:15');
    expect(formatDuration(3725)).toBe('1:02:05');
  });

  it('says rows, rows per second and time left', () => {
    const p = { phase: 'read' as const, file: 'kec-a.csv', rows: 50000, bytes: 500, totalBytes: 1000 };
    expect(progressText(p, 2, 'id')).toBe('Memeriksa kec-a.csv: 50.000 baris, 25.000 baris/detik, sisa 0:02');
    expect(progressText({ ...p, phase: 'write' }, 4, 'en')).toBe('Writing outputs: 50,000 rows, 12,500 rows/s, 0:04 left');
  });

  it('draws the progress on stderr of a terminal, never on stdout', () => {
    const out = fakeStream(true);
    const err = fakeStream(true);
    const term = createTerminal({ stdout: out.stream, stderr: err.stream }, { lang: 'id', json: false, quiet: false });
    term.progress({ phase: 'read', file: 'kec-a.csv', rows: 0, bytes: 0, totalBytes: 1000 });
    term.stop();
    expect(err.text()).toContain('Memeriksa kec-a.csv: 0 baris');
    expect(out.text()).toBe('');
  });

  it('shows no progress and writes no control codes without a terminal', () => {
    const out = fakeStream(false);
    const err = fakeStream(false);
    const term = createTerminal({ stdout: out.stream, stderr: err.stream }, { lang: 'en', json: false, quiet: false });
    term.progress({ phase: 'read', file: 'kec-a.csv', rows: 10, bytes: 5, totalBytes: 10 });
    term.error('something');
    expect(err.text()).toBe('umkm-clean: something\n');
  });

  it('honours NO_COLOR on a terminal', () => {
    process.env.NO_COLOR = '1';
    const out = fakeStream(true);
    const err = fakeStream(true);
    const term = createTerminal({ stdout: out.stream, stderr: err.stream }, { lang: 'en', json: false, quiet: true });
    term.error('plain');
    expect(err.text()).toBe('umkm-clean: plain\n');
  });
});
