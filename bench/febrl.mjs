/**
 * FEBRL benchmark adapter: maps the FEBRL columns onto the matcher's field roles (soc_sec_id as
 * the id, given_name + surname as the name, street and suburb as the address, date_of_birth) with
 * the NIK rules left out, since FEBRL ids are 7-digit social security numbers.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { nameTokens } from '../dist/normalize/name.js';
import { addressTokens } from '../dist/normalize/address.js';

export const FEBRL_ROLES = {
  id: 'soc_sec_id',
  name: ['given_name', 'surname'],
  birth: 'date_of_birth',
  address: ['street_number', 'address_1', 'address_2'],
  area: 'postcode',
};

function birthOf(v) {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(v);
  return m ? { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) } : null;
}

/** Records with their entity (from rec_id) kept apart: the matcher never sees it. */
export function loadFebrl(path) {
  const rows = parse(readFileSync(path, 'utf8'), { columns: true, trim: true, skip_empty_lines: true });
  const records = [];
  const entity = [];
  rows.forEach((row, i) => {
    const name = FEBRL_ROLES.name.map((c) => row[c] ?? '').join(' ');
    records.push({
      ref: { file: 0, line: i + 2 },
      id: row[FEBRL_ROLES.id] ?? '',
      kk: '',
      name: nameTokens(name),
      display: name,
      birth: birthOf(row[FEBRL_ROLES.birth] ?? ''),
      phone: '',
      address: addressTokens(FEBRL_ROLES.address.map((c) => row[c] ?? '').join(' ')),
      area: row[FEBRL_ROLES.area] ?? '',
      valid: true,
    });
    entity.push(/^rec-(\d+)-/.exec(row.rec_id)[1]);
  });
  return { records, entity };
}
