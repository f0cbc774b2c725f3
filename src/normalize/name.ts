/**
 * Names folded for matching, never for output: "HJ. SITI AMINAH, S.PD" and "Siti Aminah" must
 * give the same tokens, and "M. RIZKI" the same as "MUHAMMAD RIZKI".
 */
import { jaroWinkler } from './jaro-winkler.js';
import { isJsSpace } from './address.js';

/** Honorifics written before a name (compared without dots). */
export const PREFIX_TITLES: ReadonlySet<string> = new Set([
  'H', 'HJ', 'HAJI', 'HAJJAH', 'DR', 'DRS', 'DRA', 'IR', 'PROF', 'KH', 'UST', 'USTADZ', 'USTADZAH', 'TGK', 'RA', 'RR',
]);

/** Academic degrees written after a name (compared without dots). */
export const DEGREES: ReadonlySet<string> = new Set([
  'SE', 'SH', 'SPD', 'SPDI', 'SKOM', 'AMD', 'AMDKEB', 'AMDKEP', 'AMK', 'SSOS', 'SAG', 'SIP', 'ST', 'SKM', 'SFARM',
  'SKEP', 'SPSI', 'SS', 'SSI', 'SHI', 'STP', 'SP', 'SHUT', 'SPT', 'SAK', 'SSTP', 'MM', 'MSI', 'MPD', 'MH', 'MKOM',
  'MAG', 'MT', 'MKES', 'MBA', 'MA', 'MSC', 'PHD', 'DR', 'SKED', 'SGZ', 'STR', 'SIKOM', 'MPDI', 'LC', 'BSC',
]);

export const MUHAMMAD: ReadonlySet<string> = new Set([
  'M', 'MUH', 'MUHD', 'MHD', 'MHMD', 'MOH', 'MOHD', 'MOCH', 'MUCH', 'MUHAMMAD', 'MUHAMAD', 'MUHAMMED', 'MUHAMED',
  'MOHAMMAD', 'MOHAMAD', 'MOHAMMED', 'MOHAMED', 'MOCHAMMAD', 'MOCHAMAD', 'MUCHAMMAD', 'MUCHAMAD', 'MUHHAMAD',
]);

/** Pre-1972 spellings (Soeharto, Djoko, Tjahjo) folded to today's; j->y last so Djoko and Joko meet. */
const OLD_SPELLING = /OE|J|CH/;

function foldOldSpelling(token: string): string {
  if (!OLD_SPELLING.test(token)) return token;
  return token
    .replace(/OE/g, 'U')
    .replace(/DJ/g, 'J')
    .replace(/TJ/g, 'C')
    .replace(/NJ/g, 'NY')
    .replace(/SJ/g, 'SY')
    .replace(/CH/g, 'KH')
    .replace(/J/g, 'Y');
}

const isAlnum = (c: number) => (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
/** ' ‘ ’ `: dropped from names (MA'RUF is MARUF), neither letter nor separator. */
const isApostrophe = (c: number) => c === 39 || c === 0x2018 || c === 0x2019 || c === 96;

/**
 * Name tokens in one pass over the upper-cased name: words split at spaces, a word's parts at any
 * other character that is not A-Z or 0-9, apostrophes dropped, everything after the first comma
 * (degrees) left out; titles before and degrees after the name dropped while a word remains.
 * Written to give exactly what the chain of regular expressions it replaced gave (a property test
 * keeps that chain as its oracle): it was the largest cost of the scan's matcher thread.
 */
export function nameTokens(name: string): string[] {
  const v = name.toUpperCase();
  const n = v.length;
  // Each word as its parts (runs of A-Z0-9), words without any left out.
  const words: string[][] = [];
  let parts: string[] = [];
  let partStart = -1;
  /** A run broken only by apostrophes, so far. */
  let pending = '';
  let seenOther = false;
  let seenComma = false;
  const endPart = (i: number) => {
    if (partStart >= 0) parts.push(pending + v.slice(partStart, i));
    else if (pending !== '') parts.push(pending);
    partStart = -1;
    pending = '';
  };
  const endWord = (i: number) => {
    endPart(i);
    if (parts.length > 0) words.push(parts);
    parts = [];
  };
  let i = 0;
  for (; i < n; i++) {
    const c = v.charCodeAt(i);
    if (isApostrophe(c)) {
      if (partStart >= 0) pending += v.slice(partStart, i);
      partStart = -1;
      continue;
    }
    // After the first comma come degrees: "SITI AMINAH, S.PD., M.M." (a name that opens with a
    // comma keeps all of it; that comma and any later one are separators).
    if (c === 44 && !seenComma) {
      seenComma = true;
      if (seenOther) break;
    }
    seenOther = true;
    if (isAlnum(c)) {
      if (partStart < 0) partStart = i;
    } else if (isJsSpace(c)) endWord(i);
    else endPart(i);
  }
  endWord(i);
  const bare = (w: readonly string[]) => (w.length === 1 ? (w[0] as string) : w.join(''));
  let from = 0;
  let to = words.length;
  while (to - from > 1 && PREFIX_TITLES.has(bare(words[from] as string[]))) from++;
  while (to - from > 1 && DEGREES.has(bare(words[to - 1] as string[]))) to--;
  const tokens: string[] = [];
  for (let w = from; w < to; w++) {
    for (const part of words[w] as string[]) tokens.push(MUHAMMAD.has(part) ? 'MUHAMMAD' : foldOldSpelling(part));
  }
  return tokens;
}

function tokensMatch(a: string, b: string): boolean {
  if (a === b) return true;
  // An initial stands for a word: "S. AMINAH" and "SITI AMINAH".
  if (a.length === 1 || b.length === 1) return a[0] === b[0];
  if (a.length < 4 || b.length < 4) return false;
  return jaroWinkler(a, b) >= 0.88;
}

/**
 * Could two names be the same person? Yes when one is the other shortened to some of its words,
 * misspelt, written with or without spaces ("NUR HAYATI" / "NURHAYATI"), or carries titles.
 * Another first name or another surname says no. An empty name cannot tell, so it says yes.
 */
export function namesCompatible(a: readonly string[], b: readonly string[]): boolean {
  if (a.length === 0 || b.length === 0) return true;
  const ja = a.join('');
  const jb = b.join('');
  if (ja === jb) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  const used = new Uint8Array(long.length);
  for (const t of short) {
    let found = -1;
    for (let i = 0; i < long.length; i++) {
      if (!used[i] && tokensMatch(t, long[i] ?? '')) {
        found = i;
        break;
      }
    }
    if (found < 0) return short.length === long.length && jaroWinkler(ja, jb) >= 0.94;
    used[found] = 1;
  }
  return true;
}
