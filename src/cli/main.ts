/**
 * The one process boundary: argv in, exit code out. Only this module and render.ts touch the
 * terminal; everything below returns values or throws typed errors.
 */
import { createRequire } from 'node:module';
import { type Argument, Command, CommanderError, Help, InvalidArgumentError, Option } from 'commander';
import { loadConfig } from '../io/read-config.js';
import { DEFAULT_CONFIG, type ResolvedConfig } from '../config/parse-config.js';
import { CSV_STYLES, type CsvStyle } from '../schema/csv-style.js';
import { ConfigError, EXIT_INPUT, EXIT_INTERNAL, EXIT_INTERRUPTED, EXIT_OK, EXIT_REJECTED, EXIT_REVIEW, EXIT_USAGE, UmkmError } from '../errors.js';
import { formatMessage, type Lang, LANGS, type MessageParams } from '../i18n/messages.js';
import { HELP_TEXTS, type HelpTexts } from '../i18n/help-texts.js';
import { loadRegion } from '../io/load-regions.js';
import { expandInputs } from '../io/expand-inputs.js';
import { runCommand } from '../pipeline/run-command.js';
import { inspectInputs, isFailure } from '../pipeline/inspect.js';
import { writeConfigTemplate } from '../io/write-config.js';
import { createTerminal, inspectJson, renderInspect, type Terminal } from './render.js';
import { shown, shownLines } from './terminal-text.js';

const require = createRequire(import.meta.url);
const pkg = require('../../package.json') as { name: string; version: string };

export interface CliStreams {
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
}

/**
 * The signals that stop a run the way Ctrl+C does: the run's AbortSignal fires, the pipeline
 * stops reading, removes its temporary and scratch files and renames nothing, and the process
 * says so and exits 128 + the signal's number, as a shell reports a process the signal killed:
 * 130 for SIGINT (Ctrl+C), 143 for SIGTERM (kill, a scheduler's stop), 129 for SIGHUP (the
 * terminal closed). A run that has not stopped STOP_GRACE_MS after the signal (a system call
 * that never returns: Node's recursive mkdir loops forever under /proc), or a second signal,
 * ends the process at once with the same code and message: a signal always ends the run, as
 * it did before the tool caught it. Outputs are still whole then (a run cut short before its
 * commit journal leaves the previous ones, after it the next run completes the renames).
 */
const STOP_SIGNALS = { SIGINT: EXIT_INTERRUPTED, SIGTERM: 143, SIGHUP: 129 } as const;
type StopSignal = keyof typeof STOP_SIGNALS;
const STOP_GRACE_MS = 10_000;

interface CommandOptions {
  out?: string;
  region?: string;
  received: string[];
  exclude: string[];
  decisions: string[];
  config?: string;
  asOf?: string;
  sheet?: string;
  lang: Lang;
  json: boolean;
  quiet: boolean;
  xlsx?: boolean;
  csv?: CsvStyle;
  failOn?: FailOn;
}

const FAIL_ON = ['review', 'rejected', 'any'] as const;
type FailOn = (typeof FAIL_ON)[number];

/**
 * --fail-on, for batch jobs: a completed run whose rows are held for review (exit 4) or rejected
 * (exit 5) as a non-zero exit code; under `any`, held rows come first, since a person must act.
 */
function failOnExit(failOn: FailOn | undefined, totals: { review: number; rejected: number }): { code: number; count: number; held: boolean } | null {
  if ((failOn === 'review' || failOn === 'any') && totals.review > 0) return { code: EXIT_REVIEW, count: totals.review, held: true };
  if ((failOn === 'rejected' || failOn === 'any') && totals.rejected > 0) return { code: EXIT_REJECTED, count: totals.rejected, held: false };
  return null;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** --as-of's check, its complaint in the run's language. */
function parseAsOf(lang: Lang): (value: string) => string {
  return (value) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
    if (!d || d.toISOString().slice(0, 10) !== value) {
      throw new InvalidArgumentError(formatMessage(lang, 'usage.asOf', { value }));
    }
    return value;
  };
}

/** --sheet's check: a name or a number, anything but blank (which sheet it is, the workbook decides). */
function parseSheet(lang: Lang): (value: string) => string {
  return (value) => {
    if (value.trim() === '') throw new InvalidArgumentError(formatMessage(lang, 'usage.sheet'));
    return value;
  };
}

