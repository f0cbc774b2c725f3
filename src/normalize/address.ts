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

/** A character JavaScript's \s matches. */
export function isJsSpace(c: number): boolean {
  return (
    c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

const isDigit = (c: number) => c >= 48 && c <= 57;
const isTokenChar = (c: number) => (c >= 65 && c <= 90) || isDigit(c);
/** \w after upper-casing: a \b needs something else before it. */
const isWordChar = (c: number) => isTokenChar(c) || c === 95 || (c >= 97 && c <= 122);

/** "RT" / "RW", an optional dot, spaces, then digits: where the digits end, or -1. */
function digitsAfterTag(v: string, at: number): [number, number] | null {
  let i = at + 2;
  if (v.charCodeAt(i) === 46) i++;
  while (i < v.length && isJsSpace(v.charCodeAt(i))) i++;
  const from = i;
  while (i < v.length && isDigit(v.charCodeAt(i))) i++;
  return i > from ? [from, i] : null;
}

/** Digits without leading zeros, one digit kept: "005" -> "5", "000" -> "0". */
function number(v: string, from: number, to: number): string {
  while (from < to - 1 && v.charCodeAt(from) === 48) from++;
  return v.slice(from, to);
}

/**
 * RT 002/RW 003, RT.02 RW.03 and RT02/03 (a pair needs its slash) become RT2 and RW3; other runs
 * of A-Z and 0-9 are tokens. One pass, written to give exactly what two regular expressions did
 * (first /\bRT\.?\s*0*(\d+)\s*\/\s*(?:RW\.?\s*)?0*(\d+)/g to " RT$1 RW$2 ", then
 * /\b(RT|RW)\.?\s*0*(\d+)/g to " $1$2 ", then the runs); a test holds it to them. It was the
 * largest single cost of the scan.
 */
export function addressTokens(address: string): string[] {
  const v = address.toUpperCase();
  const n = v.length;
  const out: string[] = [];
  const push = (raw: string) => {
    if (!DROP.has(raw)) out.push(SYNONYMS.get(raw) ?? dropLeadingZeros(raw));
  };
  const hasSlash = v.includes('/');
  // Where the last RT/RW pair ended: its replacement ended in a space, a word boundary for the
  // single tags after it (but not for another pair: that one was matched in the same sweep).
  let pairEnd = -1;
  let i = 0;
  while (i < n) {
    const c = v.charCodeAt(i);
    if (!isTokenChar(c)) {
      i++;
      continue;
    }
    const prev = i > 0 ? v.charCodeAt(i - 1) : 32;
    const next = v.charCodeAt(i + 1);
    if (c === 82 && (next === 84 || next === 87)) {
      // A pair: RT number, slash, optional RW, number.
      if (next === 84 && hasSlash && !isWordChar(prev)) {
        const first = digitsAfterTag(v, i);
        if (first) {
          let j = first[1];
          while (j < n && isJsSpace(v.charCodeAt(j))) j++;
          if (v.charCodeAt(j) === 47) {
            j++;
            while (j < n && isJsSpace(v.charCodeAt(j))) j++;
            let second: [number, number] | null = null;
            if (v.charCodeAt(j) === 82 && v.charCodeAt(j + 1) === 87) second = digitsAfterTag(v, j);
            if (!second) {
              let k = j;
              while (k < n && isDigit(v.charCodeAt(k))) k++;
              if (k > j) second = [j, k];
            }
            if (second) {
              out.push(`RT${number(v, first[0], first[1])}`, `RW${number(v, second[0], second[1])}`);
              i = pairEnd = second[1];
              continue;
            }
          }
        }
      }
      // A single tag: RT 5, RW.03.
      if (pairEnd === i || !isWordChar(prev)) {
        const digits = digitsAfterTag(v, i);
        if (digits) {
          out.push(`${next === 84 ? 'RT' : 'RW'}${number(v, digits[0], digits[1])}`);
          i = digits[1];
          continue;
        }
      }
    }
    let j = i + 1;
    while (j < n && isTokenChar(v.charCodeAt(j))) j++;
    push(v.slice(i, j));
    i = j;
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
