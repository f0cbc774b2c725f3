/**
 * Input arguments as a Windows user types them: cmd and PowerShell hand `*.csv` to the program
 * unexpanded, so the tool expands glob patterns (`*`, `?`, `[...]`) and folders itself, on every
 * platform, the same way. A name that exists is always taken as it is (a file called `kec[1].csv`
 * is that file); a folder gives every .csv, .txt, .tsv, .xlsx and .xls directly inside it (not its
 * subfolders); a pattern gives the files it matches. Each argument's files come sorted by name in
 * byte order, so a run over a pattern is the same run on every machine; the arguments keep the
 * order they were given in (duplicates are found in input order). A pattern that matches nothing,
 * or a folder without such files, is an input error naming it (exit 3).
 */
import { readdir, stat } from 'node:fs/promises';
import { errorCode, InputError } from '../errors.js';

/**
 * The extensions a folder is read for (any case). A legacy .xls is among them though it cannot be
 * read: skipping it would drop its rows in silence; taken, it stops the run with what to do.
 */
export const FOLDER_EXTENSIONS: readonly string[] = ['.csv', '.txt', '.tsv', '.xlsx', '.xls'];

export interface ExpandOptions {
  /** Decides the separators (`\` too on Windows) and whether names match ignoring case. */
  readonly platform?: NodeJS.Platform;
}

/** A wildcard, or a `[` whose class closes: a lone `[` (`kec[2J.csv`) is part of a name. */
export function hasGlobChars(segment: string): boolean {
  if (/[*?]/.test(segment)) return true;
  for (let i = segment.indexOf('['); i >= 0; i = segment.indexOf('[', i + 1)) if (classEnd(segment, i) >= 0) return true;
  return false;
}

/**
 * One path segment's pattern as a regular expression over a name: `*` any run of characters, `?`
 * one character, `[abc]`, `[a-z]`, `[!a-z]` or `[^a-z]` one of (or none of) a set; every other
 * character stands for itself, and a `[` never closed is itself. As in a shell, a wildcard does not
 * match a leading `.` (hidden files) unless the pattern starts with one.
 */
export function segmentMatcher(segment: string, ignoreCase: boolean): (name: string) => boolean {
  let source = '';
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i] as string;
    if (c === '*') source += '.*';
    else if (c === '?') source += '.';
    else if (c === '[') {
      const close = classEnd(segment, i);
      if (close < 0) {
        source += '\\[';
        continue;
      }
      let body = segment.slice(i + 1, close);
      let negate = false;
      if (body.startsWith('!') || body.startsWith('^')) {
        negate = true;
        body = body.slice(1);
      }
      source += `[${negate ? '^' : ''}${body.replace(/[\\\]^[]/g, '\\$&')}]`;
      i = close;
    } else source += c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  let re: RegExp | null = null;
  try {
    re = new RegExp(`^${source}$`, ignoreCase ? 'isu' : 'su');
  } catch {
    // A class no regular expression takes ([z-a]): the segment can only be a name as typed.
  }
  const dotExplicit = segment.startsWith('.');
  return (name) => (re ? (dotExplicit || !name.startsWith('.')) && re.test(name) : name === segment);
}

/** Where the class opened at `open` ends (a `]` right after `[`, `[!` or `[^` is a member), or -1. */
function classEnd(segment: string, open: number): number {
  let j = open + 1;
  if (segment[j] === '!' || segment[j] === '^') j++;
  if (segment[j] === ']') j++;
  const close = segment.indexOf(']', j);
  return close;
}

