/**
 * Addresses folded for matching: "Jl. Merpati No. 5 RT 002/RW 003" and "JALAN MERPATI 5 RT 2 RW 3"
 * give the same tokens. Jl./Jln./Jalan, Kp./Kampung, Perum/Perumahan, Gg./Gang fold to one spelling;
 * RT and RW keep their number without leading zeros.
 */
const SYNONYMS: Record<string, string> = {
  JALAN: 'JL', JLN: 'JL', JL: 'JL',
  KAMPUNG: 'KP', KAMP: 'KP', KP: 'KP',
  PERUMAHAN: 'PERUM', PERUM: 'PERUM', PRM: 'PERUM',
  GANG: 'GG', GG: 'GG',
  KOMPLEK: 'KOMP', KOMPLEKS: 'KOMP', KOMP: 'KOMP', KOMPL: 'KOMP',
  DUSUN: 'DSN', DSN: 'DSN', DS: 'DSN',
  BLOK: 'BLK', BLK: 'BLK',
};
const DROP = new Set(['NO', 'NOMOR', 'NOMER']);

export function addressTokens(address: string): string[] {
  let v = address.toUpperCase();
  if (v.includes('RT') || v.includes('RW')) {
    // RT 002/RW 003, RT.02 RW.03, RT02/03
    v = v
      .replace(/\bRT\.?\s*0*(\d+)\s*\/\s*(?:RW\.?\s*)?0*(\d+)/g, ' RT$1 RW$2 ')
      .replace(/\b(RT|RW)\.?\s*0*(\d+)/g, ' $1$2 ');
  }
  v = v.replace(/[^A-Z0-9]+/g, ' ');
  const out: string[] = [];
  for (const raw of v.split(' ')) {
    if (raw === '' || DROP.has(raw)) continue;
    out.push(SYNONYMS[raw] ?? raw.replace(/^0+(?=\d)/, ''));
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
