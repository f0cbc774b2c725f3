/**
 * The README is the front door, so what it says must be true of the built binary: every command and
 * option it names is one --help lists (a bench flag one the bench parses), the test command is the
 * one .ci/run runs, the quick start's scripts exist, and every local link leads to a file.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { ROOT } from '../helpers/paths.js';

const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
/** An option as typed: `--as-of`, not the `--` inside an anchor such as `#reason-codes--kode-alasan`. */
const OPTION = /(?<![\w#-])--[a-z][a-z-]*/g;
const COMMANDS = ['clean', 'check', 'inspect', 'init'];
const DOCS = ['README.md', 'docs/design.md', 'docs/matching.md', 'docs/performance.md', 'docs/testing.md'];

/** A file's headings as GitHub anchors them: lower case, punctuation dropped, spaces to dashes. */
function headings(path: string): string[] {
  const text = readFileSync(join(ROOT, path), 'utf8').replace(/^```[\s\S]*?^```/gm, '');
  return [...text.matchAll(/^#+ (.+)$/gm)].map((m) => (m[1] as string).trim().toLowerCase().replace(/[^\p{L}\p{N}_\- ]/gu, '').replace(/ /g, '-'));
}

/** The fenced code blocks' contents, trimmed, CRLF or LF. */
const blocks = [...README.matchAll(/^```[^\r\n]*\r?\n([\s\S]*?)^```/gm)].map((m) => (m[1] ?? '').trim());

describe('README.md', () => {
  it('names only commands and options the binary has (bench flags: the bench parses them)', () => {
    const help = ['', ...COMMANDS].map((c) => runCli([...(c ? [c] : []), '--help', '--lang', 'en'])).map((r) => {
      expect(r.code).toBe(0);
      return r.stdout;
    });
    const known = new Set(help.join('\n').match(OPTION));
    const bench = readFileSync(join(ROOT, 'bench', 'run.mjs'), 'utf8');
    const unknown: string[] = [];
    for (const line of README.split(/\r?\n/)) {
      const isBench = line.includes('npm run bench');
      for (const option of line.match(OPTION) ?? []) {
        const ok = isBench ? bench.includes(`'${option.slice(2)}'`) || bench.includes(`${option.slice(2)}:`) : known.has(option);
        if (!ok) unknown.push(`${option} in: ${line.trim()}`);
      }
      for (const m of line.matchAll(/umkm-clean ([a-z]+)/g)) {
        if (!COMMANDS.includes(m[1] as string)) unknown.push(`command ${m[1]} in: ${line.trim()}`);
      }
    }
    expect(unknown).toEqual([]);
  });

  it('shows the quick start and the test command .ci/run runs', () => {
    expect(blocks).toContain('npm ci && npm run demo');
    expect(blocks).toContain('npm test');
    const scripts = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts as Record<string, string>;
    expect(Object.keys(scripts)).toEqual(expect.arrayContaining(['demo', 'test', 'build', 'bench']));
    const ci = readFileSync(join(ROOT, '.ci', 'run'), 'utf8').trimEnd().split(/\r?\n/);
    expect(ci.at(-1)).toBe('npm test');
  });

  it('links only to files and headings that exist, here and in docs/', () => {
    const broken: string[] = [];
    for (const file of DOCS) {
      for (const m of readFileSync(join(ROOT, file), 'utf8').matchAll(/\]\(([^)#\s]*)(?:#([^)\s]*))?\)/g)) {
        const [, target = '', anchor] = m;
        if (/^[a-z]+:/.test(target)) continue;
        const path = target ? join(dirname(file), target) : file;
        if (!existsSync(join(ROOT, path))) broken.push(`${file}: ${target}`);
        else if (anchor !== undefined && !headings(path).includes(anchor)) broken.push(`${file}: ${target}#${anchor}`);
      }
    }
    expect(broken).toEqual([]);
  });
});
