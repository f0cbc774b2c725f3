import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BIN = join(ROOT, 'bin', 'umkm-clean.js');
export const DEMO = join(ROOT, 'fixtures', 'demo');
export const GOLDEN = join(ROOT, 'test', 'golden');
/** Corpora nobody here wrote; beside the repo, never copied into it. */
export const CORPORA = resolve(ROOT, '..', 'shared', 'corpora');
