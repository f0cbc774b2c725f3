/** Placeholders kecamatan staff type into a cell that has no value. */
const PLACEHOLDERS = new Set(['-', '--', '---', '.', '0', 'N/A', 'NA', 'NULL', 'TIDAK ADA', 'TDK ADA', 'BELUM ADA', 'KOSONG']);
/** Longest placeholder with room for doubled spaces ("TIDAK  ADA"). */
const MAX_PLACEHOLDER = 16;

export function isEmptyValue(value: string | undefined): boolean {
  if (value === undefined) return true;
  const v = value.trim();
  if (v === '') return true;
  // Hot path: nearly every cell is a real value, longer than any placeholder.
  if (v.length > MAX_PLACEHOLDER) return false;
  return PLACEHOLDERS.has(v.toUpperCase().replace(/\s+/g, ' '));
}

const RUNS_OF_SPACE = /\s{2,}|[\t\r\n\u00a0]/;

/** Trims a cell and turns a placeholder into ''. Inner line breaks and runs of spaces become one space. */
export function cleanCell(value: string | undefined): string {
  if (value === undefined || isEmptyValue(value)) return '';
  const v = value.trim();
  return RUNS_OF_SPACE.test(v) ? v.replace(/\s+/g, ' ') : v;
}
