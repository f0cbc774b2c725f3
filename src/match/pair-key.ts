/** How an analyst's SAMA/BEDA decision is keyed: the two NIKs of the pair, in either order. */

/** Unordered id pair, the key of an analyst's decision. */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}
