/**
 * The external corpora: files nobody here wrote (some GPL), kept in ../shared/corpora beside the
 * repository and never copied into it. A fresh clone has no ../shared: there the corpora suites
 * skip and the run prints one line saying so (corpora-reporter.ts). CI always has ../shared: there
 * a missing folder fails every file that needs it, naming the path, instead of skipping.
 *
 * The behaviours these corpora check are also tested on our own fixtures (test/fixtures/dialects.ts,
 * read in test/pipeline/read-dialects.test.ts), so a fresh clone still tests them.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe } from 'vitest';
import { ROOT } from './paths.js';

declare module 'vitest' {
  interface TaskMeta {
    /** Set on every test of a corpora suite, so the reporter can count the skipped ones. */
    corpora?: boolean;
  }
}

/** `<repo>/../shared/corpora`, wherever the repository is checked out. */
export const CORPORA = join(ROOT, '..', 'shared', 'corpora');
/** The part of the corpora the tests read. */
export const CSV_CORPORA = join(CORPORA, 'csv-parsing');

/** CI=true (or any value but empty, 0 and false) means the corpora must be there. */
export const IN_CI = !['', '0', 'false'].includes((process.env.CI ?? '').trim().toLowerCase());

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

export const HAVE_CORPORA = isDirectory(CSV_CORPORA);

/** How to get them, for the skip line and the CI failure. */
export const HOW_TO_GET =
  "put the team's shared folder (the one holding SPEC.md and corpora/) beside the repository, " +
  `at ${join(ROOT, '..', 'shared')}`;

/** A path inside ../shared/corpora/csv-parsing. */
export function corpus(...parts: string[]): string {
  return join(CSV_CORPORA, ...parts);
}

/**
 * A suite over the corpora: skipped when they are missing, failing at import when they are missing
 * under CI. Vitest still runs a skipped suite's body to collect its tests, so read files only
 * inside tests, or through corporaTable.
 */
export function describeCorpora(name: string, body: () => void): void {
  if (!HAVE_CORPORA && IN_CI) {
    throw new Error(`CI is set, so the external corpora must be here, but ${CSV_CORPORA} is missing: ${HOW_TO_GET}.`);
  }
  describe.skipIf(!HAVE_CORPORA)(name, { meta: { corpora: true } }, body);
}

/**
 * A test table read from the corpora when the suite's body is collected: empty when they are
 * missing (the suite is skipped then), and an error when they are there but the table comes out
 * empty, so a moved or renamed corpus cannot turn a suite into zero tests that pass.
 */
export function corporaTable<T>(what: string, load: () => T[]): T[] {
  if (!HAVE_CORPORA) return [];
  const table = load();
  if (table.length === 0) throw new Error(`${what}: no cases found in ${CSV_CORPORA}`);
  return table;
}
