/**
 * Exact-NIK groups with their names: which rows of one NIK are one person (a duplicate of the kept
 * copy) and which NIKs are used by different people (a conflict). The batch fills it only for the
 * few NIKs whose copies carry differing names (see NikTable); the group keeps its keeper and the
 * distinct names seen, never the rows.
 */
import { jaroWinkler } from '../normalize/jaro-winkler.js';
import { namesCompatible } from '../normalize/name.js';
import { betterCandidate, type Candidate } from './keep-policy.js';
import { type RowRef, sameRef } from './row-ref.js';

interface NameSeen {
  readonly tokens: readonly string[];
  readonly display: string;
  readonly ref: RowRef;
}

interface Group {
  keeper: Candidate;
  count: number;
  names: NameSeen[];
  /** Two rows whose names show different people; null while none. */
  conflict: { a: NameSeen; b: NameSeen } | null;
}

/** Most names a group remembers: a NIK typed into 50 rows is a conflict long before that. */
const MAX_NAMES = 16;

export type NikVerdict =
  | { kind: 'single' }
  | { kind: 'keeper' }
  | { kind: 'duplicate'; keeper: RowRef }
  | { kind: 'conflict'; other: RowRef; otherName: string; score: number };

export class NikGroups {
  private readonly groups = new Map<string, Group>();

  get size(): number {
    return this.groups.size;
  }

  add(nik: string, candidate: Candidate, tokens: readonly string[], display: string): void {
    const seen: NameSeen = { tokens, display, ref: candidate.ref };
    const g = this.groups.get(nik);
    if (!g) {
      this.groups.set(nik, { keeper: candidate, count: 1, names: [seen], conflict: null });
      return;
    }
    g.count++;
    g.keeper = betterCandidate(g.keeper, candidate);
    let known = false;
    for (const n of g.names) {
      if (n.tokens.join(' ') === tokens.join(' ')) known = true;
      else if (!g.conflict && !namesCompatible(n.tokens, tokens)) g.conflict = { a: n, b: seen };
    }
    if (!known && g.names.length < MAX_NAMES) g.names.push(seen);
  }

  verdict(nik: string, ref: RowRef): NikVerdict {
    const g = this.groups.get(nik);
    if (!g || g.count === 1) return { kind: 'single' };
    if (g.conflict) {
      const { a, b } = g.conflict;
      const other = sameRef(a.ref, ref) ? b : a;
      return {
        kind: 'conflict',
        other: other.ref,
        otherName: other.display,
        score: Math.round(jaroWinkler(a.tokens.join(' '), b.tokens.join(' ')) * 100) / 100,
      };
    }
    if (sameRef(g.keeper.ref, ref)) return { kind: 'keeper' };
    return { kind: 'duplicate', keeper: g.keeper.ref };
  }
}
