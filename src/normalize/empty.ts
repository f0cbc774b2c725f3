/** Placeholders kecamatan staff type into a cell that has no value. */
const PLACEHOLDERS = new Set(['-', '--', '---', '.', '0', 'N/A', 'NA', 'NULL', 'TIDAK ADA', 'TDK ADA', 'BELUM ADA', 'KOSONG']);

export function isEmptyValue(value: string | undefined): boolean {
  if (value === undefined) return true;
  const v = value.trim();
  if (v === '') return true;
  // Placeholders are short; skip the fold for real values.
  return v.length <= 16 && PLACEHOLDERS.has(v.toUpperCase().replace(/\s+/g, ' '));
}

/** Trims a cell and turns a placeholder into ''. */
export function cleanCell(value: string | undefined): string {
  if (value === undefined) return '';
  return isEmptyValue(value) ? '' : value.trim().replace(/\s+/g, ' ');
}
