/**
 * What a comparison of two rows can find, field by field: each field compares to one level (or
 * none, when a side is empty). The levels are the Fellegi-Sunter comparison levels the weights
 * (weights.ts) are estimated for, and the words review.csv explains a pair with (i18n/evidence.ts).
 */
export type Evidence =
  | { kind: 'idOneDigit'; position: number }
  | { kind: 'idSwap'; position: number }
  | { kind: 'idTwoDigits'; positions: [number, number] }
  /** Two independent typing errors: two neighbouring digits swapped, one digit wrong elsewhere (or two swaps). */
  | { kind: 'idTwoErrors'; positions: [number, number] }
  /** One row's No. KK column holds the other row's NIK. */
  | { kind: 'idIsKk' }
  /**
   * One row's NIK reads as a family card: the same regency as the other's, but its date part is
   * not the birth date the row states, while the other's is.
   */
  | { kind: 'idKkLike' }
  /** NIKs with no relation a typing error or a KK explains. */
  | { kind: 'idFar' }
  | { kind: 'nameSame' }
  | { kind: 'nameSimilar'; similarity: number }
  | { kind: 'nameDifferent' }
  | { kind: 'birthSame' }
  | { kind: 'birthDefault' }
  | { kind: 'birthClose' }
  | { kind: 'birthDifferent' }
  | { kind: 'phoneSame' }
  | { kind: 'phoneDifferent' }
  | { kind: 'addressSame' }
  | { kind: 'addressSimilar' }
  | { kind: 'addressDifferent' }
  | { kind: 'areaSame' }
  | { kind: 'areaDifferent' };

export type EvidenceKind = Evidence['kind'];

/** The compared fields and each one's levels, strongest agreement first. */
export const FIELD_LEVELS = {
  id: ['idOneDigit', 'idSwap', 'idTwoDigits', 'idTwoErrors', 'idIsKk', 'idKkLike', 'idFar'],
  name: ['nameSame', 'nameSimilar', 'nameDifferent'],
  birth: ['birthSame', 'birthDefault', 'birthClose', 'birthDifferent'],
  phone: ['phoneSame', 'phoneDifferent'],
  address: ['addressSame', 'addressSimilar', 'addressDifferent'],
  area: ['areaSame', 'areaDifferent'],
} as const satisfies Record<string, readonly EvidenceKind[]>;

export type MatchField = keyof typeof FIELD_LEVELS;
export const FIELDS = Object.keys(FIELD_LEVELS) as MatchField[];

/** The NIK relations a typing error or a KK column explains: pairs with them need no more than a name and one more field. */
export const NEAR_ID_KINDS: ReadonlySet<EvidenceKind> = new Set(['idOneDigit', 'idSwap', 'idTwoDigits', 'idTwoErrors', 'idIsKk']);

/** Each field's level found in a comparison, or undefined when a side was empty. */
export type Levels = Partial<Record<MatchField, EvidenceKind>>;

const FIELD_OF = new Map<EvidenceKind, MatchField>();
for (const f of FIELDS) for (const k of FIELD_LEVELS[f]) FIELD_OF.set(k, f);

export function levelsOf(evidence: readonly Evidence[]): Levels {
  const levels: Levels = {};
  for (const e of evidence) levels[FIELD_OF.get(e.kind) as MatchField] = e.kind;
  return levels;
}

/**
 * A comparison's levels as one small number (below 5,760): per field 0 for none, else the
 * level's place + 1, in mixed radix. The weights are estimated over a count per pattern.
 */
const RADIX = FIELDS.map((f) => FIELD_LEVELS[f].length + 1);
export const PATTERNS = RADIX.reduce((a, b) => a * b, 1);

export function patternOf(levels: Levels): number {
  let p = 0;
  for (let i = 0; i < FIELDS.length; i++) {
    const f = FIELDS[i] as MatchField;
    const k = levels[f];
    const at = k === undefined ? 0 : (FIELD_LEVELS[f] as readonly EvidenceKind[]).indexOf(k) + 1;
    p = p * (RADIX[i] as number) + at;
  }
  return p;
}

/** Per field, the level's place + 1 (0 for none), from a pattern. */
export function patternLevels(pattern: number): number[] {
  const out = new Array<number>(FIELDS.length);
  for (let i = FIELDS.length - 1; i >= 0; i--) {
    const r = RADIX[i] as number;
    out[i] = pattern % r;
    pattern = Math.floor(pattern / r);
  }
  return out;
}
