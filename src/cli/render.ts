/**
 * Words for people: the progress spinner (stderr, only on a terminal), the summary table (stdout)
 * or the JSON summary (stdout, nothing else), and error messages (stderr). Colour only on a
 * terminal and never with NO_COLOR (the spinner's included); plain ASCII so a Windows console in
 * any code page reads it. Whatever came from input (file names, cells) is printed through
 * shown(): NIK-like values masked, control characters and escape codes as visible escapes.
 *
 * The spinner never takes the keyboard (ora's discardStdin would put the terminal in raw mode,
 * and stdin-discarder's listener never starts the stream flowing, so Ctrl+C was read by nobody),
 * and runs only on a terminal that reports a width: ora divides by the column count, and on a
 * terminal of 0 columns it cleared Infinity lines, writing cursor codes forever.
 */
import { Chalk, type ChalkInstance } from 'chalk';
import ora, { type Ora } from 'ora';
import { formatMessage, type Lang, type MessageKey, type MessageParams } from '../i18n/messages.js';
import { INSPECT_TEXTS as INSPECT } from '../i18n/report-texts.js';
import type { Progress } from '../pipeline/batch-types.js';
import type { ReasonCode } from '../schema/codes.js';
import type { SummaryJson } from '../report/summary-json.js';
import { type InspectEntry, type InspectReport, isFailure } from '../pipeline/inspect.js';
import { maskIds } from '../report/mask.js';
import type { CliStreams } from './main.js';
import { safeLines, shown, terminalSafeJson } from './terminal-text.js';

export interface Terminal {
  progress(p: Progress): void;
  done(summary: SummaryJson, outDir: string | null): void;
  stop(): void;
  error(message: string): void;
}

function colourLevel(stream: { isTTY?: boolean }): 0 | 1 {
  if (!stream.isTTY) return 0;
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') return 0;
  if (process.env.TERM === 'dumb') return 0;
  return 1;
}

/** A spinner needs a terminal that can move its cursor and says how wide it is. */
function canSpin(stream: { isTTY?: boolean; columns?: number }): boolean {
  return Boolean(stream.isTTY) && process.env.TERM !== 'dumb' && typeof stream.columns === 'number' && stream.columns > 0;
}

const DELIM_LABEL: Record<string, string> = { ',': ',', ';': ';', '\t': 'TAB', '|': '|' };

export function renderSummaryTable(summary: SummaryJson, lang: Lang, outDir: string | null, c: ChalkInstance): string {
  const t = (key: MessageKey, p: MessageParams = {}) => formatMessage(lang, key, p);
  const lines: string[] = [];
  const num = (n: number) => formatCount(n, lang).padStart(10);
  const row = (label: string, n: number) => `  ${label.padEnd(46)}${num(n)}`;
  const totals = summary.totals;
  lines.push(c.bold(t('summary.title')));
  lines.push(row(t('summary.rows'), totals.rows));
  lines.push(c.green(row(t('summary.accepted'), totals.accepted)));
  lines.push(c.red(row(t('summary.rejected'), totals.rejected)));
  lines.push(c.yellow(row(t('summary.review'), totals.review)));
  lines.push(row(t('summary.skipped'), totals.skipped_lines));
  lines.push(totals.balanced ? `  ${t('summary.balanced')}` : c.red.bold(`  ${t('summary.unbalanced')}`));
  const section = (title: string, counts: Partial<Record<ReasonCode, number>>) => {
    const entries = Object.entries(counts) as [ReasonCode, number][];
    if (entries.length === 0) return;
    lines.push('', c.bold(title));
    for (const [code, n] of entries.sort((a, b) => b[1] - a[1])) lines.push(`  ${code.padEnd(46)}${num(n)}`);
  };
  section(t('summary.reasons'), summary.reasons);
  section(t('summary.warnings'), summary.warnings);
  lines.push('', c.bold(t('summary.files')));
  for (const f of summary.files) {
    lines.push(
      `  ${t('summary.fileLine', {
        file: f.sheet ? t('summary.fileSheet', { file: shown(f.file), sheet: shown(f.sheet.name), number: f.sheet.number }) : shown(f.file),
        rows: f.rows,
        encoding: f.encoding + (f.bom ? '+BOM' : ''),
        delimiter: DELIM_LABEL[f.delimiter] ?? f.delimiter,
        header: f.header_line,
      })}`,
    );
    for (const n of f.notices) {
      const message = shown(n.message);
      lines.push(n.level === 'warning' ? c.red.bold(`    !! ${message}`) : c.yellow(`    ! ${message}`));
    }
  }
  lines.push('');
  lines.push(outDir ? t('summary.out', { dir: shown(outDir) }) : t('summary.checkOnly'));
  return `${lines.join('\n')}\n`;
}

