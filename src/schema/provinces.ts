/**
 * Province codes that exist or existed (SPEC). A NIK never changes when its region splits, so
 * a code from before a split (Papua 91 before Papua Selatan 93, Kalimantan Timur 64 before
 * Kalimantan Utara 65) stays valid, and regency or district codes are never checked against
 * today's table.
 */
export const PROVINCE_CODES: ReadonlySet<string> = new Set([
  '11', '12', '13', '14', '15', '16', '17', '18', '19',
  '21',
  '31', '32', '33', '34', '35', '36',
  '51', '52', '53',
  '61', '62', '63', '64', '65',
  '71', '72', '73', '74', '75', '76',
  '81', '82',
  '91', '92', '93', '94', '95', '96',
]);
