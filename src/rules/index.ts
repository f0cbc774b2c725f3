/** The ordered rule registry: findings come out in this order, so reasons read the same every run. */
import { alreadyReceived } from './already-received.js';
import type { ConfiguredSeverity, ReasonCode, Severity } from '../schema/codes.js';
import { DEFAULT_SEVERITY } from '../schema/codes.js';
import { excluded } from './excluded.js';
import { kecamatanUnknown } from './kecamatan-unknown.js';
import { nikBadBirthdate } from './nik-bad-birthdate.js';
import { nikBirthdateMismatch } from './nik-birthdate-mismatch.js';
import { nikOutsideRegion } from './nik-outside-region.js';
import { nikSexMismatch } from './nik-sex-mismatch.js';
import { nikUnknownRegion } from './nik-unknown-region.js';
import { underage } from './underage.js';
import { nikExcelMangled } from './nik-excel-mangled.js';
import { nikMalformed } from './nik-malformed.js';
import { noKkMalformed } from './no-kk-malformed.js';
import { phoneInvalid } from './phone-invalid.js';
import { requiredFields } from './required-fields.js';
import type { PreparedRow } from '../schema/row.js';
import type { RatedFinding, Rule, RuleContext } from './types.js';

export const RULES: readonly Rule[] = [
  requiredFields,
  nikExcelMangled,
  nikMalformed,
  nikUnknownRegion,
  nikBadBirthdate,
  underage,
  noKkMalformed,
  phoneInvalid,
  alreadyReceived,
  excluded,
  nikOutsideRegion,
  kecamatanUnknown,
  nikSexMismatch,
  nikBirthdateMismatch,
];

export type SeverityOverrides = Partial<Record<ReasonCode, ConfiguredSeverity>>;

export function effectiveSeverity(code: ReasonCode, overrides: SeverityOverrides): Severity | null {
  const o = overrides[code];
  if (o === 'off') return null;
  return o ?? DEFAULT_SEVERITY[code];
}

/** Runs every rule on one row; a rule switched off in the config yields nothing. */
export function evaluateRow(
  row: PreparedRow,
  ctx: RuleContext,
  overrides: SeverityOverrides,
  rules: readonly Rule[] = RULES,
): RatedFinding[] {
  const out: RatedFinding[] = [];
  for (const rule of rules) {
    for (const f of rule.check(row, ctx)) {
      const severity = effectiveSeverity(f.code, overrides);
      if (severity) out.push({ ...f, severity });
    }
  }
  return out;
}
