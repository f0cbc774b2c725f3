/** JK / L/P cells: what people type for male and female. */
const MALE = new Set(['L', 'LK', 'LAKI', 'LAKILAKI', 'PRIA', 'M', 'MALE', '1']);
const FEMALE = new Set(['P', 'PR', 'PEREMPUAN', 'WANITA', 'W', 'F', 'FEMALE', '2']);

export type Sex = 'L' | 'P';

export function parseSex(cell: string): Sex | null {
  const v = cell.toUpperCase().replace(/[^A-Z0-9]/g, '');
  if (MALE.has(v)) return 'L';
  if (FEMALE.has(v)) return 'P';
  return null;
}