export function formatCount(n: number, lang: Lang): string {
  return n.toLocaleString(lang === 'id' ? 'id-ID' : 'en-US');
}

export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const m = Math.floor(s / 60);
  return m >= 60 ? `${Math.floor(m / 60)}:${String(m % 60).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}` : `${m}:${String(s % 60).padStart(2, '0')}`;
}

/** The progress line: rows, rows per second and, from the bytes read, the time left. */
export function progressText(p: Progress, seconds: number, lang: Lang): string {
  const key: MessageKey =
    p.phase === 'sniff'
      ? 'progress.sniffing'
      : p.phase === 'read'
        ? 'progress.reading'
        : p.phase === 'match'
          ? 'progress.matching'
          : 'progress.writing';
  const rate = seconds > 0 ? Math.round(p.rows / seconds) : 0;
  // Bytes tell how far a pass is; rows do not, until the pass is over.
  const eta = p.bytes > 0 && p.totalBytes > p.bytes ? formatDuration((seconds * (p.totalBytes - p.bytes)) / p.bytes) : '-';
  return formatMessage(lang, key, { file: shown(p.file), rows: formatCount(p.rows, lang), rate: formatCount(rate, lang), eta });
}

export function createTerminal(streams: CliStreams, opts: { lang: Lang; json: boolean; quiet: boolean }): Terminal {
  const interactive = Boolean(streams.stderr.isTTY) && !opts.quiet && !opts.json;
  const errColour = new Chalk({ level: colourLevel(streams.stderr) });
  let spinner: Ora | null = null;
  let lastUpdate = 0;
  let phase = '';
  let phaseStart = Date.now();
  // A terminal resized to no width stops the spinner before ora draws its next frame: node sets
  // columns and emits 'resize' in one go, so no frame is ever computed with 0 columns.
  const onResize = () => {
    if (!canSpin(streams.stderr)) stopSpinner();
  };
  const stopSpinner = () => {
    if (!spinner) return;
    spinner.stop();
    spinner = null;
    streams.stderr.removeListener('resize', onResize);
  };
  return {
    progress(p) {
      if (!interactive) return;
      const now = Date.now();
      if (p.phase !== phase) {
        phase = p.phase;
        phaseStart = now;
      }
      if (spinner && now - lastUpdate < 100) return;
      lastUpdate = now;
      if (!canSpin(streams.stderr)) {
        stopSpinner();
        return;
      }
      const text = progressText(p, (now - phaseStart) / 1000, opts.lang);
      if (spinner) {
        spinner.text = text;
        return;
      }
      spinner = ora({
        text,
        stream: streams.stderr as NodeJS.WriteStream,
        isEnabled: true,
        // Keys typed during the run stay with the terminal, so Ctrl+C is a SIGINT as everywhere.
        discardStdin: false,
        color: colourLevel(streams.stderr) === 1 ? 'cyan' : false,
      }).start();
      streams.stderr.on('resize', onResize);
    },
    done(summary, outDir) {
      this.stop();
      // A worker that failed is said on stderr whatever the mode: the run was slower than it should be.
      for (const m of summary.worker_fallbacks ?? []) streams.stderr.write(`${errColour.yellow('umkm-clean:')} ${m}\n`);
      // Loud notices are said once: in the table, or on stderr when there is no table.
      if (opts.json || opts.quiet) {
        for (const f of summary.files) {
          for (const n of f.notices) if (n.level === 'warning') streams.stderr.write(`${errColour.red.bold('umkm-clean:')} ${shown(n.message)}\n`);
        }
      }
      if (opts.json) {
        streams.stdout.write(`${terminalSafeJson(JSON.stringify(summary, null, 2))}\n`);
        return;
      }
      if (opts.quiet) return;
      const c = new Chalk({ level: colourLevel(streams.stdout) });
      streams.stdout.write(renderSummaryTable(summary, opts.lang, outDir, c));
    },
    stop() {
      stopSpinner();
    },
    error(message) {
      // Callers quote input through shownParams / shown: the message's own words are ours.
      streams.stderr.write(`${errColour.red('umkm-clean:')} ${safeLines(message)}\n`);
    },
  };
}

