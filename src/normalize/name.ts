/**
 * Names folded for matching, never for output: "HJ. SITI AMINAH, S.PD" and "Siti Aminah" must
 * give the same tokens, and "M. RIZKI" the same as "MUHAMMAD RIZKI".
 */
import { jaroWinkler } from '../match/jaro-winkler.js';

/** Honorifics written before a name (compared without dots). */
const PREFIX_TITLES = new Set([
  'H', 'HJ', 'HAJI', 'HAJJAH', 'DR', 'DRS', 'DRA', 'IR', 'PROF', 'KH', 'UST', 'USTADZ', 'USTADZAH', 'TGK', 'RA', 'RR',
]);

/** Academic degrees written after a name (compared without dots). */
const DEGREES = new Set([
  'SE', 'SH', 'SPD', 'SPDI', 'SKOM', 'AMD', 'AMDKEB', 'AMDKEP', 'AMK', 'SSOS', 'SAG', 'SIP', 'ST', 'SKM', 'SFARM',
  'SKEP', 'SPSI', 'SS', 'SSI', 'SHI', 'STP', 'SP', 'SHUT', 'SPT', 'SAK', 'SSTP', 'MM', 'MSI', 'MPD', 'MH', 'MKOM',
  'MAG', 'MT', 'MKES', 'MBA', 'MA', 'MSC', 'PHD', 'DR', 'SKED', 'SGZ', 'STR', 'SIKOM', 'MPDI', 'LC', 'BSC',
]);

const MUHAMMAD = new Set([
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

function bare(token: string): string {
  return token.replace(/[^A-Z0-9]/g, '');
}

export function nameTokens(name: string): string[] {
  let v = name.toUpperCase().replace(/['‘’`]/g, '');
  // After the first comma come degrees: "SITI AMINAH, S.PD., M.M."
  const comma = v.indexOf(',');
  if (comma > 0) v = v.slice(0, comma);
  const words = v.split(/\s+/).filter((w) => bare(w) !== '');
  while (words.length > 1 && PREFIX_TITLES.has(bare(words[0] ?? ''))) words.shift();
  while (words.length > 1 && DEGREES.has(bare(words[words.length - 1] ?? ''))) words.pop();
  const tokens: string[] = [];
  for (const w of words) {
    for (const part of w.split(/[^A-Z0-9]+/)) {
      if (part === '') continue;
      tokens.push(MUHAMMAD.has(part) ? 'MUHAMMAD' : foldOldSpelling(part));
    }
  }
  return tokens;
}

/** One key per name for grouping: tokens joined by a space. */
export function nameKey(name: string): string {
  return nameTokens(name).join(' ');
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
