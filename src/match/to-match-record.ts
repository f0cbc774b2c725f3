/** A prepared row in the matcher's roles: the NIK as id, TANGGAL LAHIR (or the NIK's date) as birth. */
import { addressTokens } from '../normalize/address.js';
import { parseDateCell, sameDay } from '../normalize/date-cell.js';
import { nameTokens } from '../normalize/name.js';
import { normalizeNik } from '../normalize/nik.js';
import type { PreparedRow } from '../schema/row.js';
import type { Field } from '../schema/fields.js';
import type { BirthDate, MatchRecord } from './match-record.js';
import type { RowRef } from './row-ref.js';

/**
 * The birth date the row states: its TANGGAL LAHIR cell when readable (the reading the NIK agrees
 * with, else day-first), else the NIK's own. A two-digit year takes the NIK's century when the NIK
 * agrees with it; when it does not (the NIK column may hold a family card, whose date is the
 * card's), the century that makes the proposer an adult: 19xx, or 200x.
 */
export function statedBirth(row: PreparedRow): BirthDate | null {
  const readings = parseDateCell(row.values.tanggal_lahir);
  const nik = row.birth;
  const chosen = (nik && readings.find((r) => sameDay(r, nik.day, nik.month, nik.year))) || readings[0];
  if (!chosen) return nik ? { day: nik.day, month: nik.month, year: nik.year } : null;
  if (!chosen.twoDigitYear) return { day: chosen.day, month: chosen.month, year: chosen.year };
  const year = nik && nik.year % 100 === chosen.year ? nik.year : chosen.year + (chosen.year <= 9 ? 2000 : 1900);
  return { day: chosen.day, month: chosen.month, year };
}

/** No. KK as 16 digits, '' when none or malformed. */
export function kkDigits(noKk: string): string {
  const kk = noKk === '' ? null : normalizeNik(noKk);
  return kk?.wellFormed ? kk.digits : '';
}

/** ALAMAT with RT and RW, as address tokens. */
export function addressOf(values: Readonly<Record<Field, string>>): string[] {
  return addressTokens([values.alamat, values.rt ? `RT ${values.rt}` : '', values.rw ? `RW ${values.rw}` : ''].join(' '));
}

/** The kelurahan folded to letters and digits. */
export function areaOf(kelurahan: string): string {
  return kelurahan.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

export function toMatchRecord(row: PreparedRow, ref: RowRef, valid = true): MatchRecord {
  const v = row.values;
  return {
    ref,
    id: row.nik?.wellFormed ? row.nik.digits : '',
    kk: kkDigits(v.no_kk),
    name: nameTokens(v.nama),
    display: v.nama,
    birth: statedBirth(row),
    phone: row.phone?.valid ? row.phone.normalized : '',
    address: addressOf(v),
    area: areaOf(v.kelurahan),
    valid,
  };
}
