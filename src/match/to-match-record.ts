/** A prepared row in the matcher's roles: the NIK as id, TANGGAL LAHIR (or the NIK's date) as birth. */
import { addressTokens } from '../normalize/address.js';
import { parseDateCell, sameDay } from '../normalize/date-cell.js';
import { nameTokens } from '../normalize/name.js';
import { normalizeNik } from '../normalize/nik.js';
import type { PreparedRow } from '../rules/types.js';
import type { BirthDate, MatchRecord } from './match-record.js';
import type { RowRef } from './nik-groups.js';

/**
 * The birth date the row states: its TANGGAL LAHIR cell when readable (the reading the NIK agrees
 * with, else day-first), else the NIK's own. A two-digit year takes the NIK's century.
 */
function statedBirth(row: PreparedRow): BirthDate | null {
  const readings = parseDateCell(row.values.tanggal_lahir);
  const nik = row.birth;
  const chosen = (nik && readings.find((r) => sameDay(r, nik.day, nik.month, nik.year))) || readings[0];
  if (chosen && !chosen.twoDigitYear) return { day: chosen.day, month: chosen.month, year: chosen.year };
  return nik ? { day: nik.day, month: nik.month, year: nik.year } : null;
}

export function toMatchRecord(row: PreparedRow, ref: RowRef, valid = true): MatchRecord {
  const v = row.values;
  const kk = v.no_kk === '' ? null : normalizeNik(v.no_kk);
  const address = [v.alamat, v.rt ? `RT ${v.rt}` : '', v.rw ? `RW ${v.rw}` : ''].join(' ');
  return {
    ref,
    id: row.nik?.wellFormed ? row.nik.digits : '',
    kk: kk?.wellFormed ? kk.digits : '',
    name: nameTokens(v.nama),
    display: v.nama,
    birth: statedBirth(row),
    phone: row.phone?.valid ? row.phone.normalized : '',
    address: addressTokens(address),
    area: v.kelurahan.toUpperCase().replace(/[^A-Z0-9]/g, ''),
    valid,
  };
}
