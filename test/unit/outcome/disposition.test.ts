import { describe, expect, it } from 'vitest';
import { decideDisposition } from '../../../src/outcome/disposition.js';
import type { RatedFinding } from '../../../src/rules/types.js';

const f = (code: RatedFinding['code'], severity: RatedFinding['severity']): RatedFinding => ({ code, severity, params: {} });

describe('disposition', () => {
  it('rejects on any rejecting finding, whatever else the row holds', () => {
    expect(decideDisposition([f('POSSIBLE_DUPLICATE', 'review'), f('PHONE_INVALID', 'reject')])).toBe('rejected');
  });

  it('holds for review on a reviewing finding without a rejecting one', () => {
    expect(decideDisposition([f('NIK_OUTSIDE_REGION', 'warn'), f('NIK_CONFLICT', 'review')])).toBe('review');
  });

  it('accepts a row with warnings only, or none', () => {
    expect(decideDisposition([f('KECAMATAN_UNKNOWN', 'warn')])).toBe('accepted');
    expect(decideDisposition([])).toBe('accepted');
  });
});
