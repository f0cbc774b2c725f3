/** The rows of each output CSV, built from outcomes. Pure: the writer only stringifies them. */
import type { Lang } from '../i18n/messages.js';
import { reasonText } from '../i18n/reasons.js';
import { normalizeNik } from '../normalize/nik.js';
import { parseDateCell, sameDay } from '../normalize/date-cell.js';
import { formatDate } from '../normalize/nik-birth.js';
import { parseSex } from '../normalize/sex.js';
import type { Field } from '../schema/fields.js';
import type { TemplateColumn } from '../schema/template.js';
import type { RatedFinding } from '../rules/types.js';
import type { RowOutcome } from '../outcome/row-outcome.js';

export const AUDIT_HEADER = ['source_file', 'source_line', 'disposition', 'reason_codes', 'warnings', 'nik', 'duplicate_of'];
/**
 * Beyond the SPEC's seven, at the end and with --region only (a run without one writes the same
 * file as before): the KECAMATAN and KELURAHAN cells as typed where submission.csv writes the
 * official name instead. Scripts that read the first seven columns read them unchanged.
 */
export const AUDIT_PLACE = ['kecamatan_typed', 'kelurahan_typed'];
export const REJECTED_META = ['source_file', 'source_line', 'reason_codes', 'reasons', 'duplicate_of'];
/** match_nik and decision go beyond the SPEC's list: the review round trip is keyed by NIK pair. */
export const REVIEW_META = ['source_file', 'source_line', 'reason_codes', 'reasons', 'match_with', 'match_score', 'match_nik', 'decision'];

/** Where each input's columns land in the union of original columns of rejected.csv / review.csv. */
export interface ColumnUnion {
  readonly headers: string[];
  /** Per input: union position of each of its columns. */
  readonly positions: number[][];
}

/**
 * Columns of all inputs in order of first appearance. A column mapped to a known field joins the
 * other inputs' column for that field under the first header seen ("NIK" takes "No. KTP"), so a
 * kecamatan gets one NIK column back; other columns join by header name. Unnamed or repeated
 * headers and cells beyond the header (ragged rows) get "KOLOM_<n>" by their position.
 */
export function unionColumns(
  inputs: readonly { headerCells: readonly string[]; width: number; columns: Partial<Record<Field, number>> }[],
  reserved: readonly string[],
): ColumnUnion {
  const headers: string[] = [];
  const byKey = new Map<string, number>();
  const positions = inputs.map(({ headerCells, width, columns }) => {
    const fieldAt = new Map<number, Field>();
    for (const [field, col] of Object.entries(columns)) fieldAt.set(col, field as Field);
    const seen = new Set<string>();
    const pos: number[] = [];
    for (let i = 0; i < Math.max(width, headerCells.length); i++) {
      let name = (headerCells[i] ?? '').trim().replace(/\s+/g, ' ');
      if (name === '' || seen.has(name)) name = `KOLOM_${i + 1}`;
      if (reserved.includes(name)) name = `${name} (asli)`;
      seen.add(name);
      const field = fieldAt.get(i);
      const key = field ? `field:${field}` : `name:${name}`;
      let at = byKey.get(key);
      if (at === undefined) {
        at = headers.length;
        headers.push(name);
        byKey.set(key, at);
      }
      pos.push(at);
    }
    return pos;
  });
  return { headers, positions };
}

function codes(findings: readonly RatedFinding[], warnings: boolean): string {
  if (findings.length === 0) return '';
  const out: string[] = [];
  for (const f of findings) if ((f.severity === 'warn') === warnings && !out.includes(f.code)) out.push(f.code);
  return out.join(';');
}

function reasons(findings: readonly RatedFinding[], lang: Lang): string {
  return findings.map((f) => reasonText(lang, f.code, f.params)).join('; ');
}

/** The NIK as written to audit.csv: its 16 digits when well formed, else the cell as typed. */
export function auditNik(o: RowOutcome): string {
  const nik = o.row.nik;
  if (!nik) return '';
  return nik.wellFormed ? nik.digits : nik.raw;
}

export function auditHeader(officialNames: boolean): string[] {
  return officialNames ? [...AUDIT_HEADER, ...AUDIT_PLACE] : AUDIT_HEADER;
}

/** The cell as typed (cleaned) where the submission writes another name; '' where it writes this one, or nothing. */
function typedWhereRenamed(o: RowOutcome, field: 'kecamatan' | 'kelurahan'): string {
  const typed = o.row.values[field];
  return o.place && o.disposition === 'accepted' && o.place[field] !== typed ? typed : '';
}

export function auditRow(o: RowOutcome, officialNames = false): string[] {
  const row = [o.sourceFile, String(o.sourceLine), o.disposition, codes(o.findings, false), codes(o.findings, true), auditNik(o), o.duplicateOf];
  if (officialNames) row.push(typedWhereRenamed(o, 'kecamatan'), typedWhereRenamed(o, 'kelurahan'));
  return row;
}

function originalCells(o: RowOutcome, union: ColumnUnion): string[] {
  const out = new Array<string>(union.headers.length).fill('');
  const pos = union.positions[o.fileIndex] ?? [];
  o.cells.forEach((cell, i) => {
    const at = pos[i];
    if (at !== undefined) out[at] = cell;
  });
  return out;
}

export function rejectedRow(o: RowOutcome, union: ColumnUnion, lang: Lang): string[] {
  return [
    o.sourceFile,
    String(o.sourceLine),
    codes(o.findings, false),
    reasons(o.findings, lang),
    o.duplicateOf,
    ...originalCells(o, union),
  ];
}

export function reviewRow(o: RowOutcome, union: ColumnUnion, lang: Lang): string[] {
  return [
    o.sourceFile,
    String(o.sourceLine),
    codes(o.findings, false),
    reasons(o.findings, lang),
    o.matchWith,
    o.matchScore,
    o.matchNik,
    '',
    ...originalCells(o, union),
  ];
}

export function submissionValue(o: RowOutcome, field: Field): string {
  const row = o.row;
  if (field === 'nik') return row.nik?.digits ?? '';
  // A phone the config lets through unchecked (PHONE_INVALID: warn/off) goes out as typed.
  if (field === 'no_hp') return row.phone ? row.phone.normalized || row.values.no_hp : '';
  if (field === 'jenis_kelamin') return parseSex(row.values.jenis_kelamin) ?? row.values.jenis_kelamin;
  if (field === 'tanggal_lahir') return resolveBirthDate(o);
  if (field === 'kecamatan' || field === 'kelurahan') return o.place ? o.place[field] : row.values[field];
  if (field === 'no_kk') {
    const kk = row.values.no_kk;
    return kk === '' ? '' : normalizeNik(kk).digits;
  }
  return row.values[field];
}

/**
 * TANGGAL LAHIR as DD-MM-YYYY, the way Indonesian forms write it. Of an ambiguous cell's readings
 * the one the NIK agrees with wins, else day-first; a cell that is no date goes out as typed.
 */
export function resolveBirthDate(o: RowOutcome): string {
  const cell = o.row.values.tanggal_lahir;
  const readings = parseDateCell(cell);
  const birth = o.row.birth;
  const chosen = (birth && readings.find((r) => sameDay(r, birth.day, birth.month, birth.year))) || readings[0];
  if (!chosen) return cell;
  const year = chosen.twoDigitYear ? (birth && birth.year % 100 === chosen.year ? birth.year : null) : chosen.year;
  return year === null ? cell : formatDate(chosen.day, chosen.month, year);
}

export function submissionRow(o: RowOutcome, template: readonly TemplateColumn[]): string[] {
  return template.map((t) => submissionValue(o, t.field));
}
