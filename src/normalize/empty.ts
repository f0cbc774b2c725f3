/** Placeholders kecamatan staff type into a cell that has no value. */
const PLACEHOLDERS = new Set(['-', '--', '---', '.', '0', 'N/A', 'NA', 'NULL', 'TIDAK ADA', 'TDK ADA', 'BELUM ADA', 'KOSONG']);
/** Longest placeholder with room for doubled spaces ("TIDAK  ADA"). */
const MAX_PLACEHOLDER = 16;

/** First characters of the placeholders, either case: most cells are ruled out by one look. */
const PLACEHOLDER_START = new Set([...PLACEHOLDERS].flatMap((p) => [p.charCodeAt(0), p.toLowerCase().charCodeAt(0)]));

function isPlaceholder(trimmed: string): boolean {
  return (
    trimmed.length <= MAX_PLACEHOLDER &&
    PLACEHOLDER_START.has(trimmed.charCodeAt(0)) &&
    PLACEHOLDERS.has(trimmed.toUpperCase().replace(/\s+/g, ' '))
  );
}

/** Whitespace as String.prototype.trim sees it, for the characters that occur in these sheets. */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0xfeff || c === 0x200b;
}

export function isEmptyValue(value: string | undefined): boolean {
  return cleanCell(value) === '';
}

const RUNS_OF_SPACE = /\s{2,}|[\t\r\n\u00a0]/;

/**
 * Trims a cell and turns a placeholder into ''. Inner line breaks and runs of spaces become one
 * space. Per cell, per pass: the common case (no surrounding space, longer than a placeholder)
 * allocates nothing.
 */
export function cleanCell(value: string | undefined): string {
  if (value === undefined) return '';
  const n = value.length;
  if (n === 0) return '';
  let v = value;
  if (isSpace(value.charCodeAt(0)) || isSpace(value.charCodeAt(n - 1))) {
    v = value.trim();
    if (v === '') return '';
  }
  const spaced = RUNS_OF_SPACE.test(v);
  // Folding case keeps the length: without runs of space, a cell longer than the longest
  // placeholder (9, "TIDAK ADA") is none.
  if (v.length <= MAX_PLACEHOLDER && (spaced || v.length <= 9) && isPlaceholder(v)) return '';
  return spaced ? v.replace(/\s+/g, ' ') : v;
}
