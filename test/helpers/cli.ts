/** Runs the built binary as a user does: a child process, no terminal, real files. */
import { spawnSync } from 'node:child_process';
import { BIN, ROOT } from './paths.js';
import { assertRunSummaries } from './summary-schema.js';

export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** The test runner's colour settings must not leak into the child. */
function cleanEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.NO_COLOR;
  delete env.FORCE_COLOR;
  return env;
}

/**
 * One run of the binary. The summaries a completed clean or check made (summary.json in --out, the
 * --json on stdout) are checked against summary.schema.json here, so every test that runs the
 * binary checks them; an invalid one throws, failing the test that made it.
 */
export function runCli(args: readonly string[], options: { cwd?: string; env?: Record<string, string> } = {}): CliResult {
  const cwd = options.cwd ?? ROOT;
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...cleanEnv(), ...options.env },
    timeout: 60_000,
  });
  const result = { code: r.status, stdout: r.stdout, stderr: r.stderr };
  assertRunSummaries(args, result, cwd);
  return result;
}

/** Any ANSI escape: the output of a run without a terminal must have none. */
export const ANSI = /\u001b\[/;
