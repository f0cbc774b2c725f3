/** The SPEC's stable reason codes and the disposition each one leads to by default. */

export type Severity = 'reject' | 'review' | 'warn';
/** What a config may set a rule's severity to. */
export type ConfiguredSeverity = 'reject' | 'warn' | 'off';

export const REASON_CODES = [
  'MISSING_NIK',
  'MISSING_NO_KK',
  'MISSING_NAMA',
  'MISSING_ALAMAT',
  'MISSING_RT',
  'MISSING_RW',
  'MISSING_KELURAHAN',
  'MISSING_KECAMATAN',
  'MISSING_BIDANG_USAHA',
  'MISSING_NO_HP',
  'MISSING_JENIS_KELAMIN',
  'MISSING_TANGGAL_LAHIR',
  'NIK_EXCEL_MANGLED',
  'NIK_MALFORMED',
  'NIK_UNKNOWN_REGION',
  'NIK_BAD_BIRTHDATE',
  'UNDERAGE',
  'PHONE_INVALID',
  'NO_KK_MALFORMED',
  'ALREADY_RECEIVED',
  'EXCLUDED',
  'DUPLICATE_NIK',
  'DUPLICATE_CONFIRMED',
  'NIK_CONFLICT',
  'POSSIBLE_DUPLICATE',
  'NIK_OUTSIDE_REGION',
  'KECAMATAN_UNKNOWN',
  'NIK_SEX_MISMATCH',
  'NIK_BIRTHDATE_MISMATCH',
] as const;

export type ReasonCode = (typeof REASON_CODES)[number];

export const DEFAULT_SEVERITY: Record<ReasonCode, Severity> = {
  MISSING_NIK: 'reject',
  MISSING_NO_KK: 'reject',
  MISSING_NAMA: 'reject',
  MISSING_ALAMAT: 'reject',
  MISSING_RT: 'reject',
  MISSING_RW: 'reject',
  MISSING_KELURAHAN: 'reject',
  MISSING_KECAMATAN: 'reject',
  MISSING_BIDANG_USAHA: 'reject',
  MISSING_NO_HP: 'reject',
  MISSING_JENIS_KELAMIN: 'reject',
  MISSING_TANGGAL_LAHIR: 'reject',
  NIK_EXCEL_MANGLED: 'reject',
  NIK_MALFORMED: 'reject',
  NIK_UNKNOWN_REGION: 'reject',
  NIK_BAD_BIRTHDATE: 'reject',
  UNDERAGE: 'reject',
  PHONE_INVALID: 'reject',
  NO_KK_MALFORMED: 'reject',
  ALREADY_RECEIVED: 'reject',
  EXCLUDED: 'reject',
  DUPLICATE_NIK: 'reject',
  DUPLICATE_CONFIRMED: 'reject',
  NIK_CONFLICT: 'review',
  POSSIBLE_DUPLICATE: 'review',
  NIK_OUTSIDE_REGION: 'warn',
  KECAMATAN_UNKNOWN: 'warn',
  NIK_SEX_MISMATCH: 'warn',
  NIK_BIRTHDATE_MISMATCH: 'warn',
};

/** Decided by the batch, not by one row: a config cannot turn them into warnings. */
export const BATCH_CODES: ReadonlySet<ReasonCode> = new Set([
  'DUPLICATE_NIK',
  'DUPLICATE_CONFIRMED',
  'NIK_CONFLICT',
  'POSSIBLE_DUPLICATE',
]);

export function isReasonCode(s: string): s is ReasonCode {
  return (REASON_CODES as readonly string[]).includes(s);
}
