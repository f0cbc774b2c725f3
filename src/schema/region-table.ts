/** The proposing region (--region) and its kecamatan, from the Kemendagri table (idn-area-data). */

export interface District {
  /** Dotted Kemendagri code, 32.75.08 */
  readonly code: string;
  readonly name: string;
}

export interface RegionTable {
  /** Dotted regency code, 32.75 */
  readonly code: string;
  /** The four digits a NIK starts with, 3275 */
  readonly digits: string;
  readonly name: string;
  /** Folded kecamatan name -> district. */
  readonly districts: ReadonlyMap<string, District>;
}

/**
 * The table writes Pondokgede, people write "Pondok Gede", "KEC. PONDOK GEDE" or "Kecamatan
 * Pondok-Gede": compare upper-case letters and digits with the prefix dropped.
 */
export function foldKecamatan(name: string): string {
  // A batch names a few dozen kecamatan over and over: fold each spelling once.
  let folded = folds.get(name);
  if (folded === undefined) {
    folded = name
      .toUpperCase()
      .replace(/^\s*(KECAMATAN|KEC)\b\.?/, '')
      .replace(/[^A-Z0-9]/g, '');
    if (folds.size >= 10_000) folds.clear();
    folds.set(name, folded);
  }
  return folded;
}

const folds = new Map<string, string>();

/** Accepts 32.75 or 3275; returns the dotted form, or null. */
export function parseRegionCode(value: string): string | null {
  const m = /^\s*(\d{2})\.?(\d{2})\s*$/.exec(value);
  return m ? `${m[1]}.${m[2]}` : null;
}

export function buildRegionTable(
  code: string,
  name: string,
  districts: readonly District[],
): RegionTable {
  const map = new Map<string, District>();
  for (const d of districts) map.set(foldKecamatan(d.name), d);
  return { code, digits: code.replace('.', ''), name, districts: map };
}