function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * The language asked for on the command line, read before commander parses it: help and
 * commander's own words are built in it. Indonesian unless --lang en (or --lang=en) is given.
 */
function langFromArgv(argv: readonly string[]): Lang {
  let lang: Lang = 'id';
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--') break;
    const value = a === '--lang' ? argv[i + 1] : a.startsWith('--lang=') ? a.slice('--lang='.length) : undefined;
    if (value === 'en' || value === 'id') lang = value;
  }
  return lang;
}

function addSharedOptions(cmd: Command, lang: Lang): Command {
  const t = HELP_TEXTS[lang].shared;
  return cmd
    .argument('<input...>', t.input)
    .option('--region <code>', t.region)
    .option('--received <file>', t.received, collect, [])
    .option('--exclude <file>', t.exclude, collect, [])
    .option('--decisions <file>', t.decisions, collect, [])
    .option('--config <file>', t.config)
    .option('--as-of <YYYY-MM-DD>', t.asOf, parseAsOf(lang))
    .option('--sheet <name|number>', t.sheet, parseSheet(lang))
    .addOption(new Option('--lang <lang>', t.lang).choices(LANGS).default('id'))
    .option('--json', t.json, false)
    .option('--quiet', t.quiet, false)
    .addOption(new Option('--fail-on <rows>', t.failOn).choices(FAIL_ON));
}

/** A complaint of commander's in the run's language, line by line (its suggestion is a line of its own). */
function localiseCommanderError(text: string, texts: HelpTexts): string {
  return text
    .split('\n')
    .map((line) => {
      const rule = texts.commanderErrors.find(([pattern]) => pattern.test(line));
      return rule ? line.replace(rule[0], rule[1]) : line;
    })
    .join('\n');
}

