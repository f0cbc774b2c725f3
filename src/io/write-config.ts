/** Writes the commented config of `umkm-clean init`; never over an existing file unless forced. */
import { writeFile } from 'node:fs/promises';
import { configTemplate } from '../config/init-template.js';
import { UsageError } from '../errors.js';
import type { Lang } from '../i18n/messages.js';

export async function writeConfigTemplate(file: string, force: boolean, lang: Lang): Promise<void> {
  try {
    await writeFile(file, configTemplate(lang), { flag: force ? 'w' : 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw new UsageError('init.exists', { file }, { cause: err });
    throw new UsageError('init.unwritable', { file, detail: (err as NodeJS.ErrnoException).code ?? String(err) }, { cause: err });
  }
}
