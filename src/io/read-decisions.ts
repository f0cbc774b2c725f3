/**
 * --decisions: review.csv files (or spreadsheet copies) whose decision column an analyst filled:
 * SAMA (one person) or BEDA (different people). Keyed by the unordered NIK pair, so a decision
 * survives re-exports that move rows to other lines or files.
 */
import { createHash } from 'node:crypto';
import { InputError } from '../errors.js';
import type { Lang } from '../i18n/messages.js';
import { pairKey } from '../match/pair-key.js';
import { cleanCell } from '../normalize/empty.js';
import { normalizeNik } from '../normalize/nik.js';
import type { Notice } from '../i18n/notice.js';
import { type AliasIndex, foldHeader } from '../schema/fields.js';
import { readDataRecords, sniffInput } from './read-input.js';

export type Decision = 'SAMA' | 'BEDA';

export interface DecisionEntry {
  readonly decision: Decision;
  /** The decisions file it came from. */
  readonly list: string;
}

export interface DecisionsFile {
  readonly file: string;
  readonly same: number;
  readonly different: number;
  readonly notices: Notice[];
  /** SHA-256 of the file's bytes, as read for its rows. */
  readonly sha256: string;
}

const DECISION_VALUES: Record<string, Decision> = { SAMA: 'SAMA', SAME: 'SAMA', BEDA: 'BEDA', DIFFERENT: 'BEDA' };

export async function readDecisions(
  path: string,
  name: string,
  aliases: AliasIndex,
  lang: Lang,
  into: Map<string, DecisionEntry>,
): Promise<DecisionsFile> {
  const plan = await sniffInput(path, -1, name, aliases, ['nik'], lang);
  const folded = plan.headerCells.map(foldHeader);
  const matchCol = folded.indexOf('MATCHNIK');
  const decisionCol = folded.findIndex((h) => h === 'DECISION' || h === 'KEPUTUSAN');
  if (matchCol < 0 || decisionCol < 0) throw new InputError('decisions.noColumn', { file: name });
  const nikCol = plan.mapping.columns.nik as number;
  let same = 0;
  let different = 0;
  let ignored = 0;
  let firstIgnored = 0;
  const hash = createHash('sha256');
  for await (const batch of readDataRecords(plan, undefined, undefined, (bytes) => hash.update(bytes))) {
    for (const rec of batch) {
      const raw = cleanCell(rec.cells[decisionCol]).toUpperCase();
      if (raw === '') continue;
      const decision = DECISION_VALUES[raw];
      const a = normalizeNik(rec.cells[nikCol] ?? '');
      const b = normalizeNik(rec.cells[matchCol] ?? '');
      if (!decision || !a.wellFormed || !b.wellFormed || a.digits === b.digits) {
        if (ignored++ === 0) firstIgnored = rec.line;
        continue;
      }
      // A later file's decision on the same pair wins: the newest review is the one that counts.
      into.set(pairKey(a.digits, b.digits), { decision, list: name });
      if (decision === 'SAMA') same++;
      else different++;
    }
  }
  const notices: Notice[] =
    ignored > 0 ? [{ key: 'notice.decisionsIgnored', params: { count: ignored, line: firstIgnored } }] : [];
  return { file: name, same, different, notices, sha256: hash.digest('hex') };
}
