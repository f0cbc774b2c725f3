/**
 * Golden fixture folders: test/golden/<case>/ holds case.json (the options), its inputs, and
 * expected/ with the exact output files. UPDATE_GOLDEN=1 rewrites expected/ (then read the diff).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { GOLDEN } from './paths.js';

export interface GoldenCase {
  readonly name: string;
  readonly dir: string;
  readonly inputs: string[];
  readonly received: string[];
  readonly exclude: string[];
  readonly decisions: string[];
  readonly region: string | null;
  readonly config: string | null;
  readonly asOf: string;
  readonly lang: 'id' | 'en';
}

export const EXPECTED_FILES = ['submission.csv', 'rejected.csv', 'review.csv', 'audit.csv', 'summary.json'] as const;

export function loadGoldenCases(): GoldenCase[] {
  return readdirSync(GOLDEN)
    .filter((name) => existsSync(join(GOLDEN, name, 'case.json')))
    .map((name) => {
      const dir = join(GOLDEN, name);
      const spec = JSON.parse(readFileSync(join(dir, 'case.json'), 'utf8')) as Record<string, unknown>;
      const paths = (key: string) => ((spec[key] as string[] | undefined) ?? []).map((p) => resolve(dir, p));
      return {
        name,
        dir,
        inputs: paths('inputs'),
        received: paths('received'),
        exclude: paths('exclude'),
        decisions: paths('decisions'),
        region: (spec.region as string | undefined) ?? null,
        config: spec.config ? resolve(dir, spec.config as string) : null,
        asOf: spec.asOf as string,
        lang: (spec.lang as 'id' | 'en' | undefined) ?? 'id',
      };
    });
}

/** What varies between runs and machines: times, absolute paths, the tool version. */
export function stableSummary(text: string): unknown {
  const s = JSON.parse(text) as Record<string, unknown> & { files: Record<string, unknown>[]; tool: Record<string, unknown> };
  delete s.started_at;
  delete s.timings_ms;
  delete s.peak_rss_mb;
  delete s.peak_rss_mb_by_phase;
  // 1 from the sources, 2 from the built package on a large batch: not the run's result.
  delete s.threads;
  delete s.options;
  delete s.tool.version;
  for (const f of s.files) delete f.path;
  // Paths and the Node version vary by machine; checksums of inputs and outputs do not.
  const m = s.manifest as { inputs: Record<string, unknown>[]; lists: unknown; node?: string; tool: Record<string, unknown> };
  for (const i of m.inputs) delete i.path;
  m.lists = Object.values(m.lists as Record<string, string>);
  delete m.node;
  delete m.tool.version;
  return s;
}

export function writeExpected(c: GoldenCase, name: string, content: string): void {
  mkdirSync(join(c.dir, 'expected'), { recursive: true });
  writeFileSync(join(c.dir, 'expected', name), content);
}

export function readExpected(c: GoldenCase, name: string): string {
  return readFileSync(join(c.dir, 'expected', name), 'utf8');
}
