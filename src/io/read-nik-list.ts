/** --received / --exclude lists: any CSV with a NIK column, read with the same sniffing as inputs. */
import { createHash } from 'node:crypto';
import { InputError } from '../errors.js';
import type { Lang } from '../i18n/messages.js';
import { normalizeNik } from '../normalize/nik.js';
import { cleanCell } from '../normalize/empty.js';
import type { AliasIndex } from '../schema/fields.js';
import type { Notice } from '../i18n/notice.js';
import { readDataRecords, sniffInput, type InputPlan } from './read-input.js';

export interface NikListFile {
  readonly plan: InputPlan;
  readonly niks: number;
  /** Non-empty cells that are no NIK: said once per list, so a broken list is noticed. */
  readonly invalid: number;
  readonly notices: Notice[];
  /** SHA-256 of the file's bytes, as read for its rows. */
  readonly sha256: string;
}

export async function readNikList(
  path: string,
  name: string,
  aliases: AliasIndex,
  lang: Lang,
  into: Map<string, string>,
): Promise<NikListFile> {
  const plan = await sniffInput(path, -1, name, aliases, ['nik'], lang).catch((err: unknown) => {
    // A list needs only its NIK column: say that, not the inputs' "NIK, NAMA and other columns".
    if (err instanceof InputError && err.key === 'input.noHeader') throw new InputError('list.noNikColumn', { file: name }, { cause: err });
    throw err;
  });
  const col = plan.mapping.columns.nik as number;
  let niks = 0;
  let invalid = 0;
  let firstInvalidLine = 0;
  const hash = createHash('sha256');
  for await (const batch of readDataRecords(plan, undefined, undefined, (bytes) => hash.update(bytes))) {
    for (const rec of batch) {
      const cell = cleanCell(rec.cells[col]);
      if (cell === '') continue;
      const nik = normalizeNik(cell);
      if (nik.wellFormed) {
        niks++;
        if (!into.has(nik.digits)) into.set(nik.digits, name);
      } else {
        if (invalid === 0) firstInvalidLine = rec.line;
        invalid++;
      }
    }
  }
  const notices: Notice[] =
    invalid > 0 ? [{ key: 'notice.listInvalid', params: { count: invalid, line: firstInvalidLine } }] : [];
  return { plan, niks, invalid, notices, sha256: hash.digest('hex') };
}