/** Names in byte order of their UTF-8, the same on every machine and locale. */
export function byteOrder(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/** Excel's owner files (`~$kec-a.xlsx`) live beside an open workbook and are no export. */
function isLockFile(name: string): boolean {
  return name.startsWith('~$') || name.startsWith('.~lock.');
}

/**
 * A pattern split where its wildcards start: the literal folder before them, exactly as typed
 * (`data\`, `C:/usulan/`, or '' for the current folder), and the segments from the first with a
 * wildcard on, each with the separator typed after it.
 */
export function splitPattern(pattern: string, platform: NodeJS.Platform): { base: string; segments: { name: string; sep: string }[] } {
  const sepRe = platform === 'win32' ? /[\\/]/ : /\//;
  const parts: { name: string; sep: string }[] = [];
  let start = 0;
  for (let i = 0; i <= pattern.length; i++) {
    if (i === pattern.length || sepRe.test(pattern[i] as string)) {
      parts.push({ name: pattern.slice(start, i), sep: i < pattern.length ? (pattern[i] as string) : '' });
      start = i + 1;
    }
  }
  const first = parts.findIndex((p) => hasGlobChars(p.name));
  const base = parts
    .slice(0, first)
    .map((p) => p.name + p.sep)
    .join('');
  return { base, segments: parts.slice(first) };
}

async function statOrNull(path: string) {
  try {
    return await stat(path);
  } catch {
    return null;
  }
}

async function listFolder(folder: string, shown: string): Promise<string[]> {
  try {
    return await readdir(folder === '' ? '.' : folder);
  } catch (err) {
    throw new InputError('input.unreadable', { file: shown, detail: errorCode(err) }, { cause: err });
  }
}

async function expandPattern(pattern: string, platform: NodeJS.Platform): Promise<string[]> {
  const { base, segments } = splitPattern(pattern, platform);
  const ignoreCase = platform === 'win32';
  let prefixes = [base];
  for (const [i, seg] of segments.entries()) {
    const last = i === segments.length - 1;
    const next: string[] = [];
    for (const prefix of prefixes) {
      if (!hasGlobChars(seg.name)) {
        next.push(prefix + seg.name + seg.sep);
        continue;
      }
      // A folder on the way that cannot be listed simply matches nothing, as in a shell.
      const names = await readdir(prefix === '' ? '.' : prefix).catch(() => [] as string[]);
      const matches = segmentMatcher(seg.name, ignoreCase);
      for (const name of names) if (matches(name) && !isLockFile(name)) next.push(prefix + name + seg.sep);
    }
    prefixes = [];
    for (const path of next) {
      const st = await statOrNull(path);
      if (st && (last ? st.isFile() : st.isDirectory())) prefixes.push(path);
    }
  }
  return prefixes.sort(byteOrder);
}

async function expandFolder(folder: string, platform: NodeJS.Platform): Promise<string[]> {
  const sep = platform === 'win32' ? '\\' : '/';
  const prefix = /[\\/]$/.test(folder) || (platform === 'win32' && /^[A-Za-z]:$/.test(folder)) ? folder : folder + sep;
  const files: string[] = [];
  for (const name of (await listFolder(folder, folder)).sort(byteOrder)) {
    const lower = name.toLowerCase();
    if (isLockFile(name) || name.startsWith('.') || !FOLDER_EXTENSIONS.some((ext) => lower.endsWith(ext))) continue;
    const st = await statOrNull(prefix + name);
    if (st?.isFile()) files.push(prefix + name);
  }
  if (files.length === 0) throw new InputError('input.emptyFolder', { folder, extensions: FOLDER_EXTENSIONS.join(', ') });
  return files;
}

/** Every argument as the files it names, in the order given, each argument's files in byte order. */
export async function expandInputs(args: readonly string[], options: ExpandOptions = {}): Promise<string[]> {
  const platform = options.platform ?? process.platform;
  const out: string[] = [];
  for (const arg of args) {
    const st = await statOrNull(arg);
    if (st?.isDirectory()) out.push(...(await expandFolder(arg, platform)));
    else if (st || !hasGlobChars(arg)) out.push(arg);
    else {
      const files = await expandPattern(arg, platform);
      if (files.length === 0) throw new InputError('input.noMatch', { pattern: arg });
      out.push(...files);
    }
  }
  return out;
}
