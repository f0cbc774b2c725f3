import { describe, expect, it } from 'vitest';
import { phoneInvalid } from '../../../src/rules/phone-invalid.js';
import { BASE, ctx, row } from '../../helpers/rows.js';

describe('phone-invalid', () => {
  it.each(['081234567801', '81234567801', '+62 812-3456-7801', '62812 3456 7801', '(0812) 3456.7801', "'081234567801"])(
    'accepts %j',
    (no_hp) => {
      expect(phoneInvalid.check(row({ ...BASE, no_hp }), ctx())).toEqual([]);
    },
  );

  it.each(['021-8850 123', '0812345', '08123456789012345', '0801234567', 'ADA'])('reports %j', (no_hp) => {
    expect(phoneInvalid.check(row({ ...BASE, no_hp }), ctx())).toEqual([
      { code: 'PHONE_INVALID', field: 'no_hp', params: { value: no_hp } },
    ]);
  });

  it('leaves an empty phone to required-fields', () => {
    expect(phoneInvalid.check(row({ ...BASE, no_hp: 'TIDAK ADA' }), ctx())).toEqual([]);
  });
});
