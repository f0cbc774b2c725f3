/** Vitest's global setup: summary.schema.json compiled once for the whole run, handed to every test file. */
import type { TestProject } from 'vitest/node';
import { compileSummaryValidator } from './summary-schema.js';

export default function setup(project: TestProject): void {
  project.provide('summaryValidator', compileSummaryValidator());
}
