/** The proposing region (--region), its kecamatan and their kelurahan, from the Kemendagri table (idn-area-data). */

export interface District {
  /** Dotted Kemendagri code, 32.75.08 */
  readonly code: string;
  readonly name: string;
}

export interface Village {
  /** Dotted code of its kecamatan, 32.75.08 */
  readonly districtCode: string;
  readonly name: string;
}

/** KECAMATAN and KELURAHAN as submission.csv writes them. */
export interface PlaceNames {
  readonly kecamatan: string;
  readonly kelurahan: string;
}

export interface OfficialDistrict {
  readonly kecamatan: string;
  /**
   * Folded kelurahan name -> both names written, or null where two villages of the kecamatan fold
   * alike under different names (Lubuk Pakam I II and Lubuk Pakam III): no guess between them.
   */
  readonly kelurahan: ReadonlyMap<string, PlaceNames | null>;
}

export interface RegionTable {
  /** Dotted regency code, 32.75 */
  readonly code: string;
  /** The four digits a NIK starts with, 3275 */
  readonly digits: string;
  readonly name: string;
  /** Folded kecamatan name -> district. */
  readonly districts: ReadonlyMap<string, District>;
  /** Per district code: its names as the submission writes them (officialPlace). */
  readonly official: ReadonlyMap<string, OfficialDistrict>;
}

/** A batch names a few dozen places over and over: each spelling is folded once. */
function folder(prefix: RegExp): (name: string) => string {
  const folds = new Map<string, string>();
  return (name) => {
    let folded = folds.get(name);
    if (folded === undefined) {
      folded = name.toUpperCase().replace(prefix, '').replace(/[^A-Z0-9]/g, '');
      if (folds.size >= 10_000) folds.clear();
      folds.set(name, folded);
    }
    return folded;
  };
}

/**
 * The table writes Pondokgede, people write "Pondok Gede", "KEC. PONDOK GEDE" or "Kecamatan
 * Pondok-Gede": compare upper-case letters and digits with the prefix dropped.
 */
export const foldKecamatan = folder(/^\s*(KECAMATAN|KEC)\b\.?/);

/** Kelurahan the same way: "KEL. JATI BENING", "Desa Sukamaju". */
export const foldKelurahan = folder(/^\s*(KELURAHAN|KEL|DESA|DS)\b\.?/);

/** Accepts 32.75 or 3275; returns the dotted form, or null. */
export function parseRegionCode(value: string): string | null {
  const m = /^\s*(\d{2})\.?(\d{2})\s*$/.exec(value);
  return m ? `${m[1]}.${m[2]}` : null;
}

/**
 * A place name as the submission writes it: the Kemendagri spelling (Pondokgede, Medansatria: no
 * space added, none taken out) in upper case, as a KTP prints it and as the other values go.
 */
function written(name: string): string {
  return name.toUpperCase();
}

export function buildRegionTable(
  code: string,
  name: string,
  districts: readonly District[],
  villages: readonly Village[] = [],
): RegionTable {
  const map = new Map<string, District>();
  const official = new Map<string, { kecamatan: string; kelurahan: Map<string, PlaceNames | null> }>();
  for (const d of districts) {
    map.set(foldKecamatan(d.name), d);
    official.set(d.code, { kecamatan: written(d.name), kelurahan: new Map() });
  }
  for (const v of villages) {
    const district = official.get(v.districtCode);
    if (!district) continue;
    const key = foldKelurahan(v.name);
    const kelurahan = written(v.name);
    const seen = district.kelurahan.get(key);
    // Two villages of one name in one kecamatan (the table has a few) still write one name.
    if (seen === undefined) district.kelurahan.set(key, { kecamatan: district.kecamatan, kelurahan });
    else if (seen !== null && seen.kelurahan !== kelurahan) district.kelurahan.set(key, null);
  }
  return { code, digits: code.replace('.', ''), name, districts: map, official };
}

/**
 * The official names of a row's kecamatan and kelurahan, given the cells as cleaned: one lookup
 * per name in maps built once. null when the kecamatan is empty or none of the region's: the
 * row's place is not known and both go out as typed. A kelurahan is looked up among its own
 * kecamatan's villages only, so a name two kecamatan share is never a guess; one that is none of
 * them (or empty) goes out as typed beside the official kecamatan.
 */
export function officialPlace(region: RegionTable, kecamatan: string, kelurahan: string): PlaceNames | null {
  if (kecamatan === '') return null;
  const district = region.districts.get(foldKecamatan(kecamatan));
  const official = district && region.official.get(district.code);
  if (!official) return null;
  return (kelurahan === '' ? null : official.kelurahan.get(foldKelurahan(kelurahan))) ?? { kecamatan: official.kecamatan, kelurahan };
}
