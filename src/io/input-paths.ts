/** The batch's input paths: how each is named in the reports, and that no file is given twice. */
import { realpath } from 'node:fs/promises';
import { basename, relative, resolve } from 'node:path';
import { UsageError } from '../errors.js';

/** source_file is the file name; where two inputs share one, their paths tell them apart. */
export function sourceNames(paths: readonly string[]): string[] {
  const bases = paths.map((p) => basename(p));
  return paths.map((p, i) =>
    bases.filter((b) => b === bases[i]).length > 1 ? relative(process.cwd(), resolve(p)) || p : (bases[i] as string),
  );
}

/** One file given twice (under two spellings or through a link) would be read as two kecamatan. */
export async function assertDistinctFiles(paths: readonly string[]): Promise<void> {
  const seen = new Set<string>();
  for (const p of paths) {
    const real = await realpath(p).catch(() => resolve(p));
    if (seen.has(real)) throw new UsageError('input.duplicateFile', { file: p });
    seen.add(real);
  }
}
