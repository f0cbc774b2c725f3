/**
 * Lines under the data that are not records: totals ("JUMLAH 245 USULAN") and signature blocks
 * ("Bekasi, 12 Mei 2021", "CAMAT PONDOKGEDE", "NIP. 19700101 ..."). Spreadsheets put them in
 * whatever column is free, sometimes under NAMA, so the "no value in a known column" test alone
 * misses them.
 */
const FOOTER_PATTERNS: readonly RegExp[] = [
  /^(JUMLAH|TOTAL|SUB\s*TOTAL|REKAP)\b/i,
  /^(CAMAT|LURAH|KEPALA|SEKRETARIS|SEKCAM|KASI|KASIE|MENGETAHUI|MENYETUJUI|DISETUJUI|DIBUAT\s+OLEH|DIPERIKSA|PETUGAS|PENANGGUNG\s*JAWAB|OPERATOR|TTD|NIP)\b/i,
  /^(A\.?\s?N\.?|PLT\.?|PLH\.?)\s/i,
  // "Bekasi, 12 Mei 2021" and "Pondok Gede, 12-05-2021"
  /^[A-Za-z .'-]+,\s*\d{1,2}[\s/-]+[A-Za-z0-9]+[\s/-]+\d{4}$/,
];

/** What stands beside a total: "245" or "245 USULAN". */
const COUNT = /^[\d.,\s]+(USULAN|ORANG|PELAKU\s+USAHA|UMKM|DATA|BARIS|KK)?$/i;

/** Every filled cell is footer text or a number, and at least one is footer text. */
export function looksLikeFooterLine(cells: readonly string[]): boolean {
  let footer = false;
  for (const raw of cells) {
    const cell = raw.trim();
    if (cell === '') continue;
    if (FOOTER_PATTERNS.some((p) => p.test(cell))) footer = true;
    else if (!COUNT.test(cell)) return false;
  }
  return footer;
}