/**
 * `inspect --json`: every file in the order given, what was sniffed or, for a file that cannot be
 * used, its problem (the message key and the words); lines that are not records and messages are
 * quoted for a person, masked as in summary.json.
 */
export function inspectJson(entries: readonly InspectEntry[], lang: Lang): string {
  const json = entries.map((e) =>
    isFailure(e)
      ? { file: e.file, problem: { key: e.problem.key, message: maskIds(formatMessage(lang, e.problem.key, e.problem.params)) } }
      : {
          ...e,
          columns: e.columns.map((c) => ({ ...c, samples: c.samples.map(maskIds) })),
          notices: e.notices.map((n) => ({
            code: n.key.replace(/^notice\./, ''),
            level: n.loud ? 'warning' : 'info',
            message: maskIds(formatMessage(lang, n.key, n.params)),
          })),
          firstSkipped: e.firstSkipped.map((l) => ({ line: l.line, text: maskIds(l.text) })),
        },
  );
  return `${terminalSafeJson(JSON.stringify(json, null, 2))}\n`;
}

/** `inspect` as text: what was sniffed, and how each header maps (files that failed are said on stderr). */
export function renderInspect(entries: readonly InspectEntry[], lang: Lang): string {
  const t = INSPECT[lang];
  const lines: string[] = [];
  for (const r of entries.filter((e): e is InspectReport => !isFailure(e))) {
    lines.push(shown(r.file));
    if (r.sheet) lines.push(`  ${t.sheet}: ${shown(JSON.stringify(r.sheet.name))} (${r.sheet.number})`);
    lines.push(`  ${t.encoding}: ${r.encoding}${r.bom ? '+BOM' : ''}   ${t.delimiter}: ${DELIM_LABEL[r.delimiter] ?? r.delimiter}   ${t.header}: ${r.headerLine}`);
    r.columns.forEach((c, i) => {
      const samples = c.samples.length > 0 ? `   ${t.samples}: ${c.samples.map(shown).join(' | ')}` : '';
      lines.push(`  ${String(i + 1).padStart(3)}. ${shown(JSON.stringify(c.header)).padEnd(34)} -> ${(c.field ?? t.kept).padEnd(14)}${samples}`.trimEnd());
    });
    for (const n of r.notices) lines.push(`  ${n.loud ? '!!' : '!'} ${shown(formatMessage(lang, n.key, n.params))}`);
    if (r.absent.length > 0) lines.push(`  ${t.absent}: ${r.absent.join(', ')}`);
    lines.push(`  ${t.records}: ${formatCount(r.records, lang)}   ${t.skipped}: ${formatCount(r.skipped, lang)}`);
    for (const s of r.firstSkipped) lines.push(`    ${s.line}: ${shown(s.text)}`);
    lines.push('');
  }
  return lines.join('\n');
}