/** commander's own words (headings, "choices", "default") in the help's language. */
function helpConfiguration(texts: HelpTexts) {
  // A flag's "(default: false)" and a repeatable option's "(default: [])" say nothing: left out.
  const localise = (text: string) =>
    text
      .replace(/ \(default: (?:false|\[\])\)$/, '')
      .replace(/\(choices: /, `(${texts.choices}: `)
      .replace(/(\(|, )default: /, `$1${texts.default}: `);
  return {
    styleTitle: (title: string) => texts.titles[title] ?? title,
    optionDescription(this: Help, option: Option) {
      return localise(Help.prototype.optionDescription.call(this, option));
    },
    argumentDescription(this: Help, argument: Argument) {
      return localise(Help.prototype.argumentDescription.call(this, argument));
    },
  };
}

async function execute(
  command: 'clean' | 'check',
  inputs: string[],
  opts: CommandOptions,
  streams: CliStreams,
): Promise<number> {
  const term: Terminal = createTerminal(streams, opts);
  const controller = new AbortController();
  let stoppedBy: StopSignal | null = null;
  let grace: NodeJS.Timeout | undefined;
  const stopped = (signal: StopSignal) =>
    signal === 'SIGINT' ? formatMessage(opts.lang, 'interrupted') : formatMessage(opts.lang, 'interruptedBy', { signal });
  const exitNow = () => {
    const signal = stoppedBy as StopSignal;
    term.stop();
    term.error(stopped(signal));
    process.exit(STOP_SIGNALS[signal]);
  };
  const onSignal = (signal: StopSignal) => {
    if (stoppedBy) exitNow();
    stoppedBy = signal;
    controller.abort();
    grace = setTimeout(exitNow, STOP_GRACE_MS).unref();
  };
  for (const signal of Object.keys(STOP_SIGNALS) as StopSignal[]) process.on(signal, onSignal);
  try {
    const config: ResolvedConfig = opts.config ? await loadConfig(opts.config) : DEFAULT_CONFIG;
    const region = opts.region ? await loadRegion(opts.region) : null;
    const summary = await runCommand({
      command,
      // Patterns and folders, as cmd and PowerShell pass them unexpanded.
      inputs: await expandInputs(inputs),
      out: opts.out ?? null,
      received: await expandInputs(opts.received),
      exclude: await expandInputs(opts.exclude),
      decisions: await expandInputs(opts.decisions),
      config,
      configPath: opts.config ?? null,
      region,
      asOf: opts.asOf ?? today(),
      sheet: opts.sheet ?? null,
      lang: opts.lang,
      xlsx: command === 'clean' && opts.xlsx !== false,
      csv: opts.csv,
      tool: { name: pkg.name, version: pkg.version },
      signal: controller.signal,
      onProgress: (p) => term.progress(p),
    });
    term.done(summary, opts.out ?? null);
    const failed = failOnExit(opts.failOn, summary.totals);
    if (!failed) return EXIT_OK;
    term.error(formatMessage(opts.lang, failed.held ? 'failOn.review' : 'failOn.rejected', { count: failed.count, option: opts.failOn as string, code: failed.code }));
    return failed.code;
  } catch (err) {
    term.stop();
    if (stoppedBy) {
      term.error(stopped(stoppedBy));
      return STOP_SIGNALS[stoppedBy];
    }
    return reportError(err, term, opts.lang);
  } finally {
    clearTimeout(grace);
    for (const signal of Object.keys(STOP_SIGNALS) as StopSignal[]) process.removeListener(signal, onSignal);
  }
}

export function buildProgram(streams: CliStreams, setExit: (code: number) => void, lang: Lang = 'id'): Command {
  const h = HELP_TEXTS[lang];
  const program = new Command()
    .name('umkm-clean')
    .description(h.program)
    .version(pkg.version, '-V, --version', h.version)
    .helpOption('-h, --help', h.helpOption)
    .helpCommand('help [command]', h.helpCommand)
    .configureHelp(helpConfiguration(h))
    .exitOverride()
    .configureOutput({
      writeOut: (s) => streams.stdout.write(s),
      // Commander quotes what was typed (an unknown option, a bad value): shown like any input.
      writeErr: (s) => streams.stderr.write(s.split('\n').map(shown).join('\n')),
      outputError: (s, write) => write(localiseCommanderError(s, h)),
    })
    .addHelpText('after', `\n${h.inputs}\n\n${h.exitCodes}`);

  addSharedOptions(
    program
      .command('clean')
      .description(h.clean.description)
      .requiredOption('--out <dir>', h.clean.out)
      .option('--no-xlsx', h.clean.noXlsx)
      .addOption(new Option('--csv <style>', h.clean.csv).choices(CSV_STYLES)),
    lang,
  )
    .addHelpText('after', `\n${h.clean.examples}\n\n${h.exitCodes}`)
    .action(async (inputs: string[], opts: CommandOptions) => setExit(await execute('clean', inputs, opts, streams)));

  addSharedOptions(program.command('check').description(h.check.description), lang)
    .addHelpText('after', `\n${h.check.examples}\n\n${h.exitCodes}`)
    .action(async (inputs: string[], opts: CommandOptions) => {
      const { out: _ignored, ...rest } = opts;
      setExit(await execute('check', inputs, rest, streams));
    });

  program
    .command('inspect')
    .description(h.inspect.description)
    .argument('<input...>', h.inspect.input)
    .option('--config <file>', h.inspect.config)
    .option('--sheet <name|number>', h.shared.sheet, parseSheet(lang))
    .addOption(new Option('--lang <lang>', h.shared.lang).choices(LANGS).default('id'))
    .option('--json', h.inspect.json, false)
    .addHelpText('after', `\n${h.inspect.examples}`)
    .action(async (inputs: string[], opts: { config?: string; sheet?: string; lang: Lang; json: boolean }) => {
      const term = createTerminal(streams, { lang: opts.lang, json: opts.json, quiet: true });
      try {
        const config = opts.config ? await loadConfig(opts.config) : DEFAULT_CONFIG;
        const entries = await inspectInputs(await expandInputs(inputs), config, opts.lang, opts.sheet ?? null);
        streams.stdout.write(opts.json ? inspectJson(entries, opts.lang) : renderInspect(entries, opts.lang));
        // Every file that cannot be used is named, then the run ends as an input error.
        const failures = entries.filter(isFailure);
        for (const f of failures) term.error(formatMessage(opts.lang, f.problem.key, shownParams(f.problem.params)));
        setExit(failures.length > 0 ? EXIT_INPUT : EXIT_OK);
      } catch (err) {
        setExit(reportError(err, term, opts.lang));
      }
    });

  program
    .command('init')
    .description(h.init.description)
    .argument('[file]', h.init.file, 'umkm-clean.yaml')
    .option('--force', h.init.force, false)
    .addOption(new Option('--lang <lang>', h.shared.lang).choices(LANGS).default('id'))
    .action(async (file: string, opts: { force: boolean; lang: Lang }) => {
      const term = createTerminal(streams, { lang: opts.lang, json: false, quiet: true });
      try {
        await writeConfigTemplate(file, opts.force, opts.lang);
        streams.stdout.write(`${formatMessage(opts.lang, 'init.written', { file: shown(file) })}\n`);
        setExit(EXIT_OK);
      } catch (err) {
        setExit(reportError(err, term, opts.lang));
      }
    });

  return program;
}

/** A run failure as words on stderr and its exit code. */
function reportError(err: unknown, term: Terminal, lang: Lang): number {
  term.stop();
  // Parameters quote input (file names, cells, system messages): a line break in one is shown
  // as \n, never as a line of its own; the message's own line breaks stay.
  if (err instanceof ConfigError) {
    term.error([formatMessage(lang, err.key, shownParams(err.params)), ...err.problems.map((p) => `  - ${shown(formatMessage(lang, p.key, shownParams(p.params)))}`)].join('\n'));
    return err.exitCode;
  }
  if (err instanceof UmkmError) {
    term.error(formatMessage(lang, err.key, shownParams(err.params)));
    return err.exitCode;
  }
  term.error(formatMessage(lang, 'internal', { detail: shownLines(err instanceof Error ? (err.stack ?? err.message) : String(err)) }));
  return EXIT_INTERNAL;
}

function shownParams(params: MessageParams): MessageParams {
  const out: MessageParams = {};
  for (const [k, v] of Object.entries(params)) out[k] = typeof v === 'string' ? shown(v) : v;
  return out;
}

const guarded = new WeakMap<object, { closed: boolean; failure: NodeJS.ErrnoException | null }>();

/**
 * A reader that goes away (`umkm-clean clean --help | head -1`, a closed terminal) is no error of
 * the run: a write to a closed pipe or a hung-up terminal is dropped quietly, without the stack
 * trace of an unhandled 'error' event. Any other failure to write stdout (a full disk under a
 * redirection) is reported once the command is over, as an output that cannot be written.
 */
function guardStream(stream: NodeJS.WritableStream): { closed: boolean; failure: NodeJS.ErrnoException | null } {
  const known = guarded.get(stream);
  if (known) return known;
  const s = { closed: false, failure: null as NodeJS.ErrnoException | null };
  guarded.set(stream, s);
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE' || err.code === 'EIO' || err.code === 'ECONNRESET' || err.code === 'ERR_STREAM_DESTROYED' || s.closed) {
      s.closed = true;
      return;
    }
    s.failure ??= err;
  });
  return s;
}

