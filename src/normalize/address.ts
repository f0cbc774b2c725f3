/**
 * Addresses folded for matching: "Jl. Merpati No. 5 RT 002/RW 003" and "JALAN MERPATI 5 RT 2 RW 3"
 * give the same tokens. Jl./Jln./Jalan, Kp./Kampung, Perum/Perumahan, Gg./Gang fold to one spelling;
 * RT and RW keep their number without leading zeros.
 */
const SYNONYMS = new Map<string, string>(
  Object.entries({
    JALAN: 'JL', JLN: 'JL', JL: 'JL',
    KAMPUNG: 'KP', KAMP: 'KP', KP: 'KP',
    PERUMAHAN: 'PERUM', PERUM: 'PERUM', PRM: 'PERUM',
    GANG: 'GG', GG: 'GG',
    KOMPLEK: 'KOMP', KOMPLEKS: 'KOMP', KOMP: 'KOMP', KOMPL: 'KOMP',
    DUSUN: 'DSN', DSN: 'DSN', DS: 'DSN',
    BLOK: 'BLK', BLK: 'BLK',
  }),
);
const DROP = new Set(['NO', 'NOMOR', 'NOMER']);
const RT_RW_PAIR = /\bRT\.?\s*0*(\d+)\s*\/\s*(?:RW\.?\s*)?0*(\d+)/g;
const RT_OR_RW = /\b(RT|RW)\.?\s*0*(\d+)/g;

/** "007" -> "7", "0" stays "0", "05A" -> "5A": leading zeros before a digit go. */
function dropLeadingZeros(token: string): string {
  if (token.charCodeAt(0) !== 48) return token;
  let i = 0;
  while (i + 1 < token.length && token.charCodeAt(i) === 48) {
    const next = token.charCodeAt(i + 1);
    if (next < 48 || next > 57) break;
    i++;
  }
  return i === 0 ? token : token.slice(i);
}

export function addressTokens(address: string): string[] {
  let v = address.toUpperCase();
  if (v.includes('RT') || v.includes('RW')) {
    // RT 002/RW 003, RT.02 RW.03, RT02/03 (the pair needs its slash)
    if (v.includes('/')) v = v.replace(RT_RW_PAIR, ' RT$1 RW$2 ');
    v = v.replace(RT_OR_RW, ' $1$2 ');
  }
  // Runs of A-Z and 0-9 are the tokens (one loop, rather than a replace and a split).
  const out: string[] = [];
  let start = -1;
  for (let i = 0; i <= v.length; i++) {
    const c = i < v.length ? v.charCodeAt(i) : 32;
    if ((c >= 65 && c <= 90) || (c >= 48 && c <= 57)) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      const raw = v.slice(start, i);
      start = -1;
      if (!DROP.has(raw)) out.push(SYNONYMS.get(raw) ?? dropLeadingZeros(raw));
    }
  }
  return out;
}

/** Share of tokens in common (Jaccard), 0 when either side is empty. */
export function addressSimilarity(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const sa = new Set(a);
  const sb = new Set(b);
  let common = 0;
  for (const t of sa) if (sb.has(t)) common++;
  return common / (sa.size + sb.size - common);
}
