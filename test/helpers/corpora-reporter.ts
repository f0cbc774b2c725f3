/**
 * Prints one line at the end of a run in which corpora tests were skipped: in which files, and how
 * to get the corpora. Nothing when none were skipped (they ran, or none were selected). Listed in
 * vitest.config.ts after the default reporter.
 */
import { relative } from 'node:path';
import type { Reporter, TestModule, Vitest } from 'vitest/node';
import { CSV_CORPORA, HAVE_CORPORA, HOW_TO_GET } from './corpora.js';
import { ROOT } from './paths.js';

export default class CorporaReporter implements Reporter {
  private vitest: Vitest | undefined;

  onInit(vitest: Vitest): void {
    this.vitest = vitest;
  }

  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    // With the corpora present, a skipped corpora test was filtered out (-t), not missing.
    if (HAVE_CORPORA) return;
    const files = testModules
      .filter((module) => [...module.children.allTests()].some((test) => test.meta().corpora === true && test.result().state === 'skipped'))
      .map((module) => posix(relative(ROOT, module.moduleId)))
      .sort();
    if (files.length === 0) return;
    // No count: a suite whose table comes from the corpora has no rows to count without them.
    this.vitest?.logger.log(
      `Skipped the corpora tests in ${files.join(', ')}: ${posix(relative(ROOT, CSV_CORPORA))} not found. ` +
        `To run them, ${HOW_TO_GET}.`,
    );
  }
}

/** Paths in the line as a reader types them on any system. */
function posix(path: string): string {
  return path.split('\\').join('/');
}
