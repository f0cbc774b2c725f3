import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BIN = join(ROOT, 'bin', 'umkm-clean.js');
export const DEMO = join(ROOT, 'fixtures', 'demo');
export const GOLDEN = join(ROOT, 'test', 'golden');