/** Runs the CLI; returns the exit code instead of exiting, so output always flushes. */
export async function main(argv: readonly string[], streams: CliStreams = process): Promise<number> {
  const out = guardStream(streams.stdout);
  guardStream(streams.stderr);
  const code = await runMain(argv, streams);
  // A failed write reports itself on a later tick.
  await new Promise((resolve) => setImmediate(resolve));
  if (out.failure && !out.closed) {
    streams.stderr.write(`umkm-clean: ${formatMessage(langFromArgv(argv), 'output.stdout', { detail: shown(out.failure.code ?? out.failure.message) })}\n`);
    return code === EXIT_OK ? EXIT_INPUT : code;
  }
  return code;
}

async function runMain(argv: readonly string[], streams: CliStreams): Promise<number> {
  let code = EXIT_OK;
  const program = buildProgram(
    streams,
    (c) => {
      code = c;
    },
    langFromArgv(argv),
  );
  if (argv.length === 0) {
    program.outputHelp({ error: true });
    return EXIT_USAGE;
  }
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (err) {
    if (err instanceof CommanderError) {
      // Help and version are successes; every other commander complaint is a usage error.
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') {
        return EXIT_OK;
      }
      return EXIT_USAGE;
    }
    streams.stderr.write(`${formatMessage('en', 'internal', { detail: String(err) })}\n`);
    return EXIT_INTERNAL;
  }
}
