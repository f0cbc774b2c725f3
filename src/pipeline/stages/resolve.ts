/**
 * Stage 3, resolve: who goes on per NIK, which rows an analyst already confirmed as one person,
 * the candidate pairs among the rest (blocking keys, engine/), and only for the rows that need a
 * second look (in a candidate pair, or under a NIK carried with differing names) their name and
 * address read back from the scratch file: pairs scored, NIK groups told apart as duplicates or
 * conflicts.
 */
import { dropFarPairs, type MatchStats } from '../../engine/fuzzy-matcher.js';
import { MatchList } from '../../engine/match-list.js';
import { PairRecords } from '../../engine/pair-records.js';
import { candidatePairsParallel } from '../../engine/parallel-candidates.js';
import { scorePairsParallel } from '../../engine/parallel-scoring.js';
import { decodeScratchLine, nameAndAddressRange, nikRange, scratchOrd, scratchTabs } from '../../engine/scratch-line.js';
import type { DecisionEntry } from '../../io/read-decisions.js';
import type { SpillFile } from '../../io/spill.js';
import { NIK_PROFILE } from '../../match/compare.js';
import { type MatchWeights, priorWeights } from '../../match/weights.js';
import { NikGroups } from '../../match/nik-groups.js';
import type { Confirmation } from '../../outcome/cross-row/types.js';
import type { Fallback } from '../../threads/workers.js';
import type { ScannedBatch } from './scan-pass.js';

export interface ResolvedBatch {
  /** Rows an analyst confirmed (SAMA) as the same person as an earlier row, by ordinal. */
  readonly confirmed: ReadonlyMap<number, Confirmation>;
  /** The best probable duplicate of each held row, in row order. */
  readonly matches: MatchList;
  /** The NIKs carried with differing names, grouped: duplicate or conflict. */
  readonly groups: NikGroups;
  /** The matching figures, with the comparison levels' weights estimated from this batch. */
  readonly stats: MatchStats & { confirmed: number; weights: MatchWeights };
  readonly threads: number;
  readonly fallbacks: readonly Fallback[];
}

/** An analyst's SAMA: the later kept copy of the two NIKs is the duplicate of the earlier. */
function confirmedDuplicates(scanned: ScannedBatch, decisions: ReadonlyMap<string, DecisionEntry>): Map<number, Confirmation> {
  const confirmed = new Map<number, Confirmation>();
  for (const [key, entry] of decisions) {
    if (entry.decision !== 'SAMA') continue;
    const [a, b] = key.split('|') as [string, string];
    const ka = scanned.table.get(a)?.keeperOrd;
    const kb = scanned.table.get(b)?.keeperOrd;
    if (ka === undefined || kb === undefined) continue;
    const [earlier, earlierNik, later] = ka < kb ? [ka, a, kb] : [kb, b, ka];
    confirmed.set(later, { other: scanned.index.ref(earlier), otherNik: earlierNik, list: entry.list });
  }
  return confirmed;
}

/**
 * The scratch file read once: a paired row's name and address bytes into the pair records, a
 * disputed NIK's rows into the NIK groups. Most rows are neither: only their ordinal is read.
 */
async function readBack(scanned: ScannedBatch, scratch: SpillFile, records: PairRecords, differing: ReadonlySet<string>): Promise<NikGroups> {
  const groups = new NikGroups();
  const tabs: number[] = [];
  // A row's NIK is looked at only when it repeats.
  const disputed = (ord: number, bytes: Buffer, start: number, end: number) => {
    if (differing.size === 0 || !scanned.keys.nikRepeated(ord)) return false;
    scratchTabs(bytes, start, end, tabs);
    return differing.has(bytes.toString('latin1', ...nikRange(tabs)));
  };
  const wanted = (bytes: Buffer, start: number, end: number) => {
    const ord = scratchOrd(bytes, start, end);
    return records.wants(ord) || disputed(ord, bytes, start, end);
  };
  for await (const { bytes, ranges } of scratch.linesWhere(wanted)) {
    for (let k = 0; k < ranges.length; k += 2) {
      const start = ranges[k] as number;
      const end = ranges[k + 1] as number;
      const ord = scratchOrd(bytes, start, end);
      if (records.wants(ord)) {
        scratchTabs(bytes, start, end, tabs);
        records.setBytes(ord, bytes, ...nameAndAddressRange(tabs));
      }
      if (!disputed(ord, bytes, start, end)) continue;
      // A string of its own, so what the group keeps pins that line at most, not the chunk.
      const line = decodeScratchLine(bytes.toString('utf8', start, end));
      const candidate = { ref: scanned.index.ref(ord), valid: line.valid, completeness: line.filled };
      groups.add(line.nik, candidate, line.name === '' ? [] : line.name.split(' '), line.display);
    }
  }
  return groups;
}

export async function resolveStage(
  scanned: ScannedBatch,
  decisions: ReadonlyMap<string, DecisionEntry>,
  scratch: SpillFile,
): Promise<ResolvedBatch> {
  const { rows, table, keys, index } = scanned;
  const keeper = new Uint8Array(rows);
  table.forEachKeeper((ord) => (keeper[ord] = 1));
  const differing = new Set(table.differingNiks());
  const confirmed = confirmedDuplicates(scanned, decisions);
  const different = new Set([...decisions].filter(([, d]) => d.decision === 'BEDA').map(([k]) => k));

  const candidates = await candidatePairsParallel(
    rows,
    // A kept copy of each NIK, and the rows keyed without a NIK.
    (ord) => (keeper[ord] === 1 || keys.noId(ord)) && keys.present.get(ord) !== 0 && !confirmed.has(ord),
    keys,
    NIK_PROFILE.blocking,
  );
  const stats: MatchStats = { ...candidates.stats, records: rows, comparisons: 0, matches: 0, decidedDifferent: 0 };
  // Pairs their keys show cannot pass the gates are never proposed: not compared, their rows not read back.
  const toScore = dropFarPairs(candidates.pairs, keys, different, stats, NIK_PROFILE);
  const fallbacks = [...candidates.fallbacks];
  if (toScore.length === 0 && differing.size === 0) {
    const weights = priorWeights(rows, NIK_PROFILE);
    return { confirmed, matches: new MatchList(), groups: new NikGroups(), stats: { ...stats, confirmed: confirmed.size, weights }, threads: candidates.threads, fallbacks };
  }
  // Per row in a pair, only its name and address tokens are kept (the rest is in the key store),
  // so a dense batch with millions of candidates still fits.
  const records = PairRecords.forPairs(rows, toScore, keys, index);
  const groups = await readBack(scanned, scratch, records, differing);
  const scored = await scorePairsParallel(rows, toScore, records, NIK_PROFILE, different, stats);
  fallbacks.push(...scored.fallbacks);
  return {
    confirmed,
    matches: scored.matches,
    groups,
    stats: { ...stats, confirmed: confirmed.size, weights: scored.weights },
    threads: Math.max(candidates.threads, scored.threads),
    fallbacks,
  };
}
